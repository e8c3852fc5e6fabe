// The weekly and monthly report's pure parts: periods (ISO weeks across years,
// months, the days a run on a Monday or the 1st reports), the figures against
// hand-counted cases, and the CSV read back by a CSV parser.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Case, HistoryEntry } from '#domain/case';
import { BOM, csvCell, toCsv } from '#domain/csv';
import {
  aggregateDaysOf,
  assignmentsOf,
  buildPeriodicSummary,
  isoWeekOf,
  monthPeriod,
  percentile,
  periodContaining,
  periodRange,
  periodStanding,
  periodsEndingBefore,
  previousPeriod,
  weekPeriod,
} from '#domain/periodic';
import type { DayAggregate } from '#domain/topics';
import { loadAppConfig } from '#infra/config/index';
import { periodCasesCsv } from '#mail/periodic-summary-csv';

const config = loadAppConfig('dev');
const TZ = 'Asia/Ho_Chi_Minh';

describe('periods', () => {
  it('names ISO weeks across year ends', () => {
    expect(isoWeekOf('2026-12-05')).toBe('2026-W49');
    expect(isoWeekOf('2026-11-30')).toBe('2026-W49');
    expect(isoWeekOf('2026-12-06')).toBe('2026-W49');
    // 2026 has 53 weeks (1 January 2026 is a Thursday); 2027-W01 starts on 4 January.
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(weekPeriod('2026-W49')).toMatchObject({ from: '2026-11-30', to: '2026-12-06' });
    expect(weekPeriod('2026-W49')?.days).toHaveLength(7);
    expect(weekPeriod('2026-W53')).toMatchObject({ from: '2026-12-28', to: '2027-01-03' });
    expect(weekPeriod('2025-W53')).toBeUndefined();
    expect(weekPeriod('2026-W00')).toBeUndefined();
    expect(weekPeriod('2026-49')).toBeUndefined();
  });

  it('makes months of their calendar days', () => {
    expect(monthPeriod('2026-11')).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthPeriod('2028-02')?.days).toHaveLength(29);
    expect(monthPeriod('2026-12')?.to).toBe('2026-12-31');
    expect(monthPeriod('2026-13')).toBeUndefined();
    expect(periodContaining('month', '2026-02-14').id).toBe('2026-02');
  });

  it('reports on a Monday the week before, on the 1st the month before, on a Monday the 1st both', () => {
    expect(periodsEndingBefore('2026-12-07').map((p) => p.id)).toEqual(['2026-W49']);
    expect(periodsEndingBefore('2026-12-01').map((p) => p.id)).toEqual(['2026-11']);
    expect(periodsEndingBefore('2027-02-01').map((p) => `${p.kind}:${p.id}`)).toEqual([
      'week:2027-W04',
      'month:2027-01',
    ]);
    expect(periodsEndingBefore('2026-12-08')).toEqual([]);
    expect(previousPeriod('week', '2026-12-05').id).toBe('2026-W48');
    expect(previousPeriod('month', '2027-01-15').id).toBe('2026-12');
  });

  it('reads the days in the zone and stands past only once the last day has ended there', () => {
    const w = weekPeriod('2026-W49')!;
    expect(periodRange(w, TZ)).toEqual({
      start: new Date('2026-11-29T17:00:00.000Z'),
      end: new Date('2026-12-06T17:00:00.000Z'),
    });
    expect(periodStanding(w, new Date('2026-12-06T16:59:59Z'), TZ)).toBe('current');
    expect(periodStanding(w, new Date('2026-12-06T17:00:00Z'), TZ)).toBe('past');
    expect(periodStanding(w, new Date('2026-11-29T16:00:00Z'), TZ)).toBe('future');
    // The period's own days: the clarifications are judged as of its end.
    const days = aggregateDaysOf(w);
    expect([days[0], days.at(-1), days.length]).toEqual(['2026-11-30', '2026-12-06', 7]);
  });
});

// ------------------------------------------------------------------ figures

const HOUR = 3_600_000;
const at = (iso: string, hours = 0) => new Date(new Date(iso).getTime() + hours * HOUR).toISOString();
/** Monday 30 November 2026, 00:00 in Ho Chi Minh City. */
const MON = '2026-11-29T17:00:00.000Z';

