// The /health probe's one store call.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '#shared/deps';

/** A strongly consistent read of a key that never exists: resolves if the table answers, throws if not. */
export const pingTable = async (deps: Deps): Promise<void> => {
  await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: { pk: 'HEALTH', sk: 'HEALTH' } }));
};
