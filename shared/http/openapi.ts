// OpenAPI 3.1, generated from the route manifest and the same zod schemas the
// handlers validate with (zod 4's JSON Schema output is 2020-12, as 3.1 wants).
import * as z from 'zod';
import { routes } from '../../functions/routes';
import type { AppConfig } from '../config/schema';
import { routeSchemas } from './api-schemas';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

const problem = {
  description: 'RFC 9457 problem',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

export const buildOpenApi = (config: AppConfig) => {
  const schemas = routeSchemas(config);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
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
      responses: {
        [String(s.status)]: {
          description: 'Success',
          content: { 'application/json': { schema: jsonSchema(s.response, 'output') } },
        },
        default: problem,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'opinion-desk', version: '1.0.0', description: 'Public-opinion desk API (SPEC §4).' },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { path: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
      },
    },
    security: [{ bearer: [] }],
  };
};
