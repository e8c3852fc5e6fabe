// The local API in-process, on a free port, against a fresh test table and a
// throwaway signing key: for e2e tests that talk HTTP as a client would.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HandlerGroup, Role } from '../../functions/routes';
import { type LambdaHttpHandler, startLocalApi } from '../../infra/local/server';
import { type IssueTokenOptions, TokenKeys } from '../../infra/local/token';
import type { Clock, Deps } from '../../shared/deps';
import { testTable } from './aws';

export interface TestApiOptions {
  /** Overrides for the deps the handlers get (they are bound to a fresh test table). */
  deps?: Partial<Deps>;
  /** Shorthand for deps.clock: pin "now". */
  clock?: Clock;
  /** Replace a group's handler (tests of the adapter itself). */
  handlers?: Partial<Record<HandlerGroup, LambdaHttpHandler>>;
}

export interface TestApi {
  url: string;
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
  return {
    url: api.url,
    token: (role, o = {}) => keys.issueToken({ ...o, role }),
    tableName: table.tableName,
    db: table.db,
    deps,
    keys,
    stop: async () => {
      await api.stop();
      deps.db.destroy();
      table.db.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
