// Logs carry ids and outcomes, never report text, tokens or email addresses
// (docs/privacy.md): capture everything the handlers and jobs log during a full run,
// failures included, and look.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailer } from '#mail/mailer';
import type { TestApi } from '#test/support/local-api';
import { aReport } from '#test/support/report-body';

// The logger reads its level once, when it is created, and returns to it on
// every invocation: set it before anything that logs is imported.
process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
const { run: dailySummary } = await import('#functions/jobs/daily-summary');
const { processStream } = await import('#functions/events/outbox-stream');
const { drainOutbox } = await import('#service/notifications');
const { startTestApi } = await import('#test/support/local-api');

const SECRET_TEXT = `bí-mật-${randomUUID()}`;
const REPORTER_EMAIL = `whistle-${randomUUID().slice(0, 6)}@example.org`;
let api: TestApi;
const captured: string[] = [];
const originals = {
  out: process.stdout.write.bind(process.stdout),
  err: process.stderr.write.bind(process.stderr),
};

beforeAll(async () => {
  api = await startTestApi();
  // Captured, not passed on: the test output stays quiet, and an assertion that fails
  // prints the offending line itself.
  const tap = (chunk: unknown, ...rest: unknown[]): boolean => {
    captured.push(String(chunk));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  };
  process.stdout.write = tap as typeof process.stdout.write;
  process.stderr.write = tap as typeof process.stderr.write;
});
afterAll(async () => {
  process.stdout.write = originals.out;
  process.stderr.write = originals.err;
  await api?.stop();
});

describe('what the system logs', () => {
  it('never holds report text, tokens or addresses, on success or failure', async () => {
    const reporter = await api.token('reporter', { user: 'whistle', email: REPORTER_EMAIL });
    const desk = await api.token('desk');
    const post = (path: string, token: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${api.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, json: (await r.json()) as { id: string } }));
    const report = await post(
      '/reports',
      reporter,
      aReport({
        title: `Tiêu đề ${SECRET_TEXT}`,
        summary: `Nội dung ${SECRET_TEXT}, gọi 0912 345 678`,
        category: 'health',
        channel: 'hotline',
        urgency: 'critical',
      }),
    );
    expect(report.status).toBe(201);
    // bad input and a bug-free 4xx path
    await post('/reports', reporter, { title: SECRET_TEXT });
    const c = await post('/cases', desk, { reportIds: [report.json.id], title: `Hồ sơ ${SECRET_TEXT}` });
    await post(
      `/cases/${c.json.id}/actions`,
      desk,
      { action: 'assign', agencyId: 'health-dept', dueAt: new Date(Date.now() + 86400_000).toISOString() },
      { 'if-match': '"1"' },
    );
    await post(
      `/cases/${c.json.id}/actions`,
      desk,
      { action: 'close', outcome: 'unfounded', note: SECRET_TEXT },
      { 'if-match': '"2"' },
    );
    // a failing mail path and a working one
    const failing: Mailer = {
      send: () =>
        Promise.reject(Object.assign(new Error(`to ${REPORTER_EMAIL}`), { name: 'MessageRejected' })),
    };
    await drainOutbox({ ...api.deps, mailer: failing }, new Date(Date.now() + 1000), new Date());
    await drainOutbox(api.deps, new Date(Date.now() + 1000), new Date());
    await processStream(api.deps, { Records: [] });
    await dailySummary(api.deps, { now: new Date(), force: true });

    const logs = captured.join('');
    expect(logs.length).toBeGreaterThan(0); // something was logged (the job lines at least)
    expect(logs).toContain('job finished');
    expect(logs).toContain('email send failed'); // the failure path logged too
    expect(logs).not.toContain(SECRET_TEXT);
    expect(logs).not.toContain(reporter);
    expect(logs).not.toContain(desk);
    expect(logs).not.toContain(REPORTER_EMAIL);
    expect(logs).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(logs).not.toContain('0912 345 678');
  });
});
