// The local stream reader (infra/local/outbox-stream.ts) over a fake streams
// API, for what DynamoDB Local does not do on demand: a shard closing and its
// child taking over (records stay in order, none lost, none twice), and an
// iterator expiring (reading goes on after the last record read).
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { type StreamsClient, startOutboxStream } from '#infra/local/outbox-stream';
import type { Deps } from '#shared/deps';

const ARN = 'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/1';

interface FakeShard {
  id: string;
  parent?: string;
  records: StreamRecord[];
  closed: boolean;
}

/** Streams API over in-memory shards; iterators are `shard|position`. */
const fakeStreams = () => {
  const shards: FakeShard[] = [];
  let seq = 0;
  let expireNext = false;
  const record = (
    id: string,
    eventName: 'INSERT' | 'MODIFY' = 'INSERT',
    entity = 'outbox',
  ): StreamRecord => ({
    eventID: `e-${id}`,
    eventName,
    dynamodb: {
      SequenceNumber: String(++seq).padStart(21, '0'),
      ApproximateCreationDateTime: new Date('2026-12-05T10:00:00Z'),
      NewImage: { entity: { S: entity }, state: { S: 'pending' }, id: { S: id } },
      StreamViewType: 'NEW_IMAGE',
    },
  });
  const shardOf = (id: string) => shards.find((s) => s.id === id)!;
  const client: StreamsClient = {
    send: async (command) => {
      if (command instanceof DescribeStreamCommand) {
        return {
          StreamDescription: {
            Shards: shards.map((s) => ({
              ShardId: s.id,
              ...(s.parent ? { ParentShardId: s.parent } : {}),
              SequenceNumberRange: {
                StartingSequenceNumber: '0',
                ...(s.closed
                  ? { EndingSequenceNumber: s.records.at(-1)?.dynamodb?.SequenceNumber ?? '0' }
                  : {}),
              },
            })),
          },
        };
      }
      if (command instanceof GetShardIteratorCommand) {
        const { ShardId, ShardIteratorType, SequenceNumber } = command.input;
        const shard = shardOf(ShardId!);
        const position =
          ShardIteratorType === 'LATEST'
            ? shard.records.length
            : ShardIteratorType === 'TRIM_HORIZON'
              ? 0
              : shard.records.findIndex((r) => r.dynamodb?.SequenceNumber === SequenceNumber) + 1;
        return { ShardIterator: `${ShardId}|${position}` };
      }
      if (command instanceof GetRecordsCommand) {
        if (expireNext) {
          expireNext = false;
          throw Object.assign(new Error('Iterator expired'), { name: 'ExpiredIteratorException' });
        }
        const [id, pos] = command.input.ShardIterator!.split('|') as [string, string];
        const shard = shardOf(id);
        const from = Number(pos);
        const Records = shard.records.slice(from);
        const end = shard.records.length;
        return {
          Records,
          ...(shard.closed && from + Records.length >= end ? {} : { NextShardIterator: `${id}|${end}` }),
        };
      }
      throw new Error('unexpected command');
    },
  };
  return {
    client,
    shards,
    record,
    expire: () => {
      expireNext = true;
    },
  };
};

const deps = { tableName: 't' } as Deps;

describe('the local stream reader over shards', () => {
  it('reads from LATEST, follows a closed shard into its child, and survives an expired iterator', async () => {
    const fake = fakeStreams();
    const a: FakeShard = { id: 'shard-a', records: [fake.record('before-start')], closed: false };
    fake.shards.push(a);
    const seen: string[] = [];
    const handler = vi.fn(async (event: DynamoDBStreamEvent) => {
      for (const r of event.Records) seen.push(r.dynamodb!.NewImage!.id!.S!);
      return { batchItemFailures: [] };
    });
    const reader = await startOutboxStream(deps, {
      endpoint: 'http://fake',
      region: 'ap-southeast-1',
      client: fake.client,
      streamArn: ARN,
      handler,
      pollMs: 10,
    });
    try {
      a.records.push(
        fake.record('a1'),
        fake.record('not-outbox', 'INSERT', 'case'),
        fake.record('a1', 'MODIFY'),
      );
      await vi.waitFor(() => expect(seen).toEqual(['a1']), { timeout: 2000, interval: 10 });

      // The shard closes with one more record; its child takes over.
      a.records.push(fake.record('a2'));
      a.closed = true;
      fake.shards.push({ id: 'shard-b', parent: 'shard-a', records: [fake.record('b1')], closed: false });
      await vi.waitFor(() => expect(seen).toEqual(['a1', 'a2', 'b1']), { timeout: 2000, interval: 10 });

      // The next read finds its iterator expired: a new one starts after b1.
      fake.expire();
      fake.shards[1]!.records.push(fake.record('b2'));
      await vi.waitFor(() => expect(seen).toEqual(['a1', 'a2', 'b1', 'b2']), { timeout: 2000, interval: 10 });
    } finally {
      await reader.stop();
    }
    // Lambda's shape: the event source, region and stream ARN, the time in epoch seconds.
    expect(handler.mock.calls[0]![0].Records[0]).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      awsRegion: 'ap-southeast-1',
      eventSourceARN: ARN,
      dynamodb: {
        ApproximateCreationDateTime: Date.parse('2026-12-05T10:00:00Z') / 1000,
        StreamViewType: 'NEW_IMAGE',
      },
    });
  });

  it('retries a failed record from it (not the ones before), three times, then gives it up', async () => {
    const fake = fakeStreams();
    const a: FakeShard = { id: 'shard-a', records: [], closed: false };
    fake.shards.push(a);
    const calls: string[][] = [];
    const lines: string[] = [];
    const reader = await startOutboxStream(deps, {
      endpoint: 'http://fake',
      region: 'ap-southeast-1',
      client: fake.client,
      streamArn: ARN,
      pollMs: 10,
      log: (line) => lines.push(line),
      handler: async (event) => {
        calls.push(event.Records.map((r) => r.dynamodb!.NewImage!.id!.S!));
        const bad = event.Records.find((r) => r.dynamodb!.NewImage!.id!.S === 'bad');
        return { batchItemFailures: bad ? [{ itemIdentifier: bad.dynamodb!.SequenceNumber! }] : [] };
      },
    });
    try {
      a.records.push(fake.record('ok'), fake.record('bad'), fake.record('after'));
      await vi.waitFor(() => expect(lines.some((l) => l.includes('givenUp'))).toBe(true), {
        timeout: 2000,
        interval: 10,
      });
    } finally {
      await reader.stop();
    }
    expect(calls).toEqual([
      ['ok', 'bad', 'after'],
      ['bad', 'after'],
      ['bad', 'after'],
      ['bad', 'after'],
    ]);
  });
});
