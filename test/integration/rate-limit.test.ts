// Per-caller write limits over HTTP: the local server, the real handlers and
// DynamoDB Local, with the limits set low and the clock pinned. The N+1th
// write of an hour answers 429 and stores nothing; other callers, reads and
// the next window are unaffected; racing callers get exactly N; replays and
// rejected requests take no slot; a store that is down answers 503.
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict } from '#domain/errors';
import { type RateLimitKind, rateWindowOf } from '#domain/rate-limit';
import { routeKey, routesOfGroup } from '#functions/routes';
import { httpHandler, type RouteImpl, type RouteImpls } from '#http/handler';
import { withRateLimit } from '#http/rate-limit';
import { loadAppConfig } from '#infra/config/index';
import { freePort } from '#infra/local/ports';
import { buildHttpEvent, lambdaContext, matchRoute } from '#infra/local/server';
import { createDeps } from '#shared/deps';
import { isConditionalCheckFailed } from '#store/errors';
import { rateCounterKey } from '#store/rate-limit';
import { testSettings } from '#test/support/aws';
import { aReport } from '#test/support/report-body';
import { type Api, type Call, startApi, type Who } from '#test/support/steps';
import { storedItem } from '#test/support/stored';
import type { LocalParts } from '#test/support/when';

const REPORTS_PER_HOUR = 5;
const WRITES_PER_HOUR = 4;
const HOUR = 3_600_000;
/** 20 minutes into the current hour: 40 minutes (2400 s) are left in the window. */
const T0 = new Date(Math.floor(Date.now() / HOUR) * HOUR + 20 * 60_000);
let now = T0;

let api: Api;

beforeAll(async () => {
  const config = loadAppConfig('dev');
  api = await startApi({
    clock: () => now,
    deps: {
      config: {
        ...config,
        api: {
          ...config.api,
          rateLimits: { reportsPerHour: REPORTS_PER_HOUR, writesPerHour: WRITES_PER_HOUR },
        },
      },
    },
  });
  local = api.local!;
});
afterAll(async () => api?.stop());

let local: LocalParts;
const call: Call = (...args) => api.when(...args);

let seq = 0;
const reportBody = () =>
  aReport({
    title: `Phản ánh số ${++seq}`,
    summary: 'Người dân phản ánh tình trạng ngập nước kéo dài.',
    category: 'environment',
    area: 'thu-duc',
    sourceUrls: [`https://social.example/post/rate-${seq}`],
    observedAt: new Date(now.getTime() - 60_000).toISOString(),
  });
const submit = (who: Who, body: unknown = reportBody(), key?: string) =>
  call('POST', '/reports', who, body, key ? { 'idempotency-key': key } : {});

const reporter = (user: string) => ({ role: 'reporter', user }) as const;

/** A reporter who has used up this hour's submissions. */
const exhausted = async (user: string) => {
  const token = await reporter(user);
  for (let i = 0; i < REPORTS_PER_HOUR; i++) expect((await submit(token)).status).toBe(201);
  return token;
};

/** The caller's counter in the window of `at`: its count, or undefined when there is no item. */
const counter = async (sub: string, kind: RateLimitKind, at = now) =>
  (await storedItem(local, rateCounterKey(sub, kind, rateWindowOf(at).id)))?.count as number | undefined;

/** Every item in the table (a test-only Scan): "nothing stored" means this does not change. */
const itemCount = async () =>
  (await local.db.send(new ScanCommand({ TableName: local.tableName, Select: 'COUNT' }))).Count ?? 0;

