// The local API: a node:http server that plays API Gateway's HTTP API in front
// of the same handlers, mounted from the same route manifest CDK reads. It
// matches routes, verifies bearer tokens like the JWT authorizer (claims
// rendered as strings, as API Gateway does), builds payload-format-2.0 events
// and writes the handlers' results back. Everything else is the handlers' job.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import {
  type HandlerGroup,
  handlerGroups,
  methodsOfPath,
  type RouteDef,
  routeKey,
  routes,
} from '#functions/routes';
import { bodyTooLarge, MAX_BODY_BYTES } from '#http/body';
import { SECURITY_HEADERS } from '#http/handler';
import { MethodNotAllowed, type Problem, problemResponse, toProblem } from '#http/problem';
import type { Deps } from '#shared/deps';
import { connectHost } from './dynamodb';
import { listenHttp } from './ports';
import { InvalidTokenError, type TokenClaims, type TokenVerifier } from './token';

export type LambdaHttpHandler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
) => Promise<APIGatewayProxyResultV2>;

interface HandlerModule {
  createHandler?: (deps: Deps) => LambdaHttpHandler;
}

export interface LocalApiOptions {
  /** 0 lets the OS pick a free port. */
  port: number;
  host?: string;
  deps: Deps;
  verifier: TokenVerifier;
  /** Use these instead of importing a group's entry module (tests of the adapter itself). */
  handlers?: Partial<Record<HandlerGroup, LambdaHttpHandler>>;
  /** One line per request (method, path, status, time); nothing is logged when absent. */
  log?: (line: string) => void;
}

export interface LocalApi {
  url: string;
  port: number;
  /** Closes the server and its open keep-alive connections. */
  stop(): Promise<void>;
}

/** The most API Gateway waits for an integration. */
const INTEGRATION_TIMEOUT_MS = 29_000;
const ACCOUNT_ID = '000000000000';
const API_ID = 'local';
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// ---------------------------------------------------------------------------
// Route matching

interface CompiledRoute {
  route: RouteDef;
  key: string;
  segments: { literal?: string; param?: string; greedy?: boolean }[];
}

const compile = (route: RouteDef): CompiledRoute => ({
  route,
  key: routeKey(route),
  segments: route.path
    .split('/')
    .slice(1)
    .map((s) => {
      const m = /^\{([^}+]+)(\+?)\}$/.exec(s);
      return m ? { param: m[1]!, greedy: m[2] === '+' } : { literal: s };
    }),
});

/** API Gateway prefers the most specific route: at the first difference, a literal segment beats a parameter. */
const bySpecificity = (a: CompiledRoute, b: CompiledRoute): number => {
  const n = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    if (!x || !y) return x ? -1 : 1;
    const rank = (s: typeof x) => (s.literal !== undefined ? 0 : s.greedy ? 2 : 1);
    if (rank(x) !== rank(y)) return rank(x) - rank(y);
  }
  return 0;
};

const compiledRoutes: CompiledRoute[] = (routes as readonly RouteDef[]).map(compile).sort(bySpecificity);

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

export interface RouteMatch {
  route: RouteDef;
  routeKey: string;
  /** Decoded values of the `{name}` segments. */
  pathParameters: Record<string, string>;
}

/** Matches a method (undefined: any method) and a raw (still percent-encoded) path against the manifest. */
export const matchRoute = (
  method: string | undefined,
  rawPath: string,
  table: readonly RouteDef[] = routes as readonly RouteDef[],
): RouteMatch | undefined => {
  const compiled = table === routes ? compiledRoutes : table.map(compile).sort(bySpecificity);
  const parts = rawPath.split('/').slice(1);
  for (const c of compiled) {
    if (method !== undefined && c.route.method !== method) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < c.segments.length && ok; i++) {
      const seg = c.segments[i]!;
      const part = parts[i];
      if (seg.greedy) {
        const rest = parts.slice(i);
        ok = rest.length > 0 && rest.join('/') !== '';
        if (ok) params[seg.param!] = safeDecode(rest.join('/'));
        break;
      }
      if (part === undefined) ok = false;
      else if (seg.literal !== undefined) ok = seg.literal === part;
      else {
        ok = part.length > 0;
        params[seg.param!] = safeDecode(part);
      }
    }
    const greedy = c.segments.at(-1)?.greedy === true;
    if (ok && (greedy || c.segments.length === parts.length)) {
      return { route: c.route, routeKey: c.key, pathParameters: params };
    }
  }
  return undefined;
};

