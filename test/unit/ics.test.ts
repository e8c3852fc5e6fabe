// The briefing .ics, read back with an independent parser (ical.js).
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { BriefingView } from '#domain/briefing-types';
import {
  type BriefingIcsOptions,
  briefingUid,
  buildBriefingIcs,
  dateTimeLine,
  foldIcsLine,
  type IcsMethod,
  icsAttachment,
  unfoldIcs,
} from '#mail/ics';
import { icsUtcOffset, icsZonedDateTime, vtimezoneLines, zoneOffsetSeconds } from '#mail/ics-timezone';

const ZONE = 'Asia/Ho_Chi_Minh';
const START = '2026-12-10T07:00:00Z'; // Thursday 10/12/2026 14:00 in Asia/Ho_Chi_Minh
const NOW = new Date('2026-12-01T02:03:04.567Z');

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

const options = (over: Partial<BriefingIcsOptions> = {}): BriefingIcsOptions => ({
  organizerEmail: 'desk@example.org',
  organizerName: 'Bộ phận theo dõi dư luận',
  timeZone: ZONE,
  now: NOW,
  ...over,
});

const build = (b = briefing(), method: IcsMethod = 'REQUEST', o = options()) =>
  buildBriefingIcs(b, method, o);

interface Parsed {
  calendar: ICAL.Component;
  event: ICAL.Component;
  start: ICAL.Time;
  end: ICAL.Time;
}

/** Parses with ical.js and registers the calendar's own VTIMEZONEs, so zoned times convert. */
const parse = (ics: string): Parsed => {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(vtimezone);
  }
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  return {
    calendar,
    event,
    start: event.getFirstPropertyValue('dtstart') as ICAL.Time,
    end: event.getFirstPropertyValue('dtend') as ICAL.Time,
  };
};

afterEach(() => {
  ICAL.TimezoneService.reset();
});

