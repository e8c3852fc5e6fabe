// The weekly and monthly report's emails (docs/jobs.md, "periodic-summary"):
// the period's report to each summary recipient, each with its sent-marker
// (job `periodic-summary`, period `week:2026-W49` / `month:2026-11`), so the
// job may run any number of times, and two runs at once send it once.
import { markerPeriod, PERIODIC_SUMMARY_MARKER_JOB, type Period } from '#domain/periodic';
import { type DeliveryResult, deliver } from '#mail/deliver';
import { renderPeriodicSummary } from '#mail/periodic-summary-email';
import type { Deps } from '#shared/deps';
import { readDayAggregates, storedDayAggregates } from './day-aggregates';
import { gatherPeriodic } from './periodic-summary';

export interface PeriodicSummaryEmails extends DeliveryResult {
  period: string;
  reports: number;
  cases: number;
}

/** Gathers `period` as of `now` and delivers its report (`force`: resend; `outboxDir`: a dry run's folder). */
export const sendPeriodicSummary = async (
  deps: Deps,
  period: Period,
  o: { now: Date; force?: boolean; outboxDir?: string },
): Promise<PeriodicSummaryEmails> => {
  const { config } = deps;
  // A dry run writes nothing to the table, not even a rebuilt day; nor does a run as of a
  // later time (`--now`), whose "ended" days may not have ended yet.
  const readOnly = o.outboxDir !== undefined || o.now.getTime() > deps.clock().getTime();
  const summary = await gatherPeriodic(deps, period, {
    now: o.now,
    aggregatesOf: readOnly ? readDayAggregates : storedDayAggregates,
  });
  const outcome = await deliver(
    deps,
    config.summaryRecipients.map((r) => ({
      marker: { job: PERIODIC_SUMMARY_MARKER_JOB, period: markerPeriod(period), recipient: r.email },
      render: () => renderPeriodicSummary(summary, r.locale, config),
    })),
    o,
  );
  return {
    ...outcome,
    period: markerPeriod(period),
    reports: summary.reports.total,
    cases: summary.caseList.length,
  };
};
