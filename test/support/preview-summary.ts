// Fixtures for the summary email tests, and a preview: run
// `npx tsx test/support/preview-summary.ts [outDir]` to write the rendered
// emails (vi and en, HTML and text) to outDir (default /tmp/summary-preview).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AgencyDigest, CaseLine, DailySummary, OverdueCase } from '#domain/summary-types';
import { loadAppConfig } from '#infra/config/index';
import { renderAgencyDigest } from '#mail/agency-digest-email';
import { renderDailySummary } from '#mail/daily-summary-email';

const TZ = 'Asia/Ho_Chi_Minh';

const trafficLight: OverdueCase = {
  id: '01KAXG0000000000000000CAS1',
  title: 'Đèn tín hiệu hỏng tại nút giao Điện Biên Phủ – Đinh Tiên Hoàng',
  agencyId: 'transport-dept',
  agencyName: 'Sở Giao thông Vận tải',
  status: 'verifying',
  priority: 'high',
  dueAt: '2026-11-21T10:00:00.000Z',
  daysOverdue: 5,
};
const busSkipping: OverdueCase = {
  id: '01KAXG0000000000000000CAS2',
  title: 'Xe buýt tuyến 19 bỏ trạm vào giờ cao điểm',
  agencyId: 'transport-dept',
  agencyName: 'Sở Giao thông Vận tải',
  status: 'verifying',
  priority: 'normal',
  dueAt: '2026-11-24T10:00:00.000Z',
  daysOverdue: 2,
};
const sidewalk: OverdueCase = {
  id: '01KAXG0000000000000000CAS3',
  title: 'Lấn chiếm vỉa hè kéo dài trên đường Bùi Viện',
  agencyId: 'police',
  agencyName: 'Công an Thành phố',
  status: 'verifying',
  priority: 'normal',
  dueAt: '2026-11-25T09:00:00.000Z',
  daysOverdue: 1,
};
const tuition: CaseLine = {
  id: '01KAXG0000000000000000CAS4',
  title: 'Thông tin sai lệch về học phí năm học 2026–2027',
  agencyId: 'education-dept',
  agencyName: 'Sở Giáo dục và Đào tạo',
  status: 'verifying',
  priority: 'critical',
  dueAt: '2026-11-27T10:00:00.000Z',
};
const landfill: CaseLine = {
  id: '01KAXG0000000000000000CAS5',
  title: 'Khói bụi, mùi hôi từ bãi rác Đa Phước lan sang khu dân cư',
  agencyId: 'environment-dept',
  agencyName: 'Sở Tài nguyên và Môi trường',
  status: 'verifying',
  priority: 'high',
  dueAt: '2026-11-28T02:00:00.000Z',
};

