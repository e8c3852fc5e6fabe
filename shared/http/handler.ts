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
import { findRoute, type HandlerGroup, type RouteDef, routeKey, routesOfGroup } from '../../functions/routes';
import type { Deps } from '../deps';
import { Forbidden, NotFound, Unauthorized } from '../domain/errors';
import { logger } from '../observability';
import { decodeJsonBody } from './body';
import { type Principal, principalFromClaims } from './principal';
import { problemResponse, toProblem } from './problem';
import { withRateLimit } from './rate-limit';

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
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteImpl = (req: HttpRequest, deps: Deps) => Promise<HttpResult>;
export type RouteImpls = Record<string, RouteImpl>;

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
    if (request.response) request.response.headers = { ...request.response.headers, ...SECURITY_HEADERS };
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

const requirePrincipal = (route: RouteDef, event: HttpEvent): Principal | null => {
  if (route.access === 'public') return null;
  const principal = principalFromClaims(event.requestContext.authorizer?.jwt?.claims);
  if (!principal) throw new Unauthorized('Sign in: a valid bearer token is required.');
  if (!principal.roles.some((r) => (route.access as readonly string[]).includes(r))) {
    throw new Forbidden('Your role may not do this.');
  }
  return principal;
};

export const toHttpResponse = (result: HttpResult): HttpResponse => ({
  statusCode: result.status,
  headers: {
    ...(result.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...result.headers,
  },
  ...(result.body === undefined ? {} : { body: JSON.stringify(result.body) }),
});

export const httpHandler = (group: HandlerGroup, impls: RouteImpls, getDeps: () => Deps) => {
  const missing = routesOfGroup(group)
    .map(routeKey)
    .filter((k) => !impls[k]);
  if (missing.length > 0) throw new Error(`Handler group ${group} lacks routes: ${missing.join(', ')}`);

  return middy<HttpEvent, HttpResponse, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(httpResponses())
    .handler(async (event) => {
      const route = findRoute(event.routeKey);
      const impl = route && route.group === group ? impls[event.routeKey] : undefined;
      if (!route || !impl) throw new NotFound(`No route ${event.routeKey}.`);
      const principal = requirePrincipal(route, event);
      const headers = event.headers ?? {};
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
      return toHttpResponse(await withRateLimit(request, getDeps(), (deps) => impl(request, deps)));
    });
};
