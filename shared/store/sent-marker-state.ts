// The state of one sent-marker, read without writing: what the daily summary's
// watchdog checks for each summary email. (It joins shared/store/sent-markers.ts
// when the mail lane's move of the markers' commands lands; issue 16, §1.)
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '#shared/deps';

/** `absent`: never claimed; `claimed`: a send was started and not confirmed; `sent`: SES accepted it. */
export type SentMarkerState = 'absent' | 'claimed' | 'sent';

/** A strongly consistent read, so a send confirmed a moment ago counts. `key` is markerKey(...)'s. */
export const sentMarkerState = async (
  deps: Deps,
  key: { pk: string; sk: string },
): Promise<SentMarkerState> => {
  const { Item } = await deps.db.send(
    new GetCommand({
      TableName: deps.tableName,
      Key: key,
      ProjectionExpression: '#state',
      ExpressionAttributeNames: { '#state': 'state' },
      ConsistentRead: true,
    }),
  );
  if (!Item) return 'absent';
  return Item.state === 'sent' ? 'sent' : 'claimed';
};
