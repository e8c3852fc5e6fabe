// The edges of the HTTP surface, against the local API: one body limit for
// every size and layer, GET / and the rendered reference at /docs, 405 with
// Allow on a known path, `servers` in the OpenAPI document, and the briefing
// as an agency reads it (no invitee list at all).
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler as metaHandler } from '../../functions/http/meta';
import { createHandler as reportsHandler } from '../../functions/http/reports';
import { buildHttpEvent, lambdaContext, matchRoute } from '../../infra/local/server';
import { MAX_BODY_BYTES } from '../../shared/http/body';
import { startTestApi, type TestApi } from '../support/local-api';

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
