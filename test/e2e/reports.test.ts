// Report intake over HTTP, as a client would use it: the local server, the
// real handlers, DynamoDB Local. Every bad input answers 4xx problem+json and
// stores nothing.
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes';
import { MAX_BODY_BYTES } from '#http/body';
import { createDeps } from '#shared/deps';
import { testSettings } from '#test/support/aws';
import { startTestApi, type TestApi } from '#test/support/local-api';
import { aReport, storedReportCount } from '#test/support/steps';

let api: TestApi;
let reporter: string;
let otherReporter: string;
let desk: string;
let agency: string;

const validBody = () =>
  aReport({
    title: 'Kẹt xe kéo dài trên cầu Sài Gòn',
    summary: 'Nhiều bài đăng phản ánh kẹt xe 2 giờ vào giờ cao điểm sáng.',
    area: 'thu-duc',
    urgency: 'high',
    sourceUrls: ['https://www.facebook.com/groups/saigon/posts/42?utm_source=share'],
    observedAt: new Date(Date.now() - 3600_000).toISOString(),
    reach: 5400,
  });

type Json = Record<string, unknown>;
const call = async (
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
) => {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.raw;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${api.url}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : undefined) as Json };
};

const storedReports = () => storedReportCount(api);

const expectProblem = (res: Awaited<ReturnType<typeof call>>, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.json).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
};

beforeAll(async () => {
  api = await startTestApi();
  reporter = await api.token('reporter', { user: 'alice' });
  otherReporter = await api.token('reporter', { user: 'bob' });
  desk = await api.token('desk', { user: 'desk-1' });
  agency = await api.token('agency', { user: 'agent-1', agency: 'transport-dept' });
});
afterAll(async () => api?.stop());

