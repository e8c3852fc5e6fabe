import { describe, expect, it } from 'vitest';
import type { Locale } from '#config/schema';
import { OUTCOMES } from '#domain/case';
import type { CaseNotice } from '#domain/notifications';
import { loadAppConfig } from '#infra/config/index';
import { CASE_STRINGS, renderCaseNotice } from '#mail/case-email';
import { MASKED_EMAIL, MASKED_PHONE } from '#mail/format';
import { STRINGS } from '#mail/strings';

const config = loadAppConfig('dev');
const LOCALES: Locale[] = ['vi', 'en'];
const CASE_ID = '01JD3X4M5N6P7Q8R9S0T1V2W3X';
const OTHER_REPORT = '01JREPORTBBBBBBBBBBBBBBBBB';
const DUE = '2026-11-28T03:00:00Z'; // 10:00 on Saturday 28/11 in Asia/Ho_Chi_Minh
const EVIDENCE = 'https://example.gov.vn/cai-chinh?id=7&lang=vi';

const SCRIPT = '<script>alert(1)</script>';
const PHONE = '0912 345 678';
const EMAIL = 'a.b@gmail.com';
/** User text carrying everything that must be escaped or masked. */
const EVIL = `Tin ${SCRIPT} & "sập cầu" — gọi ${PHONE} hoặc ${EMAIL}`;

const assigned = (over: Partial<Extract<CaseNotice, { kind: 'case-assigned' }>> = {}): CaseNotice => ({
  kind: 'case-assigned',
  caseId: CASE_ID,
  title: 'Tin đồn sập cầu Thủ Thiêm',
  summary: 'Nhiều tài khoản chia sẻ ảnh cầu bị nứt.',
  agencyId: 'transport-dept',
  dueAt: DUE,
  note: 'Ưu tiên xác minh trong buổi sáng.',
  ...over,
});
const responded = (over: Partial<Extract<CaseNotice, { kind: 'case-responded' }>> = {}): CaseNotice => ({
  kind: 'case-responded',
  caseId: CASE_ID,
  title: 'Tin đồn sập cầu Thủ Thiêm',
  agencyId: 'transport-dept',
  finding: 'Cầu vẫn an toàn; ảnh được chụp ở nơi khác.',
  response: 'Sở đã phát thông cáo báo chí.',
  ...over,
});
const closed = (over: Partial<Extract<CaseNotice, { kind: 'case-closed' }>> = {}): CaseNotice => ({
  kind: 'case-closed',
  caseId: CASE_ID,
  title: 'Tin đồn sập cầu Thủ Thiêm',
  outcome: 'corrected',
  evidenceUrl: EVIDENCE,
  note: 'Thông tin đã được cải chính.',
  reportIds: ['01JREPORTAAAAAAAAAAAAAAAAA', OTHER_REPORT],
  ...over,
});
const nudge = (over: Partial<Extract<CaseNotice, { kind: 'deadline-nudge' }>> = {}): CaseNotice => ({
  kind: 'deadline-nudge',
  caseId: CASE_ID,
  title: 'Tin đồn sập cầu Thủ Thiêm',
  agencyId: 'transport-dept',
  dueAt: DUE,
  step: 'reminder',
  audience: 'agency',
  workingDaysLeft: 1,
  pastDue: false,
  ...over,
});

/** The same notices with user text in every free-text field. */
const evilNotices = (): CaseNotice[] => [
  assigned({ title: EVIL, summary: EVIL, note: EVIL }),
  responded({ title: EVIL, finding: EVIL, response: `${EVIL}\n\n${EVIL}` }),
  closed({ title: EVIL, note: EVIL }),
  nudge({ title: EVIL }),
];
const cleanNotices = (): CaseNotice[] => [assigned(), responded(), closed(), nudge()];

const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^>]*)?>/i;
const cases = LOCALES.flatMap((locale) => cleanNotices().map((n) => [n.kind, locale, n] as const));

