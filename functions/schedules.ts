// The schedule manifest: the one list of scheduled jobs. CDK makes one function,
// one EventBridge Scheduler schedule (in the configured time zone) and one
// dead-letter queue per row; the local stack runs the same rows in-process with
// croner, and `npm run job -- <name>` runs one of them once. A job added here
// runs on both targets, or on neither.
//
// This module is read by CDK and by infra/local only; job modules import its
// types (erased at build time), never the other way round.
import type { AppConfig } from '#config/schema';
import type { Deps } from '#shared/deps';

/** What one run of a job is asked to do. Every field is optional: the scheduler passes `now` and `scheduledTime`. */
export interface JobOptions {
  /** The clock for this run (defaults to the deps' clock). */
  now?: Date;
  /** daily-summary: the local day (YYYY-MM-DD) to summarize instead of the previous one. */
  date?: string;
  /** Send again even what the sent-markers say was sent. */
  force?: boolean;
  /** Render and count, send nothing, set no markers. */
  dryRun?: boolean;
  /** Where a dry run writes the rendered emails. */
  outboxDir?: string;
  /** EventBridge Scheduler's `<aws.scheduler.scheduled-time>` (or the local scheduler's trigger time), RFC 3339. */
  scheduledTime?: string;
}

/** One run's outcome, printed as one JSON line (locally) or logged (Lambda). */
export type JobResult = { job: string; sent: number; skipped: number; failed: number } & Record<
  string,
  unknown
>;

/** What each `functions/jobs/<name>.ts` exports besides `handler` (the Lambda entry). */
export type RunJob = (deps: Deps, options: JobOptions) => Promise<JobResult>;

/** The input EventBridge Scheduler sends the function (see infra/aws/constructs/scheduled-job.ts). */
export interface ScheduledEvent {
  scheduledTime?: string;
}

/** Flags of the local `job` command beyond the ones every job takes (`--now`, `--dry-run`). */
export type JobFlagName = 'date' | 'force';

export interface ScheduleDef {
  /** Lower-case slug: the job's name in the CLI, in logs and in CDK construct ids. */
  name: string;
  /** The job module, relative to the repository root; exports `run` and `handler`. */
  entry: string;
  description: string;
  /** A standard 5-field cron expression (minute hour day-of-month month day-of-week) in `timeZoneOf(config)`. */
  cron: (config: AppConfig) => string;
  /** The job-specific flags `npm run job -- <name>` accepts. */
  flags: readonly JobFlagName[];
  /** @default 300 (the Lambda timeout) */
  timeoutSeconds?: number;
  /** @default 512 */
  memoryMb?: number;
}

/** `HH:mm` → `m h * * *`. */
export const dailyAt = (hhmm: string): string => {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new Error(`Not a time of day (HH:mm): "${hhmm}"`);
  return `${Number(m[2])} ${Number(m[1])} * * *`;
};

/** Every `n` minutes from the top of the hour: `*\/n * * * *` (`* * * * *` for 1). */
export const everyMinutes = (n: number): string => {
  if (!Number.isInteger(n) || n < 1 || n > 59) throw new Error(`Not a minute interval (1..59): ${n}`);
  return n === 1 ? '* * * * *' : `*/${n} * * * *`;
};

export const schedules = [
  {
    name: 'daily-summary',
    entry: 'functions/jobs/daily-summary.ts',
    description: 'Daily summary of the previous local day to leadership and each agency (docs/jobs.md)',
    cron: (config) => dailyAt(config.schedules.dailySummary.at),
    flags: ['date', 'force'],
  },
  {
    name: 'daily-summary-watchdog',
    entry: 'functions/jobs/daily-summary-watchdog.ts',
    description:
      'Fails (its Errors alarm notifies the operator) when the daily summary has not been sent by 09:00 local (docs/jobs.md)',
    // 09:00, or 2 h after the summary when that is later; never past 23:59, so both runs look at the same day.
    cron: (config) => {
      const [h, m] = config.schedules.dailySummary.at.split(':').map(Number) as [number, number];
      const at = Math.min(Math.max(9 * 60, h * 60 + m + 120), 23 * 60 + 59);
      return `${at % 60} ${Math.floor(at / 60)} * * *`;
    },
    flags: ['date'],
  },
  {
    name: 'case-notifications',
    entry: 'functions/jobs/case-notifications.ts',
    description:
      'Resends case notifications the stream missed (pending > 15 min) and nudges agencies 24 h before a deadline',
    cron: (config) => everyMinutes(config.schedules.caseNotifications.everyMinutes),
    flags: [],
  },
  {
    name: 'briefing-reminders',
    entry: 'functions/jobs/briefing-reminders.ts',
    description:
      'Materializes regular briefings; sends invitations, reminders (with .ics) and cancellations (docs/jobs.md)',
    cron: (config) => everyMinutes(config.schedules.briefingReminders.everyMinutes),
    flags: [],
  },
] as const satisfies readonly ScheduleDef[];

