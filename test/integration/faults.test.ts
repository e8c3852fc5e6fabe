// Faults: the store going away and coming back, SES throttling, SES down for a
// whole run, the one documented duplicate window, and jobs invoked several
// times at once (Lambda's at-least-once async delivery, scheduler retries).
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '#config/schema';
import { HEALTH_CACHE_MS } from '#functions/http/meta';
import { run as briefingReminders } from '#functions/jobs/briefing-reminders';
import { run as caseNotifications } from '#functions/jobs/case-notifications';
import { run as dailySummary } from '#functions/jobs/daily-summary';
import { startDynamoDbLocal } from '#infra/local/dynamodb';
import { freePort } from '#infra/local/ports';
import { ensureTable } from '#infra/local/table';
import { createSesClient, sesMailer } from '#mail/mailer';
import { scheduleBriefing } from '#service/briefings';
import { actOnCase, openCaseFor } from '#service/cases';
import { submitReport } from '#service/reports';
import { createDeps, type Deps } from '#shared/deps';
import { LEASE_MS, markerKey } from '#store/sent-markers';
import { testSettings, testTable } from '#test/support/aws';
import { startTestApi } from '#test/support/local-api';
import { aReport } from '#test/support/report-body';
import { emailsTo } from '#test/support/then';

const tag = randomUUID().slice(0, 8);
const RUN_AT = new Date('2026-11-26T00:00:00.000Z');
let t: Awaited<ReturnType<typeof testTable>>;
let base: AppConfig;
const withLeader = (email: string): AppConfig => ({ ...base, summaryRecipients: [{ email, locale: 'vi' }] });

beforeAll(async () => {
  t = await testTable();
  base = t.deps().config;
});

describe('the store goes away and comes back', () => {
  let ddb: Awaited<ReturnType<typeof startDynamoDbLocal>> | undefined;
  afterAll(async () => ddb?.stop());

  it('answers 503 with Retry-After quickly while it is down, and works again after', async () => {
    const port = await freePort();
    ddb = await startDynamoDbLocal({ port });
    const tableName = `faults-${tag}`;
    await ensureTable(ddb.endpoint, tableName);
    const settings = { ...testSettings(tableName), dynamodbEndpoint: ddb.endpoint, dynamodbTimeoutMs: 300 };
    // /health reuses its last answer for a few seconds; the clock moves past that before the last probe.
    let skewMs = 0;
    const clock = () => new Date(Date.now() + skewMs);
    const api = await startTestApi({ deps: createDeps(settings, { clock }) });
    try {
      const token = await api.token('reporter', { user: 'fault' });
      const submit = () =>
        fetch(`${api.url}/reports`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(
            aReport({
              title: 'Trong lúc sự cố',
              summary: 'Nội dung',
              category: 'other',
              area: 'citywide',
              channel: 'other',
              sentiment: 'neutral',
            }),
          ),
        });
      expect((await submit()).status).toBe(201);

      await ddb.stop();
      const started = Date.now();
      const down = await submit();
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(down.headers.get('content-type')).toContain('application/problem+json');
      expect(Date.now() - started).toBeLessThan(5_000); // 3 attempts × 300 ms, plus backoff
      expect((await fetch(`${api.url}/health`)).status).toBe(503);

      ddb = await startDynamoDbLocal({ port });
      await ensureTable(ddb.endpoint, tableName); // in memory: the table comes back empty
      expect((await submit()).status).toBe(201);
      skewMs += HEALTH_CACHE_MS;
      expect((await fetch(`${api.url}/health`)).status).toBe(200);
    } finally {
      await api.stop();
    }
  }, 90_000);
});

