// The local stack's stand-in for Lambda's DynamoDB event source mapping: it
// reads the table's stream from DynamoDB Local (DescribeStream,
// GetShardIterator, GetRecords), keeps the records the deployed mapping's
// filters keep (new outbox items, removed FILE items), and hands them, shaped
// as the Lambda `DynamoDBStreamEvent`, to the outbox sender's own code
// (functions/events/outbox-stream.ts), in batches, with the deployed retries.
// So what sends case notifications (and deletes the objects of expired files)
// on AWS is what does it locally.
//
// As on AWS (infra/aws/constructs/outbox-sender.ts): reading starts at LATEST
// (an item written while nothing was reading is the sweep's, the
// case-notifications job); batches of STREAM_BATCH_SIZE; a batch's item
// failures are retried from the first failed record, STREAM_RETRY_ATTEMPTS
// times, then given up (logged; the sweep sends what is still pending).
// Shards are followed as they roll over (a closed shard is read to its end,
// then its children from their start), and an expired iterator is replaced
// after the last record read.
import { DescribeTableCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  type AttributeValue as StreamValue,
} from '@aws-sdk/client-dynamodb-streams';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { processStream } from '#functions/events/outbox-stream';
import type { Deps } from '#shared/deps';
import { FILE_SK_PREFIX } from '#store/file-retention';
import { OUTBOX_ENTITY } from '#store/outbox';
import { localDynamoClient } from './dynamodb';
import { LocalStackError } from './ports';
import type { StackExtension } from './stack';

/** As the deployed mapping (infra/aws/constructs/outbox-sender.ts; test/integration/outbox-stream.test.ts compares). */
export const STREAM_BATCH_SIZE = 10;
export const STREAM_RETRY_ATTEMPTS = 3;
/** The deployed table's stream view (infra/aws/data-stack.ts: `dynamoStream`). */
export const STREAM_VIEW_TYPE = 'NEW_IMAGE';

/** How often each shard is polled; how often the stream is looked at for new shards. */
const POLL_MS = 250;
const DESCRIBE_EVERY_MS = 10_000;

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

/** The part of the streams client the reader uses (tests hand in a fake). */
export interface StreamsClient {
  send(command: DescribeStreamCommand | GetShardIteratorCommand | GetRecordsCommand): Promise<unknown>;
  destroy?(): void;
}

export interface OutboxStreamOptions {
  /** DynamoDB Local's address (it serves the streams API too). */
  endpoint: string;
  region: string;
  /** What gets the batches; by default the outbox sender's processStream with these deps. */
  handler?: StreamHandler;
  /** One JSON line per batch handed over, and one per problem. */
  log?: (line: string) => void;
  pollMs?: number;
  /** For tests: a client other than the SDK's, and the stream it serves (the table's is then not looked up). */
  client?: StreamsClient;
  streamArn?: string;
}

export interface OutboxStream {
  streamArn: string;
  /** Stops polling and waits for the batch in progress. */
  stop(): Promise<void>;
}

/**
 * Turns the table's stream on (NEW_IMAGE, as deployed) when it is off: a table
 * made before the local stack read its stream, or a test table. Returns its ARN.
 */
export const ensureTableStream = async (endpoint: string, tableName: string): Promise<string> => {
  const client = localDynamoClient(endpoint, 5000);
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const spec = Table?.StreamSpecification;
    if (spec?.StreamEnabled && Table?.LatestStreamArn) {
      if (spec.StreamViewType === 'KEYS_ONLY' || spec.StreamViewType === 'OLD_IMAGE')
        throw new LocalStackError(
          `The table ${tableName} streams ${spec.StreamViewType}; the outbox sender needs the new image.`,
        );
      return Table.LatestStreamArn;
    }
    const updated = await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        StreamSpecification: { StreamEnabled: true, StreamViewType: STREAM_VIEW_TYPE },
      }),
    );
    const arn = updated.TableDescription?.LatestStreamArn;
    if (!arn) throw new LocalStackError(`DynamoDB Local did not give the table ${tableName} a stream.`);
    return arn;
  } finally {
    client.destroy();
  }
};

/** The deployed mapping's filter (`outboxInsertFilter`): new outbox items only. */
export const isOutboxInsert = (r: StreamRecord): boolean =>
  r.eventName === 'INSERT' && r.dynamodb?.NewImage?.entity?.S === OUTBOX_ENTITY;

/** Its other filter (`fileRemoveFilter`): removed FILE items, whose objects the sender deletes. */
export const isFileRemove = (r: StreamRecord): boolean =>
  r.eventName === 'REMOVE' && (r.dynamodb?.Keys?.sk?.S?.startsWith(FILE_SK_PREFIX) ?? false);

