// Delivering case notifications: from an outbox item (the stream, the local
// drainer, or the sweep) and the deadline nudges. Every message goes through
// the sent-markers, so a notification delivered by two paths goes out once.
import type { Deps } from '../deps';
import type { CaseNotice } from '../domain/notifications';
import { NUDGE_HOURS, SWEEP_AFTER_MINUTES } from '../domain/notifications';
import { renderCaseNotice } from '../mail/case-email';
import { type Delivery, type DeliveryResult, deliver } from '../mail/deliver';
import { getOutboxItem, markDelivered, type OutboxItem, pendingOutboxItems } from '../store/outbox';
import { getReportsByIdsWithEmail } from '../store/reports';
import { casesDueBetween } from '../store/summary';

interface Recipient {
  email: string;
  locale: 'vi' | 'en';
}

const agencyRecipients = (deps: Deps, agencyId: string | null): Recipient[] => {
  const agency = deps.config.agencies.find((a) => a.id === agencyId);
  return agency ? agency.emails.map((email) => ({ email, locale: agency.locale })) : [];
};

/** Who hears of a notice. Reporters' addresses come from their reports and go nowhere else. */
export const recipientsFor = async (deps: Deps, notice: CaseNotice): Promise<Recipient[]> => {
  switch (notice.kind) {
    case 'case-assigned':
    case 'deadline-nudge':
      return agencyRecipients(deps, notice.agencyId);
    case 'case-responded':
      return deps.config.deskList;
    case 'case-closed': {
      const emails = await getReportsByIdsWithEmail(deps, notice.reportIds);
      const distinct = [...new Set(emails.map((e) => e.trim().toLowerCase()))];
      return distinct.map((email) => ({ email, locale: deps.config.defaultLocale }));
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

/** Sends one outbox item to each recipient once; marks it delivered when nothing failed. */
export const deliverOutboxItem = async (deps: Deps, item: OutboxItem, now: Date): Promise<DeliveryResult> => {
  if (item.state === 'delivered') return empty();
  const recipients = await recipientsFor(deps, item.notice);
  const deliveries: Delivery[] = recipients.map((r) => ({
    marker: { job: 'notify', period: item.id, recipient: r.email },
    render: () => renderCaseNotice(item.notice, r.locale, deps.config),
  }));
  const result = await deliver(deps, deliveries, { now });
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

/** The sweep's cut-off: items pending longer than this were missed by the stream. */
export const sweepCutoff = (now: Date): Date => new Date(now.getTime() - SWEEP_AFTER_MINUTES * 60_000);

/**
 * One nudge per case and deadline, when a verifying case is due within 24 h
 * and the agency has not answered. A new deadline is a new period, so a
 * reassignment can nudge again.
 */
export const sendDeadlineNudges = async (
  deps: Deps,
  now: Date,
): Promise<DeliveryResult & { cases: number }> => {
  const due = await casesDueBetween(deps, now, new Date(now.getTime() + NUDGE_HOURS * 3600_000));
  const deliveries: Delivery[] = due.flatMap((c) => {
    if (c.status !== 'verifying' || !c.agencyId || !c.dueAt) return [];
    const notice: CaseNotice = {
      kind: 'deadline-nudge',
      caseId: c.id,
      title: c.title,
      agencyId: c.agencyId,
      dueAt: c.dueAt,
    };
    return agencyRecipients(deps, c.agencyId).map((r) => ({
      marker: { job: 'deadline-nudge', period: `${c.id}#${c.dueAt}`, recipient: r.email },
      render: () => renderCaseNotice(notice, r.locale, deps.config),
    }));
  });
  return { ...(await deliver(deps, deliveries, { now })), cases: due.length };
};
