// `when`: a test calls a route the same way whichever way it reaches the code,
// chosen by TEST_MODE:
// - unset or `local`: the local HTTP stack in-process (./local-api.ts), over HTTP;
// - `handler`: the group's Lambda handler, called with the event API Gateway would
//   build (no server; the bearer token is verified first, as the JWT authorizer does);
// - `http`: a deployed stage, `API_URL` with tokens from TOKEN_REPORTER, TOKEN_DESK,
//   TOKEN_AGENCY (one user per role: a caller's user, agency and email are ignored)
//   and AGENCY_ID, the agency user's agency. Only the walk-through runs in this mode.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler as briefings } from '#functions/http/briefings';
import { createHandler as cases } from '#functions/http/cases';
import { createHandler as files } from '#functions/http/files';
import { createHandler as meta } from '#functions/http/meta';
import { createHandler as reports } from '#functions/http/reports';
import { createHandler as summaries } from '#functions/http/summaries';
import type { HandlerGroup } from '#functions/routes';
import { problemResponse } from '#http/problem';
import { buildHttpEvent, type LambdaHttpHandler, lambdaContext, matchRoute } from '#infra/local/server';
import { type IssueTokenOptions, TokenKeys } from '#infra/local/token';
import type { Deps } from '#shared/deps';
import { type Answer, apiClient, type Call, callerOf, parseAnswer } from './api-client';
import { testTable } from './aws';
import { startTestApi, type TestApiOptions } from './local-api';

export type TestMode = 'local' | 'handler' | 'http';

export const testMode = (): TestMode => {
  const mode = process.env.TEST_MODE ?? 'local';
  if (mode !== 'local' && mode !== 'handler' && mode !== 'http')
    throw new Error(`TEST_MODE must be local, handler or http, not ${mode}`);
  return mode;
};

/** The table and deps behind the API, when it runs here (not against a deployed stage). */
export interface LocalParts {
  tableName: string;
  db: DynamoDBDocumentClient;
  deps: Deps;
  token(role: IssueTokenOptions['role'], options?: Omit<IssueTokenOptions, 'role'>): Promise<string>;
}

export interface Api {
  mode: TestMode;
  /** Calls a route: `await api.when('POST', '/reports', 'reporter', aReport())`. */
  when: Call;
  /** The agency the `agency` role's default user acts for. */
  agencyId: string;
  /** Absent in `http` mode. */
  local?: LocalParts;
  stop(): Promise<void>;
}

const remoteApi = (): Api => {
  const need = (name: string) => {
    const v = process.env[name];
    if (!v) throw new Error(`TEST_MODE=http needs ${name}`);
    return v;
  };
  const tokens = { reporter: need('TOKEN_REPORTER'), desk: need('TOKEN_DESK'), agency: need('TOKEN_AGENCY') };
  return {
    mode: 'http',
    when: apiClient(need('API_URL'), async ({ role }) => tokens[role]),
    agencyId: need('AGENCY_ID'),
    stop: async () => undefined,
  };
};

const localApi = async (options: TestApiOptions): Promise<Api> => {
  const api = await startTestApi(options);
  return {
    mode: 'local',
    when: api.call,
    agencyId: 'transport-dept',
    local: { tableName: api.tableName, db: api.db, deps: api.deps, token: api.token },
    stop: () => api.stop(),
  };
};

const structured = (result: APIGatewayProxyResultV2): APIGatewayProxyStructuredResultV2 =>
  typeof result === 'string'
    ? { statusCode: 200, headers: { 'content-type': 'application/json' }, body: result }
    : (result as APIGatewayProxyStructuredResultV2);

const edgeProblem = (status: number, title: string, detail: string) =>
  problemResponse({ type: `https://opinion-desk.example.org/problems/${status}`, title, status, detail });

const answerOf = (
  result: APIGatewayProxyStructuredResultV2,
  extraHeaders: Record<string, string> = {},
): Answer => {
  const text =
    result.body === undefined
      ? ''
      : result.isBase64Encoded
        ? Buffer.from(result.body, 'base64').toString('utf8')
        : result.body;
  const headers = new Headers();
  for (const [name, value] of Object.entries({ ...result.headers, ...extraHeaders }))
    headers.set(name, String(value));
  return parseAnswer(result.statusCode ?? 200, headers, text);
};

const handlerApi = async (options: TestApiOptions): Promise<Api> => {
  const table = await testTable('handler');
  const dataDir = await mkdtemp(join(tmpdir(), 'opinion-desk-test-'));
  const keys = await TokenKeys.forDataDir(dataDir);
  const deps = table.deps({ ...(options.clock ? { clock: options.clock } : {}), ...options.deps });
  const create = { meta, reports, cases, summaries, briefings, files } as const;
  const handlers = Object.fromEntries(
    Object.entries(create).map(([g, c]) => [g, options.handlers?.[g as HandlerGroup] ?? c(deps)]),
  ) as Record<HandlerGroup, LambdaHttpHandler>;
  const token = (role: IssueTokenOptions['role'], o: Omit<IssueTokenOptions, 'role'> = {}) =>
    keys.issueToken({ ...o, role });
  const when: Call = async (method, path, who, body, headers = {}) => {
    const match = matchRoute(method, path.split('?')[0]!);
    // What stands in front of the handlers answers, as the local server does (infra/local/server.ts).
    if (!match) return answerOf(edgeProblem(404, 'Not found', `No route ${method} ${path}.`));
    const claims = who ? await keys.verifyToken(await token(callerOf(who).role, callerOf(who))) : undefined;
    if (!claims && match.route.access !== 'public') {
      return answerOf(edgeProblem(401, 'Unauthorized', 'Sign in: send Authorization: Bearer <token>.'), {
        'www-authenticate': 'Bearer',
      });
    }
    const allHeaders = { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers };
    const event = buildHttpEvent({
      method,
      url: path,
      rawHeaders: Object.entries(allHeaders).flat(),
      ...(body !== undefined ? { body: Buffer.from(JSON.stringify(body), 'utf8') } : {}),
      sourceIp: '127.0.0.1',
      match,
      ...(claims ? { claims } : {}),
      requestId: randomUUID(),
      now: new Date(),
    });
    return answerOf(
      structured(
        await handlers[match.route.group](event, lambdaContext(match.route.group, deps.config.region)),
      ),
    );
  };
  return {
    mode: 'handler',
    when,
    agencyId: 'transport-dept',
    local: { tableName: table.tableName, db: table.db, deps, token },
    stop: async () => {
      deps.db.destroy();
      table.db.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

/** The API for this file, reached as TEST_MODE says (options apply where it runs here). */
export const startApi = async (options: TestApiOptions = {}): Promise<Api> => {
  const mode = testMode();
  if (mode === 'http') return remoteApi();
  return mode === 'handler' ? handlerApi(options) : localApi(options);
};

export type { Answer };
