// The scheduled jobs the local `job` command can run once, by name. Empty for
// now: when functions/schedules.ts exists, each of its schedules gets an entry
// here that calls the same job code the deployed Lambda runs, with the flags
// the spec names (daily-summary: --date, --force, --dry-run; briefing-reminders:
// --now, --dry-run).
import type { Deps } from '../../shared/deps';

/** `--name value` and `--name=value` give strings, a bare `--name` gives true. Names as typed (`dry-run`). */
export type JobFlags = Record<string, string | boolean>;

export interface LocalJobArgs {
  flags: JobFlags;
  deps: Deps;
}

/** Runs the job once; the result (e.g. `{ sent, skipped }`) is printed as one JSON line after `"job"`. */
export type LocalJob = (args: LocalJobArgs) => Promise<Record<string, unknown>>;

export const localJobs: Record<string, LocalJob> = {};

/** Generic flags: the job validates its own. */
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
