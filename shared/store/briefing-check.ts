// A case flagged for a briefing: the briefing must still be scheduled when the
// case's transaction commits (the use case reads it first, with getBriefing,
// to answer "no such briefing" or "the briefing is cancelled").
import type { Deps } from '#shared/deps';
import { briefingKey } from './briefings';
import type { TransactItem } from './query';

/** A condition for saveCaseAction's `extra`: fails the whole write unless the briefing is scheduled. */
export const briefingStillScheduled = (deps: Deps, briefingId: string): TransactItem => ({
  ConditionCheck: {
    TableName: deps.tableName,
    Key: briefingKey(briefingId),
    ConditionExpression: '#s = :scheduled',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':scheduled': 'scheduled' },
  },
});
