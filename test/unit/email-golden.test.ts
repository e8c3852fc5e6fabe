// The golden emails: every email the system sends, rendered from fixed inputs
// (subject, HTML, text and, for briefings, the .ics), compared byte for byte with
// the files in test/fixtures/emails/. A refactor of shared/mail must keep them
// identical; a change made on purpose is reviewed as a diff of these files and
// written again with `npx vitest run test/unit/email-golden.test.ts -u`.
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AppConfig, Locale } from '#config/schema';
import type { AgendaItem, BriefingNotice, BriefingView } from '#domain/briefing-types';
import type { CaseNotice } from '#domain/notifications';
import type { PeriodicSummary } from '#domain/periodic';
import type { AgencyDigest, DailySummary, RenderedEmail, ReportLine } from '#domain/summary-types';
import { loadAppConfig } from '#infra/config/index';
import { renderAgencyDigest } from '#mail/agency-digest-email';
import { renderBriefingNotice } from '#mail/briefing-email';
import { renderCaseNotice } from '#mail/case-email';
import { renderDailySummary } from '#mail/daily-summary-email';
import type { EmailAttachment } from '#mail/mailer';
import { renderPeriodicSummary } from '#mail/periodic-summary-email';
import { monthlySummary, quietWeek, weeklySummary } from '#test/support/preview-periodic';
import { busySummary, quietSummary, transportDigest } from '#test/support/preview-summary';

const base = loadAppConfig('dev');
const linked: AppConfig = { ...base, links: { consoleUrl: 'https://desk.example.org/' } };
const apiLinked: AppConfig = { ...base, links: { apiUrl: 'https://api.example.org/v1' } };
const newYork: AppConfig = { ...linked, timeZone: 'America/New_York' };
const LOCALES: Locale[] = ['vi', 'en'];
const DIR = '../fixtures/emails';

const PHONE = '0912 345 678';
const EMAIL = 'a.b@gmail.com';
/** User text carrying everything that must be escaped or masked. */
const EVIL = `Tin <script>alert(1)</script> & "sập cầu" — gọi ${PHONE} hoặc ${EMAIL}`;

const pin = async (name: string, email: RenderedEmail & { attachments?: EmailAttachment[] }) => {
  await expect(`Subject: ${email.subject}\n\n${email.text}`).toMatchFileSnapshot(`${DIR}/${name}.txt`);
  await expect(email.html).toMatchFileSnapshot(`${DIR}/${name}.html`);
  for (const a of email.attachments ?? []) {
    const content = typeof a.content === 'string' ? a.content : new TextDecoder().decode(a.content);
    // Pinned by the attachment's extension: .ics (briefings), .csv (the periodic report).
    await expect(`${a.fileName} ${a.contentType} ${a.contentDisposition}\n${content}`).toMatchFileSnapshot(
      `${DIR}/${name}.${a.fileName.split('.').pop()}`,
    );
  }
};

// ------------------------------------------------------------------ daily summary and digest

const urgentLine = (i: number, over: Partial<ReportLine> = {}): ReportLine => ({
  id: `01KAXG00000000000000URG${String(i).padStart(3, '0')}`,
  title: `Phản ánh khẩn số ${i} về một tiêu đề rất dài để phải cắt bớt cho vừa một dòng của danh sách`,
  excerpt: i % 2 ? `Nội dung ${i}, gọi ${PHONE}.` : '   ',
  urgency: i % 3 === 0 ? 'critical' : 'high',
  category: i % 2 ? 'transport' : 'unknown-category',
  area: i % 2 ? 'district-1' : 'unknown-area',
  submittedAt: '2026-11-26T08:12:00.000Z',
  observedAt: i % 4 === 0 ? null : '2026-11-26T07:40:00.000Z',
  caseId: i % 5 === 0 ? `01KAXG0000000000000000CA${String(i).padStart(2, '0')}` : null,
  caseStatus: (['open', 'verifying', 'responded', 'closed', null] as const)[i % 5] ?? null,
  ...over,
});

