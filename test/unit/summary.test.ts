import { describe, expect, it } from 'vitest';
import {
  buildAgencyDigests,
  buildDailySummary,
  type DayReport,
  hotIssues,
  median,
  planDay,
  reportsToShow,
  type SummaryInput,
  URGENT_LIST_MAX,
} from '#domain/summary';
import { loadAppConfig } from '#infra/config/index';

const config = loadAppConfig('dev');
const now = new Date('2026-11-26T00:00:00.000Z');

let n = 0;
const r = (over: Partial<DayReport> = {}): DayReport => ({
  id: `01JZ00000000000000000000${String(n++).padStart(2, '0')}`,
  title: 'T',
  summary: 'S',
  category: 'transport',
  area: 'district-1',
  sentiment: 'neutral',
  urgency: 'normal',
  status: 'new',
  caseId: null,
  submittedAt: '2026-11-25T03:00:00.000Z',
  ...over,
});

const input = (over: Partial<SummaryInput> = {}): SummaryInput => ({
  date: '2026-11-25',
  now,
  reports: [],
  events: [],
  openByStatus: { open: 0, verifying: 0, responded: 0 },
  overdue: [],
  dueSoon: [],
  briefings: [],
  ...over,
});

describe('buildDailySummary', () => {
  it('counts reports by category, area and sentiment, leaving dismissed ones out', () => {
    const s = buildDailySummary(
      config,
      input({
        reports: [
          r({ category: 'health', sentiment: 'negative' }),
          r({ category: 'health', sentiment: 'negative' }),
          r({ area: 'go-vap', sentiment: 'positive' }),
          r({ status: 'dismissed', category: 'health' }),
        ],
      }),
    );
    expect(s.reports.total).toBe(3);
    expect(s.reports.byCategory).toEqual([
      { id: 'health', count: 2 },
      { id: 'transport', count: 1 },
    ]);
    expect(s.reports.byArea).toEqual([
      { id: 'district-1', count: 2 },
      { id: 'go-vap', count: 1 },
    ]);
    expect(s.reports.bySentiment).toEqual({ positive: 1, neutral: 0, negative: 2 });
    expect(s.quiet).toBe(false);
  });

  it('lists critical before high, newest first, with excerpts cut at 200 characters', () => {
    const s = buildDailySummary(
      config,
      input({
        reports: [
          r({ urgency: 'high', title: 'high-old', submittedAt: '2026-11-25T01:00:00.000Z' }),
          r({ urgency: 'critical', title: 'crit', summary: 'x'.repeat(300) }),
          r({ urgency: 'high', title: 'high-new', submittedAt: '2026-11-25T05:00:00.000Z' }),
          r({ urgency: 'normal', title: 'normal' }),
        ],
      }),
    );
    expect(s.reports.urgent.map((u) => u.title)).toEqual(['crit', 'high-new', 'high-old']);
    expect(s.reports.urgent[0]!.excerpt).toHaveLength(201);
  });

  it('names at most URGENT_LIST_MAX urgent reports and counts them all', () => {
    const many = Array.from({ length: URGENT_LIST_MAX + 7 }, (_, i) =>
      r({
        urgency: i === 3 ? 'critical' : 'high',
        submittedAt: `2026-11-25T${String(i % 24).padStart(2, '0')}:${String(i).padStart(2, '0')}:00.000Z`,
      }),
    );
    const s = buildDailySummary(
      config,
      input({ reports: [...many, r({ urgency: 'high', status: 'dismissed' })] }),
    );
    expect(s.reports.urgentCount).toBe(URGENT_LIST_MAX + 7);
    expect(s.reports.urgent).toHaveLength(URGENT_LIST_MAX);
    expect(s.reports.urgent[0]!.id).toBe(many[3]!.id);
    const times = s.reports.urgent.slice(1).map((u) => u.submittedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('takes titles and excerpts from the texts read for the reports it shows', () => {
    const reports = [
      r({ urgency: 'critical', title: undefined, summary: undefined, reach: 10 }),
      r({ urgency: 'normal', title: undefined, summary: undefined, caseId: 'case-1', reach: 500 }),
      r({ urgency: 'normal', title: undefined, summary: undefined, caseId: 'case-1', reach: 5 }),
      r({ urgency: 'normal', title: undefined, summary: undefined, reach: 1 }),
    ];
    const shown = reportsToShow(reports);
    // The urgent one, and the lead (widest reach) of each hot group; not the quiet third of case-1.
    expect(shown).toContain(reports[0]!.id);
    expect(shown).toContain(reports[1]!.id);
    expect(shown).not.toContain(reports[2]!.id);
    const texts = new Map(shown.map((id) => [id, { title: `title ${id}`, summary: `summary ${id}` }]));
    const s = buildDailySummary(config, input({ reports, texts }));
    expect(s.reports.urgent[0]).toMatchObject({
      id: reports[0]!.id,
      title: `title ${reports[0]!.id}`,
      excerpt: `summary ${reports[0]!.id}`,
    });
    const caseIssue = s.hotIssues.find((h) => h.kind === 'case')!;
    expect(caseIssue).toMatchObject({ title: `title ${reports[1]!.id}`, reportCount: 2, reach: 505 });
    for (const h of s.hotIssues) expect(h.title).toMatch(/^title /);
  });

  it('builds the same summary from the plan the texts were read by, and ignores a plan of other reports', () => {
    const reports = [
      r({ urgency: 'critical', reach: 10 }),
      r({ caseId: 'case-9', reach: 50 }),
      r({ caseId: 'case-9', reach: 5 }),
      r({ sentiment: 'positive', status: 'dismissed' }),
    ];
    const plan = planDay(reports);
    expect(plan.kept).toHaveLength(3);
    expect(plan.show).toEqual(reportsToShow(reports));
    const withPlan = buildDailySummary(config, input({ reports, plan }));
    expect(withPlan).toEqual(buildDailySummary(config, input({ reports })));
    const stale = planDay([r({ urgency: 'high' })]);
    const withStale = buildDailySummary(config, input({ reports, plan: stale }));
    expect(withStale.reports.urgent.map((u) => u.id)).toEqual([reports[0]!.id]);
    expect(withStale.reports.total).toBe(3);
  });

  it('counts cases opened and closed by outcome, and median response per agency', () => {
    const close = (agencyId: string, responseSeconds: number, outcome = 'resolved') => ({
      caseId: 'c',
      action: 'close',
      at: '2026-11-25T05:00:00.000Z',
      details: { outcome, agencyId, responseSeconds },
    });
    const s = buildDailySummary(
      config,
      input({
        events: [
          { caseId: 'a', action: 'open', at: '2026-11-25T01:00:00.000Z', details: {} },
          { caseId: 'a', action: 'comment', at: '2026-11-25T02:00:00.000Z', details: {} },
          close('police', 100),
          close('police', 300, 'clarified'),
          close('police', 200),
          close('health-dept', 50, 'unfounded'),
        ],
      }),
    );
    expect(s.cases.opened).toBe(1);
    expect(s.cases.closed).toEqual({
      total: 4,
      byOutcome: { clarified: 1, corrected: 0, resolved: 2, unfounded: 1, 'no-action': 0, merged: 0 },
    });
    expect(s.cases.responseTimeByAgency).toEqual([
      { agencyId: 'police', agencyName: 'Công an Thành phố', closedCount: 3, medianResponseSeconds: 200 },
      { agencyId: 'health-dept', agencyName: 'Sở Y tế', closedCount: 1, medianResponseSeconds: 50 },
    ]);
  });

  it('groups overdue cases by agency with whole days completed overdue, the longest first', () => {
    const s = buildDailySummary(
      config,
      input({
        overdue: [
          { id: 'a', title: 'A', status: 'verifying', agencyId: 'police', dueAt: '2026-11-25T23:00:00.000Z' },
          { id: 'b', title: 'B', status: 'verifying', agencyId: 'police', dueAt: '2026-11-22T00:00:00.000Z' },
          {
            id: 'c',
            title: 'C',
            status: 'verifying',
            agencyId: 'health-dept',
            dueAt: '2026-11-24T12:00:00.000Z',
          },
        ],
      }),
    );
    expect(
      s.cases.overdueByAgency.map((g) => [g.agencyId, g.cases.map((c) => [c.id, c.daysOverdue])]),
    ).toEqual([
      [
        'police',
        [
          ['b', 4],
          ['a', 0], // 1 hour late: less than a day
        ],
      ],
      ['health-dept', [['c', 1]]], // 36 hours late: one whole day
    ]);
  });

  it('is quiet when nothing happened, yet still carries the open-case state', () => {
    const s = buildDailySummary(config, input({ openByStatus: { open: 1, verifying: 2, responded: 0 } }));
    expect(s.quiet).toBe(true);
    expect(s.cases.openByStatus.verifying).toBe(2);
  });
});

describe('hot issues', () => {
  it('names why each issue is hot: most reported, widest reach, or both', () => {
    const issues = hotIssues([
      r({ caseId: 'case-1', title: 'case a', reach: 10 }),
      r({ caseId: 'case-1', title: 'case b', reach: 5 }),
      r({ caseId: 'case-1', title: 'case c' }),
      r({ urlHashes: ['h1'], title: 'viral', reach: 90000 }),
      r({ urlHashes: ['h2'], title: 'shared', reach: 0 }),
      r({ urlHashes: ['h2'], title: 'shared again', reach: 0 }),
      r({ category: 'health', title: 'lonely' }),
    ]);
    expect(issues.map((i) => [i.kind, i.title, i.reportCount, i.reach, i.reasons])).toEqual([
      ['case', 'case a', 3, 15, ['most-reported', 'widest-reach']],
      ['source', 'shared', 2, 0, ['most-reported']],
      ['source', 'viral', 1, 90000, ['widest-reach']],
    ]);
  });
});

describe('helpers', () => {
  it('median of odd, even and empty lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([])).toBeNull();
  });
});

describe('buildAgencyDigests', () => {
  it('gives each agency what it owes and skips agencies that owe nothing', () => {
    const digests = buildAgencyDigests(config, {
      date: '2026-11-25',
      now,
      overdue: [
        { id: 'a', title: 'A', status: 'verifying', agencyId: 'police', dueAt: '2026-11-25T00:00:00.000Z' },
      ],
      dueSoon: [
        {
          id: 'b',
          title: 'B',
          status: 'verifying',
          agencyId: 'health-dept',
          dueAt: '2026-11-27T00:00:00.000Z',
        },
      ],
      newlyAssigned: [
        {
          id: 'b',
          title: 'B',
          status: 'verifying',
          agencyId: 'health-dept',
          dueAt: '2026-11-27T00:00:00.000Z',
        },
      ],
    });
    expect(
      digests.map((d) => [d.agencyId, d.overdue.length, d.dueSoon.length, d.newlyAssigned.length]),
    ).toEqual([
      // Case b is due soon and was assigned that day: listed once, under "due soon".
      ['health-dept', 0, 1, 0],
      ['police', 1, 0, 0],
    ]);
  });
});

describe('what the summary and the digests tell their readers (issue 14)', () => {
  it('gives each urgent report when it was seen and the state of its case', () => {
    const reports = [
      r({ urgency: 'critical', caseId: 'case-closed', submittedAt: '2026-11-25T05:00:00.000Z' }),
      r({ urgency: 'critical', caseId: 'case-open', submittedAt: '2026-11-25T04:00:00.000Z' }),
      r({ urgency: 'high', caseId: null, submittedAt: '2026-11-25T03:00:00.000Z' }),
    ];
    const texts = new Map(
      reports.map((x) => [x.id, { title: 't', summary: 's', observedAt: '2026-11-24T22:00:00.000Z' }]),
    );
    const caseStatuses = new Map([
      ['case-closed', 'closed' as const],
      ['case-open', 'verifying' as const],
    ]);
    const s = buildDailySummary(config, input({ reports, texts, caseStatuses }));
    expect(s.reports.urgent.map((u) => [u.observedAt, u.caseId, u.caseStatus])).toEqual([
      ['2026-11-24T22:00:00.000Z', 'case-closed', 'closed'],
      ['2026-11-24T22:00:00.000Z', 'case-open', 'verifying'],
      ['2026-11-24T22:00:00.000Z', null, null],
    ]);
  });

  it('lists a case once per digest, in the most urgent list it belongs to', () => {
    const c = (id: string, dueAt: string) => ({
      id,
      title: id,
      status: 'verifying' as const,
      agencyId: 'police',
      dueAt,
      priority: 'high' as const,
    });
    const late = c('late', '2026-11-25T12:00:00.000Z');
    const soon = c('soon', '2026-11-27T00:00:00.000Z');
    const later = c('later', '2026-12-05T00:00:00.000Z');
    const [digest] = buildAgencyDigests(config, {
      date: '2026-11-25',
      now,
      overdue: [late],
      dueSoon: [soon],
      // All three were assigned that day.
      newlyAssigned: [late, soon, later],
    });
    expect(digest!.overdue.map((x) => x.id)).toEqual(['late']);
    expect(digest!.dueSoon.map((x) => x.id)).toEqual(['soon']);
    expect(digest!.newlyAssigned.map((x) => x.id)).toEqual(['later']);
    expect(digest!.overdue[0]!.priority).toBe('high');
  });
});