describe('buildBriefingIcs', () => {
  it('has a UID that is the same for every message about one briefing, and differs between briefings', () => {
    const first = parse(build()).event.getFirstPropertyValue('uid');
    const again = parse(
      build(briefing(), 'REQUEST', options({ now: new Date() })),
    ).event.getFirstPropertyValue('uid');
    const rescheduled = parse(
      build(briefing({ startsAt: '2026-12-11T02:00:00Z', sequence: 1 })),
    ).event.getFirstPropertyValue('uid');
    const cancelled = parse(
      build(briefing({ status: 'cancelled', sequence: 2, cancelReason: 'x' }), 'CANCEL'),
    ).event.getFirstPropertyValue('uid');
    expect(first).toBe('briefing-01JBRIEFING0000000000000001@opinion-desk');
    expect(first).toBe(briefingUid('01JBRIEFING0000000000000001'));
    expect(again).toBe(first);
    expect(rescheduled).toBe(first);
    expect(cancelled).toBe(first);
    expect(
      parse(build(briefing({ id: '01JBRIEFING0000000000000002' }))).event.getFirstPropertyValue('uid'),
    ).not.toBe(first);
  });

  it('gives SEQUENCE as the briefing has it', () => {
    for (const sequence of [0, 1, 7]) {
      expect(parse(build(briefing({ sequence }))).event.getFirstPropertyValue('sequence')).toBe(sequence);
    }
  });

  it('REQUEST: METHOD:REQUEST and a confirmed event', () => {
    const { calendar, event } = parse(build());
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/opinion-desk/);
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('CANCEL: METHOD:CANCEL and STATUS:CANCELLED', () => {
    const { calendar, event } = parse(
      build(briefing({ status: 'cancelled', sequence: 1, cancelReason: 'Hoãn' }), 'CANCEL'),
    );
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('sequence')).toBe(1);
  });

  it('writes DTSTART in the configured zone, with its TZID, and it converts to the right instant', () => {
    const ics = build();
    expect(unfoldIcs(ics)).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20261210T140000');
    const { event, start } = parse(ics);
    expect(event.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(ZONE);
    expect(start.zone?.tzid).toBe(ZONE);
    expect(start.toString()).toBe('2026-12-10T14:00:00');
    expect(start.toJSDate().toISOString()).toBe('2026-12-10T07:00:00.000Z');
  });

  it('writes DTEND = start + duration, in the same zone', () => {
    const ics = build(briefing({ durationMinutes: 150 }));
    expect(unfoldIcs(ics)).toContain('DTEND;TZID=Asia/Ho_Chi_Minh:20261210T163000');
    const { event, end } = parse(ics);
    expect(event.getFirstProperty('dtend')?.getParameter('tzid')).toBe(ZONE);
    expect(end.toJSDate().toISOString()).toBe('2026-12-10T09:30:00.000Z');
    const e = new ICAL.Event(event);
    expect(e.duration.toSeconds()).toBe(150 * 60);
  });

  it('carries one VTIMEZONE for Asia/Ho_Chi_Minh: a single STANDARD observance at +0700', () => {
    const { calendar } = parse(build());
    const zones = calendar.getAllSubcomponents('vtimezone');
    expect(zones).toHaveLength(1);
    const zone = zones[0]!;
    expect(zone.getFirstPropertyValue('tzid')).toBe(ZONE);
    expect(zone.getAllSubcomponents('daylight')).toHaveLength(0);
    const standard = zone.getAllSubcomponents('standard');
    expect(standard).toHaveLength(1);
    expect(standard[0]!.getFirstProperty('tzoffsetto')?.toICALString()).toBe('TZOFFSETTO:+0700');
    expect(standard[0]!.getFirstProperty('tzoffsetfrom')?.toICALString()).toBe('TZOFFSETFROM:+0700');
  });

  it('puts the VTIMEZONE before the VEVENT', () => {
    const lines = unfoldIcs(build());
    expect(lines.indexOf('END:VTIMEZONE')).toBeGreaterThan(-1);
    expect(lines.indexOf('END:VTIMEZONE')).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));
  });

  it('uses CRLF line ends only, ends with one, and no line is longer than 75 octets', () => {
    const long = 'Họp báo về tình hình ngập nước, giao thông; và các tin đồn trên mạng xã hội '.repeat(5);
    const ics = build(briefing({ title: long, location: `${long}\n${long}` }));
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // the folds were needed, and undo to the full title
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(parse(ics).event.getFirstPropertyValue('summary')).toBe(long);
  });

  it('escapes commas, semicolons, backslashes and newlines in title and place, and they read back as written', () => {
    const title = 'Họp báo: cầu, đường; "ngập"\nđợt 2 \\ khẩn';
    const location = 'Phòng 1; tầng 2, 86 Lê Thánh Tôn\r\nQuận 1';
    const ics = build(briefing({ title, location }));
    const summaryLine = unfoldIcs(ics).find((l) => l.startsWith('SUMMARY:'));
    expect(summaryLine).toBe('SUMMARY:Họp báo: cầu\\, đường\\; "ngập"\\nđợt 2 \\\\ khẩn');
    const { event } = parse(ics);
    expect(event.getFirstPropertyValue('summary')).toBe(title);
    expect(event.getFirstPropertyValue('location')).toBe('Phòng 1; tầng 2, 86 Lê Thánh Tôn\nQuận 1');
  });

  it('drops control characters that would break the file', () => {
    const ics = build(briefing({ title: 'A\u0000B\u0007C\rD' }));
    expect(parse(ics).event.getFirstPropertyValue('summary')).toBe('ABC\nD');
  });

  it('names the organizer, DTSTAMP from `now`, the description and attendees when given', () => {
    const ics = build(
      briefing(),
      'REQUEST',
      options({ description: 'Chương trình:\n- Ngập, kẹt xe', attendees: ['lead@example.org'] }),
    );
    const { event } = parse(ics);
    const organizer = event.getFirstProperty('organizer');
    expect(organizer?.getFirstValue()).toBe('MAILTO:desk@example.org');
    expect(organizer?.getParameter('cn')).toBe('Bộ phận theo dõi dư luận');
    expect((event.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe(
      '2026-12-01T02:03:04.000Z',
    );
    expect(event.getFirstPropertyValue('description')).toBe('Chương trình:\n- Ngập, kẹt xe');
    expect(event.getFirstProperty('attendee')?.getFirstValue()).toMatch(/^mailto:lead@example\.org$/i);
  });

  it('keeps quotes out of the organizer name, and falls back to the address', () => {
    const quoted = parse(build(briefing(), 'REQUEST', options({ organizerName: 'Desk "A"' })));
    expect(quoted.event.getFirstProperty('organizer')?.getParameter('cn')).toBe('Desk A');
    const unnamed = parse(build(briefing(), 'REQUEST', options({ organizerName: undefined })));
    expect(unnamed.event.getFirstProperty('organizer')?.getParameter('cn')).toBe('desk@example.org');
  });

  it('refuses a briefing without a valid start or duration', () => {
    expect(() => build(briefing({ startsAt: 'soon' }))).toThrow(/not an instant/);
    expect(() => build(briefing({ durationMinutes: 0 }))).toThrow(/duration/);
  });
});

describe('time zones', () => {
  it('works for another zone without DST (Asia/Tokyo)', () => {
    const ics = build(briefing(), 'REQUEST', options({ timeZone: 'Asia/Tokyo' }));
    expect(unfoldIcs(ics)).toContain('DTSTART;TZID=Asia/Tokyo:20261210T160000');
    const { start } = parse(ics);
    expect(start.toJSDate().toISOString()).toBe('2026-12-10T07:00:00.000Z');
  });

  it('describes a zone with DST by its real transitions, so times on both sides convert', () => {
    const winter = build(briefing(), 'REQUEST', options({ timeZone: 'Europe/Berlin' }));
    const summer = build(
      briefing({ startsAt: '2026-07-09T12:00:00Z' }),
      'REQUEST',
      options({ timeZone: 'Europe/Berlin' }),
    );
    expect(unfoldIcs(winter)).toContain('DTSTART;TZID=Europe/Berlin:20261210T080000');
    expect(unfoldIcs(summer)).toContain('DTSTART;TZID=Europe/Berlin:20260709T140000');
    expect(parse(winter).start.toJSDate().toISOString()).toBe('2026-12-10T07:00:00.000Z');
    ICAL.TimezoneService.reset();
    expect(parse(summer).start.toJSDate().toISOString()).toBe('2026-07-09T12:00:00.000Z');
    const lines = vtimezoneLines('Europe/Berlin', Date.parse(START), Date.parse(START));
    expect(lines.join('\n')).toContain(
      'BEGIN:DAYLIGHT\nDTSTART:20260329T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200',
    );
    expect(lines.join('\n')).toContain(
      'BEGIN:STANDARD\nDTSTART:20261025T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100',
    );
  });

  it('an event across a DST change ends at the right instant', () => {
    // 2026-10-25 00:30 CEST (+02:00) for 4 hours: ends 03:30 CET (+01:00)
    const ics = build(
      briefing({ startsAt: '2026-10-24T22:30:00Z', durationMinutes: 240 }),
      'REQUEST',
      options({ timeZone: 'Europe/Berlin' }),
    );
    expect(unfoldIcs(ics)).toContain('DTEND;TZID=Europe/Berlin:20261025T033000');
    const { start, end } = parse(ics);
    expect(end.toJSDate().getTime() - start.toJSDate().getTime()).toBe(240 * 60_000);
  });

  it('writes the second pass through a repeated hour in UTC, since a local time would mean the first', () => {
    // New York falls back at 2026-11-01 02:00 EDT: 01:30 happens at 05:30Z and again at 06:30Z.
    expect(icsZonedDateTime(Date.parse('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('20261101T013000');
    expect(icsZonedDateTime(Date.parse('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('20261101T063000Z');
    const ics = build(
      briefing({ startsAt: '2026-11-01T06:30:00Z' }),
      'REQUEST',
      options({ timeZone: 'America/New_York' }),
    );
    expect(unfoldIcs(ics)).toContain('DTSTART:20261101T063000Z');
    const { start, end } = parse(ics);
    expect(start.toJSDate().toISOString()).toBe('2026-11-01T06:30:00.000Z');
    expect(end.toJSDate().toISOString()).toBe('2026-11-01T08:30:00.000Z');
  });

  it('derives offsets from Intl', () => {
    expect(zoneOffsetSeconds(ZONE, Date.parse(START))).toBe(7 * 3600);
    expect(zoneOffsetSeconds('America/St_Johns', Date.parse(START))).toBe(-(3 * 3600 + 1800));
    expect(icsUtcOffset(7 * 3600)).toBe('+0700');
    expect(icsUtcOffset(-(3 * 3600 + 1800))).toBe('-0330');
    expect(icsUtcOffset(0)).toBe('+0000');
    expect(icsUtcOffset(5 * 3600 + 33 * 60 + 28)).toBe('+053328');
  });
});

describe('content lines', () => {
  it('folds at 75 octets without splitting a character, and unfolding gives the line back', () => {
    const line = `SUMMARY:${'ệ'.repeat(60)}${'😀'.repeat(10)}`;
    const folded = foldIcsLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) {
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
      expect(p).not.toContain('\uFFFD');
      expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
    }
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(unfoldIcs(folded)).toEqual([line]);
    expect(foldIcsLine('SHORT:x')).toBe('SHORT:x');
    expect(foldIcsLine(`X:${'a'.repeat(73)}`)).toBe(`X:${'a'.repeat(73)}`);
  });

  it('gives local times the TZID and keeps UTC ones', () => {
    expect(dateTimeLine('DTSTART', '20261210T140000', 'Europe/Berlin')).toBe(
      'DTSTART;TZID=Europe/Berlin:20261210T140000',
    );
    expect(dateTimeLine('DTEND', '20261210T090000Z', 'Europe/Berlin')).toBe('DTEND:20261210T090000Z');
  });

  it('quotes a TZID that needs it', () => {
    expect(dateTimeLine('DTSTART', '20261210T140000', 'Odd;Zone')).toBe(
      'DTSTART;TZID="Odd;Zone":20261210T140000',
    );
  });

  it('fails loudly on a value it does not expect', () => {
    expect(() => dateTimeLine('DTSTART', '20261210', 'UTC')).toThrow(/date-time/);
    expect(() => dateTimeLine('DTSTART', '20261210T140000', 'Bad"Zone')).toThrow(/parameter value/);
  });

  it('refuses an organizer or attendee that is not one address', () => {
    const b = briefing();
    expect(() => buildBriefingIcs(b, 'REQUEST', options({ organizerEmail: 'desk' }))).toThrow(/email/);
    expect(() =>
      buildBriefingIcs(b, 'REQUEST', options({ attendees: ['a@example.org\r\nATTENDEE:x@y.z'] })),
    ).toThrow(/email/);
  });
});

describe('icsAttachment', () => {
  it('is a text/calendar attachment with the method', () => {
    const ics = build();
    expect(icsAttachment(ics, 'REQUEST')).toEqual({
      fileName: 'briefing.ics',
      contentType: 'text/calendar; charset=UTF-8; method=REQUEST',
      content: ics,
      contentDisposition: 'ATTACHMENT',
    });
    expect(icsAttachment(ics, 'CANCEL').contentType).toBe('text/calendar; charset=UTF-8; method=CANCEL');
  });
});
