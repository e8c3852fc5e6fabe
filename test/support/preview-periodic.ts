// Fixtures for the weekly and monthly report email, and a preview: run
// `npx tsx test/support/preview-periodic.ts [outDir]` to write the rendered
// emails (vi and en, HTML, text and the CSV) to outDir (default /tmp/periodic-preview).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { monthPeriod, type PeriodicSummary, type PeriodTopic, weekPeriod } from '#domain/periodic';
import { loadAppConfig } from '#infra/config/index';
import { renderPeriodicSummary } from '#mail/periodic-summary-email';

const TZ = 'Asia/Ho_Chi_Minh';
const week = weekPeriod('2026-W49')!;
const month = monthPeriod('2026-11')!;

const series = (days: string[], values: number[]) =>
  days.map((date, i) => ({
    date,
    reports: values[i % values.length] ?? 0,
    reach: (values[i % values.length] ?? 0) * 150,
  }));

const topic = (over: Partial<PeriodTopic> & Pick<PeriodTopic, 'kind' | 'key' | 'days'>): PeriodTopic => ({
  title: null,
  category: 'transport',
  area: 'district-1',
  reports: over.days.reduce((n, d) => n + d.reports, 0),
  reach: over.days.reduce((n, d) => n + d.reach, 0),
  ...over,
});

export const weeklySummary: PeriodicSummary = {
  period: week,
  timeZone: TZ,
  generatedAt: '2026-12-07T00:00:05.000Z',
  reports: {
    total: 186,
    reach: 254_300,
    byCategory: [
      { id: 'transport', count: 92 },
      { id: 'misinformation', count: 51 },
      { id: 'health', count: 43 },
    ],
    byArea: [
      { id: 'district-1', count: 80 },
      { id: 'citywide', count: 66 },
      { id: 'thu-duc', count: 40 },
    ],
    perDay: series(week.days, [20, 31, 44, 30, 25, 19, 17]),
  },
  cases: {
    opened: {
      total: 14,
      byCategory: [
        { id: 'transport', count: 8 },
        { id: 'misinformation', count: 6 },
      ],
      byArea: [
        { id: 'district-1', count: 9 },
        { id: 'citywide', count: 5 },
      ],
    },
    closed: {
      total: 9,
      byOutcome: { clarified: 3, corrected: 1, resolved: 4, unfounded: 1, 'no-action': 0, merged: 0 },
    },
    byTag: [
      { tag: 'Tin đồn', key: 'tin don', cases: 6 },
      { tag: 'Ngập lụt', key: 'ngap lut', cases: 3 },
      { tag: '=cmd|Ngập', key: '=cmd|ngap', cases: 1 },
    ],
  },
  agencies: [
    {
      agencyId: 'transport-dept',
      agencyName: 'Sở Giao thông Vận tải',
      responses: 6,
      medianResponseSeconds: 3 * 3600 + 20 * 60,
      p90ResponseSeconds: 30 * 3600,
      overdue: 2,
    },
    {
      agencyId: 'info-dept',
      agencyName: 'Sở Thông tin và Truyền thông',
      responses: 3,
      medianResponseSeconds: 50 * 60,
      p90ResponseSeconds: 2 * 3600,
      overdue: 0,
    },
  ],
  topics: [
    topic({
      kind: 'case',
      key: '01KAXG0000000000000000CAS1',
      title: 'Tin đồn sập cầu Thủ Thiêm <b>khẩn</b> — gọi 0912 345 678',
      category: 'misinformation',
      area: 'citywide',
      days: series(week.days, [2, 14, 30, 9, 3, 1, 0]),
    }),
    topic({ kind: 'area', key: 'transport/district-1', days: series(week.days, [8, 9, 7, 10, 12, 6, 5]) }),
    topic({
      kind: 'source',
      key: 'a1b2c3',
      category: 'health',
      area: 'thu-duc',
      days: series(week.days, [0, 0, 4, 6, 5, 2, 1]),
    }),
  ],
  clarifications: [
    {
      caseId: '01KAXG0000000000000000CAS1',
      title: 'Tin đồn sập cầu Thủ Thiêm <b>khẩn</b> — gọi 0912 345 678',
      outcome: 'clarified',
      agencyId: 'transport-dept',
      agencyName: 'Sở Giao thông Vận tải',
      evidenceUrl: 'https://tphcm.example.gov.vn/thong-cao/cau-thu-thiem',
      officialAt: '2026-12-02T09:30:00.000Z',
      firstReportAt: '2026-11-30T23:10:00.000Z',
      secondsToOfficialWord: 34 * 3600 + 20 * 60,
      before: { days: 1.43, reports: 14, reach: 52000, reportsPerDay: 9.79, reachPerDay: 36349.51 },
      after: { days: 4.31, reports: 36, reach: 41000, reportsPerDay: 8.35, reachPerDay: 9507.25 },
      days: [
        { date: '2026-12-01', reports: 10, reach: 40000 },
        { date: '2026-12-02', reports: 6, reach: 14000 },
        { date: '2026-12-03', reports: 12, reach: 15000 },
        { date: '2026-12-04', reports: 9, reach: 11000 },
        { date: '2026-12-05', reports: 7, reach: 8000 },
        { date: '2026-12-06', reports: 6, reach: 5000 },
      ],
      verdict: 'spreading',
    },
    {
      caseId: '01KAXG0000000000000000CAS4',
      title: 'Thông tin sai về giá vé xe buýt',
      outcome: 'corrected',
      agencyId: null,
      agencyName: null,
      evidenceUrl: null,
      officialAt: '2026-12-06T10:00:00.000Z',
      firstReportAt: '2026-12-05T01:00:00.000Z',
      secondsToOfficialWord: 33 * 3600,
      before: { days: 1.38, reports: 6, reach: 3000, reportsPerDay: 4.36, reachPerDay: 2181.82 },
      after: { days: 0.29, reports: 1, reach: 200, reportsPerDay: 1, reachPerDay: 200 },
      days: [
        { date: '2026-12-05', reports: 6, reach: 3000 },
        { date: '2026-12-06', reports: 1, reach: 200 },
      ],
      verdict: 'too-early',
    },
  ],
  caseList: [
    {
      id: '01KAXG0000000000000000CAS1',
      title: 'Tin đồn sập cầu Thủ Thiêm <b>khẩn</b> — gọi 0912 345 678',
      category: 'misinformation',
      area: 'citywide',
      agencyId: 'transport-dept',
      status: 'closed',
      outcome: 'clarified',
      openedAt: '2026-12-01T01:00:00.000Z',
      closedAt: '2026-12-02T09:30:00.000Z',
      dueAt: '2026-12-02T01:00:00.000Z',
      respondedAt: '2026-12-01T05:00:00.000Z',
      responseSeconds: 3 * 3600 + 20 * 60,
      reports: 59,
      openedInPeriod: true,
      closedInPeriod: true,
      tags: ['Cầu Thủ Thiêm', 'Tin đồn'],
    },
    {
      id: '01KAXG0000000000000000CAS5',
      title: '=HYPERLINK("http://evil.example","Xem") ngập, "Nguyễn Huệ"',
      category: 'transport',
      area: 'district-1',
      agencyId: null,
      status: 'open',
      outcome: null,
      openedAt: '2026-12-06T16:30:00.000Z',
      closedAt: null,
      dueAt: null,
      respondedAt: null,
      responseSeconds: null,
      reports: 3,
      openedInPeriod: true,
      closedInPeriod: false,
      tags: ['=cmd|Ngập'],
    },
  ],
};

