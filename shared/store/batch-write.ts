// BatchWriteItem for the small items a submission writes before its report
// (URL entries, similarity band items) and deletes when its Idempotency-Key
// turns out taken. Each item's key is unique to its report, so nothing races
// and no condition is needed; a batch is billed per item, as PutItems are.
import { setTimeout as sleep } from 'node:timers/promises';
import { BatchWriteCommand, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '#shared/deps';

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/** DynamoDB's limit per BatchWriteItem. */
const BATCH = 25;
/** Rounds for UnprocessedItems (throttling), with a short backoff between them. */
const BACKOFF_MS = [0, 20, 50, 100, 200, 400];

const send = async (deps: Deps, requests: WriteRequest[]): Promise<void> => {
  let pending = requests;
  for (const wait of BACKOFF_MS) {
    if (wait > 0) await sleep(wait);
    const out = await deps.db.send(new BatchWriteCommand({ RequestItems: { [deps.tableName]: pending } }));
    pending = (out.UnprocessedItems?.[deps.tableName] ?? []) as WriteRequest[];
    if (pending.length === 0) return;
  }
  throw new Error(
    `BatchWriteItem left ${pending.length} items unprocessed after ${BACKOFF_MS.length} rounds`,
  );
};

/** Every request written, 25 a call, the calls in parallel; unprocessed items retried, else it throws. */
export const batchWriteAll = async (deps: Deps, requests: WriteRequest[]): Promise<void> => {
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += BATCH) chunks.push(requests.slice(i, i + BATCH));
  await Promise.all(chunks.map((c) => send(deps, c)));
};

export const putRequests = (items: Record<string, unknown>[]): WriteRequest[] =>
  items.map((Item) => ({ PutRequest: { Item } }));

export const deleteRequests = (keys: { pk: string; sk: string }[]): WriteRequest[] =>
  keys.map((Key) => ({ DeleteRequest: { Key } }));
