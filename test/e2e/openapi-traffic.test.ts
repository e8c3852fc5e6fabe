// The e2e suite's traffic is checked against /openapi.json as it happens
// (test/support/api-traffic.ts, installed by startTestApi): these tests show
// that the check has teeth, and cover what no other e2e file sends.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '#http/openapi';
import { trafficDir, UndeclaredResponse, watchApiTraffic } from '#test/support/api-traffic';
import { startTestApi, type TestApi } from '#test/support/local-api';
import type { OpenApiDocument } from '#test/support/openapi-check';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

const recorded = () =>
  readFileSync(join(trafficDir(), `${basename(import.meta.filename)}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { operation: string | null; status: number; violations: string[] });

describe('traffic checked against the OpenAPI document', () => {
  it('oversized request headers answer 431, as every operation declares', async () => {
    const big = { 'x-padding': 'a'.repeat(20_000) };
    const token = await api.token('desk');
    const health = await fetch(`${api.url}/health`, { headers: big });
    expect(health.status).toBe(431);
    const cases = await fetch(`${api.url}/cases`, { headers: { ...big, authorization: `Bearer ${token}` } });
    expect(cases.status).toBe(431);
    expect(
      recorded()
        .filter((r) => r.status === 431)
        .map((r) => r.operation),
    ).toEqual(['GET /health', 'GET /cases']);
  });

  it('records each exchange with its operation, and no violations', async () => {
    await fetch(`${api.url}/reports/nope`, {
      headers: { authorization: `Bearer ${await api.token('desk')}` },
    });
    const last = recorded().at(-1)!;
    expect(last).toMatchObject({ operation: 'GET /reports/{id}', status: 404, violations: [] });
  });

  describe('a server that answers what the document does not declare', () => {
    let server: Server;
    let url: string;
    let unwatch: () => void;
    beforeAll(async () => {
      // Stands in for a handler gone wrong: each path answers one kind of mistake.
      server = createServer((req, res) => {
        const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': type, ...headers });
          res.end(body);
        };
        if (req.url === '/health') send(418, 'application/problem+json', '{}');
        else if (req.url === '/reports/x')
          send(404, 'application/problem+json', JSON.stringify({ type: 't', title: 'x', status: 404 }));
        else if (req.url === '/cases/x')
          send(200, 'application/json', JSON.stringify({ id: 'x' }), { etag: '"1"' });
        else
          send(
            503,
            'application/problem+json',
            JSON.stringify({ type: 'https://x/503', title: 'd', status: 503, detail: 'd' }),
          );
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      unwatch = watchApiTraffic(url, buildOpenApi(api.deps.config) as unknown as OpenApiDocument);
    });
    afterAll(async () => {
      unwatch();
      await new Promise((r) => server.close(r));
    });

    it.each([
      ['/health', /status 418 is not declared/],
      ['/reports/x', /required property 'detail'/],
      ['/cases/x', /required property 'title'/],
      ['/briefings', /Retry-After is required/],
    ])('fetch %s fails the test that made it', async (path, why) => {
      const error = await fetch(`${url}${path}`).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UndeclaredResponse);
      expect((error as Error).message).toMatch(why);
      expect(recorded().at(-1)!.violations.join('\n')).toMatch(why);
    });
  });
});