// ---------------------------------------------------------------------------
// The event, as API Gateway builds it

/**
 * API Gateway's JWT authorizer hands claims to the integration as strings:
 * an array becomes `[a b]`, numbers and booleans their text.
 */
export const renderClaims = (claims: Record<string, unknown>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) out[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'object') out[name] = JSON.stringify(value);
    else out[name] = String(value);
  }
  return out;
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
/** `12/Mar/2020:19:03:58 +0000`, API Gateway's requestContext.time. */
export const apiGatewayTime = (d: Date): string =>
  `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;

export interface EventInput {
  method: string;
  /** The request target as received: path and query, percent-encoded. */
  url: string;
  /** Node's rawHeaders: name, value, name, value, ... */
  rawHeaders: string[];
  body?: Buffer;
  sourceIp: string;
  protocol?: string;
  match: RouteMatch;
  /** Verified claims; absent on public routes (API Gateway then sends no authorizer). */
  claims?: Record<string, unknown>;
  requestId: string;
  now: Date;
}

// A body that is valid UTF-8 is passed as a string, as API Gateway passes a
// JSON body; any other bytes base64-encoded, so the handler sees the bytes
// themselves and refuses them (a string would already hold U+FFFD instead).
const bodyOf = (body: Buffer | undefined): { body?: string; isBase64Encoded: boolean } => {
  if (!body || body.length === 0) return { isBase64Encoded: false };
  try {
    return {
      body: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body),
      isBase64Encoded: false,
    };
  } catch {
    return { body: body.toString('base64'), isBase64Encoded: true };
  }
};

export const buildHttpEvent = (input: EventInput): APIGatewayProxyEventV2WithJWTAuthorizer => {
  const q = input.url.indexOf('?');
  const encodedPath = q === -1 ? input.url : input.url.slice(0, q);
  const rawQueryString = q === -1 ? '' : input.url.slice(q + 1);
  // HTTP APIs hand the path to the integration percent-decoded, in rawPath too.
  const path = safeDecode(encodedPath);

  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let i = 0; i + 1 < input.rawHeaders.length; i += 2) {
    const name = input.rawHeaders[i]!.toLowerCase();
    const value = input.rawHeaders[i + 1]!;
    if (name === 'cookie') {
      cookies.push(
        ...value
          .split(';')
          .map((c) => c.trim())
          .filter(Boolean),
      );
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  headers['x-forwarded-for'] = headers['x-forwarded-for']
    ? `${headers['x-forwarded-for']},${input.sourceIp}`
    : input.sourceIp;
  headers['x-forwarded-proto'] ??= 'http';

  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    query[name] = name in query ? `${query[name]},${value}` : value;
  }

  const host = (headers.host ?? 'localhost').replace(/:\d+$/, '');
  const routeKeyText = input.match.routeKey;
  const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
    version: '2.0',
    routeKey: routeKeyText,
    rawPath: path,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(Object.keys(input.match.pathParameters).length > 0
      ? { pathParameters: input.match.pathParameters }
      : {}),
    requestContext: {
      accountId: ACCOUNT_ID,
      apiId: API_ID,
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      http: {
        method: input.method,
        path,
        protocol: input.protocol ?? 'HTTP/1.1',
        sourceIp: input.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId,
      routeKey: routeKeyText,
      stage: '$default',
      time: apiGatewayTime(input.now),
      timeEpoch: input.now.getTime(),
      ...(input.claims
        ? {
            authorizer: {
              jwt: { claims: renderClaims(input.claims), scopes: null },
              principalId: '',
              integrationLatency: 0,
            },
          }
        : {}),
    } as APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'],
    ...bodyOf(input.body),
  };
  return event;
};

export const lambdaContext = (group: string, region: string, timeoutMs = INTEGRATION_TIMEOUT_MS): Context => {
  const functionName = `opinion-desk-${group}-local`;
  const deadline = Date.now() + timeoutMs;
  const now = new Date();
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${now.getUTCFullYear()}/${pad(now.getUTCMonth() + 1)}/${pad(now.getUTCDate())}/[$LATEST]${randomBytes(16).toString('hex')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
};

// ---------------------------------------------------------------------------
// The server

const handlerModules = new Map<HandlerGroup, Promise<HandlerModule>>();

/** Imports a group's entry module once per process and checks that it exports createHandler. */
const importHandlerModule = (group: HandlerGroup): Promise<HandlerModule> => {
  let loading = handlerModules.get(group);
  if (!loading) {
    const { entry } = handlerGroups[group];
    loading = import(pathToFileURL(resolve(PROJECT_ROOT, entry)).href).then(
      (mod: HandlerModule) => {
        if (typeof mod.createHandler !== 'function')
          throw new Error(`${entry} does not export createHandler(deps)`);
        return mod;
      },
      (err: unknown) => {
        throw new Error(`Could not load handler group "${group}" from ${entry}: ${(err as Error).message}`, {
          cause: err,
        });
      },
    );
    handlerModules.set(group, loading);
    loading.catch(() => handlerModules.delete(group));
  }
  return loading;
};

/**
 * Imports every handler group's module ahead of startLocalApi, so that a
 * broken handler is reported before DynamoDB Local has finished starting.
 */
export const preloadHandlerModules = async (): Promise<void> => {
  await Promise.all((Object.keys(handlerGroups) as HandlerGroup[]).map(importHandlerModule));
};

const loadHandlers = async (
  deps: Deps,
  overrides: Partial<Record<HandlerGroup, LambdaHttpHandler>> = {},
): Promise<Map<HandlerGroup, LambdaHttpHandler>> => {
  const loaded = new Map<HandlerGroup, LambdaHttpHandler>();
  for (const group of Object.keys(handlerGroups) as HandlerGroup[]) {
    const override = overrides[group];
    const handler = override ?? (await importHandlerModule(group)).createHandler!(deps);
    loaded.set(group, handler);
  }
  return loaded;
};

const problem = (status: number, title: string, detail: string): Problem => ({
  type: `https://opinion-desk.example.org/problems/${status}`,
  title,
  status,
  detail,
});

