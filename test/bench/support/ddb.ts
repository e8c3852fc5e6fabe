// DynamoDB Local for the benchmarks: one in-memory instance on a free port,
// tables made from the same definition CDK deploys, and deps bound to them.
import { randomUUID } from 'node:crypto';
import { type DynamoDbLocal, startDynamoDbLocal } from '#infra/local/dynamodb';
import { freePort, LocalStackError } from '#infra/local/ports';
import { ensureTable } from '#infra/local/table';
import type { Deps } from '#shared/deps';
import { benchDeps } from './settings';

/** Starts DynamoDB Local in memory; a port taken between the probe and Java's bind is tried again. */
export const startBenchDynamo = async (): Promise<DynamoDbLocal> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDynamoDbLocal({ port: await freePort(), readyTimeoutMs: 60_000 });
    } catch (err) {
      if (attempt >= 3 || !(err instanceof LocalStackError && /already in use/.test(err.message))) throw err;
    }
  }
};

/** A fresh table on `endpoint` and deps bound to it (dev config, no mail). */
export const benchTable = async (
  endpoint: string,
  prefix: string,
  overrides: Partial<Deps> = {},
): Promise<{ tableName: string; deps: Deps }> => {
  const tableName = `bench-${prefix}-${randomUUID().slice(0, 8)}`;
  await ensureTable(endpoint, tableName);
  return { tableName, deps: benchDeps(endpoint, tableName, overrides) };
};
