// Idempotency records for POST /reports. The record is written in the same
// transaction as the report it answers for, so "key seen" and "report stored"
// can never disagree: there is no in-progress state to expire or clean up.
// It is not read up front: its Put's condition (absent or expired) decides, and
// the record is read only when that transaction is cancelled on it.
import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { addMinutes, epochSeconds } from '#domain/time';
import type { Deps } from '#shared/deps';
import type { TransactItem } from './query';

export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface IdempotencyRecord {
  bodyHash: string;
  response: StoredResponse;
}

/** Keys are scoped to the caller: two reporters may pick the same key without meeting. */
export const idempotencyItemKey = (scope: string, key: string) => ({
  pk: `IDEM#${createHash('sha256').update(`${scope}\n${key}`).digest('hex')}`,
  sk: 'IDEM',
});

/** A stable hash of a JSON value: object keys sorted, so formatting does not matter. */
export const canonicalHash = (value: unknown): string => {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
};

export const getIdempotencyRecord = async (
  deps: Deps,
  key: { pk: string; sk: string },
  now: Date,
): Promise<IdempotencyRecord | undefined> => {
  const out = await deps.db.send(
    new GetCommand({ TableName: deps.tableName, Key: key, ConsistentRead: true }),
  );
  const item = out.Item;
  // TTL deletes lazily: an expired record is treated as gone.
  if (!item || (typeof item.expiresAt === 'number' && item.expiresAt <= epochSeconds(now))) return undefined;
  return { bodyHash: String(item.bodyHash), response: item.response as StoredResponse };
};

export const idempotencyPut = (
  deps: Deps,
  key: { pk: string; sk: string },
  record: IdempotencyRecord,
  now: Date,
): TransactItem => ({
  Put: {
    TableName: deps.tableName,
    Item: {
      ...key,
      entity: 'idempotency',
      ...record,
      createdAt: now.toISOString(),
      expiresAt: epochSeconds(addMinutes(now, deps.config.retention.idempotencyHours * 60)),
    },
    ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
    ExpressionAttributeValues: { ':now': epochSeconds(now) },
  },
});
