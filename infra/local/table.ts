// Creates the table on DynamoDB Local from the same definition CDK deploys
// (shared/store/table.ts), and turns on TTL like the deployed table has it.
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, TTL_ATTRIBUTE } from '../../shared/store/table';
import { localDynamoClient } from './dynamodb';

const errorName = (err: unknown): string => (err instanceof Error ? err.name : '');

/** Creates `tableName` if it does not exist, waits until it is ACTIVE and makes sure TTL is on. Idempotent. */
export const ensureTable = async (endpoint: string, tableName: string): Promise<void> => {
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
