// The daily summary's emails (docs/jobs.md): the day's summary to each summary
// recipient and a digest to each address of each agency that owes something,
// each with its own sent-marker, so the job may run any number of times.
import { AGENCY_DIGEST_MARKER_JOB, DAILY_SUMMARY_MARKER_JOB } from '#domain/summary-run';
import { renderAgencyDigest } from '#mail/agency-digest-email';
import { renderDailySummary } from '#mail/daily-summary-email';
import { type Delivery, type DeliveryResult, deliver } from '#mail/deliver';
import type { Deps } from '#shared/deps';
import { gatherDaily } from './summary';

export interface DailySummaryEmails extends DeliveryResult {
  /** Reports of the day. */
  reports: number;
  agencyDigests: number;
}

/** Gathers `date` as of `now` and delivers its emails (`force`: resend; `outboxDir`: a dry run's folder). */
export const sendDailySummary = async (
  deps: Deps,
  date: string,
  o: { now: Date; force?: boolean; outboxDir?: string },
): Promise<DailySummaryEmails> => {
  const { config } = deps;
  const { summary, digests } = await gatherDaily(deps, date, o.now);
  const deliveries: Delivery[] = [
    ...config.summaryRecipients.map((r) => ({
      marker: { job: DAILY_SUMMARY_MARKER_JOB, period: date, recipient: r.email },
      render: () => renderDailySummary(summary, r.locale, config),
    })),
    ...digests.flatMap((digest) => {
      const agency = config.agencies.find((a) => a.id === digest.agencyId)!;
      return agency.emails.map((email) => ({
        marker: { job: AGENCY_DIGEST_MARKER_JOB, period: date, recipient: email },
        render: () => renderAgencyDigest(digest, agency.locale, config),
      }));
    }),
  ];
  const outcome = await deliver(deps, deliveries, o);
  return { ...outcome, reports: summary.reports.total, agencyDigests: digests.length };
};