describe('renderCaseNotice: subjects', () => {
  it('case-assigned: title and the local deadline', () => {
    expect(renderCaseNotice(assigned(), 'vi', config).subject).toBe(
      '[Dư luận] Hồ sơ mới cần xác minh: Tin đồn sập cầu Thủ Thiêm — hạn 28/11 10:00',
    );
    expect(renderCaseNotice(assigned(), 'en', config).subject).toBe(
      '[Opinion desk] New case to verify: Tin đồn sập cầu Thủ Thiêm — due 28 Nov, 10:00',
    );
  });

  it('case-responded: the agency and the title', () => {
    expect(renderCaseNotice(responded(), 'vi', config).subject).toBe(
      '[Dư luận] Phản hồi từ Sở Giao thông Vận tải: Tin đồn sập cầu Thủ Thiêm',
    );
    expect(renderCaseNotice(responded(), 'en', config).subject).toBe(
      '[Opinion desk] Response from Sở Giao thông Vận tải: Tin đồn sập cầu Thủ Thiêm',
    );
    expect(renderCaseNotice(responded({ agencyId: null }), 'en', config).subject).toBe(
      '[Opinion desk] Response received: Tin đồn sập cầu Thủ Thiêm',
    );
  });

  it('case-closed and deadline-nudge', () => {
    expect(renderCaseNotice(closed(), 'vi', config).subject).toBe(
      '[Dư luận] Kết quả xử lý phản ánh: Tin đồn sập cầu Thủ Thiêm',
    );
    expect(renderCaseNotice(closed(), 'en', config).subject).toBe(
      '[Opinion desk] Outcome of your report: Tin đồn sập cầu Thủ Thiêm',
    );
    expect(renderCaseNotice(nudge(), 'vi', config).subject).toBe(
      '[Dư luận] Nhắc hạn phản hồi: Tin đồn sập cầu Thủ Thiêm — hạn 28/11 10:00',
    );
    expect(renderCaseNotice(nudge(), 'en', config).subject).toBe(
      '[Opinion desk] Reminder: Tin đồn sập cầu Thủ Thiêm — due 28 Nov, 10:00',
    );
  });

  it('cuts a long title with an ellipsis and keeps the deadline', () => {
    const title =
      'Tin đồn về việc sập cầu Thủ Thiêm lan truyền trên mạng xã hội kèm nhiều hình ảnh cũ '.repeat(3);
    for (const locale of LOCALES) {
      for (const n of [assigned({ title }), responded({ title }), closed({ title }), nudge({ title })]) {
        const { subject } = renderCaseNotice(n, locale, config);
        expect(Array.from(subject).length, subject).toBeLessThanOrEqual(80);
        expect(subject).toContain('…');
        if (n.kind === 'case-assigned' || n.kind === 'deadline-nudge') expect(subject).toMatch(/10:00$/);
      }
    }
  });

  it('masks contacts in subjects but does not HTML-escape them', () => {
    for (const locale of LOCALES) {
      for (const n of [
        closed({ title: `${SCRIPT} ${PHONE} ${EMAIL}` }),
        nudge({ title: `A & "B" ${PHONE}` }),
      ]) {
        const { subject } = renderCaseNotice(n, locale, config);
        expect(subject).not.toContain(PHONE);
        expect(subject).not.toContain(EMAIL);
        expect(subject).not.toContain('&amp;');
        expect(subject).not.toContain('&lt;');
        expect(subject).toContain(MASKED_PHONE.slice(0, 3));
      }
    }
    expect(renderCaseNotice(closed({ title: `${SCRIPT} ${EMAIL}` }), 'en', config).subject).toBe(
      `[Opinion desk] Outcome of your report: ${SCRIPT} ${MASKED_EMAIL}`,
    );
  });
});

describe('renderCaseNotice: deadlines in the configured zone', () => {
  it.each(LOCALES)('case-assigned and deadline-nudge show 10:00 on Saturday 28/11 (%s)', (locale) => {
    const full = locale === 'vi' ? 'Thứ Bảy, 28/11/2026 10:00' : 'Saturday, 28 Nov 2026, 10:00';
    for (const n of [assigned(), nudge()]) {
      const r = renderCaseNotice(n, locale, config);
      expect(r.html).toContain(full);
      expect(r.text).toContain(full);
      expect(r.text.replace(/\s+/g, ' ')).toContain('GMT+7 (Asia/Ho_Chi_Minh)');
      expect(r.text).not.toContain('03:00');
    }
  });

  it('follows config.timeZone', () => {
    const utc = { ...config, timeZone: 'UTC' };
    expect(renderCaseNotice(assigned(), 'vi', utc).subject).toMatch(/hạn 28\/11 03:00$/);
    expect(renderCaseNotice(nudge(), 'en', utc).text).toContain('Saturday, 28 Nov 2026, 03:00');
  });

  it('deadline-nudge says how many working days are left, or overdue, and to whom it goes', () => {
    expect(renderCaseNotice(nudge(), 'vi', config).text).toContain('Còn 1 ngày làm việc nữa');
    expect(renderCaseNotice(nudge(), 'en', config).text).toContain('1 working day away');
    const today = nudge({ step: 'due', workingDaysLeft: 0, pastDue: true, audience: 'agencyHead' });
    expect(renderCaseNotice(today, 'en', config).text).toContain('passed today');
    expect(renderCaseNotice(today, 'en', config).text).toContain('as the head of Sở Giao thông Vận tải');
    expect(renderCaseNotice(today, 'vi', config).subject).toMatch(/^\[Dư luận\] Quá hạn phản hồi: /);
    const late = nudge({ step: 'overdue', workingDaysLeft: -3, pastDue: true, audience: 'deskLead' });
    expect(renderCaseNotice(late, 'vi', config).text).toContain('đã quá hạn phản hồi 3 ngày làm việc');
    expect(renderCaseNotice(late, 'en', config).text).toContain('3 working days overdue');
    expect(renderCaseNotice(late, 'en', config).text).toContain('follow up with the agency');
  });
});

