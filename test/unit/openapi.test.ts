import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { routeKey, routes } from '#functions/routes';
import { buildOpenApi } from '#http/openapi';
import { loadAppConfig } from '#infra/config/index';
import { createOpenApiChecker, type Exchange, type OpenApiDocument } from '#test/support/openapi-check';

const doc = buildOpenApi(loadAppConfig('dev')) as unknown as OpenApiDocument & Record<string, unknown>;
const check = createOpenApiChecker(doc);

const declared = (method: string, path: string) =>
  Object.keys(doc.paths[path]![method.toLowerCase()]!.responses)
    .filter((k) => k !== 'default')
    .map(Number);

// What each route can answer, written out by hand from the handlers and services.
const EXPECTED: Record<string, number[]> = {
  'GET /': [200, 413, 431],
  'GET /health': [200, 413, 431, 503],
  'GET /docs': [200, 413, 431],
  'GET /openapi.json': [200, 413, 431],
  'GET /reference': [200, 401, 403, 413, 431],
  'POST /reports': [201, 400, 401, 403, 409, 413, 415, 422, 429, 431, 503],
  'GET /reports': [200, 400, 401, 403, 413, 431, 503],
  'GET /reports.csv': [200, 400, 401, 403, 413, 431, 503],
  'GET /reports/{id}': [200, 401, 403, 404, 413, 431, 503],
  'GET /reports/{id}/similar': [200, 401, 403, 404, 413, 431, 503],
  'POST /reports/{id}/actions': [200, 400, 401, 403, 404, 409, 413, 415, 429, 431, 503],
  'POST /reports/actions': [200, 400, 401, 403, 409, 412, 413, 415, 429, 431, 503],
  'POST /cases': [201, 400, 401, 403, 409, 413, 415, 429, 431, 503],
  'GET /cases': [200, 400, 401, 403, 413, 431, 503],
  'GET /cases.csv': [200, 400, 401, 403, 413, 431, 503],
  'GET /cases/{id}': [200, 401, 403, 404, 413, 431, 503],
  'POST /cases/{id}/actions': [200, 400, 401, 403, 404, 409, 412, 413, 415, 428, 429, 431, 503],
  'GET /summaries/daily': [200, 400, 401, 403, 413, 431, 503],
  'GET /summaries/weekly': [200, 400, 401, 403, 413, 431, 503],
  'GET /summaries/monthly': [200, 400, 401, 403, 413, 431, 503],
  'GET /webhooks': [200, 400, 401, 403, 413, 431, 503],
  'GET /briefings': [200, 400, 401, 403, 413, 431, 503],
  'POST /briefings': [201, 400, 401, 403, 413, 415, 429, 431, 503],
  'GET /briefings/{id}': [200, 401, 403, 404, 413, 431, 503],
  'POST /briefings/{id}/actions': [200, 400, 401, 403, 404, 409, 413, 415, 429, 431, 503],
  'GET /templates': [200, 400, 401, 403, 413, 431, 503],
  'POST /templates': [201, 400, 401, 403, 413, 415, 429, 431, 503],
  'GET /templates/{id}': [200, 401, 403, 404, 413, 431, 503],
  'POST /templates/{id}/actions': [200, 400, 401, 403, 404, 409, 412, 413, 415, 428, 429, 431, 503],
  'POST /reports/{id}/files': [201, 400, 401, 403, 404, 409, 413, 415, 422, 429, 431, 503],
  'POST /reports/{id}/files/{fileId}/confirm': [200, 201, 401, 403, 404, 409, 413, 422, 429, 431, 503],
  'GET /reports/{id}/files': [200, 401, 403, 404, 413, 431, 503],
  'POST /cases/{id}/files': [201, 400, 401, 403, 404, 409, 413, 415, 422, 429, 431, 503],
  'POST /cases/{id}/files/{fileId}/confirm': [200, 201, 401, 403, 404, 409, 413, 422, 429, 431, 503],
  'GET /cases/{id}/files': [200, 401, 403, 404, 413, 431, 503],
};

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: `https://opinion-desk.example.org/problems/${status}`,
    title: 'T',
    status,
    detail: 'D',
    ...extra,
  });
const PROBLEM = { 'content-type': 'application/problem+json' };
const ex = (e: Partial<Exchange> & Pick<Exchange, 'method' | 'path' | 'status'>): Exchange => ({
  headers: {},
  body: '',
  ...e,
});

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1, with servers', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('declares, for every route, exactly the statuses it can answer', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(routes.map(routeKey).sort());
    for (const r of routes) expect(declared(r.method, r.path), routeKey(r)).toEqual(EXPECTED[routeKey(r)]);
  });

  it('gives each problem status the problem+json schema with that status, and the headers it carries', () => {
    const actions = doc.paths['/cases/{id}/actions']!.post!.responses;
    const created = doc.paths['/cases']!.post!.responses['201']!;
    expect(created.headers).toMatchObject({ Location: { required: true }, ETag: { required: true } });
    expect(doc.paths['/reports']!.post!.responses['201']!.headers).toMatchObject({
      Location: { required: true },
      'Idempotent-Replayed': { required: false },
    });
    expect(actions['200']!.headers).toMatchObject({ ETag: { required: true } });
    expect(actions['503']!.headers).toMatchObject({ 'Retry-After': { required: true } });
    expect(actions['429']!.headers).toMatchObject({ 'Retry-After': { required: true } });
    expect(actions['412']!.content!['application/problem+json']!.schema).toMatchObject({
      $ref: '#/components/schemas/Problem',
      properties: { status: { const: 412 } },
      required: ['currentVersion'],
    });
    expect(actions['431']!.content).toBeUndefined();
  });
});

