// The daily summary watchdog against DynamoDB Local: it counts the summary's
// sent-markers for the day the morning run covered, one per recipient the
// environment may mail; a claim that was never confirmed is missing, a
// recipient off the allow-list is not expected. Its Lambda handler throws when
// anything is missing (that failure is the operator's alarm).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '#config/schema';
import { run as runSummary } from '#functions/jobs/daily-summary';
import { JOB, run } from '#functions/jobs/daily-summary-watchdog';
import { findSchedule } from '#functions/schedules';
import type { Deps } from '#shared/deps';
import { claimMarker, type MarkerId, markSent } from '#store/sent-markers';
import { type TestTable, testTable } from '#test/support/aws';

const tag = randomUUID().slice(0, 8);
const lead = `lead-${tag}@example.org`;
const deputy = `deputy-${tag}@example.org`;
const outsider = `boss-${tag}@elsewhere.example.net`;
const press = `press-${tag}@example.org`;

// The watchdog runs at 09:00 local (UTC+7) on the 26th: it checks the summary of the 25th.
const WATCHDOG_AT = '2026-11-26T02:00:00.000Z';

let t: TestTable;
let config: AppConfig;
let deps: (over?: Partial<Deps>) => Deps;

const sent = async (m: MarkerId) => {
  const now = new Date('2026-11-26T00:00:05.000Z');
  const claim = await claimMarker(deps(), m, now);
  if (!claim.claimed) throw new Error('not claimed');
  await markSent(deps(), m, claim.token, `msg-${randomUUID()}`, now);
};
const claimedOnly = async (m: MarkerId) => {
  const claim = await claimMarker(deps(), m, new Date('2026-11-26T00:00:05.000Z'));
  if (!claim.claimed) throw new Error('not claimed');
};
const summaryMarker = (period: string, recipient: string): MarkerId => ({
  job: 'daily-summary',
  period,
  recipient,
});

beforeAll(async () => {
  t = await testTable('watchdog');
  const base = t.deps().config;
  config = {
    ...base,
    // dev's allow-list is example.org: the outsider is never mailed, so never expected.
    summaryRecipients: [
      { email: lead, locale: 'vi' },
      { email: outsider, locale: 'en' },
      { email: deputy, locale: 'en' },
      { email: press, locale: 'vi' },
    ],
  };
  deps = (over = {}) => t.deps({ config, ...over });
});

afterAll(async () => {
  await t.drop();
});

describe('the daily summary watchdog', () => {
  it('runs at 09:00 local after a 07:00 summary, and two hours after a later one', () => {
    const row = findSchedule('daily-summary-watchdog')!;
    const at = (hhmm: string) =>
      row.schedule({ ...config, schedules: { ...config.schedules, dailySummary: { at: hhmm } } });
    expect(at('07:00')).toEqual({ daily: '09:00' });
    expect(at('05:30')).toEqual({ daily: '09:00' });
    expect(at('08:15')).toEqual({ daily: '10:15' });
    expect(at('22:30')).toEqual({ daily: '23:59' });
    expect(row.entry).toBe('functions/jobs/daily-summary-watchdog.ts');
  });

  it('finds nothing missing when every allowed recipient has a sent marker', async () => {
    const day = '2026-11-25';
    for (const r of [lead, deputy, press]) await sent(summaryMarker(day, r));
    // Markers of another day or another job do not count for this one.
    await sent(summaryMarker('2026-11-24', outsider));

    const result = await run(deps(), { scheduledTime: WATCHDOG_AT });
    expect(result).toEqual({
      job: JOB,
      date: day,
      sent: 0,
      skipped: 0,
      failed: 0,
      expected: 3,
      notAllowed: 1,
      missing: [],
    });
  });

  it('counts a claimed but never confirmed send as missing', async () => {
    const day = '2026-11-20';
    await sent(summaryMarker(day, lead));
    await claimedOnly(summaryMarker(day, deputy));
    await sent(summaryMarker(day, press));
    // An agency digest to the same address is not the summary.
    await sent({ job: 'agency-digest', period: day, recipient: deputy });

    const result = await run(deps(), { date: day });
    expect(result.failed).toBe(1);
    expect(result.missing).toEqual([{ recipient: 'summaryRecipients[2]', marker: 'claimed' }]);
  });

  it('counts every allowed recipient as missing when the summary did not run', async () => {
    // 09:00 local on 2026-12-02 checks the 1st, for which nothing was sent.
    const result = await run(deps({ clock: () => new Date('2026-12-02T02:00:00.000Z') }));
    expect(result).toMatchObject({ date: '2026-12-01', expected: 3, failed: 3, sent: 0, skipped: 0 });
    expect(result.missing).toEqual([
      { recipient: 'summaryRecipients[0]', marker: 'absent' },
      { recipient: 'summaryRecipients[2]', marker: 'absent' },
      { recipient: 'summaryRecipients[3]', marker: 'absent' },
    ]);
    // Addresses never reach the result (it is logged).
    expect(JSON.stringify(result)).not.toContain('@');
  });

  it("is satisfied by the summary job's own run", async () => {
    const summaryAt = '2026-11-28T00:00:00.000Z'; // 07:00 local on the 28th
    const summary = await runSummary(deps({ clock: () => new Date(summaryAt) }), {
      scheduledTime: summaryAt,
    });
    expect(summary).toMatchObject({ date: '2026-11-27', sent: 3, failed: 0, notAllowed: 1 });

    const result = await run(deps(), { scheduledTime: '2026-11-28T02:00:00.000Z' });
    expect(result).toMatchObject({ date: '2026-11-27', failed: 0, expected: 3, missing: [] });
  });

  describe('the Lambda handler', () => {
    // dev's own summaryRecipients, both on its allow-list.
    beforeAll(() => {
      vi.stubEnv('APP_ENV', 'dev');
      vi.stubEnv('TABLE_NAME', t.tableName);
      vi.stubEnv('DYNAMODB_ENDPOINT', t.endpoint);
      // The config a deployed bundle carries (shared/config/bundled.ts), as CDK's esbuild `define` inlines it.
      vi.stubGlobal('__OPINION_DESK_CONFIG__', t.deps().config);
    });
    afterAll(() => {
      vi.unstubAllEnvs();
      vi.unstubAllGlobals();
    });

    it('throws when a summary email is missing, naming the day and the recipients', async () => {
      const { handler } = await import('#functions/jobs/daily-summary-watchdog');
      await expect(handler({ scheduledTime: '2026-10-11T02:00:00Z' })).rejects.toThrow(
        'The daily summary for 2026-10-10 was not sent to 2 of 2 summary recipient(s): summaryRecipients[0] (absent), summaryRecipients[1] (absent)',
      );
    });

    it('returns when every summary email was sent', async () => {
      const { handler } = await import('#functions/jobs/daily-summary-watchdog');
      const dev = t.deps().config;
      for (const r of dev.summaryRecipients) await sent(summaryMarker('2026-10-12', r.email));
      await expect(handler({ scheduledTime: '2026-10-13T02:00:00Z' })).resolves.toMatchObject({
        date: '2026-10-12',
        failed: 0,
        expected: dev.summaryRecipients.length,
      });
    });
  });
});
