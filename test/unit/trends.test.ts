import { describe, expect, it } from 'vitest';
import { aggregateDay, type DayAggregate, type TopicReport, topicsOfDay } from '#domain/topics';
import { claimTopicIds, clarificationEffect, type LinkedReport, markOf, topicTrends } from '#domain/trends';
import { loadAppConfig } from '#infra/config/index';

const config = loadAppConfig('dev');
const c = { baselineDays: 7, risingRatio: 1.5, coolingRatio: 0.5, minReports: 2 };

describe('markOf: the thresholds', () => {
  it('is new when the baseline has none of it', () => {
    expect(markOf(1, 0, c)).toBe('new');
    expect(markOf(10, 0, c)).toBe('new');
  });
  it('is rising at risingRatio × the average, and only from minReports', () => {
    expect(markOf(3, 2, c)).toBe('rising'); // 3 ≥ 1.5 × 2
    expect(markOf(2, 2, c)).toBe('steady');
    expect(markOf(1, 0.5, c)).toBe('steady'); // 1 ≥ 0.75, but fewer than minReports
    expect(markOf(2, 1, c)).toBe('rising');
  });
  it('is cooling at coolingRatio × the average or below', () => {
    expect(markOf(2, 4, c)).toBe('cooling');
    expect(markOf(3, 4, c)).toBe('steady');
    expect(markOf(0, 1, c)).toBe('cooling');
  });
});

const now = new Date('2026-11-26T00:00:00Z');
let n = 0;
const r = (over: Partial<TopicReport> = {}): TopicReport => ({
  id: `R${n++}`,
  category: 'transport',
  area: 'district-1',
  status: 'new',
  caseId: null,
  ...over,
});
const day = (date: string, reports: TopicReport[]): DayAggregate => aggregateDay(date, reports, now, false);

describe('topicTrends', () => {
  // Over 7 days: case C1 had 14 reports (2 a day), the area topic 7 (1 a day), C3 28 (4 a day).
  const baseline = [
    day('2026-11-18', [...Array.from({ length: 14 }, () => r({ caseId: 'C1' })), r()]),
    day('2026-11-19', [
      ...Array.from({ length: 28 }, () => r({ caseId: 'C3' })),
      ...Array.from({ length: 6 }, () => r()),
    ]),
  ];
  const today = topicsOfDay([
    ...Array.from({ length: 3 }, () => r({ caseId: 'C1' })),
    ...Array.from({ length: 2 }, () => r({ caseId: 'C2' })),
    r({ caseId: 'C4' }),
    r({ caseId: 'C3' }),
    r(),
  ]);
  const trends = topicTrends(c, today, baseline, new Map([['case:C1', 'Tin đồn C1']]));

  it('marks each topic against its daily average over the baseline days', () => {
    const byKey = Object.fromEntries(trends.map((t) => [t.key, t]));
    expect(byKey.C1).toMatchObject({
      mark: 'rising',
      reports: 3,
      baseline: { reports: 2 },
      title: 'Tin đồn C1',
    });
    expect(byKey.C2).toMatchObject({ mark: 'new', baseline: { reports: 0 } });
    expect(byKey.C3).toMatchObject({ mark: 'cooling', reports: 1, baseline: { reports: 4 } });
  });
  it('lists topics with minReports today or on average, new and rising first', () => {
    expect(trends.map((t) => `${t.mark}:${t.key}`)).toEqual(['new:C2', 'rising:C1', 'cooling:C3']);
  });
});

describe('clarificationEffect', () => {
  const closed = {
    id: 'C9',
    title: 'Tin đồn đóng cửa trường',
    outcome: 'clarified' as const,
    agencyId: 'health-dept',
    evidenceUrl: 'https://example.gov.vn/x',
    closedAt: '2026-11-24T03:00:00.000Z', // 10:00 local on the 24th
  };
  const at = (iso: string, reach = 100, over: Partial<LinkedReport> = {}): LinkedReport => ({
    id: iso,
    submittedAt: iso,
    reach,
    status: 'linked',
    ...over,
  });
  const reports = [
    at('2026-11-22T03:00:00.000Z', 100, { observedAt: '2026-11-22T01:00:00.000Z' }),
    at('2026-11-23T03:00:00.000Z'),
    at('2026-11-23T05:00:00.000Z'),
    at('2026-11-24T02:00:00.000Z'),
    at('2026-11-25T03:00:00.000Z', 50),
    at('2026-11-25T04:00:00.000Z', 999, { status: 'dismissed' }),
  ];

  it('counts before and after the word per day, and the time from the first report', () => {
    const e = clarificationEffect(config, { date: '2026-11-25', closed, reports });
    expect(e.firstReportAt).toBe('2026-11-22T01:00:00.000Z');
    expect(e.secondsToOfficialWord).toBe(2 * 86_400 + 2 * 3600);
    expect(e.before).toMatchObject({ reports: 4, reach: 400, days: 2.08 });
    expect(e.after).toMatchObject({ reports: 1, reach: 50 });
    // After: from 10:00 on the 24th to the end of the 25th (local) = 1.58 days.
    expect(e.after.days).toBe(1.58);
    expect(e.verdict).toBe('landed'); // 0.63 a day after ≤ 0.5 × 1.92 before
    expect(e.days).toEqual([
      { date: '2026-11-22', reports: 1, reach: 100 },
      { date: '2026-11-23', reports: 2, reach: 200 },
      { date: '2026-11-24', reports: 1, reach: 100 },
      { date: '2026-11-25', reports: 1, reach: 50 },
    ]);
  });

  it('is too early within a day of the word, and spreading when reports keep coming', () => {
    expect(clarificationEffect(config, { date: '2026-11-24', closed, reports }).verdict).toBe('too-early');
    const more = [...reports, ...Array.from({ length: 5 }, (_, i) => at(`2026-11-25T0${i}:30:00.000Z`))];
    expect(clarificationEffect(config, { date: '2026-11-25', closed, reports: more }).verdict).toBe(
      'spreading',
    );
  });
});

describe('clarificationEffect after the word', () => {
  it('adds the claim topics of the days after the word: a closed case takes no more reports', () => {
    const closed = {
      id: 'C9',
      title: 'T',
      outcome: 'corrected' as const,
      agencyId: null,
      evidenceUrl: null,
      closedAt: '2026-11-24T03:00:00.000Z',
    };
    const reports = [
      { id: 'R1', submittedAt: '2026-11-23T03:00:00.000Z', status: 'linked', similarityGroup: 'G' },
    ];
    const laterDays = new Map([
      ['2026-11-24', { reports: 9, reach: 9 }], // the word's day: not split by time, left out
      ['2026-11-25', { reports: 4, reach: 40 }],
    ]);
    const e = clarificationEffect(config, { date: '2026-11-25', closed, reports, laterDays });
    expect(e.after).toMatchObject({ reports: 4, reach: 40, reportsPerDay: 2.53 });
    expect(e.verdict).toBe('spreading');
    expect(e.days.at(-1)).toEqual({ date: '2026-11-25', reports: 4, reach: 40 });
    expect([...claimTopicIds([{ ...reports[0]!, urlHashes: ['u'] }])]).toEqual(['group:G', 'source:u']);
  });
});
