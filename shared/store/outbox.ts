// The transactional outbox: a notification is an item written in the same
// transaction as the case action that causes it, so a rejected or rolled-back
// action never notifies and an accepted one always does. Pending items carry
// a sparse index key (outboxPending, `OUTBOX#PENDING`, by creation time) that the sweep
// reads; delivery removes it and sets the retention expiry. A close or reopen
// also carries `syncRetentionOf`: delivering it gives the case's history and
// reports the case's new expiry (cases.ts, syncCaseRetention); a reopen is
// such an item without a notice.
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseNotice } from '#domain/notifications';
import { addDays, epochSeconds } from '#domain/time';
import type { CaseEvent } from '#domain/webhooks';
import type { Deps } from '#shared/deps';
import { isConditionalCheckFailed } from './errors';
import { onIndex, type TransactItem } from './query';
import { indexKeys, indexOf } from './table';

export const OUTBOX_ENTITY = 'outbox';
const PENDING = 'OUTBOX#PENDING';

export interface OutboxItem {
  id: string;
  /** The email to send; null for an item that only syncs a case's retention. */
  notice: CaseNotice | null;
  /** The case whose history and reports take the case's expiry when this item is delivered. */
  syncRetentionOf: string | null;
  createdAt: string;
  state: 'pending' | 'delivered';
  /** A merge too large for one transaction: the reports whose `caseId` moves to the survivor on delivery. */
  moveReports?: { from: string; to: string; reportIds: string[] };
  /** The case event for webhooks (docs/webhooks.md), a snapshot; absent on items written before them. */
  webhook?: CaseEvent | null;
}

export const outboxKey = (id: string) => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' });

export const outboxPut = (
  deps: Deps,
  id: string,
  notice: CaseNotice | null,
  now: Date,
  syncRetentionOf: string | null = null,
  webhook: CaseEvent | null = null,
): TransactItem => ({
  Put: {
    TableName: deps.tableName,
    Item: {
      ...outboxKey(id),
      entity: OUTBOX_ENTITY,
      id,
      notice,
      syncRetentionOf,
      ...(webhook ? { webhook } : {}),
      createdAt: now.toISOString(),
      state: 'pending',
      ...indexKeys('outboxPending', PENDING, `${now.toISOString()}#${id}`),
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

const fromItem = (item: Record<string, unknown>): OutboxItem => ({
  id: String(item.id),
  notice: (item.notice as CaseNotice | null | undefined) ?? null,
  syncRetentionOf: typeof item.syncRetentionOf === 'string' ? item.syncRetentionOf : null,
  createdAt: String(item.createdAt),
  state: item.state as OutboxItem['state'],
  ...(item.moveReports ? { moveReports: item.moveReports as NonNullable<OutboxItem['moveReports']> } : {}),
  webhook: (item.webhook as CaseEvent | null | undefined) ?? null,
});

export const getOutboxItem = async (deps: Deps, id: string): Promise<OutboxItem | undefined> => {
  const out = await deps.db.send(
    new GetCommand({ TableName: deps.tableName, Key: outboxKey(id), ConsistentRead: true }),
  );
  return out.Item ? fromItem(out.Item) : undefined;
};

/** Pending items created before `before`, oldest first (at most `limit`). */
export const pendingOutboxItems = async (deps: Deps, before: Date, limit = 100): Promise<OutboxItem[]> => {
  const out = await deps.db.send(
    new QueryCommand({
      TableName: deps.tableName,
      ...onIndex('outboxPending'),
      KeyConditionExpression: '#ipk = :p AND #isk < :before',
      ExpressionAttributeValues: { ':p': PENDING, ':before': before.toISOString() },
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map(fromItem);
};

/** Delivered: off the pending index, and kept only for the retention period. */
export const markDelivered = async (deps: Deps, id: string, now: Date): Promise<void> => {
  try {
    await deps.db.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: outboxKey(id),
        UpdateExpression: 'SET #s = :delivered, deliveredAt = :at, expiresAt = :exp REMOVE #ipk, #isk',
        ConditionExpression: '#s = :pending',
        ExpressionAttributeNames: {
          '#s': 'state',
          '#ipk': indexOf('outboxPending').partitionKey,
          '#isk': indexOf('outboxPending').sortKey,
        },
        ExpressionAttributeValues: {
          ':delivered': 'delivered',
          ':pending': 'pending',
          ':at': now.toISOString(),
          ':exp': epochSeconds(addDays(now, deps.config.retention.outboxDays)),
        },
      }),
    );
  } catch (err) {
    // Another sender finished it first: that is fine.
    if (!isConditionalCheckFailed(err)) throw err;
  }
};
