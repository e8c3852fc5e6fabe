// The case-notification sender on AWS (docs/jobs.md, "Case notifications"): a
// function on the table's DynamoDB stream that delivers each newly written
// outbox item. The event source mapping filters on the stream itself, so only
// INSERTs of outbox items and REMOVEs of FILE items (whose objects it deletes)
// invoke it (every other write to the table costs nothing). A record whose
// delivery fails is reported as a batch item failure: Lambda retries from it,
// bisecting the batch, and after `retryAttempts` or `maxRecordAge` sends a
// pointer to the records to an encrypted on-failure queue (which the operator
// alarms watch). The `case-notifications` sweep job
// delivers whatever is still pending after that; sent-markers make both safe.
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AppConfig } from '#config/schema';
import { eventPermissions } from '#functions/permissions';
import { FILE_SK_PREFIX } from '#store/file-retention';
import { OUTBOX_ENTITY } from '#store/outbox';
import type { Email } from './email';
import type { ImportedFilesBucket } from './files-bucket';
import { HandlerFunction } from './function';

export const OUTBOX_SENDER_ENTRY = 'functions/events/outbox-stream.ts';
/** Its row of the permission manifest. */
export const OUTBOX_SENDER_PERMISSIONS = eventPermissions['outbox-stream'];
export const STREAM_BATCH_SIZE = 10;
/** Lambda's retries of a failing batch (each retry bisects it), before the on-failure queue. */
export const STREAM_RETRY_ATTEMPTS = 3;
/** A record older than this goes to the on-failure queue; the sweep job (pending > 15 min) has long taken it over. */
export const STREAM_MAX_RECORD_AGE = Duration.hours(1);
const FAILURE_RETENTION = Duration.days(14);

/** Only new outbox items invoke the sender: no updates (delivery marks), no TTL deletions, no other entities. */
export const outboxInsertFilter = (): Record<string, unknown> =>
  FilterCriteria.filter({
    eventName: FilterRule.isEqual('INSERT'),
    dynamodb: { NewImage: { entity: { S: FilterRule.isEqual(OUTBOX_ENTITY) } } },
  });

/**
 * And removed FILE items (keys only: the stream is NEW_IMAGE), whose objects the sender deletes: files
 * follow their report's or case's retention (docs/files.md). The local reader keeps the same records
 * (infra/local/outbox-stream.ts; test/unit/stream-filters.test.ts compares them).
 */
export const fileRemoveFilter = (): Record<string, unknown> =>
  FilterCriteria.filter({
    eventName: FilterRule.isEqual('REMOVE'),
    dynamodb: { Keys: { sk: { S: FilterRule.beginsWith(FILE_SK_PREFIX) } } },
  });

/** Every filter of the sender's mapping (a record matching any of them invokes it). */
export const outboxSenderFilters = (): Record<string, unknown>[] => [
  outboxInsertFilter(),
  fileRemoveFilter(),
];

export interface OutboxSenderProps {
  config: AppConfig;
  /** The table (from the Data stack); it must have a stream. */
  table: ITableV2;
  email: Email;
  /** The evidence files bucket: the sender deletes the objects of expired FILE items (functions/permissions.ts). */
  filesBucket?: ImportedFilesBucket;
}

export class OutboxSender extends Construct {
  readonly function: HandlerFunction;
  /** Where the event source mapping sends (metadata of) records it gave up on. */
  readonly failureQueue: Queue;
  readonly eventSource: DynamoEventSource;

  constructor(scope: Construct, id: string, props: OutboxSenderProps) {
    super(scope, id);
    const { config, table } = props;

    this.failureQueue = new Queue(this, 'Failures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: FAILURE_RETENTION,
    });
    Validations.of(this.failureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is a dead-letter queue: the on-failure destination (DestinationConfig.OnFailure) of the outbox sender stream mapping. cdk-nag recognizes only redrive policies and Lambda DeadLetterConfig as DLQ uses; a queue of its own behind it would only move the question.',
    });

    this.function = new HandlerFunction(this, 'Handler', {
      config,
      entry: OUTBOX_SENDER_ENTRY,
      description: 'opinion-desk events: case notifications from the table stream',
      // A batch is up to 10 items, each one or more emails.
      timeout: Duration.seconds(60),
    }).bindTable(table, OUTBOX_SENDER_PERMISSIONS, props.filesBucket);
    if (OUTBOX_SENDER_PERMISSIONS.sendsMail) props.email.grantSend(this.function);

    // Grants the stream reads on the table's stream ARN only (TableV2: no `*` for ListStreams),
    // and sqs:SendMessage on the failure queue.
    this.eventSource = new DynamoEventSource(table, {
      startingPosition: StartingPosition.LATEST,
      batchSize: STREAM_BATCH_SIZE,
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      retryAttempts: STREAM_RETRY_ATTEMPTS,
      maxRecordAge: STREAM_MAX_RECORD_AGE,
      onFailure: new SqsDlq(this.failureQueue),
      filters: outboxSenderFilters(),
    });
    this.function.fn.addEventSource(this.eventSource);
  }
}
