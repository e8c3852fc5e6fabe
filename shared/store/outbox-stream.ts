// The outbox sender is invoked with the table's stream records: a record's new
// image, decoded from DynamoDB's attribute values, names the pending outbox
// item to deliver, or nothing (another entity, an item already delivered).
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { StreamRecord } from 'aws-lambda';
import { OUTBOX_ENTITY } from './outbox';

/** The id of the pending outbox item this stream image is, if it is one. */
export const pendingOutboxIdOf = (image: StreamRecord['NewImage']): string | undefined => {
  if (!image) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (item.entity !== OUTBOX_ENTITY || item.state !== 'pending') return undefined;
  return String(item.id);
};