const aCase = (id: string, over: Partial<Case> = {}): Case => ({
  id,
  title: `Hồ sơ ${id}`,
  summary: '',
  category: 'transport',
  area: 'district-1',
  priority: 'normal',
  status: 'open',
  agencyId: null,
  suggestedAgencyId: null,
  dueAt: null,
  assignedAt: null,
  respondedAt: null,
  responseSeconds: null,
  finding: null,
  response: null,
  briefingId: null,
  outcome: null,
  evidenceUrl: null,
  reportIds: [],
  reportCount: 1,
  version: 1,
  openedAt: MON,
  updatedAt: MON,
  closedAt: null,
  tags: [],
  responseTemplate: null,
  ...over,
});

let version = 0;
const entry = (
  action: HistoryEntry['action'],
  atIso: string,
  details: Record<string, unknown> = {},
): HistoryEntry => ({
  at: atIso,
  by: 'desk-1',
  role: 'desk',
  action,
  from: null,
  to: 'open',
  note: null,
  details,
  version: ++version,
});

/** Assigned at `h0` hours after Monday 00:00, due `due` hours after, responded `resp` hours after assignment (or not). */
const assigned = (id: string, agencyId: string, h0: number, due: number, resp: number | null) => {
  version = 0;
  const history = [
    entry('open', at(MON, h0 - 1)),
    entry('assign', at(MON, h0), { agencyId, dueAt: at(MON, h0 + due) }),
    ...(resp === null
      ? []
      : [entry('respond', at(MON, h0 + resp), { agencyId, responseSeconds: resp * 3600 })]),
  ];
  return { case: aCase(id, { agencyId, openedAt: at(MON, h0 - 1) }), history };
};

const day = (date: string, reports: number, topics: DayAggregate['topics'] = []): DayAggregate => ({
  date,
  reports,
  reach: reports * 10,
  byCategory: { transport: reports },
  byArea: { 'district-1': reports },
  topics,
  builtAt: MON,
  rebuilt: false,
});

