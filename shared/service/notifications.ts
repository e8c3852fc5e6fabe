// Delivering case notifications: from an outbox item (the stream on AWS, the
// local stream reader, or the sweep); the deadline ladder is shared/service/escalation.ts. Every message goes through
// the sent-markers, so a notification delivered by two paths goes out once.

import type { CaseNotice } from '#domain/notifications';
import { caseTitleIsOthersReport } from '#domain/views';
import { CASE_STRINGS, type NoticeExtras, renderCaseNotice } from '#mail/case-email';
import { type Delivery, type DeliveryResult, deliver } from '#mail/deliver';
import type { Deps } from '#shared/deps';
import { moveMergedReports } from '#store/case-merge';
import { syncCaseRetention } from '#store/cases';
import { caseFileCounts, reportFileCounts } from '#store/file-counts';
import { getOutboxItem, markDelivered, type OutboxItem, pendingOutboxItems } from '#store/outbox';
import { type ClosureReport, getClosureReports, getReportsByIds, removeReporterEmail } from '#store/reports';
import { isMarkerSent, type MarkerId } from '#store/sent-markers';
import { deliverOutboxWebhooks } from './webhooks';

interface Recipient {
  email: string;
  locale: 'vi' | 'en';
  /** A reporter (case-closed): their reports on the case, to forget the address on once told. */
  reports?: ClosureReport[];
  /** A reporter (case-closed): the case title is another reporter's report title, so it is not shown. */
  hideTitle?: boolean;
}

export const agencyRecipients = (deps: Deps, agencyId: string | null): Recipient[] => {
  const agency = deps.config.agencies.find((a) => a.id === agencyId);
  return agency ? agency.emails.map((email) => ({ email, locale: agency.locale })) : [];
};

const normalizedAddress = (e: string) => e.trim().toLowerCase();

/**
 * Each distinct reporter address still held by the case's reports. A
 * reporter's address is removed once their closure email is sent, so a case
 * closed again after a reopen tells only reporters not told before (those
 * whose reports were linked since).
 */
const reporterRecipients = async (
  deps: Deps,
  notice: Extract<CaseNotice, { kind: 'case-closed' }>,
): Promise<Recipient[]> => {
  const reports = await getClosureReports(deps, notice.reportIds);
  const byAddress = new Map<string, ClosureReport[]>();
  for (const r of reports) {
    if (r.email === null) continue;
    const key = normalizedAddress(r.email);
    byAddress.set(key, [...(byAddress.get(key) ?? []), r]);
  }
  return [...byAddress].map(([email, theirs]) => {
    const subs = new Set(theirs.map((r) => r.submittedBy));
    const own = reports.filter((r) => subs.has(r.submittedBy));
    const others = reports.filter((r) => !own.includes(r));
    return {
      email,
      locale: deps.config.defaultLocale,
      reports: theirs,
      hideTitle: caseTitleIsOthersReport(
        notice.title,
        own.map((r) => r.title),
        others.map((r) => r.title),
      ),
    };
  });
};

/** Who hears of a notice. Reporters' addresses come from their reports and go nowhere else. */
export const recipientsFor = async (deps: Deps, notice: CaseNotice): Promise<Recipient[]> => {
  switch (notice.kind) {
    case 'case-assigned':
    case 'deadline-nudge':
      return agencyRecipients(deps, notice.agencyId);
    case 'case-responded':
      return deps.config.deskList;
    case 'case-closed':
      return reporterRecipients(deps, notice);
    case 'case-merged': {
      // Both agencies, each address once (the same agency on both cases hears once).
      const all = [
        ...agencyRecipients(deps, notice.agencyId),
        ...(notice.intoAgencyId === notice.agencyId ? [] : agencyRecipients(deps, notice.intoAgencyId)),
      ];
      return all.filter(
        (r, i) => all.findIndex((o) => normalizedAddress(o.email) === normalizedAddress(r.email)) === i,
      );
    }
  }
};

const empty = (): DeliveryResult => ({ sent: 0, skipped: 0, notAllowed: 0, failed: 0, written: 0 });
const add = (a: DeliveryResult, b: DeliveryResult): DeliveryResult => ({
  sent: a.sent + b.sent,
  skipped: a.skipped + b.skipped,
  notAllowed: a.notAllowed + b.notAllowed,
  failed: a.failed + b.failed,
  written: a.written + b.written,
});

/** The notice as one recipient reads it: a closure names the case, never another reporter's report. */
const noticeFor = (notice: CaseNotice, r: Recipient): CaseNotice =>
  r.hideTitle ? { ...notice, title: CASE_STRINGS[r.locale].closedUntitled } : notice;

