// The daily summary job (docs/jobs.md): at 07:00 local, the previous local day's
// summary to the leadership list and a digest to each agency that owes
// something. Safe to run any number of times: each email has a sent-marker.

import {
  AGENCY_DIGEST_MARKER_JOB,
  DAILY_SUMMARY_MARKER_JOB,
  dayNotEnded,
  summaryDayOf,
} from '#domain/summary-run';
import { runtimeMailingDeps } from '#functions/runtime-mailing-deps';
import type { JobOptions, JobResult, ScheduledEvent } from '#functions/schedules';
import { sendDailySummary } from '#service/daily-summary-emails';
import type { Deps } from '#shared/deps';
import { measuredRun } from '#shared/metrics';
import { logger } from '#shared/observability';

/** The job's name, which its summary emails' sent-markers carry too. */
export const JOB = DAILY_SUMMARY_MARKER_JOB;
/** Agency digests have their own markers: a digest and the summary never stand in for each other. */
export const DIGEST_JOB = AGENCY_DIGEST_MARKER_JOB;

export const run = async (deps: Deps, options: JobOptions = {}): Promise<JobResult> => {
  const now = options.now ?? deps.clock();
  const { config } = deps;
  // A retry of the 07:00 run keeps its scheduled time, so it summarizes the same day.
  const date = summaryDayOf(options, now, config.timeZone);
  // Only a day that has ended (shared/domain/summary-run.ts); only a manual run can ask for another.
  const refused = dayNotEnded(date, now, config.timeZone);
  if (refused) {
    const result = {
      job: JOB,
      date,
      sent: 0,
      skipped: 0,
      failed: 0,
      error: refused.error,
      message: refused.message,
    };
    logger.error('job refused: the day has not ended', { job: JOB, date, standing: refused.standing });
    return result;
  }
  const emails = await sendDailySummary(deps, date, {
    now,
    force: options.force ?? false,
    ...(options.dryRun ? { outboxDir: options.outboxDir ?? 'outbox' } : {}),
  });
  const result = { job: JOB, date, ...emails, dryRun: options.dryRun ?? false };
  logger.info('job finished', result);
  return result;
};

/**
 * A refused day (one that has not ended: only a manual invocation with a
 * future `scheduledTime` can ask for it) is returned as a result with `error`,
 * not thrown: a throw would make EventBridge Scheduler retry a request that can
 * only fail the same way and then dead-letter it. Nothing is sent or marked.
 */
export const handler = async (event: ScheduledEvent = {}): Promise<JobResult> => {
  const result = await measuredRun(
    JOB,
    () => run(runtimeMailingDeps(), event.scheduledTime ? { scheduledTime: event.scheduledTime } : {}),
    (r) => ({ emails: r }),
  );
  // A failed recipient makes the invocation fail, so the scheduler retries (sent ones are skipped).
  if (result.failed > 0) throw new Error(`${result.failed} email(s) failed; they will be retried`);
  return result;
};