/** Every list past its cap, every optional field missing somewhere, user text to mask and escape. */
const crowdedSummary: DailySummary = {
  ...busySummary,
  reports: {
    ...busySummary.reports,
    total: 1234,
    byCategory: [...busySummary.reports.byCategory, { id: 'zero', count: 0 }],
    urgentCount: 21,
    urgent: Array.from({ length: 18 }, (_, i) => urgentLine(i + 1)),
  },
  hotIssues: [
    ...Array.from({ length: 11 }, (_, i) => ({
      ...(busySummary.hotIssues[i % 2] as DailySummary['hotIssues'][number]),
      key: `hot-${i}`,
      reach: i % 2 ? 0 : 1_234_567,
      reasons: i % 3 ? [] : (['widest-reach'] as const).slice(),
    })),
    { ...(busySummary.hotIssues[0] as DailySummary['hotIssues'][number]), title: EVIL },
  ],
  cases: {
    ...busySummary.cases,
    overdueByAgency: [
      ...busySummary.cases.overdueByAgency,
      {
        agencyId: '',
        agencyName: '',
        cases: Array.from({ length: 17 }, (_, i) => ({
          id: `01KAXG00000000000000OVR${String(i).padStart(3, '0')}`,
          title: i === 0 ? EVIL : `Hồ sơ quá hạn ${i}`,
          agencyId: null,
          agencyName: null,
          status: 'open' as const,
          priority: null,
          dueAt: i % 2 ? '2026-11-25T23:30:00.000Z' : null,
          daysOverdue: i % 3,
        })),
      },
    ],
    dueSoon: Array.from({ length: 22 }, (_, i) => ({
      id: `01KAXG00000000000000DUE${String(i).padStart(3, '0')}`,
      title: `Sắp đến hạn ${i}`,
      agencyId: i % 2 ? 'transport-dept' : null,
      agencyName: null,
      status: 'verifying' as const,
      priority: 'normal' as const,
      dueAt: i % 4 === 3 ? null : `2026-11-27T${String(i % 24).padStart(2, '0')}:00:00.000Z`,
    })),
    responseTimeByAgency: [
      ...busySummary.cases.responseTimeByAgency,
      { agencyId: 'police', agencyName: 'Công an Thành phố', closedCount: 1, medianResponseSeconds: null },
      { agencyId: 'health-dept', agencyName: 'Sở Y tế', closedCount: 0, medianResponseSeconds: 20 },
    ],
  },
  briefings: Array.from({ length: 12 }, (_, i) => ({
    id: `01KAXG00000000000000BRF${String(i).padStart(3, '0')}`,
    title: i === 0 ? EVIL : `Họp báo ${i}`,
    startsAt: `2026-12-${String(12 - i).padStart(2, '0')}T02:00:00.000Z`,
    location: i === 0 ? EVIL : 'Phòng họp báo',
    kind: i % 2 ? 'ad-hoc' : 'regular',
  })),
};

/** A quiet day with nothing open, nothing late, nothing due, no briefing. */
const emptySummary: DailySummary = {
  ...quietSummary,
  cases: {
    ...quietSummary.cases,
    openByStatus: { open: 0, verifying: 0, responded: 0 },
    overdueByAgency: [],
  },
};

/** A quiet day that still has cases due soon and a briefing coming. */
const quietWithDue: DailySummary = {
  ...quietSummary,
  cases: { ...quietSummary.cases, dueSoon: busySummary.cases.dueSoon },
  briefings: busySummary.briefings,
};

/** A busy day with nothing late and nothing urgent: no overdue, no reports' details. */
const calmBusy: DailySummary = {
  ...busySummary,
  reports: { ...busySummary.reports, total: 1, byCategory: [], byArea: [], urgentCount: 0, urgent: [] },
  hotIssues: [],
  cases: {
    ...busySummary.cases,
    closed: {
      total: 0,
      byOutcome: { clarified: 0, corrected: 0, resolved: 0, unfounded: 0, 'no-action': 0, merged: 0 },
    },
    openByStatus: { open: 0, verifying: 0, responded: 0 },
    overdueByAgency: [],
    dueSoon: [],
    responseTimeByAgency: [],
  },
  briefings: [],
};

const emptyDigest: AgencyDigest = { ...transportDigest, overdue: [], dueSoon: [], newlyAssigned: [] };
const crowdedDigest: AgencyDigest = {
  ...transportDigest,
  overdue: crowdedSummary.cases.overdueByAgency[2]?.cases ?? [],
  dueSoon: crowdedSummary.cases.dueSoon,
  newlyAssigned: [],
};

