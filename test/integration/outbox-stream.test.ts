// The local stack's reader of the table's stream (infra/local/outbox-stream.ts)
// against DynamoDB Local: a new outbox item reaches the outbox sender as the
// Lambda DynamoDBStreamEvent the deployed mapping delivers, other writes do
// not, the real sender delivers it, and stop() is clean.
import { randomUUID } from 'node:crypto';
import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  STREAM_BATCH_SIZE as DEPLOYED_BATCH_SIZE,
  STREAM_RETRY_ATTEMPTS as DEPLOYED_RETRY_ATTEMPTS,
} from '#infra/aws/constructs/outbox-sender';
import {
  ensureTableStream,
  STREAM_BATCH_SIZE,
  STREAM_RETRY_ATTEMPTS,
  startOutboxStream,
} from '#infra/local/outbox-stream';
import type { Deps } from '#shared/deps';
import { getOutboxItem, outboxKey, outboxPut } from '#store/outbox';
import { type TestTable, testTable } from '#test/support/aws';

const REGION = 'ap-southeast-1';
let t: TestTable;
let deps: Deps;

beforeAll(async () => {
  t = await testTable('stream');
  deps = t.deps();
});
afterAll(async () => {
  deps?.db.destroy();
  await t?.drop();
});

const newOutboxItem = async (id: string) =>
  deps.db.send(new TransactWriteCommand({ TransactItems: [outboxPut(deps, id, null, new Date())] }));

describe('the local outbox stream reader', () => {
  it('reads with the deployed mapping’s batch size and retries', () => {
    expect(STREAM_BATCH_SIZE).toBe(DEPLOYED_BATCH_SIZE);
    expect(STREAM_RETRY_ATTEMPTS).toBe(DEPLOYED_RETRY_ATTEMPTS);
  });

  it('turns the table’s stream on once (NEW_IMAGE, as deployed)', async () => {
    const arn = await ensureTableStream(t.endpoint, t.tableName);
    expect(arn).toMatch(new RegExp(`table/${t.tableName}/stream/`));
    expect(await ensureTableStream(t.endpoint, t.tableName)).toBe(arn);
  });

  it('hands a new outbox item to the handler as a Lambda DynamoDBStreamEvent, and nothing else', async () => {
    const events: DynamoDBStreamEvent[] = [];
    const handler = vi.fn(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
      events.push(event);
      return { batchItemFailures: [] };
    });
    const reader = await startOutboxStream(deps, {
      endpoint: t.endpoint,
      region: REGION,
      handler,
      pollMs: 50,
    });
    const id = `o-${randomUUID()}`;
    try {
      // Not an outbox item; then the item; then an update of it (a MODIFY): only the INSERT counts.
      await deps.db.send(
        new PutCommand({ TableName: t.tableName, Item: { pk: `OTHER#${id}`, sk: 'X', entity: 'case' } }),
      );
      await newOutboxItem(id);
      await deps.db.send(
        new UpdateCommand({
          TableName: t.tableName,
          Key: outboxKey(id),
          UpdateExpression: 'SET note = :n',
          ExpressionAttributeValues: { ':n': 'touched' },
        }),
      );
      await vi.waitFor(() => expect(events.length).toBeGreaterThan(0), { timeout: 10_000, interval: 50 });
      // A few more polls: the other two writes must not follow.
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await reader.stop();
    }
    const records = events.flatMap((e) => e.Records);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      awsRegion: REGION,
      eventSourceARN: reader.streamArn,
      dynamodb: {
        Keys: { pk: { S: `OUTBOX#${id}` }, sk: { S: 'OUTBOX' } },
        NewImage: { entity: { S: 'outbox' }, id: { S: id }, state: { S: 'pending' } },
        SequenceNumber: expect.any(String),
        ApproximateCreationDateTime: expect.any(Number),
        StreamViewType: 'NEW_IMAGE',
      },
    });
  });

  it('by default runs the outbox sender itself: the item is delivered', async () => {
    const lines: string[] = [];
    const reader = await startOutboxStream(deps, {
      endpoint: t.endpoint,
      region: REGION,
      pollMs: 50,
      log: (line) => lines.push(line),
    });
    const id = `o-${randomUUID()}`;
    try {
      await newOutboxItem(id);
      await vi.waitFor(async () => expect((await getOutboxItem(deps, id))?.state).toBe('delivered'), {
        timeout: 10_000,
        interval: 100,
      });
    } finally {
      await reader.stop();
    }
    expect(lines.map((l) => JSON.parse(l))).toContainEqual(
      expect.objectContaining({ job: 'outbox-stream', records: 1, failed: 0 }),
    );
  });

  it('stop() waits for the batch in progress, and nothing is handed over after it', async () => {
    let inHandler = false;
    let finished = 0;
    let calls = 0;
    const reader = await startOutboxStream(deps, {
      endpoint: t.endpoint,
      region: REGION,
      pollMs: 50,
      handler: async () => {
        calls++;
        inHandler = true;
        await new Promise((r) => setTimeout(r, 300));
        inHandler = false;
        finished++;
        return { batchItemFailures: [] };
      },
    });
    await newOutboxItem(`o-${randomUUID()}`);
    await vi.waitFor(() => expect(inHandler).toBe(true), { timeout: 10_000, interval: 10 });
    await reader.stop();
    expect(inHandler).toBe(false);
    expect(finished).toBe(1);
    await newOutboxItem(`o-${randomUUID()}`);
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBe(1);
  });
});
