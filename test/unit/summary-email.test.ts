import { describe, expect, it } from 'vitest';
import { buildAgencyDigests, buildDailySummary } from '#domain/summary';
import type { AgencyDigest, DailySummary, ReportLine } from '#domain/summary-types';
import { loadAppConfig } from '#infra/config/index';
import { renderAgencyDigest } from '#mail/agency-digest-email';
import { renderDailySummary } from '#mail/daily-summary-email';
import { MASKED_EMAIL, MASKED_PHONE } from '#mail/format';
import { STRINGS } from '#mail/strings';
import { busySummary, quietSummary, transportDigest } from '#test/support/preview-summary';

const config = loadAppConfig('dev');
const LOCALES = ['vi', 'en'] as const;
const XSS = '<script>alert(1)</script> & "x"';
const XSS_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;';
const TAG = /<\/?[a-z][^>]*>/i;
/** The text part with its line wrapping undone, to look for phrases. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

/** Every piece of user text in a summary replaced by `text`. */
const withUserText = (s: DailySummary, text: string): DailySummary => ({
  ...s,
  reports: { ...s.reports, urgent: s.reports.urgent.map((r) => ({ ...r, title: text, excerpt: text })) },
  hotIssues: s.hotIssues.map((h) => ({ ...h, title: text })),
  cases: {
    ...s.cases,
    overdueByAgency: s.cases.overdueByAgency.map((g) => ({
      ...g,
      cases: g.cases.map((c) => ({ ...c, title: text })),
    })),
    dueSoon: s.cases.dueSoon.map((c) => ({ ...c, title: text })),
  },
  briefings: s.briefings.map((b) => ({ ...b, title: text, location: text })),
});

const ids = (s: DailySummary): string[] => [
  ...s.reports.urgent.map((r) => r.id),
  ...s.cases.overdueByAgency.flatMap((g) => g.cases.map((c) => c.id)),
  ...s.cases.dueSoon.map((c) => c.id),
  ...s.hotIssues.flatMap((h) => (h.caseId ? [h.caseId] : [])),
  ...s.briefings.map((b) => b.id),
];

describe('daily summary: subject', () => {
  it('carries the local date and the headline counts in both locales', () => {
    expect(renderDailySummary(busySummary, 'vi', config).subject).toBe(
      '[Dư luận] Tóm tắt ngày 26/11/2026: 42 phản ánh mới, 3 hồ sơ quá hạn',
    );
    expect(renderDailySummary(busySummary, 'en', config).subject).toBe(
      '[Opinion desk] Daily summary 26 Nov 2026: 42 new reports, 3 overdue cases',
    );
  });

  it('leaves out the overdue count when nothing is overdue, and uses the singular in English', () => {
    const s: DailySummary = {
      ...busySummary,
      reports: { ...busySummary.reports, total: 1 },
      cases: { ...busySummary.cases, overdueByAgency: [] },
    };
    expect(renderDailySummary(s, 'vi', config).subject).toBe(
      '[Dư luận] Tóm tắt ngày 26/11/2026: 1 phản ánh mới',
    );
    expect(renderDailySummary(s, 'en', config).subject).toBe(
      '[Opinion desk] Daily summary 26 Nov 2026: 1 new report',
    );
  });

  it('groups large counts the locale way', () => {
    const s: DailySummary = { ...busySummary, reports: { ...busySummary.reports, total: 1234 } };
    expect(renderDailySummary(s, 'vi', config).subject).toContain('1.234 phản ánh mới');
    expect(renderDailySummary(s, 'en', config).subject).toContain('1,234 new reports');
  });
});

