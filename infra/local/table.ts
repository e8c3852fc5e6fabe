// Creates the table on DynamoDB Local from the same definition CDK deploys
// (shared/store/table.ts), and turns on TTL like the deployed table has it.
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, TTL_ATTRIBUTE } from '#store/table';
import { localDynamoClient } from './dynamodb';
import { LocalStackError } from './ports';

const errorName = (err: unknown): string => (err instanceof Error ? err.name : '');

/**
 * Adds the GSIs of the definition that a table made by an older version lacks
 * (a local data directory outlives upgrades), one at a time as DynamoDB
 * requires, each waited for until ACTIVE. Returns the names it created.
 */
const addMissingIndexes = async (
  client: DynamoDBClient,
  tableName: string,
  indexWaitMs: number,
): Promise<string[]> => {
  const wanted = createTableInput(tableName);
  const created: string[] = [];
  for (const gsi of wanted.GlobalSecondaryIndexes ?? []) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.GlobalSecondaryIndexes?.some((g) => g.IndexName === gsi.IndexName)) continue;
    const keys = new Set(gsi.KeySchema?.map((k) => k.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: wanted.AttributeDefinitions?.filter((a) => keys.has(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [
          { Create: { IndexName: gsi.IndexName, KeySchema: gsi.KeySchema, Projection: gsi.Projection } },
        ],
      }),
    );
    // Wait until DynamoDB Local reports the index ACTIVE: until then a Query on it
    // fails. On a quiet machine this takes a second or two; past the bound the start
    // fails with the index's name, because a stack whose summary cannot read its day
    // must not say it is ready. Starting again resumes: the index is already there.
    const deadline = Date.now() + indexWaitMs;
    for (;;) {
      const { Table: t } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (t?.GlobalSecondaryIndexes?.find((g) => g.IndexName === gsi.IndexName)?.IndexStatus === 'ACTIVE')
        break;
      if (Date.now() >= deadline)
        throw new LocalStackError(
          `DynamoDB Local did not finish adding the index ${gsi.IndexName} to the table ${tableName} ` +
            `within ${Math.round(indexWaitMs / 1000)} s. Start again: it goes on from where it stopped.`,
        );
      await new Promise((r) => setTimeout(r, 250));
    }
    created.push(gsi.IndexName!);
  }
  return created;
};

export interface EnsureTableOptions {
  /** How long to wait for each added index to turn ACTIVE before failing (default 3 minutes). */
  indexWaitMs?: number;
}

/**
 * Creates `tableName` if it does not exist, adds any GSI an older table lacks,
 * waits until it is ACTIVE and makes sure TTL is on. Idempotent. Resolves to
 * the GSIs it added to an existing table (their items need a backfill); rejects
 * with a LocalStackError naming the index when one does not turn ACTIVE in time.
 */
export const ensureTable = async (
  endpoint: string,
  tableName: string,
  { indexWaitMs = 180_000 }: EnsureTableOptions = {},
): Promise<string[]> => {
  const client = localDynamoClient(endpoint, 5000);
  try {
    let exists = true;
    try {
      await client.send(new DescribeTableCommand({ TableName: tableName }));
    } catch (err) {
      if (errorName(err) !== 'ResourceNotFoundException') throw err;
      exists = false;
    }
    if (!exists) {
      try {
        await client.send(new CreateTableCommand(createTableInput(tableName)));
      } catch (err) {
        // Someone else created it in between: fine, wait for it below.
        if (errorName(err) !== 'ResourceInUseException') throw err;
      }
    }
    await waitUntilTableExists(
      { client, maxWaitTime: 30, minDelay: 1, maxDelay: 2 },
      { TableName: tableName },
    );
    const added = exists ? await addMissingIndexes(client, tableName, indexWaitMs) : [];

    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
    if (status !== 'ENABLED' && status !== 'ENABLING') {
      try {
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName: tableName,
            TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
          }),
        );
      } catch (err) {
        if (!(err instanceof Error && /already enabled/i.test(err.message))) throw err;
      }
    }
    return added;
  } finally {
    client.destroy();
  }
};

/** Drops a table (tests clean up after themselves); a missing table is not an error. */
export const dropTable = async (endpoint: string, tableName: string): Promise<void> => {
  const client = localDynamoClient(endpoint, 5000);
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } catch (err) {
    if (errorName(err) !== 'ResourceNotFoundException') throw err;
  } finally {
    client.destroy();
  }
};