const summaries: [string, DailySummary, AppConfig][] = [
  ['busy', busySummary, base],
  ['busy-linked', busySummary, linked],
  ['crowded', crowdedSummary, apiLinked],
  ['quiet', quietSummary, base],
  ['quiet-due', quietWithDue, base],
  ['empty', emptySummary, base],
  ['calm', calmBusy, newYork],
];
const digests: [string, AgencyDigest, AppConfig, ReadonlyMap<string, number>?][] = [
  ['digest', transportDigest, base],
  ['digest-linked', transportDigest, linked],
  ['digest-empty', emptyDigest, base],
  ['digest-crowded', crowdedDigest, apiLinked],
  ['digest-no-overdue', { ...transportDigest, overdue: [] }, newYork],
  // Evidence files (issue 19): one overdue case with 3, one newly assigned with 1, the rest none.
  [
    'digest-files',
    transportDigest,
    linked,
    new Map([
      [transportDigest.overdue[0]!.id, 3],
      [transportDigest.newlyAssigned[0]!.id, 1],
    ]),
  ],
];

describe('golden emails: daily summary', () => {
  for (const locale of LOCALES) {
    it.each(summaries)(`summary %s (${locale})`, async (name, s, config) => {
      await pin(`summary-${name}-${locale}`, renderDailySummary(s, locale, config));
    });
  }
});

describe('golden emails: agency digest', () => {
  for (const locale of LOCALES) {
    it.each(digests)(`%s (${locale})`, async (name, d, config, files) => {
      await pin(`${name}-${locale}`, renderAgencyDigest(d, locale, config, files));
    });
  }
});

// ------------------------------------------------------------------ case notices

const CASE_ID = '01JD3X4M5N6P7Q8R9S0T1V2W3X';
const DUE = '2026-11-28T03:00:00Z';
type Kind<K extends CaseNotice['kind']> = Extract<CaseNotice, { kind: K }>;

const assigned: Kind<'case-assigned'> = {
  kind: 'case-assigned',
  caseId: CASE_ID,
  title: 'Tin đồn sập cầu Thủ Thiêm',
  summary: 'Nhiều tài khoản chia sẻ ảnh cầu bị nứt.',
  agencyId: 'transport-dept',
  dueAt: DUE,
  note: 'Ưu tiên xác minh trong buổi sáng.\nGọi lại trước 10 giờ.\n\nĐoạn hai.',
  priority: 'high',
  reportIds: ['01JREPORTAAAAAAAAAAAAAAAAA', '01JREPORTBBBBBBBBBBBBBBBBB'],
};
const responded: Kind<'case-responded'> = {
  kind: 'case-responded',
  caseId: CASE_ID,
  title: 'Tin đồn sập cầu Thủ Thiêm',
  agencyId: 'transport-dept',
  finding: 'Cầu vẫn an toàn; ảnh được chụp ở nơi khác.',
  response: 'Sở đã phát thông cáo báo chí.\r\nDòng hai.\n\n\nĐoạn hai.',
};
const closed: Kind<'case-closed'> = {
  kind: 'case-closed',
  caseId: CASE_ID,
  title: 'Tin đồn sập cầu Thủ Thiêm',
  outcome: 'corrected',
  evidenceUrl: 'https://example.gov.vn/cai-chinh?id=7&lang=vi',
  note: 'Thông tin đã được cải chính.',
  reportIds: ['01JREPORTAAAAAAAAAAAAAAAAA', '01JREPORTBBBBBBBBBBBBBBBBB'],
  response: 'Sở đã cải chính trên cổng thông tin.',
};
const nudge: Kind<'deadline-nudge'> = {
  kind: 'deadline-nudge',
  caseId: CASE_ID,
  title: 'Tin đồn sập cầu Thủ Thiêm',
  agencyId: 'transport-dept',
  dueAt: DUE,
  step: 'reminder',
  audience: 'agency',
  workingDaysLeft: 1,
  pastDue: false,
};
const LONG = `${'Một tiêu đề rất dài về một vụ việc '.repeat(4)}CUỐI`;

