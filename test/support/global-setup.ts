// Starts the shared local services once per test run: DynamoDB Local (in
// memory) and local SES, each on a free port, and hands their endpoints to
// the test files (inject('dynamodbEndpoint'), inject('sesEndpoint')).
import type { TestProject } from 'vitest/node';
import { type DynamoDbLocal, startDynamoDbLocal } from '#infra/local/dynamodb';
import { freePort, LocalStackError } from '#infra/local/ports';
import { startLocalS3 } from '#infra/local/s3';
import { startLocalSes } from '#infra/local/ses';
import { ensureConsoleBuilt } from '#web/build';
import { TEST_FILES_BUCKET } from './files-bucket';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local, shared by all test files; each file makes its own table (testTable()). */
    dynamodbEndpoint: string;
    /** The local SES v2 endpoint; its store is at `${sesEndpoint}/store`. */
    sesEndpoint: string;
    /** The local S3-compatible server, with the bucket TEST_FILES_BUCKET (file ids are ULIDs: files never collide). */
    s3Endpoint: string;
  }
}

const startDynamo = async (): Promise<DynamoDbLocal> => {
  // The free port is only free until someone else takes it: try again on a clash.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDynamoDbLocal({ port: await freePort() });
    } catch (err) {
      if (attempt >= 3 || !(err instanceof LocalStackError && /already in use/.test(err.message))) throw err;
    }
  }
};

export default async function setup(project: TestProject) {
  // The console's build (web/dist): its tests, the browser journeys and the CDK synth read it.
  const built = ensureConsoleBuilt();
  const dynamo = await startDynamo();
  const ses = await startLocalSes({ port: 0 }).catch(async (err: unknown) => {
    await dynamo.stop();
    throw err;
  });
  const s3 = await startLocalS3({ port: 0, buckets: [{ name: TEST_FILES_BUCKET, corsOrigins: [] }] }).catch(
    async (err: unknown) => {
      await ses.stop();
      await dynamo.stop();
      throw err;
    },
  );
  await built.catch(async (err: unknown) => {
    await s3.stop();
    await ses.stop();
    await dynamo.stop();
    throw err;
  });
  project.provide('dynamodbEndpoint', dynamo.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  return async () => {
    await s3.stop();
    await ses.stop();
    await dynamo.stop();
  };
}