/** What the deployed mapping hands the sender: a record any of its filters matches. */
export const isSenderRecord = (r: StreamRecord): boolean => isOutboxInsert(r) || isFileRemove(r);

/** The SDK's binary values are bytes; Lambda's event carries them base64-encoded. */
const lambdaValue = (v: StreamValue): AttributeValue => {
  if (v.B !== undefined) return { B: Buffer.from(v.B).toString('base64') };
  if (v.BS !== undefined) return { BS: v.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (v.M !== undefined) return { M: lambdaImage(v.M) };
  if (v.L !== undefined) return { L: v.L.map(lambdaValue) };
  return v as AttributeValue;
};
const lambdaImage = (image: Record<string, StreamValue>): Record<string, AttributeValue> =>
  Object.fromEntries(Object.entries(image).map(([k, v]) => [k, lambdaValue(v)]));

/** A record of the streams API as Lambda delivers it (creation time in epoch seconds, the mapping's region and ARN). */
export const toLambdaRecord = (r: StreamRecord, streamArn: string, region: string): DynamoDBRecord => {
  const d = r.dynamodb ?? {};
  return {
    ...(r.eventID ? { eventID: r.eventID } : {}),
    ...(r.eventName ? { eventName: r.eventName } : {}),
    ...(r.eventVersion ? { eventVersion: r.eventVersion } : {}),
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(d.ApproximateCreationDateTime
        ? { ApproximateCreationDateTime: Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) }
        : {}),
      ...(d.Keys ? { Keys: lambdaImage(d.Keys) } : {}),
      ...(d.NewImage ? { NewImage: lambdaImage(d.NewImage) } : {}),
      ...(d.OldImage ? { OldImage: lambdaImage(d.OldImage) } : {}),
      ...(d.SequenceNumber ? { SequenceNumber: d.SequenceNumber } : {}),
      ...(d.SizeBytes !== undefined ? { SizeBytes: d.SizeBytes } : {}),
      ...(d.StreamViewType ? { StreamViewType: d.StreamViewType } : {}),
    },
  };
};

interface ShardState {
  id: string;
  parentId: string | undefined;
  iterator: string | undefined;
  /** The last record read (handed over, given up on, or filtered out). */
  checkpoint: string | undefined;
  /** Read to its end (the shard is closed), or never to be read. */
  done: boolean;
}

const errorName = (err: unknown): string => (err instanceof Error ? err.name : '');
const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Starts reading the stream of `deps.tableName` (turning it on if needed) and
 * resolves once every open shard has an iterator: whatever is written after
 * that reaches the handler.
 */
