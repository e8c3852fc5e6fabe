// Files follow their owner's retention (docs/files.md, README.md here): a FILE
// item carries its report's or case's `expiresAt`, so the table's TTL removes
// it with its owner, and the stream's REMOVE record of it then has the outbox
// sender delete the objects. These are the reads and writes the owners'
// retention changes (reports.ts, cases.ts) add for their FILE items.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Deps } from '#shared/deps';
import { queryAll, type TransactItem } from './query';

/** The sort key prefix of a FILE item in its owner's partition (`REPORT#<id>` or `CASE#<id>`). */
export const FILE_SK_PREFIX = 'FILE#';

export interface FileItemKey {
  pk: string;
  sk: string;
}

/**
 * The keys of the FILE items in an owner's partition, with their current
 * expiry. Strongly consistent: read after the owner, so a file confirmed
 * before that read is among them (the owner's `fileCount` condition catches
 * one confirmed after).
 */
export const fileItemsOf = async (
  deps: Deps,
  ownerPk: string,
): Promise<(FileItemKey & { expiresAt?: number })[]> =>
  (
    await queryAll(deps, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :file)',
      ExpressionAttributeValues: { ':pk': ownerPk, ':file': FILE_SK_PREFIX },
      ProjectionExpression: 'pk, sk, expiresAt',
      ConsistentRead: true,
    })
  ).map((i) => ({
    pk: String(i.pk),
    sk: String(i.sk),
    ...(typeof i.expiresAt === 'number' ? { expiresAt: i.expiresAt } : {}),
  }));

/**
 * Gives each FILE item the owner's expiry (`undefined`: none), conditional on
 * the item still existing (an update of a missing key would create a stray
 * item holding only a key and an expiry).
 */
export const fileExpiryUpdates = (
  deps: Deps,
  keys: readonly FileItemKey[],
  expiresAt: number | undefined,
): TransactItem[] =>
  keys.map((Key) => ({
    Update: {
      TableName: deps.tableName,
      Key: { pk: Key.pk, sk: Key.sk },
      UpdateExpression: expiresAt === undefined ? 'REMOVE expiresAt' : 'SET expiresAt = :e',
      ConditionExpression: 'attribute_exists(pk)',
      ...(expiresAt === undefined ? {} : { ExpressionAttributeValues: { ':e': expiresAt } }),
    },
  }));

/** What a stream record carries: its event name and (with a NEW_IMAGE view, for a REMOVE, only) its keys. */
export interface StreamRecordKeys {
  eventName?: string;
  dynamodb?: { Keys?: Record<string, unknown> };
}

/** A file id as the API hands them out (ULIDs); anything else in a FILE key is not ours to delete by. */
const FILE_ID = /^[0-9A-Za-z_-]{1,64}$/;

/**
 * The id of the FILE item this stream record removes (the table's TTL, or any
 * delete), if it is one. A REMOVE record of a NEW_IMAGE stream has only the
 * keys, so the id comes from the sort key.
 */
export const removedFileIdOf = (record: StreamRecordKeys): string | undefined => {
  const keys = record.dynamodb?.Keys;
  if (record.eventName !== 'REMOVE' || !keys) return undefined;
  const { pk, sk } = unmarshall(keys as Record<string, AttributeValue>);
  if (typeof pk !== 'string' || !/^(REPORT|CASE)#/.test(pk)) return undefined;
  if (typeof sk !== 'string' || !sk.startsWith(FILE_SK_PREFIX)) return undefined;
  const id = sk.slice(FILE_SK_PREFIX.length);
  return FILE_ID.test(id) ? id : undefined;
};