const bearerToken = (authorization: string | undefined): string | undefined => {
  if (!authorization) return undefined;
  // The JWT authorizer takes the header's value with or without the Bearer prefix.
  const token = authorization.replace(/^Bearer\s+/i, '').trim();
  return token.length > 0 ? token : undefined;
};

type BodyResult = { ok: true; body: Buffer } | { ok: false };

const readBody = (req: IncomingMessage, limit: number): Promise<BodyResult> =>
  new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      resolveBody({ ok: false });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolveBody({ ok: false });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolveBody({ ok: true, body: Buffer.concat(chunks) }));
    req.once('error', reject);
  });

const send = (res: ServerResponse, result: APIGatewayProxyStructuredResultV2, requestId: string): number => {
  const status = result.statusCode ?? 200;
  const body =
    result.body === undefined
      ? undefined
      : result.isBase64Encoded
        ? Buffer.from(result.body, 'base64')
        : Buffer.from(result.body, 'utf8');
  res.statusCode = status;
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, String(value));
  if (result.cookies && result.cookies.length > 0) res.setHeader('set-cookie', result.cookies);
  res.setHeader('apigw-requestid', requestId);
  res.setHeader('content-length', body ? body.length : 0);
  res.end(body);
  return status;
};

/** A string result is a 200 JSON body; an object without statusCode is serialized, as API Gateway does. */
const normalizeResult = (result: APIGatewayProxyResultV2): APIGatewayProxyStructuredResultV2 => {
  if (typeof result === 'string')
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: result };
  if (result && typeof result === 'object' && 'statusCode' in result)
    return result as APIGatewayProxyStructuredResultV2;
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) };
};

/** The dev config's CORS origins get what the HTTP API's corsPreflight answers (infra/aws/constructs/http-api.ts). */
const corsHeaders = (origin: string | undefined, allowed: readonly string[]): Record<string, string> =>
  origin && allowed.includes(origin)
    ? {
        'access-control-allow-origin': origin,
        'access-control-expose-headers':
          'etag,location,retry-after,link,x-export-next,x-export-rows,content-disposition',
        vary: 'origin',
      }
    : {};

