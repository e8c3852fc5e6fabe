// The daily summary watchdog (docs/jobs.md, "Watchdog"): the daily summary not having run by
// 09:00 local is an alarm. Scheduled after the summary (functions/schedules.ts), it checks
// the summary's sent-markers for the day the summary covers, one per summary
// recipient the environment may mail. Its `handler` throws when any is missing,
// so the function's Errors alarm (`errors-job-daily-summary-watchdog`) is the
// "summary has not run" alarm. It reads only; it never sends or resends.
import { summaryDayOf } from '#domain/summary-run';
import { runtimeDeps } from '#functions/runtime-deps';
import type { JobOptions, JobResult, ScheduledEvent } from '#functions/schedules';
import { checkSummarySent, type SummaryCheck } from '#service/summary-watchdog';
import type { Deps } from '#shared/deps';
import { measuredRun } from '#shared/metrics';
import { logger } from '#shared/observability';

export type { MissingSummary } from '#service/summary-watchdog';

export const JOB = 'daily-summary-watchdog';

export type WatchdogResult = JobResult &
  SummaryCheck & {
    /** The local day the summary covers (the day before the run's scheduled time). */
    date: string;
  };

export const run = async (deps: Deps, options: JobOptions = {}): Promise<WatchdogResult> => {
  const now = options.now ?? deps.clock();
  // The same day the summary's run of this morning covered (a retry keeps its scheduled time).
  const date = summaryDayOf(options, now, deps.config.timeZone);
  const { expected, notAllowed, missing } = await checkSummarySent(deps, date);
  const result: WatchdogResult = {
    job: JOB,
    date,
    sent: 0,
    skipped: 0,
    failed: missing.length,
    expected,
    notAllowed,
    missing,
  };
  if (missing.length > 0) {
    logger.error(
      `daily summary not sent: ${missing.length} of ${expected} summary email(s) for ${date} missing`,
      result,
    );
  } else {
    logger.info(`daily summary sent: all ${expected} summary email(s) for ${date}`, result);
  }
  return result;
};

export const handler = async (event: ScheduledEvent = {}): Promise<WatchdogResult> => {
  // Plain deps, without an SES client: it never sends, and its role may not (functions/permissions.ts).
  const result = await measuredRun(
    JOB,
    () => run(runtimeDeps(), event.scheduledTime ? { scheduledTime: event.scheduledTime } : {}),
    (r) => ({ dailySummaryMissing: r.missing.length }),
  );
  // The failure is the alarm: errors-job-daily-summary-watchdog.
  if (result.failed > 0) {
    throw new Error(
      `The daily summary for ${result.date} was not sent to ${result.failed} of ${result.expected} summary recipient(s): ${result.missing
        .map((m) => `${m.recipient} (${m.marker})`)
        .join(', ')}`,
    );
  }
  return result;
};