describe('per-caller limit on POST /reports', () => {
  it('answers the N+1th submission of an hour 429 problem+json with Retry-After, and stores nothing', async () => {
    now = T0;
    const alice = await reporter('rl-alice');
    for (let i = 0; i < REPORTS_PER_HOUR; i++) expect((await submit(alice)).status).toBe(201);
    expect(await counter('rl-alice', 'reports')).toBe(REPORTS_PER_HOUR);

    const before = await itemCount();
    const over = await submit(alice, reportBody(), 'rl-alice-over');
    expect(over.status).toBe(429);
    expect(over.headers.get('content-type')).toContain('application/problem+json');
    expect(over.headers.get('retry-after')).toBe('2400');
    expect(over.json).toMatchObject({
      type: 'https://opinion-desk.example.org/problems/429',
      title: 'Too many requests',
      status: 429,
    });
    expect(over.json.detail).toEqual(expect.any(String));
    expect(await itemCount()).toBe(before);
    expect(await counter('rl-alice', 'reports')).toBe(REPORTS_PER_HOUR);

    // Retry-After counts down to the end of the window.
    now = new Date(T0.getTime() + 40 * 60_000 - 500);
    const last = await submit(alice);
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toBe('1');
  });

  it('leaves another caller unaffected, and never limits reads', async () => {
    now = T0;
    const alice = await exhausted('rl-amy');
    expect((await submit(alice)).status).toBe(429);

    const bob = await reporter('rl-bob');
    const bobs = await submit(bob);
    expect(bobs.status).toBe(201);
    expect(await counter('rl-bob', 'reports')).toBe(1);

    for (let i = 0; i < 3 * REPORTS_PER_HOUR; i++) {
      expect((await call('GET', '/reports?limit=5', alice)).status).toBe(200);
      expect((await call('GET', `/reports/${bobs.json.id}`, bob)).status).toBe(200);
    }
    expect(await counter('rl-amy', 'reports')).toBe(REPORTS_PER_HOUR);
    expect(await counter('rl-bob', 'reports')).toBe(1);
  });

  it('starts counting afresh in the next hour', async () => {
    now = T0;
    const ann = await exhausted('rl-ann');
    expect((await submit(ann)).status).toBe(429);

    now = new Date(T0.getTime() + 40 * 60_000 - 1); // the last millisecond of the window
    expect((await submit(ann)).status).toBe(429);
    now = new Date(T0.getTime() + 40 * 60_000); // the first of the next
    expect((await submit(ann)).status).toBe(201);
    expect(await counter('rl-ann', 'reports')).toBe(1);
    expect(await counter('rl-ann', 'reports', T0)).toBe(REPORTS_PER_HOUR);
  });

  it('accepts exactly N of 20 concurrent submissions by one caller', async () => {
    now = T0;
    const carol = await reporter('rl-carol');
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(carol)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(REPORTS_PER_HOUR);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - REPORTS_PER_HOUR);
    expect(await counter('rl-carol', 'reports')).toBe(REPORTS_PER_HOUR);
    const own = await call('GET', '/reports?limit=50', carol);
    expect((own.json.items as unknown[]).length).toBe(REPORTS_PER_HOUR);
  });

  it('takes no slot for idempotent replays, so a retry storm never locks a reporter out', async () => {
    now = T0;
    const dan = await reporter('rl-dan');
    const body = reportBody();
    const first = await submit(dan, body, 'dan-1');
    expect(first.status).toBe(201);
    for (let i = 0; i < 3 * REPORTS_PER_HOUR; i++) {
      const again = await submit(dan, body, 'dan-1');
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.json.id).toBe(first.json.id);
    }
    expect(await counter('rl-dan', 'reports')).toBe(1);

    // The rest of the hour's slots go to new reports; then new ones are refused, replays still answered.
    for (let i = 1; i < REPORTS_PER_HOUR; i++)
      expect((await submit(dan, reportBody(), `dan-${i + 1}`)).status).toBe(201);
    expect((await submit(dan, reportBody(), 'dan-new')).status).toBe(429);
    const replayOverLimit = await submit(dan, body, 'dan-1');
    expect(replayOverLimit.status).toBe(201);
    expect(replayOverLimit.json.id).toBe(first.json.id);
    expect(replayOverLimit.headers.get('idempotent-replayed')).toBe('true');
    // Over the limit, the key reused with another body is refused as it always is (422), storing nothing.
    const before = await itemCount();
    expect((await submit(dan, reportBody(), 'dan-1')).status).toBe(422);
    expect(await itemCount()).toBe(before);
    expect(await counter('rl-dan', 'reports')).toBe(REPORTS_PER_HOUR);
  });

  it('takes no slot for a submission refused before its write: the table is left as it was', async () => {
    now = T0;
    const erin = await reporter('rl-erin');
    const before = await itemCount();
    const bad = await submit(erin, { ...reportBody(), title: 'x' });
    expect(bad.status).toBe(400);
    expect(await counter('rl-erin', 'reports')).toBeUndefined();
    expect(await itemCount()).toBe(before);

    expect((await submit(erin)).status).toBe(201);
    expect((await submit(erin, { ...reportBody(), category: 'no-such-category' })).status).toBe(400);
    expect(await counter('rl-erin', 'reports')).toBe(1);
  });
});

describe('per-caller limit on the other writes', () => {
  it('counts every write route of a caller together, apart from its report submissions', async () => {
    now = T0;
    const desk = { role: 'desk', user: 'rl-desk' } as const;
    const startsAt = new Date(T0.getTime() + 3 * 86_400_000).toISOString();
    const briefing = await call('POST', '/briefings', desk, { title: 'Họp báo', startsAt });
    expect(briefing.status).toBe(201);
    const report = await submit(desk);
    expect(report.status).toBe(201);
    const opened = await call('POST', '/cases', desk, { reportIds: [report.json.id] });
    expect(opened.status).toBe(201);
    // Two comments race on the same version: one is written; the other is refused with 412,
    // before its write or when its write loses, and holds no slot afterwards.
    const comments = await Promise.all(
      Array.from({ length: 2 }, (_, i) =>
        call(
          'POST',
          `/cases/${opened.json.id}/actions`,
          desk,
          { action: 'comment', note: `ghi chú ${i}` },
          { 'if-match': `"${opened.json.version}"` },
        ),
      ),
    );
    expect(comments.map((c) => c.status).sort()).toEqual([200, 412]);
    expect(await counter('rl-desk', 'writes')).toBe(3);
    expect(await counter('rl-desk', 'reports')).toBe(1);

    const fourth = await call('POST', `/briefings/${briefing.json.id}/actions`, desk, {
      action: 'invite',
      emails: ['press@example.org'],
    });
    expect(fourth.status).toBe(200);

    const before = await itemCount();
    const over = await call('POST', '/briefings', desk, { title: 'Họp báo thứ hai', startsAt });
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('2400');
    expect(over.json.status).toBe(429);
    expect(await itemCount()).toBe(before);

    // Reads and the caller's report submissions are not writes of this kind.
    expect((await call('GET', `/cases/${opened.json.id}`, desk)).status).toBe(200);
    expect((await call('GET', '/briefings', desk)).status).toBe(200);
    expect((await submit(desk)).status).toBe(201);
    // Another desk user has its own slots.
    const other = { role: 'desk', user: 'rl-desk-2' } as const;
    expect((await call('POST', '/briefings', other, { title: 'Họp báo 2', startsAt })).status).toBe(201);
  });
});

