// Then steps on what is stored: one item, and the count of reports. No vitest
// import here: test/soak/soak.ts (run with tsx) counts with it too.

import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { indexOf } from '#store/table';

/** A table to look into: a TestTable, a TestApi or an Api's `local`. */
export interface TableRef {
  db: DynamoDBDocumentClient;
  tableName: string;
}

/** The raw item at `key`, as DynamoDB holds it (undefined when there is none). */
export const storedItem = async (
  t: TableRef,
  key: { pk: string; sk: string },
): Promise<Record<string, unknown> | undefined> =>
  (await t.db.send(new GetCommand({ TableName: t.tableName, Key: key, ConsistentRead: true }))).Item;

/**
 * How many reports the table holds (for "a rejected request stores nothing").
 * It reads the index every report is on (all reports, newest first), by its name.
 */
export const storedReportCount = async (t: TableRef): Promise<number> => {
  const reportsNewest = indexOf('reportsNewest');
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await t.db.send(
      new QueryCommand({
        TableName: t.tableName,
        IndexName: reportsNewest.indexName,
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': reportsNewest.partitionKey },
        ExpressionAttributeValues: { ':p': 'REPORT' },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += out.Count ?? 0;
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return count;
};