describe('public routes', () => {
  it('GET /health answers ok without a token', async () => {
    const res = await call('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok' });
  });

  it('GET /openapi.json documents every manifest route as OpenAPI 3.1', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    const paths = res.json.paths as Record<string, Record<string, Json>>;
    for (const r of routes)
      expect(paths[r.path]?.[r.method.toLowerCase()], `${r.method} ${r.path}`).toBeDefined();
    const post = paths['/reports']!.post as { requestBody: { content: Record<string, { schema: Json }> } };
    expect(post.requestBody.content['application/json']!.schema.additionalProperties).toBe(false);
  });

  it('sets security headers on every response', async () => {
    for (const res of [await call('GET', '/health'), await call('GET', '/reports')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('GET /reference', () => {
  it('gives the lists and enumerations to any signed-in role, and 401 without a token', async () => {
    for (const token of [reporter, desk, agency]) {
      const res = await call('GET', '/reference', { token });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        timeZone: 'Asia/Ho_Chi_Minh',
        channels: ['social', 'press', 'community', 'hotline', 'other'],
        outcomes: ['clarified', 'corrected', 'resolved', 'unfounded', 'no-action', 'merged'],
      });
      expect((res.json.agencies as Json[])[0]).toEqual({ id: expect.any(String), name: expect.any(String) });
      expect(JSON.stringify(res.json)).not.toContain('@'); // agency addresses stay private
    }
    expectProblem(await call('GET', '/reference'), 401);
  });
});

describe('POST /reports', () => {
  it('creates a report: 201, Location, server fields, duplicate hint', async () => {
    const first = await call('POST', '/reports', { token: reporter, body: validBody() });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`/reports/${first.json.id}`);
    expect(first.json).toMatchObject({ status: 'new', caseId: null, submittedAt: expect.any(String) });
    // the reporter's view: no server internals (the desk's view is in e2e/report-views.test.ts)
    expect(first.json).not.toHaveProperty('submittedBy');
    expect(first.json).not.toHaveProperty('version');
    const dup = await call('POST', '/reports', {
      token: otherReporter,
      body: { ...validBody(), sourceUrls: ['https://WWW.facebook.com/groups/saigon/posts/42/#comments'] },
    });
    // the same URL (normalized) and the same words: sameUrl wins, listed first
    expect((dup.json.possibleDuplicates as Json[])[0]).toEqual({
      id: first.json.id,
      status: 'new',
      caseId: null,
      reason: 'sameUrl',
    });

    const read = await call('GET', `/reports/${first.json.id}`, { token: reporter });
    expect(read.status).toBe(200);
    expect(read.json.title).toBe(validBody().title);
  });

  it('lets the desk submit too', async () => {
    expect((await call('POST', '/reports', { token: desk, body: validBody() })).status).toBe(201);
  });

  describe('rejects bad input with problem+json and stores nothing', () => {
    const cases: [string, () => Parameters<typeof call>[2], number, string?][] = [
      ['no token', () => ({ body: validBody() }), 401],
      ['a garbage token', () => ({ token: 'not.a.jwt', body: validBody() }), 401],
      ['the agency role', () => ({ token: agency, body: validBody() }), 403],
      [
        'malformed JSON',
        () => ({ token: reporter, raw: '{"title": "x",', headers: { 'content-type': 'application/json' } }),
        400,
      ],
      [
        'an empty body',
        () => ({ token: reporter, raw: '', headers: { 'content-type': 'application/json' } }),
        400,
      ],
      ['a JSON array', () => ({ token: reporter, body: [validBody()] }), 400],
      [
        'an unknown field',
        () => ({ token: reporter, body: { ...validBody(), priority: 'high' } }),
        400,
        '/priority',
      ],
      [
        'a server field (status)',
        () => ({ token: reporter, body: { ...validBody(), status: 'linked' } }),
        400,
        '/status',
      ],
      [
        'a server field (id)',
        () => ({ token: reporter, body: { ...validBody(), id: '01JZ0000000000000000000000' } }),
        400,
        '/id',
      ],
      ['a short title', () => ({ token: reporter, body: { ...validBody(), title: 'ab' } }), 400, '/title'],
      [
        'an unknown category',
        () => ({ token: reporter, body: { ...validBody(), category: 'sports' } }),
        400,
        '/category',
      ],
      [
        'a non-http URL',
        () => ({ token: reporter, body: { ...validBody(), sourceUrls: ['file:///etc/passwd'] } }),
        400,
        '/sourceUrls/0',
      ],
      [
        'a future observedAt',
        () => ({
          token: reporter,
          body: { ...validBody(), observedAt: new Date(Date.now() + 3600_000).toISOString() },
        }),
        400,
        '/observedAt',
      ],
      [
        'reach 1e309',
        () => ({
          token: reporter,
          raw: JSON.stringify(validBody()).replace('"reach":5400', '"reach":1e309'),
          headers: { 'content-type': 'application/json' },
        }),
        400,
        '/reach',
      ],
      [
        'deep nesting',
        () => ({
          token: reporter,
          raw: `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
          headers: { 'content-type': 'application/json' },
        }),
        400,
      ],
      [
        'a text/plain body',
        () => ({
          token: reporter,
          raw: JSON.stringify(validBody()),
          headers: { 'content-type': 'text/plain' },
        }),
        415,
      ],
      ['no content type', () => ({ token: reporter, raw: JSON.stringify(validBody()) }), 415],
      [
        'a body over 64 KiB',
        () => ({ token: reporter, body: { ...validBody(), summary: 'x'.repeat(MAX_BODY_BYTES) } }),
        413,
      ],
      [
        'an Idempotency-Key over 128 chars',
        () => ({ token: reporter, body: validBody(), headers: { 'idempotency-key': 'k'.repeat(129) } }),
        400,
        '/headers/idempotency-key',
      ],
    ];
    it.each(cases)('%s', async (_name, opts, status, path) => {
      const before = await storedReports();
      const res = await call('POST', '/reports', opts());
      expectProblem(res, status);
      if (path) expect((res.json.errors as Json[]).map((e) => e.path)).toContain(path);
      expect(await storedReports()).toBe(before);
    });

    it('an expired token or one signed by another key', async () => {
      const expired = await api.token('reporter', {
        user: 'alice',
        now: new Date(Date.now() - 48 * 3600_000),
        expiresIn: '1h',
      });
      expectProblem(await call('POST', '/reports', { token: expired, body: validBody() }), 401);
      const { privateKey } = await generateKeyPair('ES256');
      const forged = await new SignJWT({ 'cognito:groups': ['desk'], token_use: 'id' })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('mallory')
        .setIssuer('opinion-desk-local')
        .setAudience('opinion-desk-local')
        .setExpirationTime('1h')
        .sign(privateKey);
      expectProblem(await call('POST', '/reports', { token: forged, body: validBody() }), 401);
    });
  });

  it('replays an Idempotency-Key retry and answers 422 for another body under the same key', async () => {
    const key = 'walkthrough-0001';
    const body = validBody();
    const first = await call('POST', '/reports', {
      token: reporter,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    const before = await storedReports();
    // the same body, re-serialized with its keys in another order
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await call('POST', '/reports', {
      token: reporter,
      body: reordered,
      headers: { 'idempotency-key': key },
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.json).toEqual(first.json);
    const other = await call('POST', '/reports', {
      token: reporter,
      body: { ...body, title: 'Một nội dung khác hẳn' },
      headers: { 'idempotency-key': key },
    });
    expectProblem(other, 422);
    expect(await storedReports()).toBe(before);
  });
});

describe('reading reports', () => {
  it('shows a reporter only their own; another reporter gets 404, not 403', async () => {
    const mine = await call('POST', '/reports', { token: reporter, body: validBody() });
    expectProblem(await call('GET', `/reports/${mine.json.id}`, { token: otherReporter }), 404);
    expectProblem(await call('GET', `/reports/${mine.json.id}`, { token: agency }), 403);
    expect((await call('GET', `/reports/${mine.json.id}`, { token: desk })).status).toBe(200);
    expectProblem(await call('GET', '/reports/01JZ0000000000000000000000', { token: desk }), 404);
    expectProblem(await call('GET', '/reports/../../etc', { token: desk }), 404);

    const list = await call('GET', '/reports?limit=100', { token: otherReporter });
    expect(list.status).toBe(200);
    const items = list.json.items as Json[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((r) => r.id)).not.toContain(mine.json.id);
  });

  it('filters and pages for the desk', async () => {
    const res = await call('GET', '/reports?urgency=high&category=transport&limit=2', { token: desk });
    expect(res.status).toBe(200);
    expect((res.json.items as Json[]).length).toBe(2);
    expect(res.json.nextCursor).toEqual(expect.any(String));
    const next = await call(
      'GET',
      `/reports?urgency=high&category=transport&limit=2&cursor=${res.json.nextCursor}`,
      { token: desk },
    );
    expect(next.status).toBe(200);
    expect((next.json.items as Json[])[0]!.id).not.toBe((res.json.items as Json[])[0]!.id);
  });

  it.each([
    ['limit=0'],
    ['limit=abc'],
    ['date=2026-02-30'],
    ['status=archived'],
    ['sort=desc'],
    ['cursor=bm90LWEtY3Vyc29y'],
  ])('answers 400 for ?%s', async (qs) => {
    expectProblem(await call('GET', `/reports?${qs}`, { token: desk }), 400);
  });
});

describe('report actions', () => {
  it('dismisses and restores for the desk only; an illegal action is 409 naming the status', async () => {
    const created = await call('POST', '/reports', { token: reporter, body: validBody() });
    const path = `/reports/${created.json.id}/actions`;
    expectProblem(
      await call('POST', path, { token: reporter, body: { action: 'dismiss', reason: 'x' } }),
      403,
    );
    expectProblem(await call('POST', path, { token: desk, body: { action: 'dismiss' } }), 400);
    expectProblem(await call('POST', path, { token: desk, body: { action: 'archive' } }), 400);
    const dismissed = await call('POST', path, {
      token: desk,
      body: { action: 'dismiss', reason: 'không thuộc phạm vi' },
    });
    expect(dismissed.status).toBe(200);
    expect(dismissed.json).toMatchObject({ status: 'dismissed', version: 2 });
    const again = await call('POST', path, { token: desk, body: { action: 'dismiss', reason: 'again' } });
    expectProblem(again, 409);
    expect(again.json).toMatchObject({ currentStatus: 'dismissed', allowedActions: ['restore'] });
    expect((await call('POST', path, { token: desk, body: { action: 'restore' } })).json.status).toBe('new');
    expectProblem(
      await call('POST', '/reports/01JZ0000000000000000000000/actions', {
        token: desk,
        body: { action: 'restore' },
      }),
      404,
    );
  });
});

describe('unknown routes', () => {
  it('answers 404 problem+json for an unknown path, 405 with Allow for a known one with another method', async () => {
    expectProblem(await call('GET', '/nope', { token: desk }), 404);
    const wrongMethod = await call('DELETE', '/reports', { token: desk });
    expectProblem(wrongMethod, 405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, POST');
  });
});

describe('when the store is down', () => {
  it('answers 503 with Retry-After, quickly, never 500', async () => {
    const settings = {
      ...testSettings('no-such-table'),
      dynamodbEndpoint: 'http://127.0.0.1:9',
      dynamodbTimeoutMs: 200,
    };
    const down = await startTestApi({ deps: createDeps(settings) });
    try {
      const token = await down.token('reporter', { user: 'alice' });
      for (const [method, path, body] of [
        ['GET', '/health', undefined],
        ['POST', '/reports', validBody()],
        ['GET', '/reports', undefined],
      ] as const) {
        const res = await fetch(`${down.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        expect(res.status, `${method} ${path}`).toBe(503);
        expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
    } finally {
      await down.stop();
    }
  });
});