/**
 * The files on the page the notice links (the case merged into, for a merge),
 * read at delivery so a file attached just before or after the action counts.
 * A closure's count is per reporter (deliverOutboxItem).
 */
const linkedCaseFiles = async (deps: Deps, notice: CaseNotice): Promise<number> => {
  if (notice.kind === 'case-closed') return 0;
  const caseId = notice.kind === 'case-merged' ? notice.intoCaseId : notice.caseId;
  return (await caseFileCounts(deps, [caseId])).get(caseId) ?? 0;
};

/**
 * What an email adds to its notice, read at delivery: an assignment lists the
 * source links of the case's reports (the notice holds their ids; a report
 * gone since is left out); every notice but a closure, the number of files on
 * the case page it links.
 */
const extrasFor = async (deps: Deps, notice: CaseNotice): Promise<NoticeExtras> => {
  const files = await linkedCaseFiles(deps, notice);
  const fileCount = files > 0 ? { fileCount: files } : {};
  if (notice.kind !== 'case-assigned' || !notice.reportIds?.length) return fileCount;
  const reports = await getReportsByIds(deps, notice.reportIds);
  return { ...fileCount, sourceUrls: notice.reportIds.flatMap((id) => reports.get(id)?.sourceUrls ?? []) };
};

/**
 * Once SES has accepted a reporter's closure email (by this run or an earlier
 * one: the marker says so), their address is removed from their reports. A
 * claim still in flight elsewhere keeps the address, so a failed send can be
 * retried.
 */
const forgetToldReporters = async (deps: Deps, told: { marker: MarkerId; recipient: Recipient }[]) => {
  for (const { marker, recipient } of told) {
    if (!recipient.reports || !(await isMarkerSent(deps, marker))) continue;
    for (const r of recipient.reports) if (r.email) await removeReporterEmail(deps, r.reportId, r.email);
  }
};

/**
 * Delivers one outbox item: syncs the case's retention if it carries that
 * follow-up, sends the notice to each recipient once, forgets the addresses
 * of reporters told, and marks the item delivered when nothing failed.
 */
export const deliverOutboxItem = async (deps: Deps, item: OutboxItem, now: Date): Promise<DeliveryResult> => {
  if (item.state === 'delivered') return empty();
  if (item.moveReports) await moveMergedReports(deps, item.moveReports, now);
  if (item.syncRetentionOf) await syncCaseRetention(deps, item.syncRetentionOf);
  let result = empty();
  const notice = item.notice;
  if (notice) {
    const recipients = await recipientsFor(deps, notice);
    const extras = recipients.length > 0 ? await extrasFor(deps, notice) : {};
    // A reporter hears only of the files on their own reports (they cannot open the case's).
    const reportFiles =
      notice.kind === 'case-closed' && recipients.length > 0
        ? await reportFileCounts(deps, notice.reportIds)
        : new Map<string, number>();
    const planned = recipients.map((r) => ({
      recipient: r,
      marker: { job: 'notify', period: item.id, recipient: r.email },
    }));
    const deliveries: Delivery[] = planned.map(({ recipient, marker }) => ({
      marker,
      render: () =>
        renderCaseNotice(noticeFor(notice, recipient), recipient.locale, deps.config, {
          ...extras,
          // A reporter's closure email links their own reports, and only theirs.
          ...(recipient.reports
            ? {
                ownReportIds: recipient.reports.map((r) => r.reportId),
                fileCount: recipient.reports.reduce((n, r) => n + (reportFiles.get(r.reportId) ?? 0), 0),
              }
            : {}),
        }),
    }));
    result = await deliver(deps, deliveries, { now });
    if (notice.kind === 'case-closed') await forgetToldReporters(deps, planned);
  }
  // After the emails; a receiver's failure waits for the retry sweep and does not keep the item pending.
  await deliverOutboxWebhooks(deps, item, now);
  if (result.failed === 0) await markDelivered(deps, item.id, now);
  return result;
};

export const deliverOutboxItemById = async (deps: Deps, id: string, now: Date): Promise<DeliveryResult> => {
  const item = await getOutboxItem(deps, id);
  return item ? deliverOutboxItem(deps, item, now) : empty();
};

/** Delivers pending items created before `before` (oldest first); one failing item does not stop the rest. */
export const drainOutbox = async (
  deps: Deps,
  before: Date,
  now: Date,
): Promise<DeliveryResult & { items: number }> => {
  const items = await pendingOutboxItems(deps, before);
  let total = empty();
  for (const item of items) total = add(total, await deliverOutboxItem(deps, item, now));
  return { ...total, items: items.length };
};
