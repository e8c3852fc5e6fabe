// OpenAPI 3.1, generated from the route manifest and the same zod schemas the
// handlers validate with (zod 4's JSON Schema output is 2020-12, as 3.1 wants).
//
// Every operation lists each status it can answer, not a catch-all `default`:
// the success response with its headers, and each problem (RFC 9457) status.
// Which problems a route answers follows from its shape, by the rules in
// `problemStatuses`, plus the route-specific ones named in api-schemas.ts.
import * as z from 'zod';
import type { AppConfig } from '#config/schema';
import { type RouteDef, routes } from '#functions/routes';
import { type RouteProblemStatus, type RouteSchemas, routeSchemas } from './api-schemas';
import { MAX_BODY_BYTES } from './body';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

export const PROBLEM_STATUSES = [400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429, 431, 503] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** The problem statuses a route can answer: rules on its shape, then its own. */
export const problemStatuses = (route: RouteDef, s: RouteSchemas): ProblemStatus[] => {
  const has = new Set<ProblemStatus>();
  const isPublic = route.access === 'public';
  if (route.body || s.query || (s.headers ?? []).length > 0) has.add(400);
  if (!isPublic) {
    has.add(401);
    // A valid token whose groups hold none of the route's roles (or no role at all).
    has.add(403);
  }
  if (route.path.includes('{')) has.add(404);
  for (const status of Object.keys(s.problems ?? {})) has.add(Number(status) as RouteProblemStatus);
  // Every route: an oversized body is refused (the local server and the handlers share one limit).
  has.add(413);
  if (route.body) has.add(415);
  // The per-caller write limit applies to every POST.
  if (route.method === 'POST') has.add(429);
  // Oversized request headers are refused before any route is matched.
  has.add(431);
  if (s.store !== false) has.add(503);
  return PROBLEM_STATUSES.filter((p) => has.has(p));
};

const header = (description: string, required: boolean) => ({
  description,
  required,
  schema: { type: 'string' },
});

const problemContent = (status: number, extra: Record<string, unknown> = {}) => ({
  'application/problem+json': {
    schema: {
      $ref: '#/components/schemas/Problem',
      properties: { status: { const: status } },
      ...extra,
    },
  },
});

const retryAfter = (required: boolean) => ({
  'Retry-After': header('Seconds to wait before retrying.', required),
});

const problemResponse = (
  route: RouteDef,
  s: RouteSchemas,
  status: ProblemStatus,
): Record<string, unknown> => {
  const own = (s.problems ?? {}) as Partial<Record<number, string>>;
  switch (status) {
    case 400:
      return {
        description: `The ${[route.body && 'body', s.query && 'query', (s.headers ?? []).length > 0 && 'a header'].filter(Boolean).join(', ')} is not valid; \`errors\` names each field as a JSON Pointer.`,
        content: problemContent(400),
      };
    case 401:
      return {
        description:
          'No bearer token, or one that is not valid (expired, signed by another key, altered). On AWS the JWT authorizer answers with its own `{"message":"Unauthorized"}`.',
        headers: { 'WWW-Authenticate': header('The bearer challenge (local server).', false) },
        content: {
          ...problemContent(401),
          'application/json': { schema: { $ref: '#/components/schemas/GatewayMessage' } },
        },
      };
    case 403:
      return { description: 'Signed in, but your role may not do this.', content: problemContent(403) };
    case 404:
      return {
        description: 'No such resource, or one you may not see (a malformed id too).',
        content: problemContent(404),
      };
    case 409:
      return {
        description: own[409] ?? 'Conflict.',
        headers: retryAfter(false),
        content: problemContent(409),
      };
    case 412:
      return {
        description: own[412] ?? 'Precondition failed.',
        headers: { ETag: header('The current version.', false) },
        content: problemContent(412, { required: ['currentVersion'] }),
      };
    case 413:
      return {
        description: `The body is larger than ${MAX_BODY_BYTES} bytes, the limit for every request${route.body ? '' : ' (this route takes no body)'}.`,
        content: problemContent(413),
      };
    case 415:
      return { description: 'The body is not sent as application/json.', content: problemContent(415) };
    case 422:
      return { description: own[422] ?? 'Unprocessable content.', content: problemContent(422) };
    case 428:
      return { description: own[428] ?? 'Precondition required.', content: problemContent(428) };
    case 429:
      return {
        description: 'Too many writes from this caller; retry after Retry-After.',
        headers: retryAfter(true),
        content: problemContent(429),
      };
    case 431:
      return {
        description:
          'The request headers are too large; the server refuses the request before any route, without a body.',
      };
    case 503:
      return {
        description: 'The store is not answering; retry after Retry-After.',
        headers: retryAfter(true),
        content: problemContent(503),
      };
  }
};

