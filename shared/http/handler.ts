// The middy stack every HTTP handler group shares: find the manifest route,
// check the caller's role, decode the body, call the route (its writes counted
// against the caller's hourly limit: ./rate-limit.ts), and turn the result
// or any error into a JSON or problem+json response with security headers.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { NotFound } from '#domain/errors';
import {
  findRoute,
  type HandlerGroup,
  methodsOfPath,
  type RouteDef,
  routeKey,
  routesOfGroup,
} from '#functions/routes';
import type { Deps } from '#shared/deps';
import { logger } from '#shared/observability';
import { assertBodySize, assertNoBody, decodeJsonBody } from './body';
import { type AuthPolicy, authorize, type Principal } from './principal';
import { MethodNotAllowed, problemResponse, toProblem } from './problem';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResponse = APIGatewayProxyStructuredResultV2;

export interface HttpRequest {
  route: RouteDef;
  /** Null only on public routes. */
  principal: Principal | null;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Lower-cased names, as API Gateway v2 delivers them. */
  headers: Record<string, string>;
  /** The parsed JSON body on routes that take one; validate it with the route's schema. */
  body: unknown;
  requestId: string;
}

export interface HttpResult {
  status: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, instead of `body`; give its content-type in `headers`. */
  text?: string;
  headers?: Record<string, string>;
}

export type RouteImpl = (req: HttpRequest, deps: Deps) => Promise<HttpResult>;
export type RouteImpls = Record<string, RouteImpl>;

/**
 * A step around every route of a group (the per-caller write limit,
 * shared/http/rate-limit.ts). Handed in by the groups that need it, so the
 * read-only groups' bundles carry none of its code or its table writes.
 */
export type RouteWrapper = (
  req: HttpRequest,
  deps: Deps,
  run: (deps: Deps) => Promise<HttpResult>,
) => Promise<HttpResult>;

export interface HttpHandlerOptions {
  /** Required when the group has a route with `rateLimit`. */
  rateLimit?: RouteWrapper;
}

export const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'cache-control': 'no-store',
};

/** Adds security headers to every response and maps errors to problem+json (registered last). */
const httpResponses = (): MiddlewareObj<HttpEvent, HttpResponse> => ({
  after: (request) => {
    if (!request.response) return;
    // A route may set its own Content-Security-Policy (the reference page allows its inline style).
    const csp = request.response.headers?.['content-security-policy'];
    request.response.headers = {
      ...request.response.headers,
      ...SECURITY_HEADERS,
      ...(typeof csp === 'string' ? { 'content-security-policy': csp } : {}),
    };
  },
  onError: (request) => {
    const { problem, headers, unknown } = toProblem(request.error);
    if (unknown)
      logger.error('unhandled error', { route: request.event.routeKey, error: request.error as Error });
    else if (problem.status >= 500)
      logger.warn('dependency unavailable', { route: request.event.routeKey, error: request.error as Error });
    request.response = problemResponse(problem, { ...headers, ...SECURITY_HEADERS });
    return request.response;
  },
});

const requirePrincipal = (route: RouteDef, event: HttpEvent, policy: AuthPolicy): Principal | null =>
  route.access === 'public'
    ? null
    : authorize(event.requestContext.authorizer?.jwt?.claims, route.access, policy);

export const toHttpResponse = (result: HttpResult): HttpResponse =>
  result.text !== undefined
    ? { statusCode: result.status, headers: { ...result.headers }, body: result.text }
    : {
        statusCode: result.status,
        headers: {
          ...(result.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...result.headers,
        },
        ...(result.body === undefined ? {} : { body: JSON.stringify(result.body) }),
      };

export const httpHandler = (
  group: HandlerGroup,
  impls: RouteImpls,
  getDeps: () => Deps,
  options: HttpHandlerOptions = {},
) => {
  const routes = routesOfGroup(group);
  const missing = routes.map(routeKey).filter((k) => !impls[k]);
  if (missing.length > 0) throw new Error(`Handler group ${group} lacks routes: ${missing.join(', ')}`);
  const limited = routes.filter((r) => r.rateLimit).map(routeKey);
  if (limited.length > 0 && !options.rateLimit)
    throw new Error(
      `Handler group ${group} has rate-limited routes but no rate limit: ${limited.join(', ')}`,
    );
  const around: RouteWrapper = options.rateLimit ?? ((_req, deps, run) => run(deps));

  return middy<HttpEvent, HttpResponse, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(httpResponses())
    .handler(async (event) => {
      // API Gateway's `ANY <path>` fallback: a known path with a method it lacks.
      if (event.routeKey.startsWith('ANY ')) {
        const allow = methodsOfPath(event.routeKey.slice(4));
        if (allow.length > 0)
          throw new MethodNotAllowed(event.requestContext.http.method, event.rawPath, allow);
      }
      const route = findRoute(event.routeKey);
      const impl = route && route.group === group ? impls[event.routeKey] : undefined;
      if (!route || !impl) throw new NotFound(`No route ${event.routeKey}.`);
      const deps = getDeps();
      const principal = requirePrincipal(route, event, deps.config.auth);
      const headers = event.headers ?? {};
      // Every route, with or without a body, refuses one over the limit alike.
      assertBodySize(event.body, event.isBase64Encoded);
      if (route.method === 'POST' && !route.body) assertNoBody(event.body);
      const request: HttpRequest = {
        route,
        principal,
        params: (event.pathParameters ?? {}) as Record<string, string>,
        query: (event.queryStringParameters ?? {}) as Record<string, string>,
        headers: headers as Record<string, string>,
        body: route.body
          ? decodeJsonBody(event.body, event.isBase64Encoded, headers['content-type'])
          : undefined,
        requestId: event.requestContext.requestId,
      };
      return toHttpResponse(await around(request, deps, (scoped) => impl(request, scoped)));
    });
};
