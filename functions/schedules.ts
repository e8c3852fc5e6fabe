// The schedule manifest: the one list of scheduled jobs. CDK makes one function,
// one EventBridge Scheduler schedule (in the configured time zone) and one
// dead-letter queue per row; the local stack runs the same rows in-process
// (infra/local/scheduler.ts), and `npm run job -- <name>` runs one of them once. A job added here
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
  /**
   * daily-summary: the local day (YYYY-MM-DD) to summarize instead of the previous one.
   * periodic-summary: a day inside the week or month to report (with `period`).
   */
  date?: string;
  /** periodic-summary: report this kind of period now (default: the last complete one) instead of the periods ending today. */
  period?: 'week' | 'month';
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
export type JobFlagName = 'date' | 'force' | 'period';

export interface ScheduleDef {
  /** Lower-case slug: the job's name in the CLI, in logs and in CDK construct ids. */
  name: string;
  /** The job module, relative to the repository root; exports `run` and `handler`. */
  entry: string;
  description: string;
  /** When it runs, read in `timeZoneOf(config)`. */
  schedule: (config: AppConfig) => Schedule;
  /** The job-specific flags `npm run job -- <name>` accepts. */
  flags: readonly JobFlagName[];
  /** @default 300 (the Lambda timeout) */
  timeoutSeconds?: number;
  /** @default 512 */
  memoryMb?: number;
}

/**
 * When a job runs, in `timeZoneOf(config)`: the only two shapes the jobs need.
 * `daily` is a local time of day (`HH:mm`); `everyMinutes` counts from the top
 * of each hour (`15` runs at :00, :15, :30, :45), as a cron `*\/15` does.
 */
export type Schedule = { readonly daily: string } | { readonly everyMinutes: number };

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The hour and minute of a `daily` schedule; throws for anything but `HH:mm`. */
export const timeOfDay = (hhmm: string): { hour: number; minute: number } => {
  const m = HHMM.exec(hhmm);
  if (!m) throw new Error(`Not a time of day (HH:mm): "${hhmm}"`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
};

/** The interval of an `everyMinutes` schedule; throws unless it is a whole number of minutes in 1..59. */
export const minuteInterval = (n: number): number => {
  if (!Number.isInteger(n) || n < 1 || n > 59) throw new Error(`Not a minute interval (1..59): ${n}`);
  return n;
};

/** `HH:mm` from minutes after midnight. */
const hhmmOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * EventBridge Scheduler's expression for a schedule (read in the schedule's
 * `ScheduleExpressionTimezone`): `{ daily: '07:00' }` → `cron(0 7 * * ? *)`,
 * `{ everyMinutes: 15 }` → `cron(0/15 * * * ? *)` (a cron, not `rate(...)`,
 * so runs fall on the quarter hours as they do locally).
 */
export const scheduleExpression = (schedule: Schedule): string => {
  if ('daily' in schedule) {
    const { hour, minute } = timeOfDay(schedule.daily);
    return `cron(${minute} ${hour} * * ? *)`;
  }
  const n = minuteInterval(schedule.everyMinutes);
  return n === 1 ? 'cron(* * * * ? *)' : `cron(0/${n} * * * ? *)`;
};

/** `daily at 07:00` / `every 15 minutes`: how the local stack and the alarms' text name a schedule. */
export const describeSchedule = (schedule: Schedule): string =>
  'daily' in schedule
    ? `daily at ${schedule.daily}`
    : `every ${schedule.everyMinutes === 1 ? 'minute' : `${schedule.everyMinutes} minutes`}`;

export const schedules = [
  {
    name: 'daily-summary',
    entry: 'functions/jobs/daily-summary.ts',
    description: 'Daily summary of the previous local day to leadership and each agency (docs/jobs.md)',
    schedule: (config) => ({ daily: config.schedules.dailySummary.at }),
    flags: ['date', 'force'],
  },
  {
    name: 'periodic-summary',
    entry: 'functions/jobs/periodic-summary.ts',
    description:
      'Weekly report on Mondays and monthly report on the 1st, to leadership, with a CSV of the cases (docs/jobs.md)',
    // One daily row: the run decides which periods ended the day before (Monday: the week; the 1st: the month).
    schedule: (config) => ({ daily: config.schedules.periodicSummary.at }),
    flags: ['period', 'date', 'force'],
  },
  {
    name: 'daily-summary-watchdog',
    entry: 'functions/jobs/daily-summary-watchdog.ts',
    description:
      'Fails (its Errors alarm notifies the operator) when the daily summary has not been sent by 09:00 local (docs/jobs.md)',
    // 09:00, or 2 h after the summary when that is later; never past 23:59, so both runs look at the same day.
    schedule: (config) => {
      const { hour, minute } = timeOfDay(config.schedules.dailySummary.at);
      return { daily: hhmmOf(Math.min(Math.max(9 * 60, hour * 60 + minute + 120), 23 * 60 + 59)) };
    },
    flags: ['date'],
  },
  {
    name: 'case-notifications',
    entry: 'functions/jobs/case-notifications.ts',
    description:
      'Resends case notifications the stream missed (pending > 15 min) and sends the deadline escalation ladder (docs/jobs.md)',
    schedule: (config) => ({ everyMinutes: config.schedules.caseNotifications.everyMinutes }),
    flags: [],
  },
  {
    name: 'briefing-reminders',
    entry: 'functions/jobs/briefing-reminders.ts',
    description:
      'Materializes regular briefings; sends invitations, reminders (with .ics) and cancellations (docs/jobs.md)',
    schedule: (config) => ({ everyMinutes: config.schedules.briefingReminders.everyMinutes }),
    flags: [],
  },
] as const satisfies readonly ScheduleDef[];

export type ScheduleName = (typeof schedules)[number]['name'];

export const findSchedule = (name: string): ScheduleDef | undefined => schedules.find((s) => s.name === name);

/** The IANA zone every schedule is read in. */
export const timeZoneOf = (config: AppConfig): string => config.timeZone;