describe('daily summary: html document', () => {
  it.each(LOCALES)('is a complete, self-contained, phone-width document (%s)', (locale) => {
    const { html } = renderDailySummary(busySummary, locale, config);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('max-width:600px');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    // No scripts, images, external resources or links out, but for the one link the desk
    // itself published: each clarification's evidence (the official word).
    const evidence = busySummary.clarifications.flatMap((c) => (c.evidenceUrl ? [c.evidenceUrl] : []));
    expect(evidence.length).toBeGreaterThan(0);
    let rest = html;
    for (const url of evidence) {
      expect(html).toContain(`href="${url}"`);
      rest = rest.split(url).join('');
    }
    expect(rest).not.toMatch(/<script|<img|<link|<iframe|\ssrc=|url\(|https?:\/\//i);
  });

  it.each(LOCALES)('shows no report, case or briefing ids (%s)', (locale) => {
    const { html, text } = renderDailySummary(busySummary, locale, config);
    for (const id of ids(busySummary)) {
      expect(html).not.toContain(id);
      expect(text).not.toContain(id);
    }
  });
});

describe('daily summary: user text', () => {
  it.each(LOCALES)('escapes every user string in the html (%s)', (locale) => {
    const { html, text, subject } = renderDailySummary(withUserText(busySummary, XSS), locale, config);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain(XSS);
    expect(html).toContain(XSS_ESCAPED);
    // report title, excerpt, hot issue, 3 overdue, 2 due soon, briefing title and location: all rendered
    const shown = html.split(XSS_ESCAPED).length - 1;
    expect(shown).toBeGreaterThanOrEqual(3 * 2 + 2 + 3 + 2 + 2);
    // the text part is plain text: the title is shown as written, never as markup
    expect(text).toContain(XSS);
    expect(subject).not.toContain('<');
  });

  it('escapes agency names too', () => {
    const s: DailySummary = {
      ...busySummary,
      cases: {
        ...busySummary.cases,
        overdueByAgency: [{ agencyId: 'police', agencyName: 'Công an <b>& Co</b>', cases: [] }],
      },
    };
    const withCase: DailySummary = {
      ...s,
      cases: {
        ...s.cases,
        overdueByAgency: [
          {
            agencyId: 'police',
            agencyName: 'Công an <b>& Co</b>',
            cases: busySummary.cases.overdueByAgency[0]!.cases,
          },
        ],
      },
    };
    const { html } = renderDailySummary(withCase, 'vi', config);
    expect(html).toContain('Công an &lt;b&gt;&amp; Co&lt;/b&gt;');
    expect(html).not.toContain('<b>& Co');
  });

  it.each(LOCALES)('masks phone numbers and email addresses in titles and excerpts (%s)', (locale) => {
    const { html, text } = renderDailySummary(busySummary, locale, config);
    for (const part of [html, text]) {
      for (const contact of [
        '0912 345 678',
        'nguyen.van.a@gmail.com',
        '(028) 3829 1234',
        '+84 903 123 456',
      ]) {
        expect(part).not.toContain(contact);
      }
      expect(part).not.toMatch(/\d{3}[ .-]?\d{3}[ .-]?\d{3,4}/);
      expect(part).toContain(MASKED_EMAIL);
      expect(part).toContain(MASKED_PHONE);
    }
    // times written with a dot are not phone numbers
    expect(text).toContain('từ 17.30 đến 19.00');
  });

  it('masks a phone number in a title, and one cut off at the end of an excerpt', () => {
    const report: ReportLine = {
      ...busySummary.reports.urgent[0]!,
      title: 'Gọi 0987.654.321 để nhận hỗ trợ',
      // as the summary builder cuts it: mid-number, with an ellipsis
      excerpt: 'Tin nhắn lừa đảo yêu cầu gọi lại số 0987 65…',
    };
    const s: DailySummary = {
      ...busySummary,
      reports: { ...busySummary.reports, urgentCount: 1, urgent: [report] },
    };
    for (const locale of LOCALES) {
      const { html, text } = renderDailySummary(s, locale, config);
      for (const part of [html, text]) {
        expect(part).not.toContain('0987');
        expect(part).toContain('Gọi ');
        expect(part).toContain('yêu cầu gọi lại số');
      }
    }
  });

  it('shortens a long excerpt at a word boundary', () => {
    const long = `${'Người dân phản ánh tình trạng ngập nước kéo dài. '.repeat(10)}`;
    const report: ReportLine = { ...busySummary.reports.urgent[0]!, excerpt: long };
    const s: DailySummary = {
      ...busySummary,
      reports: { ...busySummary.reports, urgentCount: 1, urgent: [report] },
    };
    const { text } = renderDailySummary(s, 'vi', config);
    expect(text).toMatch(/\S…\n/);
    expect(text.replace(/\s+/g, ' ')).not.toContain(long.trim());
  });
});

describe('daily summary: content', () => {
  it('uses localized labels from the config and the dictionary', () => {
    const vi = renderDailySummary(busySummary, 'vi', config);
    const en = renderDailySummary(busySummary, 'en', config);
    for (const label of [
      'Giao thông',
      'Thông tin sai lệch',
      'Bình Thạnh',
      'TP. Thủ Đức',
      'Tiêu cực',
      'Đã thông tin chính thức',
      'Đã cải chính',
      'Đã khắc phục',
      'Đang xác minh',
      'Chờ giao xử lý',
      'Khẩn cấp',
      'nhiều phản ánh nhất',
      'lan truyền rộng nhất',
    ]) {
      expect(vi.html).toContain(label);
      expect(flat(vi.text)).toContain(label);
    }
    for (const label of [
      'Transport',
      'Misinformation',
      'Binh Thanh',
      'Thu Duc City',
      'Negative',
      'Clarified',
      'Corrected',
      'Resolved',
      'Being verified',
      'Awaiting assignment',
      'Critical',
      'most reported',
      'widest reach',
    ]) {
      expect(en.html).toContain(label);
      expect(flat(en.text)).toContain(label);
    }
    // ids are never shown in place of a label, and the English email has no Vietnamese chrome
    for (const part of [vi.html, vi.text, en.html, en.text]) {
      expect(part).not.toContain('binh-thanh');
      expect(part).not.toContain('no-action');
    }
    expect(en.html).not.toMatch(/hồ sơ|phản ánh/i);
    // outcomes with no closed case are not listed
    expect(vi.html).not.toContain('Không có cơ sở');
  });

  it.each(LOCALES)(
    'lists overdue cases by agency with days overdue, first and most prominent (%s)',
    (locale) => {
      const { html, text } = renderDailySummary(busySummary, locale, config);
      const t = STRINGS[locale];
      for (const part of [html, flat(text)]) {
        expect(part).toContain('Sở Giao thông Vận tải');
        expect(part).toContain('Công an Thành phố');
        expect(part).toContain(t.daysOverdue(5));
        expect(part).toContain(t.daysOverdue(2));
        expect(part).toContain(t.daysOverdue(1));
        // the agency with the most overdue cases first, its longest-overdue case first
        expect(part.indexOf('Sở Giao thông Vận tải')).toBeLessThan(part.indexOf('Công an Thành phố'));
        expect(part.indexOf('Đèn tín hiệu hỏng')).toBeLessThan(part.indexOf('Xe buýt tuyến 19'));
        // before the other sections
      }
      expect(html.indexOf(t.overdueTitle)).toBeLessThan(html.indexOf(t.hotTitle));
      expect(html.indexOf(t.overdueTitle)).toBeLessThan(html.indexOf(t.urgentTitle));
      expect(text.indexOf(t.overdueTitle.toUpperCase())).toBeLessThan(text.indexOf(t.hotTitle.toUpperCase()));
      expect(text).toContain(
        locale === 'vi' ? 'Sở Giao thông Vận tải: 2 hồ sơ' : 'Sở Giao thông Vận tải: 2 cases',
      );
    },
  );

  it('says briefly that nothing is overdue', () => {
    const s: DailySummary = { ...busySummary, cases: { ...busySummary.cases, overdueByAgency: [] } };
    expect(renderDailySummary(s, 'vi', config).text).toContain('Không có hồ sơ quá hạn.');
    expect(renderDailySummary(s, 'en', config).html).toContain('No overdue cases.');
  });

  it('shows times in the configured zone', () => {
    const s: DailySummary = {
      ...busySummary,
      cases: {
        ...busySummary.cases,
        dueSoon: [{ ...busySummary.cases.dueSoon[0]!, dueAt: '2026-11-26T17:30:00Z' }],
      },
    };
    const vi = renderDailySummary(s, 'vi', config);
    const en = renderDailySummary(s, 'en', config);
    expect(vi.html).toContain('27/11 00:30');
    expect(vi.text).toContain('27/11 00:30');
    expect(en.html).toContain('27 Nov, 00:30');
    expect(en.text).toContain('27 Nov, 00:30');
    for (const part of [vi.html, vi.text]) expect(part).not.toContain('26/11 17:30');
    // report times, briefing times and the preparation time too
    expect(flat(vi.text)).toContain('26/11 15:12');
    expect(vi.text).toContain('Thứ Ba, 01/12 09:00');
    expect(en.text).toContain('Tuesday, 1 Dec, 09:00');
    expect(vi.text).toContain('lập lúc 27/11/2026 07:00');
    expect(vi.text).toContain('GMT+7 (Asia/Ho_Chi_Minh)');
  });

  it('shows numbers and durations in the locale', () => {
    const vi = renderDailySummary(busySummary, 'vi', config);
    const en = renderDailySummary(busySummary, 'en', config);
    expect(vi.html).toContain('185.000 lượt tiếp cận');
    expect(en.html).toContain('reach 185,000');
    expect(vi.html).toContain('1 ngày 4 giờ');
    expect(vi.html).toContain('4 giờ 20 phút');
    expect(en.html).toContain('1 d 4 h');
  });

  it('lists due-soon cases with their agency and briefings with their place', () => {
    const { text, html } = renderDailySummary(busySummary, 'vi', config);
    expect(text).toContain('ĐẾN HẠN TRONG 48 GIỜ TỚI (2)');
    expect(html).toContain('Đến hạn trong 48 giờ tới (2)');
    expect(flat(text)).toContain(
      'Thông tin sai lệch về học phí năm học 2026–2027 · Sở Giáo dục và Đào tạo · hạn 27/11 17:00',
    );
    expect(flat(text)).toContain('Phòng họp báo, 86 Lê Thánh Tôn, Quận 1');
    expect(flat(text)).toContain('(Đột xuất)');
  });

  it('omits empty sections', () => {
    const s: DailySummary = {
      ...busySummary,
      hotIssues: [],
      briefings: [],
      cases: { ...busySummary.cases, dueSoon: [], responseTimeByAgency: [] },
    };
    const { html, text } = renderDailySummary(s, 'en', config);
    for (const title of ['Hot issues', 'Press briefings', 'Due in the next 48 hours', 'Time to response']) {
      expect(html).not.toContain(title);
      expect(text).not.toContain(title);
    }
  });

  it('caps a long list of urgent reports and says how many more there are', () => {
    const urgent = Array.from({ length: 20 }, (_, i) => ({
      ...busySummary.reports.urgent[2]!,
      id: `01KAXG00000000000000REP${String(i).padStart(3, '0')}`,
      title: `Phản ánh số ${i + 1}`,
    }));
    const s: DailySummary = { ...busySummary, reports: { ...busySummary.reports, urgentCount: 20, urgent } };
    const vi = renderDailySummary(s, 'vi', config);
    expect(vi.text).toContain('Phản ánh số 15');
    expect(vi.text).not.toContain('Phản ánh số 16');
    expect(vi.text).toContain('… và 5 mục khác');
    expect(renderDailySummary(s, 'en', config).html).toContain('… and 5 more');
  });

  it('counts every urgent report of the day, also those the summary does not name', () => {
    // The summary names at most 50 (URGENT_LIST_MAX); the heading and "more" use urgentCount.
    const s: DailySummary = { ...busySummary, reports: { ...busySummary.reports, urgentCount: 1234 } };
    const en = renderDailySummary(s, 'en', config);
    expect(en.text).toContain('(1,234)');
    expect(en.text).toContain('… and 1,231 more');
  });
});

describe('daily summary: plain-text part', () => {
  it.each(LOCALES)('has no HTML, clear headings and lines that fit (%s)', (locale) => {
    const { text } = renderDailySummary(busySummary, locale, config);
    const t = STRINGS[locale];
    expect(text).not.toMatch(TAG);
    expect(text).not.toMatch(/&(amp|lt|gt|quot|#39|nbsp);/);
    expect(text).toContain(`${t.overdueTitle.toUpperCase()} (3)\n-----------------`);
    expect(text).toContain(t.hotTitle.toUpperCase());
    for (const line of text.split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(72);
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('daily summary: a quiet day', () => {
  it('says "nothing new" and still shows open and overdue cases', () => {
    const vi = renderDailySummary(quietSummary, 'vi', config);
    const en = renderDailySummary(quietSummary, 'en', config);
    expect(vi.subject).toBe('[Dư luận] Tóm tắt ngày 29/11/2026: không có phản ánh mới, 1 hồ sơ quá hạn');
    expect(en.subject).toBe('[Opinion desk] Daily summary 29 Nov 2026: no new reports, 1 overdue case');
    for (const part of [vi.html, vi.text]) {
      expect(part).toContain('Không có phản ánh mới');
      expect(part).toContain('Hồ sơ đang xử lý: 8');
      expect(part).toContain('Công an Thành phố');
      expect(part).toContain('quá hạn 4 ngày');
      expect(part).not.toContain('Theo lĩnh vực');
    }
    expect(en.text).toContain('Nothing new');
    expect(en.html).toContain('4 days overdue');
    expect(vi.text).not.toMatch(TAG);
  });

  it('is short when nothing is open either', () => {
    const empty: DailySummary = {
      ...quietSummary,
      cases: {
        ...quietSummary.cases,
        openByStatus: { open: 0, verifying: 0, responded: 0 },
        overdueByAgency: [],
      },
    };
    const vi = renderDailySummary(empty, 'vi', config);
    expect(vi.subject).toBe('[Dư luận] Tóm tắt ngày 29/11/2026: không có phản ánh mới');
    expect(vi.text).not.toContain('quá hạn');
    expect(vi.text).not.toContain('Hồ sơ đang xử lý');
    expect(vi.text.split('\n').length).toBeLessThan(15);
  });
});

describe('agency digest', () => {
  it('has a subject with the agency, the counts and the date', () => {
    expect(renderAgencyDigest(transportDigest, 'vi', config).subject).toBe(
      '[Dư luận] Sở Giao thông Vận tải: 2 quá hạn, 1 sắp đến hạn, 1 mới giao (26/11/2026)',
    );
    expect(renderAgencyDigest(transportDigest, 'en', config).subject).toBe(
      '[Opinion desk] Sở Giao thông Vận tải: 2 overdue, 1 due soon, 1 new (26 Nov 2026)',
    );
  });

  it.each(LOCALES)('lists overdue (with days), due soon and newly assigned cases (%s)', (locale) => {
    const { html, text } = renderAgencyDigest(transportDigest, locale, config);
    const t = STRINGS[locale];
    for (const part of [html, flat(text)]) {
      expect(part).toContain(t.daysOverdue(5));
      expect(part).toContain(t.daysOverdue(2));
      expect(part).toContain('Ùn tắc kéo dài tại cửa ngõ sân bay Tân Sơn Nhất');
      expect(part).toContain('Xe container đỗ trái phép trên đường Nguyễn Văn Linh');
      expect(part.toUpperCase()).toContain(`${t.newlyAssignedTitle.toUpperCase()} (1)`);
      expect(part.indexOf('Đèn tín hiệu hỏng')).toBeLessThan(part.indexOf('Xe buýt tuyến 19'));
    }
    expect(html).toContain(locale === 'vi' ? '27/11 17:00' : '27 Nov, 17:00');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(text).not.toMatch(TAG);
  });

  it('escapes and masks case titles', () => {
    const digest: AgencyDigest = {
      ...transportDigest,
      overdue: [{ ...transportDigest.overdue[0]!, title: `${XSS} gọi 0912345678` }],
    };
    const { html, text } = renderAgencyDigest(digest, 'vi', config);
    expect(html).toContain(XSS_ESCAPED);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('0912345678');
    expect(text).not.toContain('0912345678');
  });

  it('says so when nothing is due', () => {
    const digest: AgencyDigest = { ...transportDigest, overdue: [], dueSoon: [], newlyAssigned: [] };
    expect(renderAgencyDigest(digest, 'vi', config).subject).toBe(
      '[Dư luận] Sở Giao thông Vận tải: không có hồ sơ cần xử lý (26/11/2026)',
    );
    expect(renderAgencyDigest(digest, 'en', config).text).toContain('No overdue cases.');
  });
});

describe('days overdue, from the case to the email', () => {
  // Built by the real builder from deadlines, not from a fixture's day counts.
  const now = new Date('2026-11-26T00:00:00.000Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
  const overdue = [
    { id: 'late-27', title: 'Late by 27.5 hours', hours: 27.5 },
    { id: 'late-23', title: 'Late by 23.9 hours', hours: 23.9 },
  ].map((c) => ({
    id: c.id,
    title: c.title,
    status: 'verifying' as const,
    agencyId: 'police',
    dueAt: hoursAgo(c.hours),
  }));
  const summary = buildDailySummary(config, {
    date: '2026-11-25',
    now,
    reports: [],
    events: [],
    openByStatus: { open: 0, verifying: 2, responded: 0 },
    overdue,
    dueSoon: [],
    briefings: [],
  });
  const [digest] = buildAgencyDigests(config, {
    date: '2026-11-25',
    now,
    overdue,
    dueSoon: [],
    newlyAssigned: [],
  });

  it('reads 27.5 hours late as 1 day and 23.9 hours as less than a day, in both locales', () => {
    expect(summary.cases.overdueByAgency[0]?.cases.map((c) => [c.id, c.daysOverdue])).toEqual([
      ['late-27', 1],
      ['late-23', 0],
    ]);
    expect(digest?.overdue.map((c) => c.daysOverdue)).toEqual([1, 0]);
    const emails = LOCALES.flatMap((locale) => [
      { locale, email: renderDailySummary(summary, locale, config) },
      { locale, email: renderAgencyDigest(digest!, locale, config) },
    ]);
    for (const { locale, email } of emails) {
      for (const part of [email.html, flat(email.text)]) {
        expect(part).toContain(STRINGS[locale].daysOverdue(1));
        expect(part).toContain(STRINGS[locale].daysOverdue(0));
        expect(part).not.toContain(STRINGS[locale].daysOverdue(2));
      }
    }
    expect(flat(renderDailySummary(summary, 'en', config).text)).toMatch(
      /Late by 27\.5 hours — 1 day overdue[\s\S]*Late by 23\.9 hours — overdue by less than a day/,
    );
    expect(flat(renderDailySummary(summary, 'vi', config).text)).toContain(
      'Late by 27.5 hours — quá hạn 1 ngày',
    );
  });
});

describe('daily summary: the top reads in a minute on a phone (issue 14)', () => {
  const API = 'https://api.example.org';
  const LONG =
    'Người dân phản ánh kéo dài nhiều ngày, kèm ảnh và video, với nhiều chi tiết về thời gian, địa điểm, số người bị ảnh hưởng và các lần liên hệ đường dây nóng không có kết quả.';
  const base = busySummary.reports.urgent;
  /** 15 urgent reports, each with a long summary; some on a case, some closed. */
  const fifteen: ReportLine[] = Array.from({ length: 15 }, (_, i) => ({
    ...base[i % base.length]!,
    id: `01KAXG00000000000000URG${String(i).padStart(3, '0')}`,
    title: `Phản ánh khẩn số ${i + 1} về ngập nước kéo dài trên tuyến đường chính của quận`,
    excerpt: `${LONG} (#${i + 1})`,
    caseId: i % 3 === 0 ? null : `01KAXG00000000000000CASE${String(i).padStart(2, '0')}`,
    caseStatus: i % 3 === 0 ? null : i % 3 === 1 ? 'verifying' : 'closed',
  }));
  const s: DailySummary = {
    ...busySummary,
    reports: { ...busySummary.reports, urgentCount: 15, urgent: fifteen },
  };

  it.each(LOCALES)(
    'prints the urgent list one line per report, with no summary above the details (%s)',
    (locale) => {
      const t = STRINGS[locale];
      const { text, html } = renderDailySummary(s, locale, config);
      const lines = text.split('\n');
      const details = lines.indexOf(t.urgentDetailsTitle.toUpperCase());
      expect(details).toBeGreaterThan(0);
      const top = lines.slice(0, details);
      // No summary text at the top, in either part.
      expect(top.join('\n')).not.toContain('Người dân phản ánh');
      const htmlTop = html.slice(0, html.indexOf(t.urgentDetailsTitle));
      expect(htmlTop).not.toContain('Người dân phản ánh');
      // The urgent list: exactly one line per report, each fitting a line.
      const start = top.findIndex((l) => l.startsWith(t.urgentTitle.toUpperCase()));
      const listed = top
        .slice(start)
        .filter((l) => l.startsWith(`- [${t.urgency.critical}]`) || l.startsWith(`- [${t.urgency.high}]`));
      expect(listed).toHaveLength(15);
      for (const line of listed) {
        expect(Array.from(line).length).toBeLessThanOrEqual(72);
        const next = top[top.indexOf(line) + 1]!;
        expect(next === '' || next.startsWith('- [')).toBe(true);
      }
      // The urgent list ends within the first screens: new and rising topics (issue 17), counts,
      // overdue, due soon, hot issues, 15 lines.
      expect(top.indexOf(listed.at(-1)!)).toBeLessThan(72);
      // The details still have every summary.
      for (let i = 1; i <= 15; i++) expect(flat(lines.slice(details).join('\n'))).toContain(`(#${i})`);
    },
  );

  it.each(LOCALES)('marks urgent reports already on a case or closed, in html and text (%s)', (locale) => {
    const t = STRINGS[locale];
    const { text, html } = renderDailySummary(s, locale, config);
    const top = text.slice(0, text.indexOf(t.urgentDetailsTitle.toUpperCase()));
    const line = (n: number) => top.split('\n').find((l) => l.includes(`số ${n} `))!;
    expect(line(1)).not.toContain('·'); // on no case: no mark
    expect(line(2)).toContain(t.onCase('verifying'));
    expect(line(3)).toContain(t.onCase('closed'));
    const htmlTop = html.slice(0, html.indexOf(t.urgentDetailsTitle));
    expect(htmlTop).toContain(t.onCase('verifying'));
    expect(htmlTop).toContain(t.onCase('closed'));
    expect(t.onCase('closed')).not.toBe(t.onCase('verifying'));
  });

  it('shows when a report was seen, not only when it was submitted', () => {
    // REP1: seen 07:40Z (14:40 local), submitted 08:12Z (15:12); REP3 seen the day before.
    const vi = renderDailySummary(busySummary, 'vi', config);
    const en = renderDailySummary(busySummary, 'en', config);
    expect(vi.text).toMatch(/- \[Khẩn cấp\] 14:40 Tin giả/);
    expect(flat(vi.text)).toContain('ghi nhận 26/11 14:40 · gửi 26/11 15:12');
    expect(vi.html).toContain('ghi nhận 26/11 14:40 · gửi 26/11 15:12');
    expect(vi.text).toMatch(/- \[Mức cao\] 25\/11 06:00 Rác thải/);
    expect(flat(en.text)).toContain('seen 26 Nov, 14:40 · submitted 26 Nov, 15:12');
    expect(en.html).toContain('seen 26 Nov, 14:40');
  });

  it('links each urgent report to the console when set, else to the API, else not at all', () => {
    const id = busySummary.reports.urgent[0]!.id;
    const api = renderDailySummary(busySummary, 'en', { ...config, links: { apiUrl: API } });
    expect(api.text).toContain(`${API}/reports/${id}`);
    expect(api.html).toContain(`href="${API}/reports/${id}"`);
    const consoleUrl = 'https://console.example.org';
    const toConsole = renderDailySummary(busySummary, 'en', {
      ...config,
      links: { consoleUrl, apiUrl: API },
    });
    expect(toConsole.text).toContain(`${consoleUrl}/reports/${id}`);
    expect(toConsole.text).not.toContain(API);
    const none = renderDailySummary(busySummary, 'en', config);
    expect(none.text).not.toContain('/reports/');
    expect(none.html).not.toContain('undefined');
  });
});

describe('agency digest: each case once, with what the agency needs to act (issue 14)', () => {
  const API = 'https://api.example.org';
  const linked = { ...config, links: { apiUrl: API } };
  const all = [...transportDigest.overdue, ...transportDigest.dueSoon, ...transportDigest.newlyAssigned];

  it.each(LOCALES)(
    'gives every case its reference, priority, due time and link, in html and text (%s)',
    (locale) => {
      const t = STRINGS[locale];
      const { html, text } = renderAgencyDigest(transportDigest, locale, linked);
      for (const c of all) {
        for (const part of [html, flat(text)]) {
          expect(part).toContain(`${t.reference} ${c.id}`);
          expect(part).toContain(t.priority[c.priority!]);
          expect(part).toContain(`${API}/cases/${c.id}`);
        }
      }
      // Local due times (GMT+7): 10:00Z is 17:00.
      for (const part of [html, flat(text)]) {
        expect(part).toContain(locale === 'vi' ? 'hạn 27/11 17:00' : 'due 27 Nov, 17:00');
        expect(part).toContain(locale === 'vi' ? 'hạn 21/11 17:00' : 'due 21 Nov, 17:00');
      }
      expect(html).toContain(`href="${API}/cases/${all[0]!.id}"`);
    },
  );

  it.each(LOCALES)('lists a case once even when it is in two lists of the data (%s)', (locale) => {
    // A case assigned that day and due within 48 hours, as the builder hands it over.
    const [digest] = buildAgencyDigests(config, {
      date: '2026-11-26',
      now: new Date('2026-11-27T00:00:00Z'),
      overdue: [],
      dueSoon: [{ ...transportDigest.dueSoon[0]!, priority: 'high' }],
      newlyAssigned: [{ ...transportDigest.dueSoon[0]!, priority: 'high' }],
    });
    const { html, text } = renderAgencyDigest(digest!, locale, linked);
    const id = transportDigest.dueSoon[0]!.id;
    expect(text.split(`${API}/cases/${id}`).length - 1).toBe(1);
    expect(html.split(`href="${API}/cases/${id}"`).length - 1).toBe(1);
    expect(text).not.toContain(STRINGS[locale].newlyAssignedTitle.toUpperCase());
  });

  it('does not ask for an answer "before the deadline" when a case is already overdue', () => {
    const overdueOnly: AgencyDigest = { ...transportDigest, dueSoon: [], newlyAssigned: [] };
    for (const part of Object.values(renderAgencyDigest(overdueOnly, 'en', config))) {
      expect(flat(part)).not.toContain('before the deadline');
    }
    expect(flat(renderAgencyDigest(overdueOnly, 'vi', config).text)).not.toContain('trước thời hạn');
    expect(flat(renderAgencyDigest(overdueOnly, 'en', config).text)).toContain('overdue cases first');
    // Nothing overdue: the deadline is still ahead, and the footer says so.
    const onTime: AgencyDigest = { ...transportDigest, overdue: [] };
    expect(flat(renderAgencyDigest(onTime, 'en', config).text)).toContain('before the deadline');
  });

  it('emits no link and no "undefined" when no URL is known', () => {
    const { html, text } = renderAgencyDigest(transportDigest, 'en', config);
    for (const part of [html, text]) {
      expect(part).not.toContain('/cases/');
      expect(part).not.toContain('undefined');
    }
  });
});

describe('agency digest: evidence files (issue 19)', () => {
  const withFiles = new Map([[transportDigest.overdue[0]!.id, 3]]);

  it.each(LOCALES)(
    'names a case’s files on its line, in both parts, and nothing for a case without (%s)',
    (locale) => {
      const { html, text } = renderAgencyDigest(transportDigest, locale, config, withFiles);
      const files = STRINGS[locale].digestFiles(3);
      expect(files).toBe(locale === 'vi' ? '3 tệp đính kèm' : '3 files');
      for (const part of [html, flat(text)]) expect(part.split(files).length - 1).toBe(1);
      expect(STRINGS[locale].digestFiles(1)).toBe(locale === 'vi' ? '1 tệp đính kèm' : '1 file');
      // No counts known, or zero: the digest as before.
      const none = renderAgencyDigest(transportDigest, locale, config);
      expect(
        renderAgencyDigest(transportDigest, locale, config, new Map([[transportDigest.overdue[0]!.id, 0]])),
      ).toEqual(none);
      expect(none.text).not.toContain(locale === 'vi' ? 'tệp đính kèm' : ' files');
    },
  );
});
