// The outbox sender on AWS: invoked by the table's DynamoDB stream, filtered
// to newly written outbox items and to removed FILE items (their objects are
// deleted: files follow their owner's retention, docs/files.md). A record
// whose delivery fails is reported as a batch item failure, so only it is
// retried (then bisected, then sent to the on-failure destination); the sweep
// job picks up any outbox item left pending. A FILE removal has no sweep: one
// given up on lands in the on-failure queue, which the operator alarm watches.

import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { runtimeSenderDeps } from '#functions/runtime-sender-deps';
import { removeFileObjects } from '#service/file-retention';
import { deliverOutboxItemById } from '#service/notifications';
import type { Deps } from '#shared/deps';
import { OUTBOX_SENDER_JOB } from '#shared/metric-names';
import { measuredRun } from '#shared/metrics';
import { logger } from '#shared/observability';
import { removedFileIdOf } from '#store/file-retention';
import { pendingOutboxIdOf } from '#store/outbox-stream';

/** What the deliveries of one batch did, email by email. */
export interface EmailTally {
  sent: number;
  failed: number;
  skipped: number;
}

/**
 * Delivers the batch's new outbox items. `tally`, when given, is added to:
 * an item that could not be delivered at all (its read or its marker failed)
 * counts as one failed email.
 */
export const processStream = async (
  deps: Deps,
  event: DynamoDBStreamEvent,
  tally?: EmailTally,
): Promise<DynamoDBBatchResponse> => {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    // A FILE item removed (its owner's retention ran out): delete its objects.
    const fileId = removedFileIdOf(record);
    if (fileId !== undefined) {
      try {
        await removeFileObjects(deps, fileId);
      } catch (err) {
        logger.warn('file objects not deleted; will be retried', { fileId, error: (err as Error).message });
        if (record.dynamodb?.SequenceNumber)
          batchItemFailures.push({ itemIdentifier: record.dynamodb.SequenceNumber });
      }
      continue;
    }
    const id = pendingOutboxIdOf(record.dynamodb?.NewImage);
    if (id === undefined) continue;
    try {
      const result = await deliverOutboxItemById(deps, id, deps.clock()).catch((err) => {
        if (tally) tally.failed += 1;
        throw err;
      });
      if (tally) {
        tally.sent += result.sent;
        tally.failed += result.failed;
        tally.skipped += result.skipped;
      }
      if (result.failed > 0) throw new Error(`${result.failed} recipient(s) failed`);
    } catch (err) {
      logger.warn('outbox item not delivered; will be retried', {
        outboxId: id,
        error: (err as Error).message,
      });
      if (record.dynamodb?.SequenceNumber)
        batchItemFailures.push({ itemIdentifier: record.dynamodb.SequenceNumber });
    }
  }
  return { batchItemFailures };
};

export const handler = (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const emails: EmailTally = { sent: 0, failed: 0, skipped: 0 };
  return measuredRun(
    OUTBOX_SENDER_JOB,
    () => processStream(runtimeSenderDeps(), event, emails),
    () => ({ emails }),
  );
};
