// Per-caller write counters: one item per (caller sub, limit kind, hour
// window) holding only a count and its expiry. Taking a slot is one
// conditional UpdateItem (ADD 1 only while the count is below the limit), so a
// request over the limit writes nothing and concurrent callers can never take
// more slots than the limit. A slot is given back (the count lowered, the item
// deleted when it reaches zero) when the write it was taken for did not happen.
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  RATE_COUNTER_GRACE_SECONDS,
  type RateLimitKind,
  rateWindowOf,
  secondsUntilEnd,
} from '#domain/rate-limit';
import { epochSeconds } from '#domain/time';
import type { Deps } from '#shared/deps';
import { isConditionalCheckFailed } from './errors';

export interface RateCounterKey {
  pk: string;
  sk: string;
}

export type TakeSlotResult =
  | { taken: true; key: RateCounterKey }
  | { taken: false; retryAfterSeconds: number };

export const rateCounterKey = (sub: string, kind: RateLimitKind, windowId: string): RateCounterKey => ({
  pk: `RATE#${kind}#${windowId}#${sub}`,
  sk: 'RATE',
});

/** Takes one of `limit` slots of the caller's current window, or says how long until the window ends. */
export const takeRateSlot = async (
  deps: Deps,
  o: { sub: string; kind: RateLimitKind; limit: number; now: Date },
): Promise<TakeSlotResult> => {
  const window = rateWindowOf(o.now);
  const key = rateCounterKey(o.sub, o.kind, window.id);
  try {
    await deps.db.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: key,
        UpdateExpression: 'ADD #count :one SET entity = :entity, expiresAt = :expiresAt',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':limit': o.limit,
          ':entity': 'rate-counter',
          ':expiresAt': epochSeconds(window.end) + RATE_COUNTER_GRACE_SECONDS,
        },
      }),
    );
    return { taken: true, key };
  } catch (err) {
    if (isConditionalCheckFailed(err))
      return { taken: false, retryAfterSeconds: secondsUntilEnd(window, o.now) };
    throw err;
  }
};

/**
 * Gives a slot back: lowers the count by one, and deletes the counter when it
 * reaches zero, so a rejected request leaves the table as it found it. Both
 * steps are conditional: the count never goes below zero, and the delete
 * happens only if no one took a slot in between. False when the counter is
 * already gone (its window expired).
 */
export const returnRateSlot = async (deps: Deps, key: RateCounterKey): Promise<boolean> => {
  const names = { '#count': 'count' };
  let left: number;
  try {
    const out = await deps.db.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: key,
        UpdateExpression: 'ADD #count :minusOne',
        ConditionExpression: '#count > :zero',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    left = Number(out.Attributes?.count);
  } catch (err) {
    if (isConditionalCheckFailed(err)) return false;
    throw err;
  }
  if (left === 0) {
    try {
      await deps.db.send(
        new DeleteCommand({
          TableName: deps.tableName,
          Key: key,
          ConditionExpression: '#count = :zero',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':zero': 0 },
        }),
      );
    } catch (err) {
      // Someone took a slot since: the counter is in use again and stays.
      if (!isConditionalCheckFailed(err)) throw err;
    }
  }
  return true;
};