describe('the figures', () => {
  it('percentiles by nearest rank', () => {
    expect(percentile([5, 1, 4, 2, 3, 10, 9, 8, 7, 6], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 10], 90)).toBe(10);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 90)).toBeNull();
  });

  it('ends an assignment at its response, a reassignment or a closure', () => {
    version = 0;
    const h = [
      entry('assign', at(MON, 1), { agencyId: 'a', dueAt: at(MON, 10) }),
      entry('assign', at(MON, 20), { agencyId: 'b', dueAt: at(MON, 30) }),
      entry('respond', at(MON, 25), { agencyId: 'b' }),
    ];
    expect(assignmentsOf(h).map((a) => [a.agencyId, a.endedAt])).toEqual([
      ['a', at(MON, 20)],
      ['b', at(MON, 25)],
    ]);
  });

  it('counts response times, overdue and closures as defined, against a hand-counted week', () => {
    const week = weekPeriod('2026-W49')!;
    const now = new Date('2026-12-07T00:00:00.000Z'); // Monday 07:00 local
    const touched = [
      // transport-dept: five responses in the week of 1, 2, 3, 4 and 10 hours → median 3 h, p90 10 h.
      assigned('T1', 'transport-dept', 10, 48, 1),
      assigned('T2', 'transport-dept', 20, 48, 2),
      assigned('T3', 'transport-dept', 30, 48, 3),
      assigned('T4', 'transport-dept', 40, 48, 4),
      // Due 5 hours after assignment, answered after 10: late, overdue.
      assigned('T5', 'transport-dept', 50, 5, 10),
      // Due in the week, never answered: overdue.
      assigned('T6', 'transport-dept', 60, 24, null),
      // Due after the week: not counted, even unanswered.
      assigned('T7', 'transport-dept', 150, 48, null),
      // police: one response before its deadline, one still waiting past it.
      assigned('P1', 'police', 5, 24, 6),
      assigned('P2', 'police', 5, 24, null),
    ];
    // A case assigned the week before, due in this week, answered late in this week.
    version = 0;
    touched.push({
      case: aCase('E1', { openedAt: at(MON, -100), agencyId: 'police' }),
      history: [
        entry('open', at(MON, -100)),
        entry('assign', at(MON, -90), { agencyId: 'police', dueAt: at(MON, 2) }),
        entry('respond', at(MON, 30), { agencyId: 'police', responseSeconds: 120 * 3600 }),
      ],
    });
    // Closed twice in the week (reopened between): counted once, by its last outcome.
    version = 0;
    touched.push({
      case: aCase('C1', {
        status: 'closed',
        outcome: 'clarified',
        openedAt: at(MON, -200),
        closedAt: at(MON, 100),
      }),
      history: [
        entry('open', at(MON, -200)),
        entry('close', at(MON, 20), { outcome: 'unfounded', agencyId: null }),
        entry('reopen', at(MON, 30)),
        entry('close', at(MON, 100), {
          outcome: 'clarified',
          agencyId: null,
          evidenceUrl: 'https://x.example/a',
        }),
      ],
    });
    const opened = touched.map((t) => t.case).filter((c) => c.id !== 'C1' && c.id !== 'E1');
    // The case topic of C1: 4 a day before its close day (Fri 4 Dec), 1 a day after it.
    // Its linked reports' similarity group G1: 5 on Wednesday (before the word: not
    // counted from the aggregates), then 2 on Saturday and 2 on Sunday.
    const days = aggregateDaysOf(week);
    const g1: Record<string, number> = { '2026-12-02': 5, '2026-12-05': 2, '2026-12-06': 2 };
    const aggregates = days.map((d) =>
      day(d, 3, [
        {
          kind: 'case',
          key: 'C1',
          reports: d < '2026-12-04' ? 4 : 1,
          reach: 5,
          category: 'misinformation',
          area: 'citywide',
        },
        {
          kind: 'area',
          key: 'transport/district-1',
          reports: 2,
          reach: 1,
          category: 'transport',
          area: 'district-1',
        },
        ...(g1[d]
          ? [
              {
                kind: 'group' as const,
                key: 'G1',
                reports: g1[d]!,
                reach: 10 * g1[d]!,
                category: 'misinformation',
                area: 'citywide',
              },
            ]
          : []),
      ]),
    );
    const linked = [-48, 10, 30, 50, 70].map((h, i) => ({
      id: `R${i}`,
      submittedAt: at(MON, h),
      reach: 10,
      status: 'new',
      similarityGroup: 'G1',
    }));
    const s = buildPeriodicSummary(config, {
      period: week,
      now,
      timeZone: TZ,
      aggregates,
      opened,
      touched,
      caseTitles: new Map([['C1', 'Tin đồn sập cầu']]),
      linkedReports: new Map([['C1', linked]]),
    });
    expect(s.reports).toMatchObject({ total: 21, reach: 210, byCategory: [{ id: 'transport', count: 21 }] });
    expect(s.cases.opened.total).toBe(9);
    expect(s.cases.closed).toEqual({
      total: 1,
      byOutcome: { clarified: 1, corrected: 0, resolved: 0, unfounded: 0, 'no-action': 0, merged: 0 },
    });
    expect(s.agencies).toEqual([
      {
        agencyId: 'transport-dept',
        agencyName: 'Sở Giao thông Vận tải',
        responses: 5,
        medianResponseSeconds: 3 * 3600,
        p90ResponseSeconds: 10 * 3600,
        overdue: 2,
      },
      {
        agencyId: 'police',
        agencyName: 'Công an Thành phố',
        responses: 2,
        medianResponseSeconds: Math.round(((6 + 120) / 2) * 3600),
        p90ResponseSeconds: 120 * 3600,
        overdue: 2,
      },
    ]);
    expect(s.topics.map((t) => [t.kind, t.key, t.reports, t.title])).toEqual([
      ['case', 'C1', 4 * 4 + 3, 'Tin đồn sập cầu'],
      ['area', 'transport/district-1', 14, null],
      ['group', 'G1', 9, null],
    ]);
    expect(s.topics[0]?.days.map((d) => d.reports)).toEqual([4, 4, 4, 4, 1, 1, 1]);
    // The daily summary's rule as of Sunday's end: 5 linked reports in the 148 h
    // before the word (Fri 04:00 local); after it, the 4 reports of its group on
    // Saturday and Sunday over the 68 h to Sunday's end. 1.41 a day > 0.5 × 0.81.
    expect(s.clarifications).toEqual([
      expect.objectContaining({
        caseId: 'C1',
        outcome: 'clarified',
        officialAt: at(MON, 100),
        firstReportAt: at(MON, -48),
        secondsToOfficialWord: 148 * 3600,
        before: { days: 6.17, reports: 5, reach: 50, reportsPerDay: 0.81, reachPerDay: 8.11 },
        after: { days: 2.83, reports: 4, reach: 40, reportsPerDay: 1.41, reachPerDay: 14.12 },
        verdict: 'spreading',
      }),
    ]);
    expect(s.clarifications[0]?.days.map((d) => [d.date, d.reports])).toEqual([
      ['2026-11-28', 1],
      ['2026-11-29', 0],
      ['2026-11-30', 1],
      ['2026-12-01', 1],
      ['2026-12-02', 2],
      ['2026-12-03', 0],
      ['2026-12-04', 0],
      ['2026-12-05', 2],
      ['2026-12-06', 2],
    ]);
    expect(s.caseList.map((c) => c.id)).toEqual(['C1', 'P1', 'P2', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7']);
    expect(s.caseList.find((c) => c.id === 'C1')).toMatchObject({
      openedInPeriod: false,
      closedInPeriod: true,
    });
  });
});