const monthDays = month.days;
export const monthlySummary: PeriodicSummary = {
  ...weeklySummary,
  period: month,
  generatedAt: '2026-12-01T00:00:04.000Z',
  reports: {
    ...weeklySummary.reports,
    total: 812,
    reach: 1_204_000,
    perDay: series(monthDays, [20, 31, 44, 30, 25, 19, 17]),
  },
  topics: [
    topic({
      kind: 'area',
      key: 'transport/district-1',
      days: series(monthDays, [8, 9, 7, 10, 12, 6, 5, 0, 3]),
    }),
    topic({
      kind: 'group',
      key: 'g-1',
      category: 'health',
      area: 'go-vap',
      days: series(monthDays, [0, 1, 2, 4, 8, 16, 9, 4, 2, 1, 0]),
    }),
  ],
  clarifications: [],
  agencies: [],
  caseList: [],
};

/** An empty week: nothing reported, no case. */
export const quietWeek: PeriodicSummary = {
  ...weeklySummary,
  reports: { total: 0, reach: 0, byCategory: [], byArea: [], perDay: series(week.days, [0]) },
  cases: {
    opened: { total: 0, byCategory: [], byArea: [] },
    closed: {
      total: 0,
      byOutcome: { clarified: 0, corrected: 0, resolved: 0, unfounded: 0, 'no-action': 0, merged: 0 },
    },
    byTag: [],
  },
  agencies: [],
  topics: [],
  clarifications: [],
  caseList: [],
};

const main = async () => {
  const out = process.argv[2] ?? '/tmp/periodic-preview';
  await mkdir(out, { recursive: true });
  const config = loadAppConfig('dev');
  for (const [name, s] of [
    ['weekly', weeklySummary],
    ['monthly', monthlySummary],
  ] as const) {
    for (const locale of ['vi', 'en'] as const) {
      const email = renderPeriodicSummary(s, locale, config);
      await writeFile(join(out, `${name}-${locale}.html`), email.html);
      await writeFile(join(out, `${name}-${locale}.txt`), `Subject: ${email.subject}\n\n${email.text}`);
      for (const a of email.attachments)
        await writeFile(join(out, `${name}-${locale}-${a.fileName}`), a.content);
    }
  }
  console.log(`written to ${out}`);
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
