// The DynamoDB document client, created once per process. Timeouts and retries
// are set on purpose: a request must answer (503) well within API Gateway's
// 30 s, so each attempt gets `timeoutMs` and the SDK makes at most 3 attempts.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface StoreClientOptions {
  region: string;
  endpoint?: string;
  timeoutMs: number;
  maxAttempts?: number;
}

export const createDocumentClient = (o: StoreClientOptions): DynamoDBDocumentClient => {
  const client = new DynamoDBClient({
    region: o.region,
    maxAttempts: o.maxAttempts ?? 3,
    // throwOnRequestTimeout: without it this SDK only logs a warning when requestTimeout passes and
    // keeps waiting, so a store that accepts the connection but never answers hung the request.
    requestHandler: new NodeHttpHandler({
      connectionTimeout: o.timeoutMs,
      requestTimeout: o.timeoutMs,
      throwOnRequestTimeout: true,
    }),
    ...(o.endpoint
      ? // DynamoDB Local runs with -sharedDb, so any credentials see the same tables.
        { endpoint: o.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
};
