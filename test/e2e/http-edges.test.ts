// The edges of the HTTP surface, against the local API: one body limit for
// every size and layer, GET / and the rendered reference at /docs, 405 with
// Allow on a known path, `servers` in the OpenAPI document, and the briefing
// as an agency reads it (no invitee list at all).
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler as metaHandler } from '#functions/http/meta';
import { createHandler as reportsHandler } from '#functions/http/reports';
import { MAX_BODY_BYTES } from '#http/body';
import { buildHttpEvent, lambdaContext, matchRoute } from '#infra/local/server';
import { startTestApi, type TestApi } from '#test/support/local-api';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.stop());

interface ProblemBody {
  status: number;
  title: string;
  detail: string;
}

describe('one body limit', () => {
  const limitText = `${MAX_BODY_BYTES} bytes`;

  it('a 100 KB and a 2 MB body to the local API both answer 413 stating the same limit', async () => {
    const token = await api.token('reporter');
    const details: string[] = [];
    for (const size of [100 * 1024, 2 * 1024 * 1024]) {
      const res = await fetch(`${api.url}/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'x'.repeat(size) }),
      });
      expect(res.status, `${size} bytes`).toBe(413);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await res.json()) as ProblemBody;
      expect(problem).toMatchObject({ status: 413, title: 'Payload too large' });
      expect(problem.detail).toContain(limitText);
      details.push(problem.detail);
    }
    expect(details[1]).toBe(details[0]);
  });

  it('the handler alone (as behind API Gateway, which passes 2 MB) answers the same problem', async () => {
    const token = await api.token('reporter');
    const viaServer = (await (
      await fetch(`${api.url}/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: 'x'.repeat(MAX_BODY_BYTES + 1),
      })
    ).json()) as ProblemBody;
    const claims = await api.keys.verifyToken(token);
    const handler = reportsHandler(api.deps);
    const res = (await handler(
      buildHttpEvent({
        method: 'POST',
        url: '/reports',
        rawHeaders: ['content-type', 'application/json'],
        body: Buffer.from(JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) })),
        sourceIp: '127.0.0.1',
        match: matchRoute('POST', '/reports')!,
        claims,
        requestId: 'big-body',
        now: new Date(),
      }),
      lambdaContext('reports', api.deps.config.region),
    )) as APIGatewayProxyStructuredResultV2;
    expect(res.statusCode).toBe(413);
    expect((JSON.parse(res.body ?? '{}') as ProblemBody).detail).toBe(viaServer.detail);
  });

  it('a route that takes no body refuses an oversized one alike', async () => {
    const handler = metaHandler(api.deps);
    const big = (await handler(
      buildHttpEvent({
        method: 'GET',
        url: '/health',
        rawHeaders: [],
        body: Buffer.alloc(MAX_BODY_BYTES + 1, 'x'),
        sourceIp: '127.0.0.1',
        match: matchRoute('GET', '/health')!,
        requestId: 'big-get',
        now: new Date(),
      }),
      lambdaContext('meta', api.deps.config.region),
    )) as APIGatewayProxyStructuredResultV2;
    expect(big.statusCode).toBe(413);
    expect((JSON.parse(big.body ?? '{}') as ProblemBody).detail).toContain(limitText);
  });
});