describe('the exchange checker', () => {
  it('accepts what the document declares', () => {
    const ok = [
      ex({
        method: 'GET',
        path: '/health',
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"status":"ok"}',
      }),
      ex({
        method: 'GET',
        path: '/health',
        status: 503,
        headers: { ...PROBLEM, 'retry-after': '2' },
        body: problem(503),
      }),
      ex({ method: 'GET', path: '/reports/01ABC', status: 404, headers: PROBLEM, body: problem(404) }),
      ex({
        method: 'POST',
        path: '/cases/01ABC/actions',
        status: 412,
        headers: PROBLEM,
        body: problem(412, { currentVersion: 3 }),
      }),
      ex({
        method: 'POST',
        path: '/reports',
        status: 400,
        headers: PROBLEM,
        body: problem(400, { errors: [{ path: '/title', message: 'too short' }] }),
      }),
      ex({
        method: 'GET',
        path: '/reference',
        status: 401,
        headers: { 'content-type': 'application/json' },
        body: '{"message":"Unauthorized"}',
      }),
      ex({ method: 'GET', path: '/cases', status: 431 }),
    ];
    for (const e of ok)
      expect(check(e), `${e.method} ${e.path} ${e.status}`).toMatchObject({ violations: [] });
  });

  it('refuses an undeclared status, a wrong body, a wrong content type and a missing header', () => {
    const bad: [Exchange, RegExp][] = [
      [
        ex({ method: 'GET', path: '/reports', status: 409, headers: PROBLEM, body: problem(409) }),
        /status 409 is not declared/,
      ],
      [
        ex({ method: 'GET', path: '/health', status: 500, headers: PROBLEM, body: problem(500) }),
        /status 500 is not declared/,
      ],
      [
        ex({ method: 'GET', path: '/reference', status: 404, headers: PROBLEM, body: problem(404) }),
        /status 404 is not declared/,
      ],
      [
        ex({
          method: 'GET',
          path: '/health',
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: '{"status":"fine"}',
        }),
        /body\/status/,
      ],
      [
        ex({
          method: 'GET',
          path: '/health',
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: '{"status":"ok","extra":1}',
        }),
        /additional properties/,
      ],
      [
        ex({ method: 'GET', path: '/reports/x', status: 404, headers: PROBLEM, body: problem(403) }),
        /body\/status/,
      ],
      [
        ex({ method: 'GET', path: '/reports/x', status: 404, headers: PROBLEM, body: '{"title":"x"}' }),
        /required/,
      ],
      [
        ex({
          method: 'POST',
          path: '/reports',
          status: 400,
          headers: PROBLEM,
          body: problem(400, { errors: [{ at: '/x' }] }),
        }),
        /body\/errors\/0/,
      ],
      [
        ex({
          method: 'GET',
          path: '/reports/x',
          status: 404,
          headers: { 'content-type': 'text/html' },
          body: '<p>',
        }),
        /content type "text\/html"/,
      ],
      [
        ex({ method: 'GET', path: '/health', status: 503, headers: PROBLEM, body: problem(503) }),
        /Retry-After is required/,
      ],
      [
        ex({ method: 'POST', path: '/cases/01/actions', status: 412, headers: PROBLEM, body: problem(412) }),
        /currentVersion/,
      ],
      [ex({ method: 'GET', path: '/cases', status: 431, body: 'too big' }), /declares no body/],
      [ex({ method: 'GET', path: '/reports/x', status: 404, headers: PROBLEM, body: '{' }), /not JSON/],
    ];
    for (const [e, why] of bad) {
      const result = check(e);
      expect(result.violations.join('\n'), `${e.method} ${e.path} ${e.status} ${e.body}`).toMatch(why);
    }
  });

  it('finds the operation by method and path template, literal paths first', () => {
    expect(check(ex({ method: 'GET', path: '/reports/01X', status: 431 })).operation).toBe(
      'GET /reports/{id}',
    );
    expect(check(ex({ method: 'POST', path: '/reports/01X/actions', status: 431 })).operation).toBe(
      'POST /reports/{id}/actions',
    );
    expect(check(ex({ method: 'GET', path: '/openapi.json', status: 431 })).operation).toBe(
      'GET /openapi.json',
    );
    expect(check(ex({ method: 'DELETE', path: '/reports', status: 404 })).operation).toBeNull();
  });
});
