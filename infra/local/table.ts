// Creates the table on DynamoDB Local from the same definition CDK deploys
// (shared/store/table.ts), and turns on TTL like the deployed table has it. A
// table left in a data directory by an older version is checked against the
// definition: indexes it lacks are added; an index it has that the definition
// does not (or has with other keys or projection) means its items are keyed
// for another layout, and the start fails saying how to reset the directory.
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type GlobalSecondaryIndexDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, TTL_ATTRIBUTE } from '#store/table';
import { localDynamoClient } from './dynamodb';
import { LocalStackError } from './ports';

const errorName = (err: unknown): string => (err instanceof Error ? err.name : '');

const shapeOf = (g: GlobalSecondaryIndex | GlobalSecondaryIndexDescription): string =>
  JSON.stringify({
    keys: (g.KeySchema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`),
    projection: g.Projection?.ProjectionType ?? 'ALL',
    include: [...(g.Projection?.NonKeyAttributes ?? [])].sort(),
  });

/**
 * The indexes of an existing table that the definition does not have, or has
 * with other keys or another projection: its items were keyed for an older
 * layout (issue 16 renamed and slimmed the indexes), so this version cannot
 * read them. Empty when the table is a subset of the definition.
 */
export const foreignIndexes = (
  existing: readonly GlobalSecondaryIndexDescription[],
  tableName: string,
): string[] => {
  const wanted = new Map(
    (createTableInput(tableName).GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName, shapeOf(g)]),
  );
  return existing.filter((g) => wanted.get(g.IndexName ?? '') !== shapeOf(g)).map((g) => g.IndexName ?? '?');
};

/** Refuses a table whose indexes belong to another layout, saying how to start afresh. */
const checkLayout = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const foreign = foreignIndexes(Table?.GlobalSecondaryIndexes ?? [], tableName);
  if (foreign.length === 0) return;
  throw new LocalStackError(
    `The table ${tableName} in the local data directory was made by an older version of opinion-desk: ` +
      `its indexes ${foreign.join(', ')} do not match this version's (shared/store/table.ts), so its ` +
      'items are keyed for another layout and this version cannot list them. Nothing was changed. ' +
      'Stop the stack, move the data directory aside or delete it (`rm -rf .local`, or the DATA_DIR you ' +
      'set), and run `npm start` again: it creates a fresh table (`npm run seed` refills it with examples). ' +
      'See shared/store/README.md, "An older local data directory".',
  );
};

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
 * the GSIs it added to an existing table; rejects with a LocalStackError naming
 * the index when one does not turn ACTIVE in time, or naming the indexes of an
 * older layout (checkLayout) before changing anything.
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
    if (exists) await checkLayout(client, tableName);
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
