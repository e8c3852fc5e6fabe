// The local API in-process, on a free port, against a fresh test table and a
// throwaway signing key: for e2e tests that talk HTTP as a client would.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HandlerGroup, Role } from '#functions/routes';
import { buildOpenApi } from '#http/openapi';
import { type LambdaHttpHandler, startLocalApi } from '#infra/local/server';
import { type IssueTokenOptions, TokenKeys } from '#infra/local/token';
import type { Clock, Deps } from '#shared/deps';
import { apiClient, type Call } from './api-client';
import { watchApiTraffic } from './api-traffic';
import { testTable } from './aws';
import type { OpenApiDocument } from './openapi-check';

export interface TestApiOptions {
  /** Overrides for the deps the handlers get (they are bound to a fresh test table). */
  deps?: Partial<Deps>;
  /** Shorthand for deps.clock: pin "now". */
  clock?: Clock;
  /**
   * Replace a group's handler (tests of the adapter itself). The API's traffic
   * is then not checked against the OpenAPI document, which describes the real handlers.
   */
  handlers?: Partial<Record<HandlerGroup, LambdaHttpHandler>>;
}

export interface TestApi {
  url: string;
  /** Calls the API as `who` (a role or a caller), with a token the server accepts: tc.api.call('GET', '/cases', 'desk'). */
  call: Call;
  /** A bearer token the server accepts, for `role` (user, agency, email, expiresIn, now as in issueToken). */
  token(role: Role, options?: Omit<IssueTokenOptions, 'role'>): Promise<string>;
  tableName: string;
  db: DynamoDBDocumentClient;
  deps: Deps;
  keys: TokenKeys;
  stop(): Promise<void>;
}

export const startTestApi = async (options: TestApiOptions = {}): Promise<TestApi> => {
  const table = await testTable('api');
  const dataDir = await mkdtemp(join(tmpdir(), 'opinion-desk-test-'));
  const keys = await TokenKeys.forDataDir(dataDir);
  const deps = table.deps({ ...(options.clock ? { clock: options.clock } : {}), ...options.deps });
  const api = await startLocalApi({
    port: 0,
    deps,
    verifier: keys,
    ...(options.handlers ? { handlers: options.handlers } : {}),
  });
  // Every response of the real handlers must be one the document declares (test/support/api-traffic.ts).
  const unwatch = options.handlers
    ? () => {}
    : watchApiTraffic(api.url, buildOpenApi(deps.config) as unknown as OpenApiDocument);
  const token = (role: Role, o: Omit<IssueTokenOptions, 'role'> = {}) => keys.issueToken({ ...o, role });
  return {
    url: api.url,
    call: apiClient(api.url, (caller) => token(caller.role, caller)),
    token,
    tableName: table.tableName,
    db: table.db,
    deps,
    keys,
    stop: async () => {
      unwatch();
      await api.stop();
      deps.db.destroy();
      table.db.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
