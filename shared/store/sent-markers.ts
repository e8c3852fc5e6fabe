// Sent-markers: one item per (job, period, recipient) so that an email goes out
// once however often a job runs. A marker is claimed with a conditional put
// (a lease) before the send and set to `sent` after SES accepts the message.
// A run skips markers that are sent or freshly claimed, and takes over claims
// whose lease expired without a `sent` (the sender crashed): nothing is lost,
// and the only duplicate possible is a crash between SES accepting and the
// marker being set.
//
// The store's half of delivery (shared/mail/deliver.ts decides what to send and
// calls these); the conditional writes below are the whole protocol.
import { createHash, randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, epochSeconds } from '#domain/time';
import type { Deps } from '#shared/deps';
import { isConditionalCheckFailed } from './errors';

export const LEASE_MS = 5 * 60_000;

export interface MarkerId {
  job: string;
  /** What the message is for: a date, a briefing and sequence, an outbox item. */
  period: string;
  recipient: string;
}

/** Recipient addresses are hashed: markers never hold an address. */
export const markerKey = (m: MarkerId) => ({
  pk: `SENT#${m.job}#${m.period}`,
  sk: `TO#${createHash('sha256').update(m.recipient.trim().toLowerCase()).digest('hex').slice(0, 40)}`,
});

export type Claim = { claimed: true; token: string } | { claimed: false };

/**
 * Claims the marker for a send. With `force`, a marker already `sent` is
 * claimed again (a deliberate resend), but a fresh claim is still respected,
 * so two forced runs do not both send.
 */
export const claimMarker = async (deps: Deps, m: MarkerId, now: Date, force = false): Promise<Claim> => {
  const token = randomUUID();
  try {
    await deps.db.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: {
          ...markerKey(m),
          entity: 'sent-marker',
          job: m.job,
          period: m.period,
          state: 'claimed',
          token,
          leaseUntil: now.getTime() + LEASE_MS,
          claimedAt: now.toISOString(),
          expiresAt: epochSeconds(addDays(now, deps.config.retention.sentMarkerDays)),
        },
        ConditionExpression: force
          ? 'attribute_not_exists(pk) OR #state = :sent OR leaseUntil < :now'
          : 'attribute_not_exists(pk) OR (#state = :claimed AND leaseUntil < :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':now': now.getTime(),
          ...(force ? { ':sent': 'sent' } : { ':claimed': 'claimed' }),
        },
      }),
    );
    return { claimed: true, token };
  } catch (err) {
    if (isConditionalCheckFailed(err)) return { claimed: false };
    throw err;
  }
};

export const markSent = async (
  deps: Deps,
  m: MarkerId,
  token: string,
  messageId: string,
  now: Date,
): Promise<void> => {
  await deps.db.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: markerKey(m),
      UpdateExpression: 'SET #state = :sent, sentAt = :at, messageId = :mid REMOVE leaseUntil',
      ConditionExpression: '#token = :token',
      ExpressionAttributeNames: { '#state': 'state', '#token': 'token' },
      ExpressionAttributeValues: {
        ':sent': 'sent',
        ':at': now.toISOString(),
        ':mid': messageId,
        ':token': token,
      },
    }),
  );
};

/** Gives a claim back after a failed send, so the next run sends it. */
export const releaseClaim = async (deps: Deps, m: MarkerId, token: string): Promise<void> => {
  try {
    await deps.db.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: markerKey(m),
        UpdateExpression: 'SET leaseUntil = :zero',
        ConditionExpression: '#token = :token AND #state = :claimed',
        ExpressionAttributeNames: { '#token': 'token', '#state': 'state' },
        ExpressionAttributeValues: { ':zero': 0, ':token': token, ':claimed': 'claimed' },
      }),
    );
  } catch (err) {
    if (!isConditionalCheckFailed(err)) throw err;
  }
};

/** `absent`: never claimed; `claimed`: a send was started and not confirmed; `sent`: SES accepted it. */
export type MarkerState = 'absent' | 'claimed' | 'sent';

/** A marker's state, read without writing and strongly consistent, so a send confirmed a moment ago counts. */
export const markerState = async (deps: Deps, m: MarkerId): Promise<MarkerState> => {
  const out = await deps.db.send(
    new GetCommand({
      TableName: deps.tableName,
      Key: markerKey(m),
      ProjectionExpression: '#state',
      ExpressionAttributeNames: { '#state': 'state' },
      ConsistentRead: true,
    }),
  );
  if (!out.Item) return 'absent';
  return out.Item.state === 'sent' ? 'sent' : 'claimed';
};

/** Whether SES has accepted this message (the marker is `sent`), by this run or an earlier one. */
export const isMarkerSent = async (deps: Deps, m: MarkerId): Promise<boolean> =>
  (await markerState(deps, m)) === 'sent';

/**
 * Whether claimMarker would claim this marker now, read without writing: what a
 * dry run uses to report exactly what a real run would send.
 */
export const wouldClaimMarker = async (
  deps: Deps,
  m: MarkerId,
  now: Date,
  force = false,
): Promise<boolean> => {
  const out = await deps.db.send(
    new GetCommand({
      TableName: deps.tableName,
      Key: markerKey(m),
      ProjectionExpression: '#state, leaseUntil',
      ExpressionAttributeNames: { '#state': 'state' },
      ConsistentRead: true,
    }),
  );
  const item = out.Item;
  if (!item) return true;
  const leaseOver = typeof item.leaseUntil === 'number' && item.leaseUntil < now.getTime();
  return force ? item.state === 'sent' || leaseOver : item.state === 'claimed' && leaseOver;
};