describe('a write that loses its condition', () => {
  it('gives its slot back: the answer is 409 and the counter is as before', async () => {
    now = T0;
    // Every briefing route stands in for a route whose conditional write can lose.
    const write: RouteImpl = async (_req, d) => {
      try {
        await d.db.send(
          new PutCommand({
            TableName: d.tableName,
            Item: { pk: 'RL-ONCE', sk: 'X' },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (err) {
        if (isConditionalCheckFailed(err)) throw new Conflict('Already there.');
        throw err;
      }
      return { status: 201, body: {} };
    };
    const impls: RouteImpls = Object.fromEntries(routesOfGroup('briefings').map((r) => [routeKey(r), write]));
    const handler = httpHandler('briefings', impls, () => local.deps, { rateLimit: withRateLimit });
    const post = async (sub = 'rl-desk-cond') =>
      (await handler(
        buildHttpEvent({
          method: 'POST',
          url: '/briefings',
          rawHeaders: ['content-type', 'application/json'],
          body: Buffer.from('{}'),
          sourceIp: '127.0.0.1',
          match: matchRoute('POST', '/briefings')!,
          claims: { sub, 'cognito:groups': ['desk'], token_use: 'id' },
          requestId: 'rl-cond',
          now: new Date(),
        }),
        lambdaContext('briefings', 'ap-southeast-1'),
      )) as APIGatewayProxyStructuredResultV2;
    expect((await post()).statusCode).toBe(201);
    expect(await counter('rl-desk-cond', 'writes')).toBe(1);
    for (let i = 0; i < WRITES_PER_HOUR + 1; i++) expect((await post()).statusCode).toBe(409);
    expect(await counter('rl-desk-cond', 'writes')).toBe(1);
    // A caller whose only write lost keeps no counter at all.
    const before = await itemCount();
    expect((await post('rl-desk-cond-2')).statusCode).toBe(409);
    expect(await counter('rl-desk-cond-2', 'writes')).toBeUndefined();
    expect(await itemCount()).toBe(before);
  });
});

describe('the store is down during the check', () => {
  it("answers 503 with Retry-After, and the route's write is never sent", async () => {
    const settings = {
      ...testSettings(local.tableName),
      dynamodbEndpoint: `http://127.0.0.1:${await freePort()}`,
      dynamodbTimeoutMs: 200,
    };
    const deps = createDeps(settings);
    const sent: string[] = [];
    deps.db.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
    // Every briefing route stands in for a route that validates, then writes one item.
    const write: RouteImpl = async (_req, d) => {
      await d.db.send(new PutCommand({ TableName: d.tableName, Item: { pk: 'RL-DOWN', sk: 'X' } }));
      return { status: 201, body: {} };
    };
    const impls: RouteImpls = Object.fromEntries(routesOfGroup('briefings').map((r) => [routeKey(r), write]));
    const handler = httpHandler('briefings', impls, () => deps, { rateLimit: withRateLimit });
    const event = buildHttpEvent({
      method: 'POST',
      url: '/briefings',
      rawHeaders: ['content-type', 'application/json'],
      body: Buffer.from('{}'),
      sourceIp: '127.0.0.1',
      match: matchRoute('POST', '/briefings')!,
      claims: { sub: 'rl-desk-down', 'cognito:groups': ['desk'], token_use: 'id' },
      requestId: 'rl-down',
      now: new Date(),
    });
    const res = (await handler(
      event,
      lambdaContext('briefings', 'ap-southeast-1'),
    )) as APIGatewayProxyStructuredResultV2;
    deps.db.destroy();
    expect(res.statusCode).toBe(503);
    expect(res.headers?.['retry-after']).toMatch(/^\d+$/);
    expect(String(res.headers?.['content-type'])).toContain('application/problem+json');
    expect(sent).toEqual(['UpdateItemCommand']); // the counter's, and no PutItem after it
  }, 30_000);
});
