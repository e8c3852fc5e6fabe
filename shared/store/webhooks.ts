// Webhook deliveries: one item per event × endpoint (store README, "Webhook
// delivery"), under the endpoint's partition so the console lists an
// endpoint's recent deliveries newest first. The item is the whole protocol,
// as the email sent-markers are: a sender claims it with a conditional write
// (a lease) before posting, then records `delivered`, or `failed` with the
// next attempt's time, or `given-up`. Until delivered or given up it carries
// the sparse `webhookRetries` keys (sorted by when it may be tried again, or
// when its lease ends), which the retry sweep queries: a failed post, or a
// sender that died mid-post, is tried again without anyone scanning.
import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, epochSeconds } from '#domain/time';
import type { CaseEvent, WebhookDelivery, WebhookDeliveryState } from '#domain/webhooks';
import type { Deps } from '#shared/deps';
import { isConditionalCheckFailed } from './errors';
import { onIndex } from './query';
import { indexOf } from './table';

export const WEBHOOK_DELIVERY_ENTITY = 'webhook-delivery';
const RETRY = 'WEBHOOK#RETRY';
/** A claim lasts this long past the post's timeout; then another sender may take it over. */
const LEASE_EXTRA_MS = 60_000;

export const webhookDeliveryKey = (endpointId: string, eventAt: string, eventId: string) => ({
  pk: `WEBHOOK#${endpointId}`,
  sk: `D#${eventAt}#${eventId}`,
});

const retryKeys = () => {
  const { partitionKey, sortKey } = indexOf('webhookRetries');
  return { pk: partitionKey, sk: sortKey };
};
const retrySort = (at: Date, endpointId: string, eventId: string) =>
  `${at.toISOString()}#${endpointId}#${eventId}`;

/** A delivery as stored: what the console shows, and the event to send again. */
export interface StoredDelivery extends WebhookDelivery {
  eventId: string;
  event: CaseEvent;
}

const fromItem = (item: Record<string, unknown>): StoredDelivery => {
  const event = item.event as CaseEvent;
  const raw = String(item.state);
  // A claim is a post in flight (or a sender that died): the console shows it pending.
  const state: WebhookDeliveryState = raw === 'claimed' ? 'pending' : (raw as WebhookDeliveryState);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    endpointId: String(item.endpointId),
    webhookId: String(item.webhookId),
    eventId: String(item.eventId),
    type: event.type,
    caseId: event.caseId,
    at: event.at,
    state,
    attempts: Number(item.attempts ?? 0),
    lastStatus: typeof item.lastStatus === 'number' ? item.lastStatus : null,
    lastError: str(item.lastError),
    lastAttemptAt: str(item.lastAttemptAt),
    nextAttemptAt: str(item.nextAttemptAt),
    deliveredAt: str(item.deliveredAt),
    event,
  };
};

export type DeliveryClaim = { claimed: true; token: string; attempt: number } | { claimed: false };

/**
 * Claims the delivery of `event` to `endpointId` for one attempt: creates it on
 * the first, or takes it when a failed attempt's wait is over or a claim's
 * lease ran out. Delivered, given up, waiting or claimed by a live sender: not claimed.
 */
export const claimWebhookDelivery = async (
  deps: Deps,
  d: { endpointId: string; eventId: string; webhookId: string; event: CaseEvent },
  now: Date,
  leaseMs: number,
): Promise<DeliveryClaim> => {
  const token = randomUUID();
  const leaseUntil = new Date(now.getTime() + leaseMs + LEASE_EXTRA_MS);
  const k = retryKeys();
  try {
    const out = await deps.db.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: webhookDeliveryKey(d.endpointId, d.event.at, d.eventId),
        UpdateExpression:
          'SET entity = :entity, endpointId = :ep, eventId = :eid, webhookId = :wid, event = if_not_exists(event, :event), ' +
          '#state = :claimed, #token = :token, leaseUntil = :lease, attempts = if_not_exists(attempts, :zero) + :one, ' +
          'createdAt = if_not_exists(createdAt, :now), expiresAt = :exp, #rpk = :rpk, #rsk = :rsk',
        ConditionExpression:
          'attribute_not_exists(pk) OR (#state = :failed AND nextAttemptAt <= :now) OR (#state = :claimed AND leaseUntil < :nowMs)',
        ExpressionAttributeNames: { '#state': 'state', '#token': 'token', '#rpk': k.pk, '#rsk': k.sk },
        ExpressionAttributeValues: {
          ':entity': WEBHOOK_DELIVERY_ENTITY,
          ':ep': d.endpointId,
          ':eid': d.eventId,
          ':wid': d.webhookId,
          ':event': d.event,
          ':claimed': 'claimed',
          ':failed': 'failed',
          ':token': token,
          ':lease': leaseUntil.getTime(),
          ':zero': 0,
          ':one': 1,
          ':now': now.toISOString(),
          ':nowMs': now.getTime(),
          ':exp': epochSeconds(addDays(now, deps.config.retention.outboxDays)),
          ':rpk': RETRY,
          // A sender that dies mid-post leaves the claim here: the sweep finds it once the lease is over.
          ':rsk': retrySort(leaseUntil, d.endpointId, d.eventId),
        },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return { claimed: true, token, attempt: Number(out.Attributes?.attempts ?? 1) };
  } catch (err) {
    if (isConditionalCheckFailed(err)) return { claimed: false };
    throw err;
  }
};