const notices: [string, CaseNotice, AppConfig, Parameters<typeof renderCaseNotice>[3]][] = [
  ['assigned', assigned, base, {}],
  [
    'assigned-sources',
    { ...assigned, title: LONG, summary: `${'Nội dung dài. '.repeat(40)}CUỐI` },
    linked,
    {
      sourceUrls: [
        'https://news.example.vn/bai-viet?id=1&utm_source=fb',
        'https://news.example.vn/bai-viet?id=1',
        `https://social.example.com/u/${PHONE.replaceAll(' ', '')}`,
        'ftp://example.org/x',
        'not a url',
        ...Array.from({ length: 12 }, (_, i) => `https://site${i}.example.org/p`),
      ],
    },
  ],
  [
    'assigned-bare',
    {
      ...assigned,
      agencyId: 'no-such-agency',
      note: null,
      summary: '  ',
      priority: undefined,
      reportIds: undefined,
    },
    base,
    {},
  ],
  ['assigned-evil', { ...assigned, title: EVIL, summary: EVIL, note: EVIL }, base, {}],
  ['responded', responded, linked, {}],
  ['responded-no-agency', { ...responded, agencyId: null, title: EVIL, finding: EVIL }, base, {}],
  ['closed', closed, linked, { ownReportIds: ['01JREPORTAAAAAAAAAAAAAAAAA'] }],
  ['closed-bare', { ...closed, outcome: 'no-action', evidenceUrl: null, response: null }, base, {}],
  [
    'closed-unknown-outcome',
    { ...closed, outcome: `other ${EVIL}`, evidenceUrl: 'javascript:alert(1)' },
    base,
    {},
  ],
  ['nudge', nudge, linked, {}],
  ['nudge-utc', { ...nudge, title: LONG, agencyId: 'no-such-agency' }, { ...base, timeZone: 'UTC' }, {}],
  [
    'nudge-head',
    { ...nudge, step: 'due', audience: 'agencyHead', workingDaysLeft: 0, pastDue: true },
    linked,
    {},
  ],
  [
    'nudge-desk-lead',
    { ...nudge, title: EVIL, step: 'overdue', audience: 'deskLead', workingDaysLeft: -3, pastDue: true },
    base,
    {},
  ],
  // Evidence files (issue 19): counted with the link, never attached.
  ['assigned-files', assigned, linked, { fileCount: 3 }],
  ['responded-one-file', responded, linked, { fileCount: 1 }],
  ['nudge-files-no-link', nudge, base, { fileCount: 2 }],
  ['closed-own-files', closed, linked, { ownReportIds: ['01JREPORTAAAAAAAAAAAAAAAAA'], fileCount: 2 }],
];

describe('golden emails: case notices', () => {
  for (const locale of LOCALES) {
    it.each(notices)(`case %s (${locale})`, async (name, n, config, extras) => {
      await pin(`case-${name}-${locale}`, renderCaseNotice(n as CaseNotice, locale, config, extras));
    });
  }
});

// ------------------------------------------------------------------ briefings and their .ics

const NOW = new Date('2026-12-08T07:00:00Z');
const briefing = (over: Partial<BriefingView> = {}): BriefingView => ({
  id: '01JBRIEFING0000000000000001',
  kind: 'regular',
  title: 'Họp báo định kỳ tháng 12, về giao thông; ngập nước và ô nhiễm \\ môi trường',
  startsAt: '2026-12-10T07:00:00Z',
  durationMinutes: 120,
  location: 'Phòng họp báo, 86 Lê Thánh Tôn, Quận 1',
  status: 'scheduled',
  sequence: 0,
  cancelReason: null,
  ...over,
});
const agenda: AgendaItem[] = [
  {
    caseId: '01JCASE00000000000000000001',
    title: 'Tin đồn sập cầu Thủ Thiêm',
    status: 'verifying',
    agencyId: 'transport-dept',
    agencyName: 'Sở Giao thông Vận tải',
  },
  { caseId: '01JCASE00000000000000000002', title: EVIL, status: 'open', agencyId: null, agencyName: null },
  {
    caseId: '01JCASE00000000000000000003',
    title: 'Ô nhiễm kênh Nhiêu Lộc',
    status: 'responded',
    agencyId: 'environment-dept',
    agencyName: null,
  },
];
const many: AgendaItem[] = Array.from({ length: 33 }, (_, i) => ({
  caseId: `01JCASE000000000000000000${String(i).padStart(2, '0')}`,
  title: `Hồ sơ ${i}`,
  status: 'verifying',
  agencyId: 'transport-dept',
  agencyName: null,
}));