/** A busy day: every section has something in it. */
export const busySummary: DailySummary = {
  date: '2026-11-26',
  timeZone: TZ,
  generatedAt: '2026-11-27T00:00:05.000Z',
  reports: {
    total: 42,
    byCategory: [
      { id: 'transport', count: 14 },
      { id: 'environment', count: 9 },
      { id: 'misinformation', count: 7 },
      { id: 'public-order', count: 5 },
      { id: 'health', count: 4 },
      { id: 'other', count: 3 },
    ],
    byArea: [
      { id: 'binh-thanh', count: 12 },
      { id: 'district-1', count: 10 },
      { id: 'thu-duc', count: 8 },
      { id: 'go-vap', count: 6 },
      { id: 'district-3', count: 4 },
      { id: 'citywide', count: 2 },
    ],
    bySentiment: { positive: 3, neutral: 12, negative: 27 },
    urgentCount: 3,
    urgent: [
      {
        id: '01KAXG0000000000000000REP1',
        title: 'Tin giả về việc cắt nước toàn thành phố từ ngày 28/11',
        excerpt:
          'Một bài đăng lan truyền trên mạng xã hội cho rằng toàn thành phố sẽ bị cắt nước từ 28/11 đến 30/11 và kêu gọi người dân gọi 0912 345 678 hoặc gửi email tới nguyen.van.a@gmail.com để "đăng ký trữ nước" với phí 1.200.000 đồng.',
        urgency: 'critical',
        category: 'misinformation',
        area: 'citywide',
        submittedAt: '2026-11-26T08:12:00.000Z',
        observedAt: '2026-11-26T07:40:00.000Z',
        caseId: '01KAXG0000000000000000CAS6',
        caseStatus: 'verifying',
      },
      {
        id: '01KAXG0000000000000000REP2',
        title: 'Ngập sâu trên đường Nguyễn Hữu Cảnh sau mưa lớn',
        excerpt:
          'Nước ngập ngang bánh xe từ 17.30 đến 19.00, nhiều xe máy chết máy. Người dân gọi đường dây nóng (028) 3829 1234 nhưng không ai nghe máy; một người để lại số +84 903 123 456 để được phản hồi.',
        urgency: 'high',
        category: 'transport',
        area: 'binh-thanh',
        submittedAt: '2026-11-26T11:45:00.000Z',
        observedAt: '2026-11-26T10:20:00.000Z',
        caseId: null,
        caseStatus: null,
      },
      {
        id: '01KAXG0000000000000000REP3',
        title: 'Rác thải ùn ứ quanh chợ Hạnh Thông Tây',
        excerpt: 'Rác tồn đọng ba ngày chưa được thu gom, bốc mùi nặng vào buổi chiều.',
        urgency: 'high',
        category: 'environment',
        area: 'go-vap',
        submittedAt: '2026-11-26T03:05:00.000Z',
        observedAt: '2026-11-24T23:00:00.000Z',
        caseId: null,
        caseStatus: null,
      },
    ],
  },
  hotIssues: [
    {
      kind: 'case',
      key: '01KAXG0000000000000000CAS6',
      title: 'Tin giả cắt nước toàn thành phố',
      category: 'misinformation',
      area: 'citywide',
      reportCount: 9,
      reach: 185000,
      reasons: ['most-reported', 'widest-reach'],
      caseId: '01KAXG0000000000000000CAS6',
    },
    {
      kind: 'topic',
      key: 'transport|binh-thanh',
      title: 'Ngập nước tại Bình Thạnh',
      category: 'transport',
      area: 'binh-thanh',
      reportCount: 6,
      reach: 12000,
      reasons: ['most-reported'],
      caseId: null,
    },
  ],
  cases: {
    opened: 5,
    closed: {
      total: 3,
      byOutcome: { clarified: 1, corrected: 1, resolved: 1, unfounded: 0, 'no-action': 0, merged: 0 },
    },
    openByStatus: { open: 4, verifying: 11, responded: 2 },
    overdueByAgency: [
      { agencyId: 'police', agencyName: 'Công an Thành phố', cases: [sidewalk] },
      { agencyId: 'transport-dept', agencyName: 'Sở Giao thông Vận tải', cases: [busSkipping, trafficLight] },
    ],
    dueSoon: [landfill, tuition],
    responseTimeByAgency: [
      {
        agencyId: 'transport-dept',
        agencyName: 'Sở Giao thông Vận tải',
        closedCount: 1,
        medianResponseSeconds: 100800,
      },
      {
        agencyId: 'info-dept',
        agencyName: 'Sở Thông tin và Truyền thông',
        closedCount: 2,
        medianResponseSeconds: 15600,
      },
    ],
  },
  briefings: [
    {
      id: '01KAXG0000000000000000BRF1',
      title: 'Họp báo đột xuất về thông tin cắt nước',
      startsAt: '2026-12-01T02:00:00.000Z',
      location: 'Phòng họp báo, 86 Lê Thánh Tôn, Quận 1',
      kind: 'ad-hoc',
    },
  ],
  topics: [
    {
      kind: 'case',
      key: '01KAXG0000000000000000CAS6',
      title: 'Tin giả cắt nước toàn thành phố',
      category: 'misinformation',
      area: 'citywide',
      caseId: '01KAXG0000000000000000CAS6',
      reports: 9,
      reach: 185000,
      baseline: { reports: 0, reach: 0 },
      mark: 'new',
    },
    {
      kind: 'area',
      key: 'transport/binh-thanh',
      title: 'Ngập nước tại Bình Thạnh',
      category: 'transport',
      area: 'binh-thanh',
      caseId: null,
      reports: 6,
      reach: 12000,
      baseline: { reports: 3.57, reach: 8200 },
      mark: 'rising',
    },
    {
      kind: 'group',
      key: '01KAXG0000000000000000REP7',
      title: 'Kẹt xe kéo dài ở cửa ngõ sân bay Tân Sơn Nhất',
      category: 'transport',
      area: 'go-vap',
      caseId: null,
      reports: 5,
      reach: 21000,
      baseline: { reports: 1.14, reach: 3400 },
      mark: 'rising',
    },
    {
      kind: 'source',
      key: '5f1c0e2a9b7d4e3f8a6b1c2d3e4f5a6b',
      title: 'Clip “xe cứu thương bị chặn” trên cầu Sài Gòn',
      category: 'public-order',
      area: 'binh-thanh',
      caseId: null,
      reports: 2,
      reach: 4000,
      baseline: { reports: 6.29, reach: 52000 },
      mark: 'cooling',
    },
    {
      kind: 'area',
      key: 'environment/go-vap',
      title: 'Rác thải ùn ứ quanh chợ Hạnh Thông Tây',
      category: 'environment',
      area: 'go-vap',
      caseId: null,
      reports: 4,
      reach: 3000,
      baseline: { reports: 3.86, reach: 2500 },
      mark: 'steady',
    },
  ],
  clarifications: [
    {
      caseId: '01KAXG0000000000000000CAS9',
      title: 'Thông tin sai về việc đóng cửa trường học vì dịch cúm',
      outcome: 'clarified',
      agencyId: 'health-dept',
      agencyName: 'Sở Y tế',
      evidenceUrl: 'https://syt.example.gov.vn/thong-bao/123',
      officialAt: '2026-11-24T09:30:00.000Z',
      firstReportAt: '2026-11-23T01:10:00.000Z',
      secondsToOfficialWord: 116400,
      before: { days: 1.35, reports: 14, reach: 96000, reportsPerDay: 10.39, reachPerDay: 71257.73 },
      after: { days: 2.31, reports: 3, reach: 2500, reportsPerDay: 1.3, reachPerDay: 1081.08 },
      days: [
        { date: '2026-11-23', reports: 9, reach: 60000 },
        { date: '2026-11-24', reports: 7, reach: 37000 },
        { date: '2026-11-25', reports: 1, reach: 1500 },
        { date: '2026-11-26', reports: 0, reach: 0 },
      ],
      verdict: 'landed',
    },
    {
      caseId: '01KAXG000000000000000CAS10',
      title: 'Giá vé xe buýt tăng gấp đôi từ tháng 12',
      outcome: 'corrected',
      agencyId: 'transport-dept',
      agencyName: 'Sở Giao thông Vận tải',
      evidenceUrl: 'https://sgtvt.example.gov.vn/dinh-chinh/45',
      officialAt: '2026-11-22T03:00:00.000Z',
      firstReportAt: '2026-11-18T02:00:00.000Z',
      secondsToOfficialWord: 349200,
      before: { days: 4.04, reports: 8, reach: 20000, reportsPerDay: 1.98, reachPerDay: 4950.5 },
      after: { days: 4.58, reports: 11, reach: 26000, reportsPerDay: 2.4, reachPerDay: 5672.73 },
      days: [
        { date: '2026-11-18', reports: 2, reach: 5000 },
        { date: '2026-11-19', reports: 1, reach: 2000 },
        { date: '2026-11-20', reports: 2, reach: 6000 },
        { date: '2026-11-21', reports: 3, reach: 7000 },
        { date: '2026-11-22', reports: 2, reach: 4000 },
        { date: '2026-11-23', reports: 3, reach: 7000 },
        { date: '2026-11-24', reports: 2, reach: 5000 },
        { date: '2026-11-25', reports: 2, reach: 6000 },
        { date: '2026-11-26', reports: 2, reach: 4000 },
      ],
      verdict: 'spreading',
    },
  ],
  quiet: false,
};

