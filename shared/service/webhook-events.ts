// Which case events the outbox items carry for the webhooks (docs/webhooks.md):
// a snapshot of the case, and only when an endpoint takes that event, so a
// stage without webhooks writes what it wrote before. Kept apart from the
// sender (webhooks.ts), which the HTTP functions do not bundle.
import type { Case, CaseActionName } from '#domain/case';
import { type CaseEvent, caseEventForAction, caseEventOf, type WebhookEventType } from '#domain/webhooks';
import type { Deps } from '#shared/deps';

const wanted = (deps: Deps, type: WebhookEventType) =>
  deps.config.webhooks.endpoints.some((e) => e.events.includes(type));

export const openedEventFor = (deps: Deps, opened: Case, now: Date): CaseEvent | null =>
  wanted(deps, 'case.opened') ? caseEventOf('case.opened', opened, now) : null;

export const actionEventFor = (
  deps: Deps,
  action: CaseActionName,
  next: Case,
  now: Date,
): CaseEvent | null => {
  const event = caseEventForAction(action, next, now);
  return event && wanted(deps, event.type) ? event : null;
};