export type AttemptOutcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'failed'; status: number | null; error: string; nextAttemptAt: Date }
  | { kind: 'given-up'; status: number | null; error: string };

/** Records how the claimed attempt ended; only the claim's holder may (its token). */
export const recordWebhookAttempt = async (
  deps: Deps,
  d: { endpointId: string; eventId: string; event: CaseEvent },
  token: string,
  outcome: AttemptOutcome,
  now: Date,
): Promise<void> => {
  const k = retryKeys();
  const names: Record<string, string> = { '#state': 'state', '#token': 'token', '#rpk': k.pk, '#rsk': k.sk };
  const values: Record<string, unknown> = {
    ':token': token,
    ':state': outcome.kind,
    ':at': now.toISOString(),
    ':status': outcome.status,
  };
  let update = 'SET #state = :state, lastAttemptAt = :at, lastStatus = :status';
  if (outcome.kind === 'delivered') {
    update += ', deliveredAt = :at REMOVE lastError, nextAttemptAt, leaseUntil, #token, #rpk, #rsk';
  } else if (outcome.kind === 'failed') {
    update += ', lastError = :err, nextAttemptAt = :next, #rpk = :rpk, #rsk = :rsk REMOVE leaseUntil, #token';
    values[':err'] = outcome.error.slice(0, 300);
    values[':next'] = outcome.nextAttemptAt.toISOString();
    values[':rpk'] = RETRY;
    values[':rsk'] = retrySort(outcome.nextAttemptAt, d.endpointId, d.eventId);
  } else {
    update += ', lastError = :err REMOVE nextAttemptAt, leaseUntil, #token, #rpk, #rsk';
    values[':err'] = outcome.error.slice(0, 300);
  }
  try {
    await deps.db.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: webhookDeliveryKey(d.endpointId, d.event.at, d.eventId),
        UpdateExpression: update,
        ConditionExpression: '#token = :token',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  } catch (err) {
    // The lease ran out and another sender took the delivery over: its record wins.
    if (!isConditionalCheckFailed(err)) throw err;
  }
};

export const getWebhookDelivery = async (
  deps: Deps,
  endpointId: string,
  eventAt: string,
  eventId: string,
): Promise<StoredDelivery | undefined> => {
  const out = await deps.db.send(
    new GetCommand({
      TableName: deps.tableName,
      Key: webhookDeliveryKey(endpointId, eventAt, eventId),
      ConsistentRead: true,
    }),
  );
  return out.Item ? fromItem(out.Item) : undefined;
};

/** Deliveries due for another attempt (or whose claim's lease ended) by `now`, oldest first. */
export const webhookDeliveriesDue = async (deps: Deps, now: Date, limit = 100): Promise<StoredDelivery[]> => {
  const out = await deps.db.send(
    new QueryCommand({
      TableName: deps.tableName,
      ...onIndex('webhookRetries'),
      KeyConditionExpression: '#ipk = :p AND #isk <= :now',
      ExpressionAttributeValues: { ':p': RETRY, ':now': `${now.toISOString()}#\uffff` },
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map(fromItem);
};

/** An endpoint's latest deliveries, newest first (its own partition). */
export const recentWebhookDeliveries = async (
  deps: Deps,
  endpointId: string,
  limit: number,
): Promise<StoredDelivery[]> => {
  const out = await deps.db.send(
    new QueryCommand({
      TableName: deps.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :d)',
      ExpressionAttributeValues: { ':pk': `WEBHOOK#${endpointId}`, ':d': 'D#' },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map(fromItem);
};
