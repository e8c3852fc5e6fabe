// Adding an index to an old local table fails loudly, naming the index, when
// DynamoDB Local does not turn it ACTIVE in time. A real DynamoDB Local turns it
// ACTIVE in seconds (test/integration/summary-day-read.test.ts), so the index that
// never finishes is the one fault here that needs a mocked client.
import { DescribeTableCommand, DynamoDBClient, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalStackError } from '#infra/local/ports';
import { ensureTable } from '#infra/local/table';
import { createTableInput } from '#store/table';

const ddb = mockClient(DynamoDBClient);
afterEach(() => ddb.reset());

const tableName = 'old-table';
const wanted = createTableInput(tableName).GlobalSecondaryIndexes ?? [];
const missing = wanted.at(-1)!.IndexName!;

/** A table that has every index but the last; once asked to add it, reports it as `status`. */
const oldTable = (status: 'CREATING' | 'ACTIVE') => {
  let updated = false;
  ddb.onAnyCommand().resolves({ TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED' } });
  ddb.on(UpdateTableCommand).callsFake(() => {
    updated = true;
    return {};
  });
  ddb.on(DescribeTableCommand).callsFake(() => ({
    Table: {
      TableName: tableName,
      TableStatus: 'ACTIVE',
      GlobalSecondaryIndexes: wanted
        .filter((g) => updated || g.IndexName !== missing)
        .map((g) => ({
          IndexName: g.IndexName,
          KeySchema: g.KeySchema,
          Projection: g.Projection,
          IndexStatus: g.IndexName === missing ? status : 'ACTIVE',
        })),
    },
  }));
};

describe('adding a missing index to an old local table', () => {
  it('fails with a message naming the index when it does not turn ACTIVE in time', async () => {
    oldTable('CREATING');
    const start = ensureTable('http://127.0.0.1:1', tableName, { indexWaitMs: 600 });
    await expect(start).rejects.toBeInstanceOf(LocalStackError);
    await expect(start).rejects.toThrow(
      new RegExp(`index ${missing} to the table old-table within 1 s\\. Start again`),
    );
    expect(ddb.commandCalls(UpdateTableCommand)).toHaveLength(1);
  });

  it('resolves with the index it added once it is ACTIVE', async () => {
    oldTable('ACTIVE');
    await expect(ensureTable('http://127.0.0.1:1', tableName, { indexWaitMs: 600 })).resolves.toEqual([
      missing,
    ]);
  });
});
