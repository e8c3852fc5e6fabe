// The daily summary's emails (docs/jobs.md): the day's summary to each summary
// recipient and a digest to each address of each agency that owes something,
// each with its own sent-marker, so the job may run any number of times.
import { AGENCY_DIGEST_MARKER_JOB, DAILY_SUMMARY_MARKER_JOB } from '#domain/summary-run';
import { renderAgencyDigest } from '#mail/agency-digest-email';
import { renderDailySummary } from '#mail/daily-summary-email';
import { type Delivery, type DeliveryResult, deliver } from '#mail/deliver';
import type { Deps } from '#shared/deps';
import { putDayAggregate } from '#store/day-aggregates';
import { caseFileCounts } from '#store/file-counts';
import { readDayAggregates, storedDayAggregates } from './day-aggregates';
import { gatherDaily } from './summary';

export interface DailySummaryEmails extends DeliveryResult {
  /** Reports of the day. */
  reports: number;
  agencyDigests: number;
  /** The day's aggregate was stored (not on a dry run). */
  aggregateStored: boolean;
}

/**
 * Gathers `date` as of `now`, delivers its emails (`force`: resend;
 * `outboxDir`: a dry run's folder) and stores the day's aggregate, the baseline
 * of the days after (docs/jobs.md). The aggregate is written alongside the
 * delivery, not after it: a failed send does not lose it, and a failed write
 * fails the run once the emails are out (a rerun skips what was sent and writes
 * it again). This run's aggregate of its own day replaces any earlier one: it is
 * the freshest. A dry run writes nothing, rebuilt baseline days included.
 */
export const sendDailySummary = async (
  deps: Deps,
  date: string,
  o: { now: Date; force?: boolean; outboxDir?: string },
): Promise<DailySummaryEmails> => {
  const { config } = deps;
  const dryRun = o.outboxDir !== undefined;
  const { summary, digests, aggregate } = await gatherDaily(deps, date, o.now, {
    aggregatesOf: dryRun ? readDayAggregates : storedDayAggregates,
  });
  const stored: Promise<unknown> = dryRun
    ? Promise.resolve(false)
    : putDayAggregate(deps, aggregate, 'replace').catch((err: unknown) => err);
  // Each digest line names its case's files: two BatchGets for all the digests' cases.
  const digestFiles =
    digests.length > 0
      ? await caseFileCounts(deps, [
          ...new Set(
            digests.flatMap((d) => [...d.overdue, ...d.dueSoon, ...d.newlyAssigned].map((c) => c.id)),
          ),
        ])
      : new Map<string, number>();
  const deliveries: Delivery[] = [
    ...config.summaryRecipients.map((r) => ({
      marker: { job: DAILY_SUMMARY_MARKER_JOB, period: date, recipient: r.email },
      render: () => renderDailySummary(summary, r.locale, config),
    })),
    ...digests.flatMap((digest) => {
      const agency = config.agencies.find((a) => a.id === digest.agencyId)!;
      return agency.emails.map((email) => ({
        marker: { job: AGENCY_DIGEST_MARKER_JOB, period: date, recipient: email },
        render: () => renderAgencyDigest(digest, agency.locale, config, digestFiles),
      }));
    }),
  ];
  const outcome = await deliver(deps, deliveries, o).finally(() => stored);
  const aggregateStored = await stored;
  if (typeof aggregateStored !== 'boolean') throw aggregateStored;
  return {
    ...outcome,
    reports: summary.reports.total,
    agencyDigests: digests.length,
    aggregateStored: aggregateStored === true,
  };
};
