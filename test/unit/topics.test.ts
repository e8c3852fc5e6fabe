import { describe, expect, it } from 'vitest';
import {
  aggregateDay,
  boundTopics,
  daysBefore,
  MAX_OTHER_TOPICS,
  shiftDay,
  type TopicReport,
  topicsOfDay,
} from '#domain/topics';

const now = new Date('2026-11-26T00:00:00.000Z');
let n = 0;
const r = (over: Partial<TopicReport> = {}): TopicReport => ({
  id: `R${String(n++).padStart(6, '0')}`,
  category: 'transport',
  area: 'district-1',
  status: 'new',
  caseId: null,
  ...over,
});
const ids = (topics: { kind: string; key: string; reports: number }[]) =>
  Object.fromEntries(topics.map((t) => [`${t.kind}:${t.key}`, t.reports]));

describe('topicsOfDay: one topic per counted report', () => {
  it('takes the case first, then a shared group, then a shared source URL, else category/area', () => {
    const reports = [
      r({ caseId: 'C1', similarityGroup: 'G1', urlHashes: ['u1'] }),
      r({ caseId: 'C1' }),
      r({ similarityGroup: 'G1', urlHashes: ['u1'] }),
      r({ similarityGroup: 'G1' }),
      r({ similarityGroup: 'G2', urlHashes: ['u1'] }),
      r({ urlHashes: ['u2', 'u1'] }),
      r({ urlHashes: ['u3'] }),
      r({ similarityGroup: 'G3', area: 'district-3' }),
      r({ status: 'dismissed', caseId: 'C1' }),
    ];
    expect(ids(topicsOfDay(reports))).toEqual({
      'case:C1': 2,
      'group:G1': 2,
      // G2 alone is not a group topic; its URL u1 is shared with the next report (its second URL).
      'source:u1': 2,
      'area:transport/district-1': 1,
      'area:transport/district-3': 1,
    });
  });

  it('adds up to the day: reach summed, the most frequent category and area, the widest-reach lead', () => {
    const reports = [
      r({ caseId: 'C', reach: 10, category: 'health', area: 'a' }),
      r({ caseId: 'C', reach: 300, category: 'transport', area: 'b' }),
      r({ caseId: 'C', reach: 5, category: 'transport', area: 'a' }),
    ];
    const [t] = topicsOfDay(reports);
    expect(t).toMatchObject({
      kind: 'case',
      key: 'C',
      reports: 3,
      reach: 315,
      category: 'transport',
      area: 'a',
    });
    expect(t!.leadId).toBe(reports[1]!.id);
    const agg = aggregateDay('2026-11-25', reports, now, false);
    expect(agg).toMatchObject({
      reports: 3,
      reach: 315,
      byCategory: { health: 1, transport: 2 },
      rebuilt: false,
    });
    expect(agg.topics.reduce((s, t) => s + t.reports, 0)).toBe(agg.reports);
  });

  it('leaves dismissed reports out of every count', () => {
    const agg = aggregateDay(
      '2026-11-25',
      [r({ status: 'dismissed', reach: 99 }), r({ reach: 1 })],
      now,
      true,
    );
    expect(agg).toMatchObject({ reports: 1, reach: 1, byArea: { 'district-1': 1 }, rebuilt: true });
    expect(agg.builtAt).toBe(now.toISOString());
  });
});

describe('boundTopics: a stored day stays within an item', () => {
  it('keeps every area topic and the most reported others', () => {
    const reports: TopicReport[] = [];
    for (let c = 0; c < 1000; c++)
      reports.push(r({ caseId: `C${c}` }), ...(c < 10 ? [r({ caseId: `C${c}` })] : []));
    for (let a = 0; a < 50; a++) reports.push(r({ area: `area-${a}` }));
    const agg = aggregateDay('2026-11-25', reports, now, false);
    const cases = agg.topics.filter((t) => t.kind === 'case');
    expect(cases).toHaveLength(MAX_OTHER_TOPICS);
    expect(cases.filter((t) => t.reports === 2)).toHaveLength(10);
    expect(agg.topics.filter((t) => t.kind === 'area')).toHaveLength(50);
    expect(agg.reports).toBe(1060);
  });

  it('fits a DynamoDB item (400 KB) with long keys and many areas', () => {
    const long = 'x'.repeat(64);
    const topics = [
      ...Array.from({ length: 2000 }, (_, i) => ({
        kind: 'source' as const,
        key: `${long}${i}`,
        reports: 2,
        reach: 123456,
        category: 'environment',
        area: 'district-binh-thanh',
      })),
      ...Array.from({ length: 600 }, (_, i) => ({
        kind: 'area' as const,
        key: `environment/district-${i}`,
        reports: 1,
        reach: 1,
        category: 'environment',
        area: `district-${i}`,
      })),
    ];
    const bytes = Buffer.byteLength(JSON.stringify(boundTopics(topics)));
    expect(bytes).toBeLessThan(200_000);
  });
});

describe('calendar days', () => {
  it('shifts across months and years, zone-free', () => {
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBefore('2026-11-03', 3)).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
  });
});