export const startOutboxStream = async (deps: Deps, o: OutboxStreamOptions): Promise<OutboxStream> => {
  const streamArn = o.streamArn ?? (await ensureTableStream(o.endpoint, deps.tableName));
  const client: StreamsClient =
    o.client ??
    new DynamoDBStreamsClient({
      endpoint: o.endpoint,
      region: o.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ connectionTimeout: 2000, requestTimeout: 5000 }),
    });
  const pollMs = o.pollMs ?? POLL_MS;
  const log = (entry: Record<string, unknown>) => o.log?.(JSON.stringify({ job: 'outbox-stream', ...entry }));
  const handler: StreamHandler =
    o.handler ??
    (async (event) => {
      const emails = { sent: 0, failed: 0, skipped: 0 };
      const response = await processStream(deps, event, emails);
      log({ records: event.Records.length, ...emails });
      return response;
    });

  const shards = new Map<string, ShardState>();
  let stopping = false;

  const describeShards = async () => {
    const found: { id: string; parentId: string | undefined; closed: boolean }[] = [];
    let start: string | undefined;
    do {
      const out = (await client.send(
        new DescribeStreamCommand({
          StreamArn: streamArn,
          ...(start ? { ExclusiveStartShardId: start } : {}),
        }),
      )) as {
        StreamDescription?: {
          Shards?: {
            ShardId?: string;
            ParentShardId?: string;
            SequenceNumberRange?: { EndingSequenceNumber?: string };
          }[];
          LastEvaluatedShardId?: string;
        };
      };
      for (const s of out.StreamDescription?.Shards ?? []) {
        if (s.ShardId)
          found.push({
            id: s.ShardId,
            parentId: s.ParentShardId,
            closed: s.SequenceNumberRange?.EndingSequenceNumber !== undefined,
          });
      }
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return found;
  };

  const iteratorFor = async (
    shardId: string,
    position: { type: 'LATEST' | 'TRIM_HORIZON' } | { type: 'AFTER_SEQUENCE_NUMBER'; after: string },
  ): Promise<string | undefined> => {
    const out = (await client.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: position.type,
        ...(position.type === 'AFTER_SEQUENCE_NUMBER' ? { SequenceNumber: position.after } : {}),
      }),
    )) as { ShardIterator?: string };
    return out.ShardIterator;
  };

  /** Adds shards not seen before: at start the open ones from LATEST; later ones from their start. */
  const discover = async (atStart: boolean) => {
    for (const s of await describeShards()) {
      if (shards.has(s.id)) continue;
      const state: ShardState = {
        id: s.id,
        parentId: s.parentId,
        iterator: undefined,
        checkpoint: undefined,
        done: false,
      };
      if (atStart) {
        // What a closed shard holds was written before this reader: the sweep's.
        if (s.closed) state.done = true;
        else state.iterator = await iteratorFor(s.id, { type: 'LATEST' });
      } else {
        state.iterator = await iteratorFor(s.id, { type: 'TRIM_HORIZON' });
      }
      shards.set(s.id, state);
    }
  };

  /** Hands `records` to the handler in batches, retrying each batch's failures as the deployed mapping does. */
  const deliver = async (records: StreamRecord[]) => {
    for (let i = 0; i < records.length; i += STREAM_BATCH_SIZE) {
      let batch = records.slice(i, i + STREAM_BATCH_SIZE).map((r) => toLambdaRecord(r, streamArn, o.region));
      for (let attempt = 0; batch.length > 0; attempt++) {
        let failed: string[];
        try {
          failed = (await handler({ Records: batch })).batchItemFailures.map((f) => f.itemIdentifier);
        } catch (err) {
          log({ error: errorMessage(err) });
          failed = batch.map((r) => r.dynamodb?.SequenceNumber ?? '');
        }
        if (failed.length === 0) break;
        // Lambda checkpoints before the first failed record and retries from it.
        const first = batch.findIndex((r) => failed.includes(r.dynamodb?.SequenceNumber ?? ''));
        batch = first === -1 ? [] : batch.slice(first);
        if (attempt >= STREAM_RETRY_ATTEMPTS || stopping) {
          log({
            givenUp: batch.map((r) => r.dynamodb?.SequenceNumber),
            note: 'the case-notifications sweep sends what is still pending',
          });
          break;
        }
        await new Promise((r) => setTimeout(r, pollMs));
      }
    }
  };

  const pollShard = async (shard: ShardState) => {
    if (shard.done) return;
    // A child shard waits until its parent has been read to the end (records stay in order).
    const parent = shard.parentId ? shards.get(shard.parentId) : undefined;
    if (parent && !parent.done) return;
    if (!shard.iterator) {
      shard.iterator = shard.checkpoint
        ? await iteratorFor(shard.id, { type: 'AFTER_SEQUENCE_NUMBER', after: shard.checkpoint })
        : await iteratorFor(shard.id, { type: 'LATEST' });
    }
    let out: { Records?: StreamRecord[]; NextShardIterator?: string };
    try {
      out = (await client.send(
        new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 100 }),
      )) as typeof out;
    } catch (err) {
      const name = errorName(err);
      if (name === 'ExpiredIteratorException') {
        // Iterators last 15 minutes; go on after the last record read.
        shard.iterator = undefined;
        return;
      }
      if (name === 'ResourceNotFoundException' || name === 'TrimmedDataAccessException') {
        log({
          shard: shard.id,
          error: errorMessage(err),
          note: 'shard no longer readable; the sweep covers it',
        });
        shard.done = true;
        return;
      }
      throw err;
    }
    const records = out.Records ?? [];
    await deliver(records.filter(isSenderRecord));
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (last) shard.checkpoint = last;
    shard.iterator = out.NextShardIterator;
    // No next iterator: the shard is closed and read to its end; its children come next.
    if (!shard.iterator) shard.done = true;
  };

  await discover(true);

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let lastDescribe = Date.now();
  const tick = async () => {
    try {
      if (Date.now() - lastDescribe >= DESCRIBE_EVERY_MS || [...shards.values()].every((s) => s.done)) {
        lastDescribe = Date.now();
        await discover(false);
      }
      for (const shard of shards.values()) {
        if (stopping) break;
        await pollShard(shard);
      }
    } catch (err) {
      log({ error: errorMessage(err) });
    }
  };
  const schedule = () => {
    if (stopping) return;
    timer = setTimeout(() => {
      running = tick().finally(() => {
        running = undefined;
        schedule();
      });
    }, pollMs);
    timer.unref();
  };
  schedule();

  return {
    streamArn,
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await running;
      client.destroy?.();
    },
  };
};

/** The stream reader as a stack extension (infra/local/start.ts): it stops before the rest of the stack. */
export const outboxStreamExtension =
  (o: { log?: (line: string) => void } = {}): StackExtension =>
  async (stack) => {
    const reader = await startOutboxStream(stack.deps, {
      endpoint: stack.dynamodbEndpoint,
      region: stack.settings.region,
      ...(o.log ? { log: o.log } : {}),
    });
    return () => reader.stop();
  };