/** A stand-in for SES that throttles the first `n` calls (429), then forwards to the local SES. */
const throttlingSes = async (
  n: number,
): Promise<{ url: string; calls: () => number; close: () => Promise<void> }> => {
  let calls = 0;
  const target = new URL(t.sesEndpoint);
  const server: Server = createServer((req, res) => {
    calls++;
    if (calls <= n) {
      req.resume();
      res.writeHead(429, {
        'content-type': 'application/json',
        'x-amzn-errortype': 'TooManyRequestsException',
      });
      res.end(JSON.stringify({ message: 'Maximum sending rate exceeded.' }));
      return;
    }
    const fwd = httpRequest(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    req.pipe(fwd);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls: () => calls,
    close: () => new Promise((r) => server.close(() => r())),
  };
};

describe('SES faults', () => {
  it('throttling (429) is retried with backoff and the email goes out once', async () => {
    const leader = `throttle-${tag}@example.org`;
    const ses = await throttlingSes(2);
    try {
      const config = withLeader(leader);
      const mailer = sesMailer(
        createSesClient({ region: 'ap-southeast-1', endpoint: ses.url, from: config.senderAddress }),
        {
          from: config.senderAddress,
        },
      );
      const result = await dailySummary(t.deps({ config, mailer, clock: () => RUN_AT }), {
        now: RUN_AT,
        date: '2026-11-10',
      });
      expect(result).toMatchObject({ sent: 1, failed: 0 });
      expect(ses.calls()).toBe(3);
      expect(await emailsTo(leader)).toHaveLength(1);
    } finally {
      await ses.close();
    }
  });

  it('SES down for a whole run: everything fails, nothing is lost, the next run sends it all once', async () => {
    const leader = `down-${tag}@example.org`;
    const config = withLeader(leader);
    const dead = sesMailer(
      createSesClient({
        region: 'ap-southeast-1',
        endpoint: `http://127.0.0.1:${await freePort()}`,
        from: config.senderAddress,
        timeoutMs: 300,
      }),
      { from: config.senderAddress },
    );
    const deps = (over: Partial<Deps> = {}) => t.deps({ config, clock: () => RUN_AT, ...over });
    expect(await dailySummary(deps({ mailer: dead }), { now: RUN_AT, date: '2026-11-11' })).toMatchObject({
      sent: 0,
      failed: 1,
    });
    expect(await dailySummary(deps(), { now: RUN_AT, date: '2026-11-11' })).toMatchObject({
      sent: 1,
      failed: 0,
    });
    expect(await dailySummary(deps(), { now: RUN_AT, date: '2026-11-11' })).toMatchObject({
      sent: 0,
      skipped: 1,
    });
    expect(await emailsTo(leader)).toHaveLength(1);
  });

  it('pins the one duplicate window: SES accepted, then the marker write failed', async () => {
    const leader = `window-${tag}@example.org`;
    const config = withLeader(leader);
    // A fault the local DynamoDB cannot produce on demand: the "mark sent" write fails.
    const send = t.deps().db.send.bind(t.deps().db);
    const flakyDb = Object.create(t.deps().db) as Deps['db'];
    flakyDb.send = ((cmd: unknown) => {
      if (cmd instanceof UpdateCommand && String(cmd.input.UpdateExpression).includes(':sent')) {
        return Promise.reject(Object.assign(new Error('timeout'), { name: 'TimeoutError' }));
      }
      return send(cmd as never);
    }) as Deps['db']['send'];
    const day = '2026-11-12';
    const first = await dailySummary(t.deps({ config, db: flakyDb, clock: () => RUN_AT }), {
      now: RUN_AT,
      date: day,
    });
    expect(first).toMatchObject({ sent: 1, failed: 0 });
    const marker = await t.db.send(
      new GetCommand({
        TableName: t.tableName,
        Key: markerKey({ job: 'daily-summary', period: day, recipient: leader }),
      }),
    );
    expect(marker.Item).toMatchObject({ state: 'claimed' }); // the claim stays, it is not released
    // within the lease: nothing resends it
    expect(
      await dailySummary(t.deps({ config, clock: () => RUN_AT }), { now: RUN_AT, date: day }),
    ).toMatchObject({ sent: 0, skipped: 1 });
    expect(await emailsTo(leader)).toHaveLength(1);
    // after the lease: the documented duplicate (at least once, never zero times)
    const later = new Date(RUN_AT.getTime() + LEASE_MS + 1000);
    expect(
      await dailySummary(t.deps({ config, clock: () => later }), { now: later, date: day }),
    ).toMatchObject({ sent: 1 });
    expect(await emailsTo(leader)).toHaveLength(2);
  });
});

describe('jobs invoked several times at once', () => {
  it('daily summary, briefing reminders and case notifications: each email once', async () => {
    const leader = `multi-${tag}@example.org`;
    const deskBox = `multi-desk-${tag}@example.org`;
    const agencyBox = `multi-agency-${tag}@example.org`;
    const config: AppConfig = {
      ...withLeader(leader),
      deskList: [{ email: deskBox, locale: 'vi' }],
      agencies: base.agencies.map((a) => (a.id === 'police' ? { ...a, emails: [agencyBox] } : a)),
    };
    const now = new Date('2026-11-26T02:00:00.000Z');
    const deps = (at = now) => t.deps({ config, clock: () => at });
    // a briefing in 2 h (its 3 h reminder is due) and a case assigned 20 minutes ago (its email pending > 15 min)
    await scheduleBriefing(
      deps(new Date(now.getTime() - 3_600_000)),
      { sub: 'd', roles: ['desk'] },
      { title: 'Họp báo nhiều lần chạy', startsAt: '2026-11-26T04:00:00Z' },
    );
    const r = await submitReport(
      deps(),
      { sub: 'r', roles: ['reporter'] },
      aReport({
        title: 'Phản ánh cho lần chạy song song',
        summary: 'Nội dung',
        category: 'public-order',
        channel: 'other',
        sentiment: 'neutral',
        observedAt: '2026-11-26T01:00:00Z',
      }),
      undefined,
    );
    const earlier = new Date(now.getTime() - 20 * 60_000);
    const c = await openCaseFor(
      deps(earlier),
      { sub: 'd', roles: ['desk'] },
      { reportIds: [(r.body as { id: string }).id] },
    );
    await actOnCase(deps(earlier), { sub: 'd', roles: ['desk'] }, { id: c.id }, '"1"', {
      action: 'assign',
      agencyId: 'police',
      dueAt: '2026-11-27T02:00:00Z',
    });

    const three = <T>(f: () => Promise<T>) => Promise.all([f(), f(), f()]);
    const summaries = await three(() => dailySummary(deps(), { now, date: '2026-11-13' }));
    const reminders = await three(() => briefingReminders(deps(), { now }));
    const notices = await three(() => caseNotifications(deps(), { now }));
    const total = (rs: { sent: number }[]) => rs.reduce((a, x) => a + x.sent, 0);
    expect(total(summaries)).toBe(2); // the leader, and the police digest (its case is due within 48 h)
    // the desk, for the ad-hoc briefing (3 h) and today's regular one at 14:00 local (its 48 h window is open)
    expect(total(reminders)).toBe(2);
    expect(total(notices)).toBe(2); // the assignment (swept) and the ladder's reminder (due in one working day)
    expect(await emailsTo(leader)).toHaveLength(1);
    expect(await emailsTo(deskBox)).toHaveLength(2);
    expect(await emailsTo(agencyBox)).toHaveLength(3);
  }, 60_000);
});