// ------------------------------------------------------------------ CSV

describe('the CSV', () => {
  it('quotes per RFC 4180 and neutralises formula cells, never numbers', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['a'], [['x']])).toBe(`${BOM}a\r\nx\r\n`);
    const cells = ['dòng 1\r\ndòng 2, "trích"', ' cách ', '+84 912', -3.5, null];
    expect(parse(toCsv(['a', 'b', 'c', 'd', 'e'], [cells]), { bom: true })[1]).toEqual([
      'dòng 1\r\ndòng 2, "trích"',
      ' cách ',
      "'+84 912",
      '-3.5',
      '',
    ]);
  });

  it('is read back by a CSV parser: BOM, Vietnamese intact, formula cells neutralised', () => {
    const evil = aCase('01KAXG0000000000000000CSV1', {
      title: '=HYPERLINK("http://x.example","Nhấn vào đây"), "trích dẫn"\nxuống dòng',
      category: 'misinformation',
      area: 'go-vap',
      agencyId: 'police',
      status: 'closed',
      outcome: 'corrected',
      responseSeconds: 5400,
      closedAt: at(MON, 30),
      tags: ['=SUM(1)', 'Ngập lụt'],
    });
    const plain = aCase('01KAXG0000000000000000CSV2', {
      title: '@chia sẻ -- Đường Nguyễn Huệ ngập, gọi 0912 345 678',
    });
    const s = buildPeriodicSummary(config, {
      period: weekPeriod('2026-W49')!,
      now: new Date('2026-12-07T00:00:00Z'),
      timeZone: TZ,
      aggregates: [],
      opened: [evil, plain],
      touched: [],
      caseTitles: new Map(),
      linkedReports: new Map(),
    });
    const csv = periodCasesCsv(s, 'vi', config);
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]?.slice(0, 4)).toEqual(['Mã hồ sơ', 'Tiêu đề', 'Lĩnh vực', 'Địa bàn']);
    expect(rows[1]).toEqual([
      '01KAXG0000000000000000CSV1',
      // Masked and on one line as in the email, then neutralised.
      `'${evil.title.replace(/\s+/g, ' ')}`,
      'Thông tin sai lệch',
      'Gò Vấp',
      'Công an Thành phố',
      'Đã đóng',
      'Đã cải chính',
      '2026-11-30 00:00',
      '2026-12-01 06:00',
      '',
      '',
      '1.5',
      '1',
      'Có',
      'Không',
      // The tags in one cell, neutralised like any other.
      "'=SUM(1); Ngập lụt",
    ]);
    expect(s.cases.byTag).toEqual([
      { tag: '=SUM(1)', key: '=sum(1)', cases: 1 },
      { tag: 'Ngập lụt', key: 'ngap lut', cases: 1 },
    ]);
    expect(rows[2]?.[1]).toBe("'@chia sẻ -- Đường Nguyễn Huệ ngập, gọi ••• ••• •••");
    expect(rows).toHaveLength(3);
    expect(parse(periodCasesCsv(s, 'en', config), { bom: true })[0]?.[0]).toBe('Case id');
  });
});

describe('the email', () => {
  it('keeps a month of ten charted topics under Gmail’s 102 KB clipping', async () => {
    const { monthlySummary } = await import('#test/support/preview-periodic');
    const { renderPeriodicSummary } = await import('#mail/periodic-summary-email');
    const ten = {
      ...monthlySummary,
      topics: Array.from({ length: 10 }, (_, i) => ({ ...monthlySummary.topics[0]!, key: `k${i}` })),
    };
    const email = renderPeriodicSummary(ten, 'vi', config);
    expect(Buffer.byteLength(email.html)).toBeLessThan(102 * 1024);
    expect(email.html.match(/bgcolor="#1c4f9c"/g)?.length).toBeGreaterThan(200);
  });
});