describe('a briefing as an agency reads it', () => {
  it('has no invitees field at all (the desk sees the list), in the detail and in the list', async () => {
    const desk = await api.token('desk', { user: 'desk-edges' });
    const agency = await api.token('agency', { user: 'officer-edges', agency: 'police' });
    const created = await fetch(`${api.url}/briefings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${desk}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Họp báo kiểm thử khách mời',
        startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        invitees: ['press@example.org'],
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const read = async (path: string, token: string) =>
      (await (
        await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as {
        items?: Record<string, unknown>[];
      } & Record<string, unknown>;

    expect((await read(`/briefings/${id}`, desk)).invitees).toEqual(['press@example.org']);
    const detail = await read(`/briefings/${id}`, agency);
    expect(detail.id).toBe(id);
    expect(detail).not.toHaveProperty('invitees');

    const listed = (await read('/briefings', agency)).items ?? [];
    expect(listed.map((b) => b.id)).toContain(id);
    for (const b of listed) expect(b).not.toHaveProperty('invitees');
    const forDesk = (await read('/briefings', desk)).items ?? [];
    expect(forDesk.find((b) => b.id === id)?.invitees).toEqual(['press@example.org']);
  });
});

describe('a known path with a method it lacks', () => {
  it.each([
    ['DELETE', '/reports', 'GET, POST'],
    ['PUT', '/reports/01JZ0000000000000000000001', 'GET'],
    ['GET', '/cases/01JZ0000000000000000000001/actions', 'POST'],
    ['POST', '/health', 'GET'],
    ['PATCH', '/briefings/x', 'GET'],
  ])('%s %s answers 405 problem+json with Allow: %s, before any token', async (method, path, allow) => {
    const res = await fetch(`${api.url}${path}`, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 405, title: 'Method not allowed' });
  });

  it('an unknown path is still 404, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await fetch(`${api.url}/nowhere/at/all`, { method });
      expect(res.status).toBe(404);
      expect(res.headers.get('allow')).toBeNull();
    }
  });

  it('the handler answers API Gateway’s ANY route alike (AWS: one ANY route per path)', async () => {
    const local = await fetch(`${api.url}/reports/abc`, { method: 'DELETE' });
    const event = buildHttpEvent({
      method: 'DELETE',
      url: '/reports/abc',
      rawHeaders: [],
      sourceIp: '127.0.0.1',
      match: { ...matchRoute('GET', '/reports/abc')!, routeKey: 'ANY /reports/{id}' },
      requestId: 'any-route',
      now: new Date(),
    });
    const res = (await metaHandler(api.deps)(
      event,
      lambdaContext('meta', api.deps.config.region),
    )) as APIGatewayProxyStructuredResultV2;
    expect(res.statusCode).toBe(405);
    expect(res.headers?.allow).toBe('GET');
    expect(JSON.parse(res.body ?? '{}')).toEqual(await local.json());
  });
});

describe('where to start: GET / and the reference page', () => {
  it('GET / answers, without a token, with links to /docs, /openapi.json and /health, each of which answers', async () => {
    const res = await fetch(`${api.url}/`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { links: Record<string, string> };
    expect(body.links).toEqual({ docs: '/docs', openapi: '/openapi.json', health: '/health' });
    for (const link of Object.values(body.links)) expect((await fetch(`${api.url}${link}`)).status).toBe(200);
  });

  it('GET /docs is one HTML page rendering every operation, with no script and nothing fetched from elsewhere', async () => {
    const res = await fetch(`${api.url}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; frame-ancestors 'none'$/);
    const html = await res.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    const doc = (await (await fetch(`${api.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { summary: string }>>;
    };
    for (const [path, item] of Object.entries(doc.paths))
      for (const method of Object.keys(item))
        expect(html, `${method} ${path}`).toContain(
          `<span class="method ${method}">${method.toUpperCase()}</span> <code>${path}</code>`,
        );
    // A route's parameters, body fields and statuses are there, not just its name.
    expect(html).toContain('<code>If-Match</code>');
    expect(html).toContain('<code>reportIds</code>');
    expect(html).toContain('action = &quot;assign&quot;');
    expect(html).toContain('<code>412</code>');
    // The style the CSP allows is the page's own, by its hash.
    const style = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? '';
    const { createHash } = await import('node:crypto');
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  });
});

describe('the OpenAPI document’s servers', () => {
  it('lists the URL it was requested at (the local stack’s), then the relative /', async () => {
    const doc = (await (await fetch(`${api.url}/openapi.json`)).json()) as { servers: { url: string }[] };
    expect(doc.servers.map((s) => s.url)).toEqual([api.url, '/']);
  });

  it('ignores a Host header that is not a host', async () => {
    const { request } = await import('node:http');
    const url = new URL(api.url);
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: '/openapi.json', headers: { host: 'evil"/><x' } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve(text));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect((JSON.parse(body) as { servers: { url: string }[] }).servers.map((s) => s.url)).toEqual(['/']);
  });
});
