// The outbox sender on AWS: invoked by the table's DynamoDB stream, filtered
// to newly written outbox items. A record whose delivery fails is reported as
// a batch item failure, so only it is retried (then bisected, then sent to the
// on-failure destination); the sweep job picks up anything left pending.

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { runtimeMailingDeps } from '#mail/deps';
import { deliverOutboxItemById } from '#service/notifications';
import type { Deps } from '#shared/deps';
import { logger } from '#shared/observability';
import { OUTBOX_ENTITY } from '#store/outbox';

export const processStream = async (
  deps: Deps,
  event: DynamoDBStreamEvent,
): Promise<DynamoDBBatchResponse> => {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (!image) continue;
    const item = unmarshall(image as Record<string, AttributeValue>);
    if (item.entity !== OUTBOX_ENTITY || item.state !== 'pending') continue;
    try {
      const result = await deliverOutboxItemById(deps, String(item.id), deps.clock());
      if (result.failed > 0) throw new Error(`${result.failed} recipient(s) failed`);
    } catch (err) {
      logger.warn('outbox item not delivered; will be retried', {
        outboxId: item.id,
        error: (err as Error).message,
      });
      if (record.dynamodb?.SequenceNumber)
        batchItemFailures.push({ itemIdentifier: record.dynamodb.SequenceNumber });
    }
  }
  return { batchItemFailures };
};

export const handler = (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
  processStream(runtimeMailingDeps(), event);