export type ScheduleName = (typeof schedules)[number]['name'];

export const findSchedule = (name: string): ScheduleDef | undefined => schedules.find((s) => s.name === name);

/** The IANA zone every schedule's cron is read in. */
export const timeZoneOf = (config: AppConfig): string => config.timeZone;

// ---------------------------------------------------------------------------
// 5-field cron → EventBridge Scheduler's 6-field `cron(...)`

const DOW_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
const FIELD = /^[0-9A-Za-z*?/,#LW-]+$/;

/** Standard day of week (0-7, 0 and 7 = Sunday, or a name) → EventBridge's (1-7, 1 = Sunday). */
const awsDow = (value: string, cron: string): number => {
  const named = DOW_NAMES.indexOf(value.toUpperCase() as (typeof DOW_NAMES)[number]);
  const n = named !== -1 ? named : /^\d$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 0 && n <= 7)) throw new Error(`Unsupported day of week "${value}" in cron "${cron}"`);
  return (n % 7) + 1;
};

const convertDowItem = (item: string, cron: string): string => {
  // `5#3` (third Friday) and `5L` (last Friday).
  const nth = /^(\w+)(#[1-5]|L)$/.exec(item);
  if (nth) return `${awsDow(nth[1]!, cron)}${nth[2]}`;
  const [range, step] = item.split('/') as [string, string | undefined];
  const suffix = step === undefined ? '' : `/${step}`;
  if (range === '*') return step === undefined ? '*' : `1/${step}`;
  const bounds = range.split('-');
  if (bounds.length === 1) return `${awsDow(bounds[0]!, cron)}${suffix}`;
  if (bounds.length !== 2) throw new Error(`Unsupported day of week "${item}" in cron "${cron}"`);
  const from = awsDow(bounds[0]!, cron);
  // `x-7` ends on Sunday: EventBridge's Sunday (1) comes first, so split the range.
  const to = bounds[1] === '7' || bounds[1]!.toUpperCase() === 'SUN' ? 8 : awsDow(bounds[1]!, cron);
  if (to < from) throw new Error(`Unsupported day-of-week range "${item}" in cron "${cron}"`);
  if (to === 8) {
    if (step !== undefined) throw new Error(`Unsupported day-of-week step "${item}" in cron "${cron}"`);
    return from === 8 ? '1' : `${from}-7,1`;
  }
  return `${from}-${to}${suffix}`;
};

/** `*\/n` → `start/n` (EventBridge spells an increment from the field's first value). */
const convertStep = (field: string, start: number): string =>
  field
    .split(',')
    .map((item) => (item.startsWith('*/') ? `${start}${item.slice(1)}` : item))
    .join(',');

/**
 * A standard 5-field cron expression → EventBridge's `cron(min hour dom month dow year)`.
 * EventBridge needs exactly one of day-of-month and day-of-week to be `?`; a
 * standard expression that restricts both (which means "either", in cron) has
 * no EventBridge equivalent and is refused.
 */
export const eventBridgeCron = (cron5: string): string => {
  const fields = cron5.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`Expected a 5-field cron expression, got "${cron5}"`);
  for (const f of fields) {
    if (!FIELD.test(f)) throw new Error(`Unsupported cron field "${f}" in "${cron5}"`);
  }
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  const domAny = dom === '*' || dom === '?';
  const dowAny = dow === '*' || dow === '?';
  if (!domAny && !dowAny) {
    throw new Error(
      `Cron "${cron5}" restricts both day of month and day of week; EventBridge Scheduler cannot express that`,
    );
  }
  const awsDom = domAny ? (dowAny ? '*' : '?') : convertStep(dom, 1);
  const awsDowField = dowAny
    ? '?'
    : dow
        .split(',')
        .map((item) => convertDowItem(item, cron5))
        .join(',');
  return `cron(${convertStep(minute, 0)} ${convertStep(hour, 0)} ${awsDom} ${convertStep(month, 1)} ${awsDowField} *)`;
};
