// Signed webhooks (docs/webhooks.md): which case events exist, the snapshot an
// event carries from the moment it happened, the JSON a receiver gets, and the
// retry schedule. Pure: the sender (shared/service/webhooks.ts) signs and posts.
//
// Privacy (SPEC §1): an event names the case, never a person. The snapshot is
// built from the case's own fields (id, title, status, agency, deadline,
// outcome) and nothing else: no reporter, no report text, no finding.
import * as z from 'zod';
import type { AppConfig } from '#config/schema';
import { WEBHOOK_EVENT_TYPES } from '#config/webhook-events';
import type { Case, CaseActionName } from './case';
import type { CaseNotice } from './notifications';

export { WEBHOOK_EVENT_TYPES };
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What an outbox item (or the overdue check) records of a case event: a snapshot, sent as it was. */
export interface CaseEvent {
  type: WebhookEventType;
  /** When it happened (ISO). */
  at: string;
  caseId: string;
  title: string;
  status: string;
  agencyId: string | null;
  dueAt: string | null;
  outcome: string | null;
}

export const caseEventOf = (type: WebhookEventType, c: Case, at: Date): CaseEvent => ({
  type,
  at: at.toISOString(),
  caseId: c.id,
  title: c.title,
  status: c.status,
  agencyId: c.agencyId,
  dueAt: c.dueAt,
  outcome: c.outcome,
});

const ACTION_EVENTS: Partial<Record<CaseActionName, WebhookEventType>> = {
  assign: 'case.assigned',
  respond: 'case.responded',
  close: 'case.closed',
};

/** The event an accepted case action causes, if any (comments, links and reopens cause none). */
export const caseEventForAction = (action: CaseActionName, next: Case, at: Date): CaseEvent | null => {
  const type = ACTION_EVENTS[action];
  return type ? caseEventOf(type, next, at) : null;
};

/**
 * The event of an outbox item written without a snapshot (before webhooks
 * existed, or by a path that writes only a notice): what the notice knows.
 */
export const caseEventFromNotice = (notice: CaseNotice, at: string): CaseEvent | null => {
  const base = { at, caseId: notice.caseId, title: notice.title };
  switch (notice.kind) {
    case 'case-assigned':
      return {
        ...base,
        type: 'case.assigned',
        status: 'verifying',
        agencyId: notice.agencyId,
        dueAt: notice.dueAt,
        outcome: null,
      };
    case 'case-responded':
      return {
        ...base,
        type: 'case.responded',
        status: 'responded',
        agencyId: notice.agencyId,
        dueAt: null,
        outcome: null,
      };
    case 'case-closed':
      return {
        ...base,
        type: 'case.closed',
        status: 'closed',
        agencyId: null,
        dueAt: null,
        outcome: notice.outcome,
      };
    default:
      return null;
  }
};

/** The body a receiver gets. Ids, title, statuses and links: nothing about who reported. */
export const webhookPayloadSchema = z.strictObject({
  type: z.enum(WEBHOOK_EVENT_TYPES),
  timestamp: z.string(),
  data: z.strictObject({
    caseId: z.string(),
    title: z.string(),
    status: z.string(),
    agencyId: z.string().nullable(),
    dueAt: z.string().nullable(),
    outcome: z.string().nullable(),
    links: z.strictObject({ console: z.string().nullable(), api: z.string().nullable() }),
  }),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

const trimmed = (u: string | undefined) => u?.replace(/\/+$/, '') || null;

export const webhookPayload = (e: CaseEvent, config: Pick<AppConfig, 'links'>): WebhookPayload => {
  const id = encodeURIComponent(e.caseId);
  const consoleUrl = trimmed(config.links?.consoleUrl);
  const apiUrl = trimmed(config.links?.apiUrl);
  return {
    type: e.type,
    timestamp: e.at,
    data: {
      caseId: e.caseId,
      title: e.title,
      status: e.status,
      agencyId: e.agencyId,
      dueAt: e.dueAt,
      outcome: e.outcome,
      links: {
        console: consoleUrl ? `${consoleUrl}/cases/${id}` : null,
        api: apiUrl ? `${apiUrl}/cases/${id}` : null,
      },
    },
  };
};

/**
 * The Standard Webhooks message id: the same for every attempt of one event to
 * one endpoint, so a receiver de-duplicates retries by it.
 */
export const webhookMessageId = (eventId: string, endpointId: string): string =>
  `msg_${eventId}_${endpointId}`;

/** The overdue event's id: one per case and deadline (a new deadline is a new event). */
export const overdueEventId = (caseId: string, dueAt: string): string =>
  `overdue-${caseId}-${new Date(dueAt).getTime()}`;

/** Minutes to wait after failed attempt `n` (1-based): 5, 10, 20, … capped at 12 h. */
export const retryDelayMinutes = (attempt: number): number => Math.min(5 * 2 ** (attempt - 1), 720);

/** What the console shows of a delivery (GET /webhooks). */
export const WEBHOOK_DELIVERY_STATES = ['pending', 'delivered', 'failed', 'given-up'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

export const webhookDeliverySchema = z.object({
  endpointId: z.string(),
  webhookId: z.string(),
  type: z.enum(WEBHOOK_EVENT_TYPES),
  caseId: z.string(),
  at: z.string(),
  state: z.enum(WEBHOOK_DELIVERY_STATES),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookEndpointViewSchema = z.object({
  id: z.string(),
  /** The host only: the path and query may carry a receiver's token. */
  host: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  deliveries: z.array(webhookDeliverySchema),
});
export const webhooksViewSchema = z.object({
  maxAttempts: z.number().int(),
  endpoints: z.array(webhookEndpointViewSchema),
});
export type WebhooksView = z.infer<typeof webhooksViewSchema>;

/** GET /webhooks: one endpoint (default all) and how many recent deliveries each (default 20). */
export const webhooksQuerySchema = z.strictObject({
  endpoint: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be an endpoint id')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