/** A quiet Sunday: nothing new, but one agency is still late. */
export const quietSummary: DailySummary = {
  date: '2026-11-29',
  timeZone: TZ,
  generatedAt: '2026-11-30T00:00:04.000Z',
  reports: {
    total: 0,
    byCategory: [],
    byArea: [],
    bySentiment: { positive: 0, neutral: 0, negative: 0 },
    urgentCount: 0,
    urgent: [],
  },
  hotIssues: [],
  cases: {
    opened: 0,
    closed: {
      total: 0,
      byOutcome: { clarified: 0, corrected: 0, resolved: 0, unfounded: 0, 'no-action': 0, merged: 0 },
    },
    openByStatus: { open: 1, verifying: 6, responded: 1 },
    overdueByAgency: [
      { agencyId: 'police', agencyName: 'Công an Thành phố', cases: [{ ...sidewalk, daysOverdue: 4 }] },
    ],
    dueSoon: [],
    responseTimeByAgency: [],
  },
  briefings: [],
  topics: [],
  clarifications: [],
  quiet: true,
};

/** What the transport department owes. */
export const transportDigest: AgencyDigest = {
  date: '2026-11-26',
  timeZone: TZ,
  agencyId: 'transport-dept',
  agencyName: 'Sở Giao thông Vận tải',
  overdue: [busSkipping, trafficLight],
  dueSoon: [
    {
      id: '01KAXG0000000000000000CAS7',
      title: 'Ùn tắc kéo dài tại cửa ngõ sân bay Tân Sơn Nhất',
      agencyId: 'transport-dept',
      agencyName: 'Sở Giao thông Vận tải',
      status: 'verifying',
      priority: 'high',
      dueAt: '2026-11-27T10:00:00.000Z',
    },
  ],
  newlyAssigned: [
    {
      id: '01KAXG0000000000000000CAS8',
      title: 'Xe container đỗ trái phép trên đường Nguyễn Văn Linh',
      agencyId: 'transport-dept',
      agencyName: 'Sở Giao thông Vận tải',
      status: 'verifying',
      priority: 'normal',
      dueAt: '2026-12-01T10:00:00.000Z',
    },
  ],
};

const main = async () => {
  const out = process.argv[2] ?? '/tmp/summary-preview';
  await mkdir(out, { recursive: true });
  const config = loadAppConfig('dev');
  for (const locale of ['vi', 'en'] as const) {
    const emails = {
      summary: renderDailySummary(busySummary, locale, config),
      quiet: renderDailySummary(quietSummary, locale, config),
      digest: renderAgencyDigest(transportDigest, locale, config),
    };
    for (const [name, email] of Object.entries(emails)) {
      await writeFile(join(out, `${name}-${locale}.html`), email.html);
      await writeFile(join(out, `${name}-${locale}.txt`), `Subject: ${email.subject}\n\n${email.text}`);
      console.log(`${name}-${locale}: ${email.subject} (${Array.from(email.subject).length} chars)`);
    }
  }
  console.log(`written to ${out}`);
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
