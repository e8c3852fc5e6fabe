// Topic trends across days against DynamoDB Local: the job run day after day
// with a fixed clock stores each day's aggregate; the next days' marks come from
// them; a missed day is rebuilt once; Asia/Ho_Chi_Minh (no DST) day boundaries;
// a clarification's effect with reports before and after the official word.
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '#domain/report';
import { run } from '#functions/jobs/daily-summary';
import { actOnCase, openCaseFor } from '#service/cases';
import { gatherDaily } from '#service/summary';
import type { Deps } from '#shared/deps';
import { dayAggregateKey } from '#store/day-aggregates';
import { toReportItem } from '#store/reports';
import { testTable } from '#test/support/aws';
import { A_DESK, aSubmittedReport, storedItem } from '#test/support/steps';

let t: Awaited<ReturnType<typeof testTable>>;
const deps = (iso: string): Deps => t.deps({ clock: () => new Date(iso) });
/** 07:00 local on the day after `date` (UTC+7, no DST): the job's run. */
const runAt = (date: string) => new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000);

const put = async (submittedAt: string, over: Partial<Report> = {}) => {
  const id = over.id ?? randomUUID();
  const report: Report = {
    id,
    title: `Phản ánh ${id.slice(0, 4)}`,
    summary: 'Nội dung',
    category: 'transport',
    area: 'district-1',
    channel: 'hotline',
    sentiment: 'negative',
    urgency: 'normal',
    sourceUrls: [],
    observedAt: submittedAt,
    status: 'new',
    caseId: null,
    submittedBy: 'reporter-1',
    submittedAt,
    updatedAt: submittedAt,
    version: 1,
    ...over,
  };
  await t.db.send(new PutCommand({ TableName: t.tableName, Item: toReportItem(report, { urlHashes: [] }) }));
  return id;
};
const noon = (date: string, h = 5) => `${date}T0${h}:00:00.000Z`; // 12:00 local

const DAYS = [
  '2026-11-10',
  '2026-11-11',
  '2026-11-12',
  '2026-11-13',
  '2026-11-14',
  '2026-11-15',
  '2026-11-16',
];

beforeAll(async () => {
  t = await testTable();
  // A steady topic: group G-steady, two reports a day, every day of the baseline.
  for (const d of DAYS) {
    await put(noon(d), { similarityGroup: 'G-steady', reach: 10 });
    await put(noon(d, 6), { similarityGroup: 'G-steady', reach: 10 });
  }
  // The boundaries: 23:59:59 local on the 16th, and 00:00:00 local on the 17th.
  await put('2026-11-16T16:59:59.000Z', { area: 'district-3' });
  await put('2026-11-16T17:00:00.000Z', { area: 'district-3', category: 'environment' });
  // The 17th: G-steady rises to 5, a new group G-new has 3 reports.
  for (let i = 0; i < 5; i++)
    await put(noon('2026-11-17', i + 1), { similarityGroup: 'G-steady', reach: 100 });
  for (let i = 0; i < 3; i++) await put(noon('2026-11-17', i + 1), { similarityGroup: 'G-new', reach: 1000 });
});
afterAll(() => t.drop());

describe('the daily summary job, day after day', () => {
  it('stores each day, rebuilds the missed one once, and marks the topics against them', async () => {
    // The job runs every day but the 14th.
    for (const d of DAYS.filter((d) => d !== '2026-11-14')) {
      await run(deps(runAt(d).toISOString()), { now: runAt(d) });
      expect(await storedItem(t, dayAggregateKey(d))).toMatchObject({ rebuilt: false, date: d });
    }
    // The 15th's run (its baseline is the 8th–14th) rebuilt the 14th from the day index.
    const missed = await storedItem(t, dayAggregateKey('2026-11-14'));
    expect(missed).toMatchObject({ rebuilt: true, builtAt: runAt('2026-11-15').toISOString(), reports: 2 });

    const result = await run(deps(runAt('2026-11-17').toISOString()), { now: runAt('2026-11-17') });
    expect(result).toMatchObject({ aggregateStored: true, reports: 9 });
    // Not rebuilt again: the 14th keeps its first build.
    expect((await storedItem(t, dayAggregateKey('2026-11-14')))!.builtAt).toBe(
      runAt('2026-11-15').toISOString(),
    );

    const { summary } = await gatherDaily(
      deps(runAt('2026-11-17').toISOString()),
      '2026-11-17',
      runAt('2026-11-17'),
    );
    const marks = Object.fromEntries(
      summary.topics.map((x) => [x.key, [x.mark, x.reports, x.baseline.reports]]),
    );
    // G-steady: 2 a day on the 10th–16th → 5 is rising; G-new had no report → new.
    expect(marks['G-steady']).toEqual(['rising', 5, 2]);
    expect(marks['G-new']).toEqual(['new', 3, 0]);
    expect(summary.topics[0]!.key).toBe('G-new');
  });

  it('counts a report at 23:59:59 local and one at 00:00 the next day on their own days', async () => {
    const d16 = await storedItem(t, dayAggregateKey('2026-11-16'));
    const d17 = await storedItem(t, dayAggregateKey('2026-11-17'));
    expect(d16!.byArea).toMatchObject({ 'district-3': 1 });
    expect(d16!.byCategory).toEqual({ transport: 3 });
    expect(d17!.byArea).toMatchObject({ 'district-3': 1 });
    expect(d17!.byCategory).toMatchObject({ environment: 1 });
  });
});

describe('did the clarification work', () => {
  it('shows the reports per day before and after the official word, and the time to it', async () => {
    // Three reports on the 20th–21st, a case, closed clarified at 17:00 local on the 21st.
    const first = await aSubmittedReport(deps('2026-11-20T02:00:00.000Z'), { area: 'thu-duc' });
    const second = await aSubmittedReport(deps('2026-11-20T09:00:00.000Z'), { area: 'thu-duc' });
    const third = await aSubmittedReport(deps('2026-11-21T02:00:00.000Z'), { area: 'thu-duc' });
    const opened = await openCaseFor(deps('2026-11-21T03:00:00.000Z'), A_DESK, {
      reportIds: [first, second, third],
    });
    await actOnCase(deps('2026-11-21T10:00:00.000Z'), A_DESK, { id: opened.id }, `"${opened.version}"`, {
      action: 'close',
      outcome: 'clarified',
      note: 'Sở đã đính chính',
      evidenceUrl: 'https://gov.example/dinh-chinh',
    });
    // After the word: two reports saying the same (their group is the first report's) on the 23rd.
    await put('2026-11-23T03:00:00.000Z', { similarityGroup: first, reach: 7 });
    await put('2026-11-23T04:00:00.000Z', { similarityGroup: first, reach: 8 });

    const now = runAt('2026-11-23');
    const { summary } = await gatherDaily(deps(now.toISOString()), '2026-11-23', now);
    const c = summary.clarifications.find((x) => x.caseId === opened.id)!;
    expect(c).toMatchObject({ outcome: 'clarified', officialAt: '2026-11-21T10:00:00.000Z' });
    expect(c.before.reports).toBe(3);
    expect(c.after).toMatchObject({ reports: 2, reach: 15 });
    expect(c.days.map((d) => [d.date, d.reports])).toEqual([
      ['2026-11-20', 2],
      ['2026-11-21', 1],
      ['2026-11-22', 0],
      ['2026-11-23', 2],
    ]);
    // From the first report (observed a minute before it came in) to the word.
    expect(c.secondsToOfficialWord).toBeGreaterThanOrEqual(32 * 3600);
    expect(c.secondsToOfficialWord).toBeLessThanOrEqual(32 * 3600 + 86_400);
  });
});