const briefingNotices: [string, BriefingNotice, AppConfig, string | undefined][] = [
  [
    'reminder',
    {
      kind: 'reminder',
      briefing: briefing(),
      startsInMinutes: 48 * 60,
      agenda: { detail: 'full', items: agenda },
    },
    base,
    'lanh.dao@example.org',
  ],
  [
    'reminder-soon-titles',
    {
      kind: 'reminder',
      briefing: briefing({ durationMinutes: 45 }),
      startsInMinutes: 0,
      agenda: { detail: 'titles', items: agenda.map((a) => ({ title: a.title })) },
    },
    base,
    undefined,
  ],
  [
    'reminder-crowded',
    {
      kind: 'reminder',
      briefing: briefing({
        startsAt: '2026-12-10T16:00:00Z',
        durationMinutes: 600,
        title: EVIL,
        location: EVIL,
      }),
      startsInMinutes: 165,
      agenda: { detail: 'full', items: many },
    },
    base,
    'x@example.org',
  ],
  [
    'rescheduled',
    {
      kind: 'update',
      briefing: briefing({ startsAt: '2026-12-11T02:00:00Z', sequence: 1 }),
      startsInMinutes: null,
      agenda: { detail: 'full', items: agenda },
    },
    base,
    'a@example.org',
  ],
  [
    'rescheduled-carried',
    {
      kind: 'update',
      briefing: briefing({ startsAt: '2026-12-11T02:00:00Z', sequence: 3 }),
      startsInMinutes: 60,
      agenda: { detail: 'full', items: [] },
    },
    base,
    undefined,
  ],
  [
    'invitation',
    {
      kind: 'update',
      briefing: briefing({ kind: 'ad-hoc', title: 'Họp báo đột xuất về ngập' }),
      startsInMinutes: null,
      agenda: { detail: 'full', items: [] },
    },
    base,
    'b@example.org',
  ],
  [
    'invitation-carried-dst',
    {
      kind: 'update',
      briefing: briefing({ startsAt: '2026-11-01T06:30:00Z', durationMinutes: 90 }),
      startsInMinutes: 1,
      agenda: { detail: 'titles', items: [{ title: 'Một' }] },
    },
    newYork,
    'c@example.org',
  ],
  [
    'cancel',
    {
      kind: 'cancel',
      briefing: briefing({ status: 'cancelled', sequence: 2, cancelReason: `Lãnh đạo bận; gọi ${PHONE}.` }),
      startsInMinutes: null,
      agenda: { detail: 'full', items: agenda },
    },
    base,
    'd@example.org',
  ],
  [
    'cancel-no-reason-dst',
    {
      kind: 'cancel',
      briefing: briefing({ status: 'cancelled', sequence: 1, startsAt: '2026-03-08T06:30:00Z' }),
      startsInMinutes: null,
      agenda: { detail: 'titles', items: [] },
    },
    newYork,
    undefined,
  ],
];

describe('golden emails: briefings and their .ics', () => {
  for (const locale of LOCALES) {
    it.each(briefingNotices)(`briefing %s (${locale})`, async (name, n, config, recipient) => {
      await pin(
        `briefing-${name}-${locale}`,
        renderBriefingNotice(n, locale, config, { now: NOW, ...(recipient ? { recipient } : {}) }),
      );
    });
  }
});

// ------------------------------------------------------------------ weekly and monthly report

const periodics: [string, PeriodicSummary, AppConfig][] = [
  ['weekly', weeklySummary, base],
  ['weekly-quiet', quietWeek, base],
  ['monthly', monthlySummary, base],
];

describe('golden emails: weekly and monthly report, with its CSV', () => {
  for (const locale of LOCALES) {
    it.each(periodics)(`periodic %s (${locale})`, async (name, s, config) => {
      await pin(`periodic-${name}-${locale}`, renderPeriodicSummary(s, locale, config));
    });
  }
});

describe('golden emails: the fixtures', () => {
  it('are exactly the emails pinned above (none left over from a renamed or removed case)', async () => {
    const names = [
      ...summaries.map(([n]) => `summary-${n}`),
      ...digests.map(([n]) => n),
      ...notices.map(([n]) => `case-${n}`),
      ...briefingNotices.map(([n]) => `briefing-${n}`),
      ...periodics.map(([n]) => `periodic-${n}`),
    ];
    const expected = names.flatMap((n) =>
      LOCALES.flatMap((l) => [
        `${n}-${l}.txt`,
        `${n}-${l}.html`,
        ...(n.startsWith('briefing-') ? [`${n}-${l}.ics`] : []),
        ...(n.startsWith('periodic-') ? [`${n}-${l}.csv`] : []),
      ]),
    );
    const dir = fileURLToPath(new URL(DIR, import.meta.url));
    expect((await readdir(dir)).sort()).toEqual(expected.sort());
  });
});
