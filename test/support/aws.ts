// The test file's own table on the shared DynamoDB Local, and deps bound to it.
// Each file calls testTable() once (beforeAll), so files never share state.
import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import type { RuntimeSettings } from '#config/runtime';
import { fileStorageOf } from '#files/deps';
import { loadAppConfig } from '#infra/config/index';
import { dropTable, ensureTable } from '#infra/local/table';
import { createMailingDeps } from '#mail/deps';
import type { Deps } from '#shared/deps';
import { createDocumentClient } from '#store/client';
import { TEST_FILES_BUCKET } from './files-bucket';

export interface TestTable {
  tableName: string;
  /** DynamoDB Local's URL. */
  endpoint: string;
  sesEndpoint: string;
  settings: RuntimeSettings;
  /** A document client on the table's DynamoDB, for arranging and asserting stored items. */
  db: DynamoDBDocumentClient;
  /** Deps for this table with the dev config; override the clock, ids, ... as needed. */
  deps(overrides?: Partial<Deps>): Deps;
  /** Drops the table (optional: the database is in memory and goes away with the run). */
  drop(): Promise<void>;
}

export const testEndpoints = () => ({
  dynamodbEndpoint: inject('dynamodbEndpoint'),
  sesEndpoint: inject('sesEndpoint'),
  s3Endpoint: inject('s3Endpoint'),
});

export const testSettings = (tableName: string): RuntimeSettings => {
  const { dynamodbEndpoint, sesEndpoint, s3Endpoint } = testEndpoints();
  return {
    config: loadAppConfig('dev'),
    tableName,
    region: 'ap-southeast-1',
    dynamodbEndpoint,
    sesEndpoint,
    dynamodbTimeoutMs: 2000,
    s3Endpoint,
    filesBucket: TEST_FILES_BUCKET,
  };
};

export const testTable = async (prefix = 'test'): Promise<TestTable> => {
  const tableName = `${prefix}-${randomUUID()}`;
  const settings = testSettings(tableName);
  const endpoint = settings.dynamodbEndpoint!;
  await ensureTable(endpoint, tableName);
  const db = createDocumentClient({
    region: settings.region,
    endpoint,
    timeoutMs: settings.dynamodbTimeoutMs,
  });
  return {
    tableName,
    endpoint,
    sesEndpoint: settings.sesEndpoint!,
    settings,
    db,
    deps: (overrides = {}) => createMailingDeps(settings, { ...fileStorageOf(settings), ...overrides }),
    drop: () => dropTable(endpoint, tableName),
  };
};
