// Public /health touches the store at most once per HEALTH_CACHE_MS per
// instance, whether the store answered or not: counted at the client, against
// DynamoDB Local and against a port where nothing listens.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandler, HEALTH_CACHE_MS } from '#functions/http/meta';
import { freePort } from '#infra/local/ports';
import { buildHttpEvent, lambdaContext, matchRoute } from '#infra/local/server';
import { createDeps, type Deps } from '#shared/deps';
import { testSettings, testTable } from '#test/support/aws';

let tableName: string;
beforeAll(async () => {
  tableName = (await testTable('health')).tableName;
});

/** Deps whose clock the test moves, and a count of the store calls made through them. */
const countingDeps = (base: Deps, o: { probeTakesMs?: number } = {}) => {
  let calls = 0;
  let nowMs = Date.parse('2026-11-26T03:00:00Z');
  base.db.middlewareStack.add(
    (next) => async (args) => {
      calls++;
      nowMs += o.probeTakesMs ?? 0; // a slow store: the clock moves while the call is out
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
  const deps: Deps = { ...base, clock: () => new Date(nowMs) };
  return { deps, calls: () => calls, advance: (ms: number) => (nowMs += ms) };
};

const healthOf = (deps: Deps) => {
  const handler = createHandler(deps);
  const match = matchRoute('GET', '/health')!;
  return async () =>
    (await handler(
      buildHttpEvent({
        method: 'GET',
        url: '/health',
        rawHeaders: [],
        sourceIp: '127.0.0.1',
        match,
        requestId: 'health',
        now: new Date(),
      }),
      lambdaContext('meta', 'ap-southeast-1'),
    )) as APIGatewayProxyStructuredResultV2;
};

describe('GET /health', () => {
  it('answers 10 calls within the window with one store call, then probes again', async () => {
    const c = countingDeps(createDeps(testSettings(tableName)));
    const health = healthOf(c.deps);
    for (let i = 0; i < 5; i++) expect((await health()).statusCode).toBe(200);
    const parallel = await Promise.all(Array.from({ length: 5 }, () => health()));
    expect(parallel.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(c.calls()).toBe(1);

    c.advance(HEALTH_CACHE_MS - 1);
    expect((await health()).statusCode).toBe(200);
    expect(c.calls()).toBe(1);
    c.advance(1);
    expect((await health()).statusCode).toBe(200);
    expect(c.calls()).toBe(2);
    c.deps.db.destroy();
  });

  it('reuses a failed probe too: 10 calls while the store is down make one store call, each a 503', async () => {
    const settings = {
      ...testSettings(tableName),
      dynamodbEndpoint: `http://127.0.0.1:${await freePort()}`,
      dynamodbTimeoutMs: 200,
    };
    const c = countingDeps(createDeps(settings));
    const health = healthOf(c.deps);
    for (let i = 0; i < 10; i++) {
      const res = await health();
      expect(res.statusCode).toBe(503);
      expect(res.headers?.['retry-after']).toMatch(/^\d+$/);
    }
    expect(c.calls()).toBe(1);
    c.advance(HEALTH_CACHE_MS);
    expect((await health()).statusCode).toBe(503);
    expect(c.calls()).toBe(2);
    c.deps.db.destroy();
  }, 30_000);

  it('counts the window from the answer: a probe slower than the window is still reused', async () => {
    const settings = {
      ...testSettings(tableName),
      dynamodbEndpoint: `http://127.0.0.1:${await freePort()}`,
      dynamodbTimeoutMs: 200,
    };
    const c = countingDeps(createDeps(settings), { probeTakesMs: 2 * HEALTH_CACHE_MS });
    const health = healthOf(c.deps);
    for (let i = 0; i < 10; i++) expect((await health()).statusCode).toBe(503);
    expect(c.calls()).toBe(1);
    c.deps.db.destroy();
  }, 30_000);
});