describe('renderCaseNotice: content', () => {
  it.each(LOCALES)('case-assigned: summary, desk note, what to do and the reference (%s)', (locale) => {
    const t = CASE_STRINGS[locale];
    const r = renderCaseNotice(assigned(), locale, config);
    for (const part of [r.html, r.text]) {
      expect(part).toContain('Tin đồn sập cầu Thủ Thiêm');
      expect(part).toContain('Nhiều tài khoản chia sẻ ảnh cầu bị nứt.');
      expect(part).toContain('Ưu tiên xác minh trong buổi sáng.');
      expect(part).toContain(CASE_ID);
    }
    expect(r.html).toContain(t.todoTitle);
    expect(r.text).toContain(t.todoTitle.toUpperCase());
    expect(r.text).toContain(t.deskNote.toUpperCase());
    const noNote = renderCaseNotice(assigned({ note: null }), locale, config);
    expect(noNote.html).not.toContain(t.deskNote);
    expect(noNote.text).not.toContain(t.deskNote.toUpperCase());
  });

  it('case-assigned: a long summary is cut to an excerpt', () => {
    const summary = `${'Nội dung dài. '.repeat(100)}CUỐI`;
    const r = renderCaseNotice(assigned({ summary }), 'vi', config);
    expect(r.text).not.toContain('CUỐI');
    expect(r.html).toContain('…');
  });

  it.each(LOCALES)('case-responded: agency, finding, response, with line breaks kept (%s)', (locale) => {
    const r = renderCaseNotice(responded({ response: 'Dòng một.\nDòng hai.\n\nĐoạn hai.' }), locale, config);
    for (const part of [r.html, r.text]) {
      expect(part).toContain('Sở Giao thông Vận tải');
      expect(part).toContain('Cầu vẫn an toàn; ảnh được chụp ở nơi khác.');
    }
    expect(r.html).toContain(CASE_STRINGS[locale].finding);
    expect(r.text).toContain(CASE_STRINGS[locale].finding.toUpperCase());
    expect(r.html).toContain('Dòng một.<br>Dòng hai.</p>');
    expect(r.html).toContain('>Đoạn hai.</p>');
    expect(r.text).toContain('Dòng một.\nDòng hai.\n\nĐoạn hai.');
  });

  it.each(LOCALES)('case-closed: thanks, localized outcome label, never the desk note (%s)', (locale) => {
    for (const outcome of OUTCOMES) {
      const r = renderCaseNotice(closed({ outcome, evidenceUrl: null }), locale, config);
      const label = STRINGS[locale].outcome[outcome];
      expect(r.html).toContain(label);
      expect(r.text).toContain(`${CASE_STRINGS[locale].outcome}: ${label}`);
      expect(r.text).toContain(CASE_STRINGS[locale].outcomeExplained[outcome]);
      // The closing note is the desk's: a reporter's view never holds desk notes, nor does their email.
      expect(r.text).not.toContain('Thông tin đã được cải chính.');
      expect(r.html).not.toContain('Thông tin đã được cải chính.');
      expect(r.text).toContain(CASE_STRINGS[locale].closedThanks.slice(0, 20));
    }
    expect(renderCaseNotice(closed({ outcome: 'corrected' }), 'vi', config).text).toContain(
      'Kết quả: Đã cải chính',
    );
    expect(renderCaseNotice(closed({ outcome: 'corrected' }), 'en', config).text).toContain(
      'Outcome: Corrected',
    );
  });

  it('case-closed: the evidence link when there is one, escaped in href and text', () => {
    const url = 'https://example.gov.vn/tin?a=1&b="x"';
    const r = renderCaseNotice(closed({ evidenceUrl: url }), 'vi', config);
    const escaped = 'https://example.gov.vn/tin?a=1&amp;b=&quot;x&quot;';
    expect(r.html).toContain(`<a href="${escaped}"`);
    expect(r.html).toContain(`>${escaped}</a>`);
    expect(r.html).not.toContain(url);
    expect(r.text).toContain(url);
    const plain = renderCaseNotice(closed(), 'en', config);
    expect(plain.html).toContain(`<a href="${EVIDENCE.replace('&', '&amp;')}"`);
    expect(plain.text).toContain(`${CASE_STRINGS.en.evidence}:\n${EVIDENCE}`);
  });

  it('case-closed: no link without an evidence URL, nor for a non-http one', () => {
    for (const evidenceUrl of [null, 'javascript:alert(1)']) {
      for (const locale of LOCALES) {
        const r = renderCaseNotice(closed({ evidenceUrl }), locale, config);
        expect(r.html).not.toContain('<a ');
        expect(r.html).not.toContain(CASE_STRINGS[locale].evidence);
        expect(r.text).not.toContain(CASE_STRINGS[locale].evidence);
        expect(r.html).not.toContain('javascript:');
      }
    }
  });

  it('case-closed: shows no report ids (other reporters) and no addresses', () => {
    for (const locale of LOCALES) {
      const r = renderCaseNotice(closed(), locale, config);
      for (const part of [r.subject, r.html, r.text]) {
        expect(part).not.toContain(OTHER_REPORT);
        expect(part).not.toContain('01JREPORTAAAAAAAAAAAAAAAAA');
        expect(part).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      }
    }
  });
});

