// The daily summary job (docs/jobs.md): at 07:00 local, the previous local day's
// summary to the leadership list and a digest to each agency that owes
// something. Safe to run any number of times: each email has a sent-marker.

import { dayStanding } from '#domain/time';
import type { JobOptions, JobResult, ScheduledEvent } from '#functions/schedules';
import type { Delivery } from '#mail/deliver';
import { deliver } from '#mail/deliver';
import { runtimeMailingDeps } from '#mail/deps';
import { renderAgencyDigest, renderDailySummary } from '#mail/summary-email';
import { gatherDaily, previousLocalDay } from '#service/summary';
import type { Deps } from '#shared/deps';
import { measuredRun } from '#shared/metrics';
import { logger } from '#shared/observability';

export const JOB = 'daily-summary';
/** Agency digests have their own markers: a digest and the summary never stand in for each other. */
export const DIGEST_JOB = 'agency-digest';

export const run = async (deps: Deps, options: JobOptions = {}): Promise<JobResult> => {
  const now = options.now ?? deps.clock();
  const { config } = deps;
  // A retry of the 07:00 run keeps its scheduled time, so it summarizes the same day.
  const date =
    options.date ??
    previousLocalDay(options.scheduledTime ? new Date(options.scheduledTime) : now, config.timeZone);
  // Only a day that has ended: a summary of today or a later day would go out
  // incomplete (or empty), and its sent-markers would hold back the real one.
  // `force` does not override this. A scheduled run always asks for the day
  // before its scheduled time, so only a manual run is refused.
  const standing = dayStanding(date, now, config.timeZone);
  if (standing !== 'past') {
    const result = {
      job: JOB,
      date,
      sent: 0,
      skipped: 0,
      failed: 0,
      error: 'day-not-ended',
      message:
        `${date} has not ended yet in ${config.timeZone} (it is ${standing === 'today' ? 'today' : 'in the future'} there); ` +
        'only a day that has ended can be summarized. Nothing was sent.',
    };
    logger.error('job refused: the day has not ended', { job: JOB, date, standing });
    return result;
  }
  const { summary, digests } = await gatherDaily(deps, date, now);

  const deliveries: Delivery[] = [
    ...config.summaryRecipients.map((r) => ({
      marker: { job: JOB, period: date, recipient: r.email },
      render: () => renderDailySummary(summary, r.locale, config),
    })),
    ...digests.flatMap((digest) => {
      const agency = config.agencies.find((a) => a.id === digest.agencyId)!;
      return agency.emails.map((email) => ({
        marker: { job: DIGEST_JOB, period: date, recipient: email },
        render: () => renderAgencyDigest(digest, agency.locale, config),
      }));
    }),
  ];
  const outcome = await deliver(deps, deliveries, {
    now,
    force: options.force ?? false,
    ...(options.dryRun ? { outboxDir: options.outboxDir ?? 'outbox' } : {}),
  });
  const result = {
    job: JOB,
    date,
    ...outcome,
    reports: summary.reports.total,
    agencyDigests: digests.length,
    dryRun: options.dryRun ?? false,
  };
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