const successHeaders = (s: RouteSchemas): Record<string, unknown> => ({
  ...(s.status === 201 ? { Location: header('The path of the new resource.', true) } : {}),
  ...(s.etag ? { ETag: header('The version, quoted: send it back as If-Match.', true) } : {}),
  ...((s.headers ?? []).some((h) => h.name === 'Idempotency-Key')
    ? { 'Idempotent-Replayed': header('`true` when this replays the first response to the key.', false) }
    : {}),
  ...(s.mediaType === 'text/csv'
    ? {
        'Content-Disposition': header('`attachment; filename="<list>-<local date>.csv"`.', true),
        Link: header('`<same query with cursor=…>; rel="next"` when another part follows.', false),
        'X-Export-Next': header('The next part’s cursor (as in Link) when another part follows.', false),
        'X-Export-Rows': header('The rows in this part.', true),
      }
    : {}),
});

/**
 * The document; `origin` (the URL this API was reached at, e.g.
 * `http://127.0.0.1:3000` locally, the API's own domain on AWS) is listed as
 * the first server, before the relative `/` that always holds.
 */
export const buildOpenApi = (config: AppConfig, origin?: string) => {
  const schemas = routeSchemas(config);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes as readonly RouteDef[]) {
    const key = `${route.method} ${route.path}`;
    const s = schemas[key];
    if (!s) throw new Error(`No schemas documented for ${key}`);
    const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const queryParams = s.query
      ? Object.entries((jsonSchema(s.query, 'input').properties ?? {}) as Record<string, unknown>).map(
          ([name, schema]) => ({
            name,
            in: 'query',
            required: false,
            schema,
          }),
        )
      : [];
    const headerParams = (s.headers ?? []).map((h) => ({
      name: h.name,
      in: 'header',
      required: h.required,
      description: h.description,
      schema: { type: 'string' },
    }));
    const isPublic = route.access === 'public';
    const headers = successHeaders(s);
    const responses: Record<string, unknown> = {
      [String(s.status)]: {
        description: s.status === 201 ? 'Created' : 'Success',
        ...(Object.keys(headers).length > 0 ? { headers } : {}),
        content: { [s.mediaType ?? 'application/json']: { schema: jsonSchema(s.response, 'output') } },
      },
    };
    if (s.replayStatus)
      responses[String(s.replayStatus)] = {
        description: 'Done already: the same resource as the first answer',
        content: { 'application/json': { schema: jsonSchema(s.response, 'output') } },
      };
    for (const status of problemStatuses(route, s))
      responses[String(status)] = problemResponse(route, s, status);
    responses.default = {
      description: 'An unexpected error (500): a bug, logged on our side; never an answer to client input.',
      content: problemContent(500),
    };
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      summary: route.summary,
      ...(isPublic ? { security: [] } : { 'x-roles': route.access }),
      parameters: [...pathParams, ...queryParams, ...headerParams],
      ...(s.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(s.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'opinion-desk',
      version: '1.0.0',
      description:
        'Public-opinion desk API. Every operation lists each status it can answer; errors are RFC 9457 application/problem+json. A known path called with a method it does not list answers 405 with `Allow`; an unknown path answers 404.',
    },
    servers: [
      ...(origin ? [{ url: origin, description: 'This API, as this document was requested' }] : []),
      { url: '/', description: 'The API this document is served from' },
    ],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details; extension members as the status describes.',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string', format: 'uri' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['path', 'message'],
                properties: { path: { type: 'string' }, message: { type: 'string' } },
                additionalProperties: false,
              },
            },
            currentVersion: { type: ['integer', 'null'], description: '412: the version the case is at.' },
            currentStatus: { type: 'string', description: '409: the status that refused the action.' },
            allowedActions: {
              type: 'array',
              items: { type: 'string' },
              description: '409: the actions the current status allows.',
            },
            reportIds: {
              type: 'array',
              items: { type: 'string' },
              description: '409: the reports in the way.',
            },
            reports: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id'],
                properties: { id: { type: 'string' }, status: { type: 'string' } },
              },
              description: '409: the reports in the way, with their status.',
            },
          },
        },
        GatewayMessage: {
          type: 'object',
          description: 'The body API Gateway itself answers with (on AWS only).',
          required: ['message'],
          properties: { message: { type: 'string' } },
        },
      },
    },
    security: [{ bearer: [] }],
  };
};