export const startLocalApi = async (options: LocalApiOptions): Promise<LocalApi> => {
  const { deps, verifier, host = '127.0.0.1', log } = options;
  const handlers = await loadHandlers(deps, options.handlers);
  const region = deps.config.region;
  const corsOrigins = deps.config.corsOrigins;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<number> => {
    const requestId = randomUUID();
    const now = new Date();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const cors = corsHeaders(req.headers.origin, corsOrigins);
    const fail = (p: Problem, headers: Record<string, string> = {}) =>
      send(res, problemResponse(p, { ...SECURITY_HEADERS, ...cors, ...headers }), requestId);

    const q = url.indexOf('?');
    const encodedPath = q === -1 ? url : url.slice(0, q);

    if (
      method === 'OPTIONS' &&
      req.headers['access-control-request-method'] &&
      cors['access-control-allow-origin']
    ) {
      return send(
        res,
        {
          statusCode: 204,
          headers: {
            ...cors,
            'access-control-allow-methods': 'GET,POST,OPTIONS',
            'access-control-allow-headers': 'authorization,content-type,idempotency-key,if-match',
            'access-control-max-age': '3600',
          },
        },
        requestId,
      );
    }

    const match = matchRoute(method, encodedPath);
    if (!match) {
      // A known path with another method: 405 with Allow, as API Gateway's `ANY <path>` routes answer.
      const known = matchRoute(undefined, encodedPath);
      if (known) {
        const { problem: p, headers } = toProblem(
          new MethodNotAllowed(method, safeDecode(encodedPath), methodsOfPath(known.route.path)),
        );
        return fail(p, headers);
      }
      return fail(problem(404, 'Not found', `No route ${method} ${safeDecode(encodedPath)}.`));
    }

    let claims: TokenClaims | undefined;
    if (match.route.access !== 'public') {
      const token = bearerToken(req.headers.authorization);
      const challenge = (description: string) => ({
        'www-authenticate': `Bearer error="invalid_token", error_description="${description}"`,
      });
      if (!token) {
        return fail(
          problem(
            401,
            'Unauthorized',
            'Sign in: send Authorization: Bearer <token>. Locally, get one with npm run --silent token -- --role desk.',
          ),
          { 'www-authenticate': 'Bearer' },
        );
      }
      try {
        claims = await verifier.verifyToken(token);
      } catch (err) {
        const reason = err instanceof InvalidTokenError ? err.reason : 'it could not be verified';
        return fail(
          problem(401, 'Unauthorized', `The bearer token is not valid: ${reason}.`),
          challenge(reason),
        );
      }
    }

    // The API's one body limit (shared/http/body.ts), with the handlers' own problem.
    const read = await readBody(req, MAX_BODY_BYTES);
    if (!read.ok) {
      // The rest of the body is never read: close the connection after answering.
      res.setHeader('connection', 'close');
      res.once('finish', () => req.socket.destroySoon());
      return fail(toProblem(bodyTooLarge()).problem);
    }

    const event = buildHttpEvent({
      method,
      url,
      rawHeaders: req.rawHeaders,
      body: read.body,
      sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
      protocol: `HTTP/${req.httpVersion}`,
      match,
      ...(claims ? { claims } : {}),
      requestId,
      now,
    });
    const handler = handlers.get(match.route.group as HandlerGroup);
    if (!handler) return fail(problem(500, 'Internal error', `No handler for group ${match.route.group}.`));
    const result = normalizeResult(await handler(event, lambdaContext(match.route.group, region)));
    return send(res, { ...result, headers: { ...cors, ...result.headers } }, requestId);
  };

  const server = createServer((req, res) => {
    const started = performance.now();
    handle(req, res)
      .catch((err: unknown) => {
        // A handler maps its own errors; reaching this is a bug in the handler or in this adapter.
        console.error(`local api: unhandled error for ${req.method} ${req.url}:`, err);
        if (res.headersSent) {
          res.destroy();
          return 500;
        }
        return send(
          res,
          problemResponse(
            problem(500, 'Internal error', 'Something went wrong on our side.'),
            SECURITY_HEADERS,
          ),
          randomUUID(),
        );
      })
      .then((status) => {
        log?.(
          `${req.method} ${(req.url ?? '/').split('?')[0]} ${status} ${Math.round(performance.now() - started)} ms`,
        );
      });
  });

  return listenHttp(server, {
    port: options.port,
    host,
    connectHost: connectHost(host),
    service: 'The local API',
    envVar: 'PORT',
  });
};