describe('renderCaseNotice: escaping and masking', () => {
  it.each(LOCALES)('escapes and masks user text in html and text for every kind (%s)', (locale) => {
    for (const n of evilNotices()) {
      const r = renderCaseNotice(n, locale, config);
      expect(r.html, n.kind).not.toContain(SCRIPT);
      expect(r.html, n.kind).not.toContain('<script');
      expect(r.html, n.kind).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(r.html, n.kind).toContain('&amp; &quot;sập cầu&quot;');
      for (const part of [r.subject, r.html, r.text]) {
        expect(part, n.kind).not.toContain(PHONE);
        expect(part, n.kind).not.toContain('0912');
        expect(part, n.kind).not.toContain(EMAIL);
        expect(part, n.kind).not.toContain('gmail');
      }
      expect(r.html, n.kind).toContain(MASKED_EMAIL);
      expect(r.html, n.kind).toContain(MASKED_PHONE);
      expect(r.text, n.kind).toContain(`gọi ${MASKED_PHONE} hoặc ${MASKED_EMAIL}`);
      // The plain-text part carries the user's text as written (it is not HTML), never escaped.
      expect(r.text, n.kind).toContain(`${SCRIPT} & "sập cầu"`);
      expect(r.text, n.kind).not.toContain('&lt;');
    }
  });

  it('masks a contact in the case summary even where the excerpt cuts it', () => {
    const summary = `${'Nội dung. '.repeat(39)}gọi ngay ${PHONE} hoặc ${EMAIL}`;
    const r = renderCaseNotice(assigned({ summary }), 'vi', config);
    for (const part of [r.html, r.text]) {
      expect(part).not.toContain('0912');
      expect(part).not.toContain('gmail');
    }
  });
});

