import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Locale } from '#config/schema';
import type { AgendaItem, AudienceAgenda, BriefingNotice, BriefingView } from '#domain/briefing-types';
import { loadAppConfig } from '#infra/config/index';
import { BRIEFING_STRINGS, renderBriefingNotice, subjectTime, timeLeft } from '#mail/briefing-email';
import { MASKED_EMAIL, MASKED_PHONE } from '#mail/format';
import { STRINGS } from '#mail/strings';

const config = loadAppConfig('dev');
const LOCALES: Locale[] = ['vi', 'en'];
const START = '2026-12-10T07:00:00Z'; // Thursday 10/12/2026 14:00 in Asia/Ho_Chi_Minh
const NOW = new Date('2026-12-08T07:00:00Z');

const SCRIPT = '<script>alert(1)</script>';
const PHONE = '0912 345 678';
const EMAIL = 'a.b@gmail.com';
/** User text carrying everything that must be escaped or masked. */
const EVIL = `Tin ${SCRIPT} & "sập cầu" — gọi ${PHONE} hoặc ${EMAIL}`;

const briefing = (over: Partial<BriefingView> = {}): BriefingView => ({
  id: '01JBRIEFING0000000000000001',
  kind: 'regular',
  title: 'Họp báo định kỳ tháng 12',
  startsAt: START,
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
  {
    caseId: '01JCASE00000000000000000002',
    title: 'Ngập sau mưa ở Thủ Đức',
    status: 'open',
    agencyId: null,
    agencyName: null,
  },
  {
    caseId: '01JCASE00000000000000000003',
    title: 'Ô nhiễm kênh Nhiêu Lộc',
    status: 'responded',
    agencyId: 'environment-dept',
    agencyName: null, // looked up in the config
  },
];

const full = (items: AgendaItem[]): AudienceAgenda => ({ detail: 'full', items });

const reminder = (over: Partial<BriefingNotice> = {}): BriefingNotice => ({
  kind: 'reminder',
  briefing: briefing(),
  startsInMinutes: 48 * 60,
  agenda: full(agenda),
  ...over,
});
const rescheduled = (over: Partial<BriefingNotice> = {}): BriefingNotice => ({
  kind: 'update',
  briefing: briefing({ startsAt: '2026-12-11T02:00:00Z', sequence: 1 }), // Friday 11/12 09:00
  startsInMinutes: null,
  agenda: full(agenda),
  ...over,
});
const invitation = (over: Partial<BriefingNotice> = {}): BriefingNotice => ({
  kind: 'update',
  briefing: briefing({ kind: 'ad-hoc', title: 'Họp báo đột xuất về ngập' }),
  startsInMinutes: null,
  agenda: full([]),
  ...over,
});
const cancel = (over: Partial<BriefingNotice> = {}): BriefingNotice => ({
  kind: 'cancel',
  briefing: briefing({ status: 'cancelled', sequence: 2, cancelReason: 'Lãnh đạo bận họp đột xuất.' }),
  startsInMinutes: null,
  agenda: full(agenda),
  ...over,
});

const render = (n: BriefingNotice, locale: Locale, c = config) =>
  renderBriefingNotice(n, locale, c, { now: NOW });
const flat = (s: string) => s.replace(/\s+/g, ' ');

const parseIcs = (content: string | Uint8Array) => {
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  return { text, calendar, event };
};

describe('renderBriefingNotice: subjects', () => {
  it('reminder: title and the local start', () => {
    expect(render(reminder(), 'vi').subject).toBe(
      '[Dư luận] Nhắc lịch họp báo: Họp báo định kỳ tháng 12 — Thứ Năm 10/12 14:00',
    );
    expect(render(reminder(), 'en').subject).toBe(
      '[Opinion desk] Press briefing reminder: Họp báo định kỳ tháng 12 — Thu 10 Dec, 14:00',
    );
  });

  it('update after a reschedule: says the time changed, with the new time', () => {
    expect(render(rescheduled(), 'vi').subject).toBe(
      '[Dư luận] Đổi giờ họp báo: Họp báo định kỳ tháng 12 — Thứ Sáu 11/12 09:00',
    );
    expect(render(rescheduled(), 'en').subject).toBe(
      '[Opinion desk] Press briefing time changed: Họp báo định kỳ tháng 12 — Fri 11 Dec, 09:00',
    );
  });

  it('update never rescheduled (sequence 0): an invitation', () => {
    expect(render(invitation(), 'vi').subject).toBe(
      '[Dư luận] Mời dự họp báo: Họp báo đột xuất về ngập — Thứ Năm 10/12 14:00',
    );
    expect(render(invitation(), 'en').subject).toBe(
      '[Opinion desk] Press briefing invitation: Họp báo đột xuất về ngập — Thu 10 Dec, 14:00',
    );
  });

  it('cancel: says cancelled', () => {
    expect(render(cancel(), 'vi').subject).toBe(
      '[Dư luận] Hủy họp báo: Họp báo định kỳ tháng 12 — Thứ Năm 10/12 14:00',
    );
    expect(render(cancel(), 'en').subject).toBe(
      '[Opinion desk] Press briefing cancelled: Họp báo định kỳ tháng 12 — Thu 10 Dec, 14:00',
    );
  });

  it('cuts a long title with an ellipsis and keeps the time', () => {
    const title = 'Họp báo về tình hình ngập nước và các tin đồn trên mạng xã hội '.repeat(4);
    for (const locale of LOCALES) {
      for (const n of [reminder(), rescheduled(), invitation(), cancel()]) {
        const { subject } = render({ ...n, briefing: { ...n.briefing, title } }, locale);
        expect(Array.from(subject).length, subject).toBeLessThanOrEqual(90);
        expect(subject).toContain('…');
        expect(subject).toMatch(/\d\d:\d\d$/);
      }
    }
  });

  it('masks contacts in subjects but does not HTML-escape them', () => {
    for (const locale of LOCALES) {
      const { subject } = render(
        reminder({ briefing: briefing({ title: `<b>A</b> & ${PHONE} ${EMAIL}` }) }),
        locale,
      );
      expect(subject).not.toContain(PHONE);
      expect(subject).not.toContain(EMAIL);
      expect(subject).toContain(`: <b>A</b> & ${MASKED_PHONE} ${MASKED_EMAIL} — `);
      expect(subject).not.toContain('&amp;');
    }
  });

  it('subjectTime: weekday, day and time in the zone', () => {
    expect(subjectTime(START, 'vi', 'Asia/Ho_Chi_Minh')).toBe('Thứ Năm 10/12 14:00');
    expect(subjectTime(START, 'en', 'Asia/Ho_Chi_Minh')).toBe('Thu 10 Dec, 14:00');
    expect(subjectTime('2026-12-13T01:00:00Z', 'vi', 'Asia/Ho_Chi_Minh')).toBe('Chủ Nhật 13/12 08:00');
    expect(subjectTime(START, 'en', 'UTC')).toBe('Thu 10 Dec, 07:00');
  });
});

describe('renderBriefingNotice: time, place, duration', () => {
  it.each(LOCALES)('shows the start and end in the configured zone with the zone label (%s)', (locale) => {
    const range =
      locale === 'vi' ? 'Thứ Năm, 10/12/2026 14:00 – 16:00' : 'Thursday, 10 Dec 2026, 14:00 – 16:00';
    for (const n of [reminder(), cancel()]) {
      const r = render(n, locale);
      expect(r.html).toContain(range);
      expect(r.text).toContain(range);
      for (const part of [r.html, flat(r.text)]) {
        expect(part).toContain('GMT+7 (Asia/Ho_Chi_Minh)');
        expect(part).toContain(locale === 'vi' ? '2 giờ' : '2 h');
        expect(part).toContain('86 Lê Thánh Tôn');
      }
      expect(r.text).not.toContain('07:00');
    }
  });

  it('follows config.timeZone', () => {
    const r = render(reminder(), 'en', { ...config, timeZone: 'UTC' });
    expect(r.subject).toMatch(/Thu 10 Dec, 07:00$/);
    expect(r.text).toContain('Thursday, 10 Dec 2026, 07:00 – 09:00');
  });

  it('a briefing past midnight shows the end day', () => {
    const r = render(
      reminder({ briefing: briefing({ startsAt: '2026-12-10T16:00:00Z', durationMinutes: 90 }) }),
      'vi',
    );
    expect(r.text).toContain('Thứ Năm, 10/12/2026 23:00 – Thứ Sáu, 11/12/2026 00:30');
    expect(r.text).toContain('1 giờ 30 phút');
  });

  it('reminder: says the time left it is given, in words', () => {
    expect(render(reminder(), 'vi').text).toContain('sau 48 giờ nữa');
    expect(render(reminder(), 'en').text).toContain('starts in 48 hours');
    expect(render(reminder({ startsInMinutes: 20 * 60 }), 'vi').text).toContain('sau 20 giờ nữa');
    expect(render(reminder({ startsInMinutes: 20 * 60 }), 'en').text).toContain('starts in 20 hours.');
    expect(flat(render(reminder({ startsInMinutes: 165 }), 'vi').text)).toContain('sau 2 giờ 45 phút nữa');
    expect(flat(render(reminder({ startsInMinutes: 165 }), 'en').text)).toContain(
      'starts in 2 hours 45 minutes.',
    );
    expect(render(reminder({ startsInMinutes: 60 }), 'en').text).toContain('starts in 1 hour.');
    expect(render(reminder({ startsInMinutes: 45 }), 'en').text).toContain('starts in 45 minutes.');
    expect(render(reminder({ startsInMinutes: 45 }), 'vi').text).toContain('sau 45 phút nữa');
    expect(render(reminder({ startsInMinutes: null }), 'en').text).toContain('is coming up');
  });

  it('timeLeft: full words in both locales', () => {
    expect(timeLeft(20 * 60, 'en')).toBe('20 hours');
    expect(timeLeft(61, 'en')).toBe('1 hour 1 minute');
    expect(timeLeft(5, 'en')).toBe('5 minutes');
    expect(timeLeft(165, 'vi')).toBe('2 giờ 45 phút');
    expect(timeLeft(1440, 'vi')).toBe('24 giờ');
  });

  it.each(LOCALES)('an invitation that carries the reminder says the time left too (%s)', (locale) => {
    const t = BRIEFING_STRINGS[locale];
    const both = render(invitation({ startsInMinutes: 20 * 60 }), locale);
    expect(both.subject).toContain(t.subject.invitation);
    expect(flat(both.text)).toContain(`${t.invitationLead} ${t.startsIn(20 * 60)}`);
    expect(flat(render(invitation(), locale).text)).not.toContain(t.startsIn(20 * 60));
    const moved = render(rescheduled({ startsInMinutes: 165 }), locale);
    expect(flat(moved.text)).toContain(`${t.rescheduledLead} ${t.startsIn(165)}`);
  });

  it.each(LOCALES)('update: says the time changed and shows the new time (%s)', (locale) => {
    const t = BRIEFING_STRINGS[locale];
    const r = render(rescheduled(), locale);
    const newTime =
      locale === 'vi' ? 'Thứ Sáu, 11/12/2026 09:00 – 11:00' : 'Friday, 11 Dec 2026, 09:00 – 11:00';
    expect(flat(r.text)).toContain(t.rescheduledLead);
    expect(r.text).toContain(`${t.timeLabel.rescheduled}: ${newTime}`);
    expect(r.html).toContain(t.timeLabel.rescheduled);
    expect(r.html).toContain(newTime);
    // the briefing view carries only the new time
    expect(r.text).not.toContain(locale === 'vi' ? 'Thứ Năm, 10/12' : 'Thursday, 10 Dec');
  });

  it.each(LOCALES)('cancel: says so and gives the reason, without the agenda (%s)', (locale) => {
    const t = BRIEFING_STRINGS[locale];
    const r = render(cancel(), locale);
    for (const part of [r.html, flat(r.text)]) {
      expect(part).toContain(t.cancelLead);
      expect(part).toContain('Lãnh đạo bận họp đột xuất.');
      expect(part).toContain(t.calendarCancel);
      expect(part).not.toContain('Tin đồn sập cầu Thủ Thiêm');
    }
    expect(r.text).toContain(t.reason.toUpperCase());
    const noReason = render(cancel({ briefing: briefing({ status: 'cancelled', sequence: 2 }) }), locale);
    expect(noReason.text).not.toContain(t.reason.toUpperCase());
    expect(noReason.html).not.toContain(`>${t.reason}<`);
  });
});

describe('renderBriefingNotice: agenda', () => {
  it.each(LOCALES)('lists each case with its localized status and agency (%s)', (locale) => {
    const s = STRINGS[locale];
    for (const n of [reminder(), rescheduled()]) {
      const r = render(n, locale);
      const text = flat(r.text);
      expect(text).toContain(`Tin đồn sập cầu Thủ Thiêm — ${s.status.verifying} · Sở Giao thông Vận tải`);
      expect(text).toContain(`Ngập sau mưa ở Thủ Đức — ${s.status.open} · ${s.unassigned}`);
      expect(text).toContain(`Ô nhiễm kênh Nhiêu Lộc — ${s.status.responded} · Sở Tài nguyên và Môi trường`);
      expect(r.html).toContain('Tin đồn sập cầu Thủ Thiêm');
      expect(r.html).toContain(`>${s.status.verifying}</span> Sở Giao thông Vận tải`);
      expect(r.html).toContain(`>${s.status.responded}</span> Sở Tài nguyên và Môi trường`);
      expect(r.html).toContain(BRIEFING_STRINGS[locale].agendaTitle(3));
    }
    expect(STRINGS.en.status.verifying).toBe('Being verified');
    expect(render(reminder(), 'vi').text).toContain('Đang xác minh');
  });

  it.each(LOCALES)('titles only: no status, no agency, in the email or the .ics (%s)', (locale) => {
    const s = STRINGS[locale];
    const titles: AudienceAgenda = { detail: 'titles', items: agenda.map((a) => ({ title: a.title })) };
    for (const n of [
      reminder({ agenda: titles }),
      invitation({ agenda: titles }),
      rescheduled({ agenda: titles }),
    ]) {
      const r = render(n, locale);
      const description = String(
        parseIcs(r.attachments[0]!.content).event.getFirstPropertyValue('description'),
      );
      for (const part of [r.html, flat(r.text), flat(description)]) {
        for (const a of agenda) expect(part).toContain(a.title);
        for (const word of [
          ...Object.values(s.status),
          s.unassigned,
          ...config.agencies.map((a) => a.name),
        ]) {
          expect(part).not.toContain(word);
        }
      }
      expect(flat(r.text)).toContain(`- ${agenda[0]!.title}`);
      expect(r.html).toContain(BRIEFING_STRINGS[locale].agendaTitle(3));
    }
  });

  it('says when the agenda is empty', () => {
    for (const [locale, words] of [
      ['vi', 'Chưa có hồ sơ nào trong chương trình họp báo.'],
      ['en', 'No cases on the agenda yet.'],
    ] as const) {
      const r = render(reminder({ agenda: full([]) }), locale);
      expect(r.html).toContain(words);
      expect(r.text).toContain(words);
      expect(render(invitation(), locale).text).toContain(words);
    }
  });

  it('caps a very long agenda', () => {
    const many = Array.from({ length: 35 }, (_, i) => ({
      ...agenda[0]!,
      caseId: `C${i}`,
      title: `Hồ sơ số ${i}`,
    }));
    const r = render(reminder({ agenda: full(many) }), 'en');
    expect(r.text).toContain('Hồ sơ số 29');
    expect(r.text).not.toContain('Hồ sơ số 30');
    expect(r.text).toContain('… and 5 more');
    expect(r.html).toContain('… and 5 more');
  });
});

describe('renderBriefingNotice: escaping and masking', () => {
  const evil = (): BriefingNotice[] => [
    reminder({
      briefing: briefing({ title: EVIL, location: EVIL }),
      agenda: full([{ ...agenda[0]!, title: EVIL, agencyName: `<b>Sở</b> & co` }]),
    }),
    rescheduled({ briefing: briefing({ title: EVIL, location: EVIL, sequence: 1 }) }),
    cancel({ briefing: briefing({ title: EVIL, status: 'cancelled', sequence: 1, cancelReason: EVIL }) }),
  ];

  it.each(LOCALES)('escapes user text in the HTML and masks contacts everywhere (%s)', (locale) => {
    for (const n of evil()) {
      const r = render(n, locale);
      for (const part of [r.subject, r.html, r.text]) {
        expect(part).not.toContain(PHONE);
        expect(part).not.toContain(EMAIL);
      }
      expect(r.html).not.toContain(SCRIPT);
      expect(r.html).not.toContain('<b>Sở</b>');
      expect(r.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;sập cầu&quot;');
      expect(r.html).toContain(MASKED_EMAIL);
      expect(r.text).toContain(`${SCRIPT} & "sập cầu"`);
      expect(r.text).toContain(MASKED_PHONE);
      // the text part is plain: user text as written, none of the email's own markup
      expect(r.text).not.toMatch(/<(?:p|td|tr|table|span|h\d|br)\b/);
    }
    expect(render(evil()[0]!, locale).html).toContain('&lt;b&gt;Sở&lt;/b&gt; &amp; co');
  });

  it('masks the agenda and the reason in the .ics description too', () => {
    for (const n of evil()) {
      const { event } = parseIcs(render(n, 'vi').attachments[0]!.content);
      const description = String(event.getFirstPropertyValue('description'));
      expect(description).not.toContain(PHONE);
      expect(description).not.toContain(EMAIL);
    }
  });
});

describe('renderBriefingNotice: the .ics attachment', () => {
  it.each(LOCALES)('REQUEST for reminders and updates, CANCEL for a cancellation (%s)', (locale) => {
    for (const [n, method] of [
      [reminder(), 'REQUEST'],
      [rescheduled(), 'REQUEST'],
      [invitation(), 'REQUEST'],
      [cancel(), 'CANCEL'],
    ] as const) {
      const r = render(n, locale);
      expect(r.attachments).toHaveLength(1);
      const a = r.attachments[0]!;
      expect(a.fileName).toBe('briefing.ics');
      expect(a.contentType).toBe(`text/calendar; charset=UTF-8; method=${method}`);
      const { calendar, event } = parseIcs(a.content);
      expect(calendar.getFirstPropertyValue('method')).toBe(method);
      expect(event.getFirstPropertyValue('uid')).toBe('briefing-01JBRIEFING0000000000000001@opinion-desk');
      expect(event.getFirstPropertyValue('sequence')).toBe(n.briefing.sequence);
      expect(event.getFirstPropertyValue('status')).toBe(method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED');
      expect(event.getFirstProperty('organizer')?.getFirstValue()).toBe(`MAILTO:${config.senderAddress}`);
      expect(event.getFirstProperty('organizer')?.getParameter('cn')).toBe(STRINGS[locale].desk);
      expect(event.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Ho_Chi_Minh');
    }
  });

  it('carries the new start after a reschedule, and the agenda in the description', () => {
    const { text, event } = parseIcs(render(rescheduled(), 'en').attachments[0]!.content);
    expect(text).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20261211T090000');
    expect(text).toContain('DTEND;TZID=Asia/Ho_Chi_Minh:20261211T110000');
    expect(event.getFirstPropertyValue('summary')).toBe('Họp báo định kỳ tháng 12');
    expect(event.getFirstPropertyValue('location')).toBe('Phòng họp báo, 86 Lê Thánh Tôn, Quận 1');
    expect(event.getFirstPropertyValue('description')).toContain(
      '- Tin đồn sập cầu Thủ Thiêm — Being verified · Sở Giao thông Vận tải',
    );
    expect((event.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe(
      NOW.toISOString(),
    );
  });

  it('names the recipient as ATTENDEE when given', () => {
    const r = renderBriefingNotice(reminder(), 'vi', config, { recipient: 'lead@example.org' });
    const { event } = parseIcs(r.attachments[0]!.content);
    expect(event.getFirstProperty('attendee')?.getFirstValue()).toMatch(/^mailto:lead@example\.org$/i);
    expect(
      parseIcs(render(reminder(), 'vi').attachments[0]!.content).event.getFirstProperty('attendee'),
    ).toBeNull();
  });
});

describe('renderBriefingNotice: house style', () => {
  it.each(LOCALES)('a full HTML document in the locale, with a text part (%s)', (locale) => {
    for (const n of [reminder(), rescheduled(), invitation(), cancel()]) {
      const r = render(n, locale);
      expect(r.html.startsWith('<!doctype html>')).toBe(true);
      expect(r.html).toContain(`<html lang="${locale}">`);
      expect(r.html).toContain('max-width:600px');
      expect(r.text.endsWith('\n')).toBe(true);
      for (const line of r.text.split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(72);
      expect(r.text).toContain(locale === 'vi' ? 'Email tự động' : 'Sent automatically');
    }
  });

  it('shows the briefing kind', () => {
    expect(render(reminder(), 'vi').text).toContain(STRINGS.vi.briefingKind.regular);
    expect(render(invitation(), 'en').html).toContain(STRINGS.en.briefingKind['ad-hoc']);
  });
});
