// The scheduled jobs of the local stack, built from the schedule manifest
// (functions/schedules.ts): the in-process scheduler and `npm run job -- <name>`
// use this one list, and each entry loads the same `run` the deployed Lambda
// calls. Also the `job` command's flags, turned into the job's options.
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type JobFlagName,
  type JobOptions,
  type RunJob,
  type ScheduleDef,
  schedules,
} from '#functions/schedules';
import { LocalStackError } from './ports';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export interface LocalJob {
  name: string;
  schedule: ScheduleDef;
  /** Imports the job module (once) and returns its `run`. */
  load(): Promise<RunJob>;
}

/** A job module that does not export `run(deps, options)` is a programming error: say which file. */
const loadRun = async (schedule: ScheduleDef): Promise<RunJob> => {
  const file = isAbsolute(schedule.entry) ? schedule.entry : resolve(PROJECT_ROOT, schedule.entry);
  const mod = (await import(pathToFileURL(file).href)) as { run?: unknown };
  if (typeof mod.run !== 'function') {
    throw new LocalStackError(
      `${schedule.entry} does not export run(deps, options) for the job "${schedule.name}".`,
    );
  }
  return mod.run as RunJob;
};

/** The local job for one schedule; the module is imported on first use. */
export const localJob = (schedule: ScheduleDef): LocalJob => {
  let loading: Promise<RunJob> | undefined;
  return {
    name: schedule.name,
    schedule,
    load: () => {
      loading ??= loadRun(schedule);
      // A failed import is not cached: the next call tries again.
      loading.catch(() => {
        loading = undefined;
      });
      return loading;
    },
  };
};

export const localJobs: Readonly<Record<string, LocalJob>> = Object.fromEntries(
  schedules.map((s) => [s.name, localJob(s)]),
);

// ---------------------------------------------------------------------------
// Flags of `npm run job -- <name>`

/** `--name value` and `--name=value` give strings, a bare `--name` gives true. Names as typed (`dry-run`). */
export type JobFlags = Record<string, string | boolean>;

/** Generic flags: jobOptionsFromFlags() validates them for the job. */
export const parseJobFlags = (args: readonly string[]): { flags: JobFlags; positionals: string[] } => {
  const flags: JobFlags = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') continue;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const body = arg.slice(2);
    const eq = body.indexOf('=');
    if (eq !== -1) {
      flags[body.slice(0, eq)] = body.slice(eq + 1);
      continue;
    }
    const next = args[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      flags[body] = next;
      i++;
    } else flags[body] = true;
  }
  return { flags, positionals };
};

/** A flag the job does not take, or a value it cannot use: the CLI exits 2 with this message. */
export class JobFlagError extends LocalStackError {
  constructor(message: string) {
    super(message);
    this.name = 'JobFlagError';
  }
}

/** Flags every job takes; the manifest row names the others. */
const COMMON_FLAGS = ['now', 'dry-run'] as const;

const FLAG_USAGE: Record<(typeof COMMON_FLAGS)[number] | JobFlagName, string> = {
  date: '--date YYYY-MM-DD',
  period: '--period week|month',
  force: '--force',
  now: '--now RFC3339',
  'dry-run': '--dry-run',
};

/** The flags `npm run job -- <name>` accepts for this job, as usage text. */
export const jobUsage = (schedule: ScheduleDef): string =>
  `${schedule.name} ${[...schedule.flags, ...COMMON_FLAGS].map((f) => `[${FLAG_USAGE[f]}]`).join(' ')}`;

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

const isCalendarDate = (value: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
};

const switchFlag = (flags: JobFlags, name: string): boolean | undefined => {
  const value = flags[name];
  if (value === undefined) return undefined;
  if (value !== true) throw new JobFlagError(`--${name} takes no value (got "${value}").`);
  return true;
};

const valueFlag = (flags: JobFlags, name: string, what: string): string | undefined => {
  const value = flags[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new JobFlagError(`--${name} needs a value: ${what}.`);
  return value;
};

/**
 * The job's options from its flags. Throws a JobFlagError for a flag the job does
 * not take or a value that is not what the flag needs. `--dry-run` writes the
 * rendered emails to `<dataDir>/outbox`.
 */
export const jobOptionsFromFlags = (
  schedule: ScheduleDef,
  flags: JobFlags,
  { dataDir }: { dataDir: string },
): JobOptions => {
  const allowed = new Set<string>([...schedule.flags, ...COMMON_FLAGS]);
  for (const name of Object.keys(flags)) {
    if (!allowed.has(name)) {
      throw new JobFlagError(`Unknown option --${name} for ${schedule.name}. Usage: ${jobUsage(schedule)}`);
    }
  }
  const options: JobOptions = {};

  const now = valueFlag(flags, 'now', 'an RFC 3339 time such as 2026-03-12T07:00:00+07:00');
  if (now !== undefined) {
    const at = new Date(now);
    if (!RFC3339.test(now) || Number.isNaN(at.getTime()) || !isCalendarDate(now.slice(0, 10))) {
      throw new JobFlagError(
        `--now must be an RFC 3339 time with an offset, such as 2026-03-12T07:00:00+07:00 (got "${now}").`,
      );
    }
    options.now = at;
  }

  const date = valueFlag(flags, 'date', 'a day as YYYY-MM-DD');
  if (date !== undefined) {
    if (!isCalendarDate(date)) throw new JobFlagError(`--date must be a day as YYYY-MM-DD (got "${date}").`);
    options.date = date;
  }

  const period = valueFlag(flags, 'period', 'week or month');
  if (period !== undefined) {
    if (period !== 'week' && period !== 'month') {
      throw new JobFlagError(`--period must be week or month (got "${period}").`);
    }
    options.period = period;
  }
  if (schedule.flags.includes('period') && options.date !== undefined && options.period === undefined) {
    throw new JobFlagError(
      `--date needs --period week|month for ${schedule.name} (the date is a day inside the period).`,
    );
  }

  if (switchFlag(flags, 'force')) options.force = true;
  if (switchFlag(flags, 'dry-run')) {
    options.dryRun = true;
    options.outboxDir = outboxDir(dataDir);
  }
  return options;
};

/** Where `--dry-run` puts the rendered emails. */
export const outboxDir = (dataDir: string): string => join(resolve(dataDir), 'outbox');