describe('renderCaseNotice: the parts', () => {
  it.each(cases)('%s (%s): phone-ready html and a plain-text part without tags', (_kind, locale, notice) => {
    const r = renderCaseNotice(notice, locale, config);
    expect(r.html.startsWith('<!doctype html>')).toBe(true);
    expect(r.html).toContain(`<html lang="${locale}">`);
    expect(r.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(r.html).toContain('max-width:600px');
    expect(r.text).not.toMatch(TAG);
    expect(r.text).not.toMatch(/&(?:amp|lt|gt|quot|#39);/);
    expect(r.text.endsWith('\n')).toBe(true);
    for (const line of r.text.split('\n')) {
      if (!line.startsWith('http')) expect(Array.from(line).length, line).toBeLessThanOrEqual(72);
    }
    expect(r.subject).not.toMatch(/\n/);
  });

  it('is written in the recipient locale', () => {
    expect(renderCaseNotice(nudge(), 'vi', config).text).toContain('NHẮC HẠN PHẢN HỒI');
    expect(renderCaseNotice(nudge(), 'en', config).text).toContain('RESPONSE DEADLINE REMINDER');
    expect(renderCaseNotice(assigned(), 'vi', config).html).toContain('Việc cần làm');
    expect(renderCaseNotice(assigned(), 'en', config).html).toContain('What to do');
  });
});

describe('renderCaseNotice: what helps the reader act (issue 14)', () => {
  const API = 'https://api.example.org';
  const CONSOLE = 'https://console.example.org';
  const withLinks = (links: { consoleUrl?: string; apiUrl?: string }) => ({ ...config, links });
  const flat = (text: string): string => text.replace(/\s+/g, ' ');
  /** What a reader of the html sees: tags dropped, entities decoded, whitespace collapsed. */
  const visible = (html: string): string =>
    flat(
      html
        .replace(/<[^>]+>/g, '')
        .replaceAll('&quot;', '"')
        .replaceAll('&#39;', "'")
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&amp;', '&'),
    );
  const SOURCES = [
    'https://www.facebook.com/groups/123456789/posts/987654321012345?utm_source=share&fbclid=x1',
    'https://www.facebook.com/groups/123456789/posts/987654321012345',
    'https://zalo.me/0912345678',
    'https://forum.example.vn/t?contact=nguyen.van.a%40gmail.com',
  ];

  it.each(LOCALES)(
    'case-assigned: priority, report count, masked source links and the case link (%s)',
    (locale) => {
      const notice = assigned({
        priority: 'critical',
        reportIds: ['01JREPORTAAAAAAAAAAAAAAAAA', OTHER_REPORT],
      });
      const { html, text } = renderCaseNotice(notice, locale, withLinks({ apiUrl: API }), {
        sourceUrls: SOURCES,
      });
      const priority = STRINGS[locale].priority.critical;
      const count = locale === 'vi' ? '2 phản ánh' : '2 reports';
      for (const part of [visible(html), flat(text)]) {
        expect(part).toContain(priority);
        expect(part).toContain(count);
        expect(part.toUpperCase()).toContain(CASE_STRINGS[locale].sources.toUpperCase());
        // Tracking dropped, the same post once.
        expect(part.split('https://www.facebook.com/groups/123456789/posts/987654321012345').length - 1).toBe(
          1,
        );
        expect(part).not.toContain('utm_source');
        expect(part).not.toContain('fbclid');
        // A link holding a phone number or an email address is masked and not linked.
        expect(part).not.toContain('0912345678');
        expect(part).not.toContain('nguyen.van.a');
        expect(part).toContain(`https://zalo.me/${MASKED_PHONE}`);
        expect(part).toContain(`contact=${MASKED_EMAIL}`);
        expect(part).toContain(`${API}/cases/${CASE_ID}`);
      }
      expect(html).toContain(`href="${API}/cases/${CASE_ID}"`);
      expect(html).toContain('href="https://www.facebook.com/groups/123456789/posts/987654321012345"');
      expect(html).not.toContain('href="https://zalo.me');
      expect(html).not.toContain('href="https://forum.example.vn');
      expect(html).not.toContain('0912345678');
    },
  );

  it('links go to the console when it is configured, else to the API resource, else nowhere', () => {
    for (const notice of [assigned(), responded(), nudge()]) {
      const toConsole = renderCaseNotice(notice, 'en', withLinks({ consoleUrl: `${CONSOLE}/`, apiUrl: API }));
      expect(toConsole.html).toContain(`href="${CONSOLE}/cases/${CASE_ID}"`);
      expect(toConsole.text).toContain(`${CONSOLE}/cases/${CASE_ID}`);
      expect(toConsole.text).not.toContain(API);
      const toApi = renderCaseNotice(notice, 'en', withLinks({ apiUrl: API }));
      expect(toApi.text).toContain(`${API}/cases/${CASE_ID}`);
      const none = renderCaseNotice(notice, 'en', withLinks({}));
      for (const part of [none.html, none.text]) {
        expect(part).not.toContain('/cases/');
        expect(part).not.toContain('undefined');
      }
    }
  });

  it.each(LOCALES)(
    'case-closed: the agency response with the outcome and the evidence link (%s)',
    (locale) => {
      const response = 'Sở đã phát thông cáo: cầu vẫn an toàn.\nẢnh được chụp ở nơi khác.';
      const { html, text } = renderCaseNotice(closed({ response }), locale, config);
      for (const part of [visible(html), flat(text)]) {
        expect(part.toUpperCase()).toContain(CASE_STRINGS[locale].agencyResponse.toUpperCase());
        expect(part).toContain('Sở đã phát thông cáo: cầu vẫn an toàn.');
        expect(part).toContain('Ảnh được chụp ở nơi khác.');
        expect(part).toContain(STRINGS[locale].outcome.corrected);
        expect(part).toContain(EVIDENCE);
      }
      expect(html).toContain(`href="${EVIDENCE.replaceAll('&', '&amp;')}"`);
      // No response stored (an outbox item from before): the section is left out.
      const older = renderCaseNotice(closed(), locale, config);
      expect(older.text).not.toContain(CASE_STRINGS[locale].agencyResponse.toUpperCase());
    },
  );
});

describe('renderCaseNotice: evidence files (issue 19)', () => {
  const CONSOLE = 'https://console.example.org';
  const linked = { ...config, links: { consoleUrl: CONSOLE } };
  const merged: CaseNotice = {
    kind: 'case-merged',
    caseId: CASE_ID,
    title: 'Tin đồn sập cầu Thủ Thiêm',
    agencyId: 'transport-dept',
    intoCaseId: '01JINTOCASEAAAAAAAAAAAAAAA',
    intoTitle: 'Cầu Thủ Thiêm',
    intoAgencyId: 'transport-dept',
  };
  const caseNotices = (): CaseNotice[] => [assigned(), responded(), nudge(), merged];
  const linkOf = (n: CaseNotice) => `${CONSOLE}/cases/${n.kind === 'case-merged' ? n.intoCaseId : n.caseId}`;
  const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

  it.each(LOCALES)(
    'names how many files the case page shows, right above its link, in both parts (%s)',
    (locale) => {
      const count = locale === 'vi' ? '3 tệp đính kèm' : '3 files';
      for (const n of caseNotices()) {
        const r = renderCaseNotice(n, locale, linked, { fileCount: 3 });
        // Never an attachment: an email is its subject and two parts.
        expect(Object.keys(r).sort(), n.kind).toEqual(['html', 'subject', 'text']);
        const text = r.text.replace(/\s+/g, ' ');
        expect(text, n.kind).toContain(`${CASE_STRINGS[locale].caseFiles(3)} ${linkOf(n)}`);
        expect(text).toContain(count);
        expect(plain(r.html)).toContain(CASE_STRINGS[locale].caseFiles(3));
        expect(r.html).toContain(`href="${linkOf(n)}"`);
      }
    },
  );

  it('says "1 file" in English, and the same words in Vietnamese', () => {
    expect(renderCaseNotice(responded(), 'en', linked, { fileCount: 1 }).text).toContain(
      '1 file (screenshots, documents): open it on the case page.',
    );
    expect(renderCaseNotice(responded(), 'vi', linked, { fileCount: 1 }).text).toContain('1 tệp đính kèm');
  });

  it.each(LOCALES)('has no line when there are none: the same email as without the count (%s)', (locale) => {
    for (const n of [...caseNotices(), closed()]) {
      const without = renderCaseNotice(n, locale, linked, {});
      const zero = renderCaseNotice(n, locale, linked, { fileCount: 0 });
      expect(zero).toEqual(without);
      expect(zero.text).not.toContain(locale === 'vi' ? 'tệp đính kèm' : ' file');
    }
  });

  it.each(LOCALES)(
    'without a console or API address, still names the count under its own heading (%s)',
    (locale) => {
      const r = renderCaseNotice(nudge(), locale, { ...config, links: {} }, { fileCount: 2 });
      expect(r.text).toContain(CASE_STRINGS[locale].files.toUpperCase());
      expect(r.text).toContain(CASE_STRINGS[locale].caseFiles(2));
      expect(r.text).not.toContain('/cases/');
    },
  );

  it.each(LOCALES)(
    'a closure tells a reporter of the files on their own reports, with their links (%s)',
    (locale) => {
      const own = '01JREPORTAAAAAAAAAAAAAAAAA';
      const r = renderCaseNotice(closed(), locale, linked, { ownReportIds: [own], fileCount: 2 });
      const line = CASE_STRINGS[locale].ownReportFiles(2, 1);
      expect(line).toContain(locale === 'vi' ? '2 tệp đính kèm' : '2 files attached to your report.');
      expect(r.text.replace(/\s+/g, ' ')).toContain(`${line} ${CONSOLE}/reports/${own}`);
      expect(plain(r.html)).toContain(line);
      expect(r.text).not.toContain(OTHER_REPORT);
    },
  );
});
