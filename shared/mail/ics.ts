// The .ics attached to every briefing email (docs/jobs.md, "Briefings and their reminders"): one
// VEVENT with a stable UID, the briefing's SEQUENCE, METHOD:REQUEST (reminder,
// update, invitation) or METHOD:CANCEL (with STATUS:CANCELLED), and its start
// and end as wall-clock times in the configured zone, with a matching VTIMEZONE.
//
// The `ics` library builds the calendar: header, UID, SEQUENCE, DTSTAMP,
// SUMMARY/LOCATION/DESCRIPTION escaping (`\`, `;`, `,`, newlines), ORGANIZER,
// ATTENDEE and STATUS. Two things it cannot do are done by `withTimeZone` below,
// a small post-processing step over its output:
//
// - It has no TZID parameter and no VTIMEZONE: a date-time is either UTC (`…Z`)
//   or floating. A floating time is read in each reader's own zone, and a UTC one
//   shows the briefing's zone nowhere, so `ics` is given the local wall-clock time
//   (a string it passes through unchanged, `DTSTART:20261210T140000`) and the
//   post-processing adds `;TZID=<zone>` to DTSTART and DTEND and inserts the
//   VTIMEZONE (built here from Intl, see `vtimezoneLines`) before the VEVENT.
//   (Only an instant in the hour a DST zone repeats stays in UTC: see
//   `icsZonedDateTime`.)
// - It folds lines at 75 *characters*; RFC 5545 §3.1 says 75 *octets*, and a
//   Vietnamese title is two or three octets a character. The post-processing
//   unfolds its lines and folds them again at 75 octets, never inside a UTF-8
//   sequence, with CRLF line ends.
import { type Attendee, createEvent, type EventAttributes } from 'ics';
import type { BriefingView } from '#domain/briefing-types';
import type { EmailAttachment } from './mailer';

export type IcsMethod = 'REQUEST' | 'CANCEL';

export interface BriefingIcsOptions {
  /** The ORGANIZER: the address replies go to (the configured sender). */
  organizerEmail: string;
  organizerName?: string;
  /** Plain text; escaped here. */
  description?: string;
  /** The IANA zone the start and end are written in (the configured zone). */
  timeZone: string;
  /** DTSTAMP: when this message was made (default: now). */
  now?: Date;
  /**
   * ATTENDEE lines, e.g. the recipient of this copy. RFC 5546 expects at least one
   * in a REQUEST or CANCEL; clients accept an invitation without one, so it is optional.
   */
  attendees?: string[];
}

/** Identifies the briefing in every calendar, for every message about it: the same for its whole life. */
export const briefingUid = (briefingId: string): string =>
  `briefing-${briefingId.replace(/[^A-Za-z0-9._-]/g, '')}@opinion-desk`;

export const ICS_PRODUCT_ID = '-//opinion-desk//press briefings//VI';

// ------------------------------------------------------------------ time zones

const DAY_MS = 86_400_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const wallFormatters = new Map<string, Intl.DateTimeFormat>();
const wallFormatter = (timeZone: string): Intl.DateTimeFormat => {
  let f = wallFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    wallFormatters.set(timeZone, f);
  }
  return f;
};

/** The wall-clock time of `ms` in `timeZone`, as if it were UTC (milliseconds dropped). */
const wallClockAsUtc = (ms: number, timeZone: string): number => {
  const parts = wallFormatter(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
};

/** The zone's offset from UTC at an instant, in seconds east of Greenwich (+25200 for +07:00). */
export const zoneOffsetSeconds = (timeZone: string, at: Date | number): number => {
  const ms = Math.floor(new Date(at).getTime() / 1000) * 1000;
  return Math.round((wallClockAsUtc(ms, timeZone) - ms) / 1000);
};

/**
 * DTSTART/DTEND for an instant: the local time in the zone (`20261210T140000`,
 * to be given its TZID), or, in the one case a local time cannot say which instant
 * it is, the UTC time (`20261101T063000Z`). That case is the second pass through
 * the hour repeated when a DST zone sets its clocks back: RFC 5545 §3.3.5 reads
 * such a local time as the first pass. Zones without DST never have it.
 */
export const icsZonedDateTime = (at: Date | number, timeZone: string): string => {
  const ms = Math.floor(new Date(at).getTime() / 1000) * 1000;
  const wall = wallClockAsUtc(ms, timeZone);
  const earlier = [ms - DAY_MS, ms + DAY_MS].some((probe) => {
    const offset = zoneOffsetSeconds(timeZone, probe);
    const candidate = wall - offset * 1000;
    return candidate < ms && zoneOffsetSeconds(timeZone, candidate) === offset;
  });
  return earlier ? `${icsDateTimeOf(ms)}Z` : icsDateTimeOf(wall);
};

/** A UTC-based millisecond count written as `YYYYMMDDTHHMMSS` (no zone). */
const icsDateTimeOf = (ms: number): string => {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
};

/** A UTC offset as iCalendar writes it: `+0700`, `-0330`, `+053328` (seconds only when there are any). */
export const icsUtcOffset = (seconds: number): string => {
  const abs = Math.abs(seconds);
  const s = abs % 60;
  return `${seconds < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600))}${pad(Math.floor(abs / 60) % 60)}${s ? pad(s) : ''}`;
};

interface Transition {
  /** The first instant (ms) with the new offset. */
  at: number;
  from: number;
  to: number;
}

/**
 * The offset changes of `timeZone` in [from, to], found with Intl: the offset is
 * sampled once a day and each change is narrowed down to the second. Zones change
 * their offset at most a few times a year, never twice within a day.
 */
export const offsetTransitions = (timeZone: string, from: number, to: number): Transition[] => {
  const out: Transition[] = [];
  let prevAt = from;
  let prev = zoneOffsetSeconds(timeZone, from);
  for (let t = from + DAY_MS; prevAt < to; t += DAY_MS) {
    const at = Math.min(t, to);
    const offset = zoneOffsetSeconds(timeZone, at);
    if (offset !== prev) {
      let lo = prevAt; // offset `prev`
      let hi = at; // offset `offset`
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2000) * 1000;
        if (zoneOffsetSeconds(timeZone, mid) === prev) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, from: prev, to: offset });
      prev = offset;
    }
    prevAt = at;
  }
  return out;
};

/** How far around the event the VTIMEZONE describes the zone. */
const ZONE_MARGIN_MS = 366 * DAY_MS;
const VTIMEZONE_CACHE_SIZE = 64;
const vtimezoneCache = new Map<string, readonly string[]>();

const scanVtimezone = (timeZone: string, start: number, end: number): string[] => {
  const initial = zoneOffsetSeconds(timeZone, start);
  const transitions = offsetTransitions(timeZone, start, end);
  const lowest = Math.min(initial, ...transitions.map((t) => t.to));
  const observance = (onset: string, fromOffset: number, toOffset: number): string[] => {
    const kind = toOffset > lowest ? 'DAYLIGHT' : 'STANDARD';
    return [
      `BEGIN:${kind}`,
      `DTSTART:${onset}`,
      `TZOFFSETFROM:${icsUtcOffset(fromOffset)}`,
      `TZOFFSETTO:${icsUtcOffset(toOffset)}`,
      `END:${kind}`,
    ];
  };
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...observance('19700101T000000', initial, initial),
    // An onset is written as local time in the offset that was in force before it.
    ...transitions.flatMap((t) => observance(icsDateTimeOf(t.at + t.from * 1000), t.from, t.to)),
    'END:VTIMEZONE',
  ];
};

/**
 * A VTIMEZONE for `timeZone` that is exact from a year before `from` to a year
 * after `to`, derived from the platform's zone data (Intl):
 *
 * - a zone without changes in that window (Asia/Ho_Chi_Minh: +07:00 all year, no
 *   DST) gets one STANDARD observance;
 * - a zone with DST (or any other change) gets the offset in force at the start
 *   of the window, then one observance per change, each with its onset as a
 *   fixed date (no RRULE). That is exact for the event, which is all this
 *   calendar needs; it says nothing about other years. An observance whose offset
 *   is above the lowest one in the window is DAYLIGHT, the others STANDARD.
 *
 * The first observance is dated 1970-01-01, as is the custom: "in force until the
 * next onset" (the zone's older history is irrelevant to one briefing).
 */
export const vtimezoneLines = (timeZone: string, from: Date | number, to: Date | number): string[] => {
  const start = new Date(from).getTime() - ZONE_MARGIN_MS;
  const end = new Date(to).getTime() + ZONE_MARGIN_MS;
  // One briefing's emails go to many recipients: the scan (some 15 ms) is done once.
  const key = `${timeZone}|${start}|${end}`;
  const cached = vtimezoneCache.get(key);
  if (cached) return [...cached];
  const lines = scanVtimezone(timeZone, start, end);
  if (vtimezoneCache.size >= VTIMEZONE_CACHE_SIZE) vtimezoneCache.clear();
  vtimezoneCache.set(key, lines);
  return [...lines];
};

// ------------------------------------------------------------------ lines

const MAX_OCTETS = 75;
const utf8 = new TextEncoder();
const octets = (s: string): number => utf8.encode(s).length;

/**
 * Folds one content line at 75 octets (RFC 5545 §3.1): each continuation starts
 * with a space, which counts toward its 75, and no character (UTF-8 sequence, or
 * surrogate pair) is ever split.
 */
export const foldIcsLine = (line: string): string => {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch);
    if (size + n > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      size = 1;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n');
};

/** The logical lines of an iCalendar text: folds undone, line ends of any kind accepted. */
export const unfoldIcs = (ics: string): string[] =>
  ics
    .replace(/\r\n?|\n/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n')
    .filter((l) => l !== '');

/** A parameter value, quoted when it holds `;`, `:` or `,` (RFC 5545 §3.2). */
const paramValue = (v: string): string => {
  if (/["\p{Cc}]/u.test(v)) throw new Error(`not usable as a parameter value: ${JSON.stringify(v)}`);
  return /[;:,]/.test(v) ? `"${v}"` : v;
};

/**
 * The post-processing step: puts DTSTART and DTEND of the VEVENT into `timeZone`
 * (a local time, as `ics` passed it through, gets the TZID; a UTC one is left
 * as it is; anything else is an error), inserts the VTIMEZONE before
 * the VEVENT, and folds every line at 75 octets with CRLF line ends. Throws if
 * the input is not shaped as expected, so a change in the library fails loudly
 * instead of sending a calendar in the wrong zone.
 */
export const withTimeZone = (ics: string, timeZone: string, vtimezone: string[]): string => {
  const out: string[] = [];
  let inEvent = false;
  let rewritten = 0;
  let inserted = false;
  for (const line of unfoldIcs(ics)) {
    if (line === 'BEGIN:VEVENT') {
      if (inserted) throw new Error('expected one VEVENT');
      out.push(...vtimezone);
      inserted = true;
      inEvent = true;
    } else if (line === 'END:VEVENT') {
      inEvent = false;
    }
    const m = inEvent ? /^(DTSTART|DTEND)(?:;[^:]*)?:(.*)$/.exec(line) : null;
    if (m) {
      const [, name, value = ''] = m;
      if (/^\d{8}T\d{6}Z$/.test(value)) out.push(`${name}:${value}`);
      else if (/^\d{8}T\d{6}$/.test(value)) out.push(`${name};TZID=${paramValue(timeZone)}:${value}`);
      else throw new Error(`expected a date-time: ${line}`);
      rewritten += 1;
    } else {
      out.push(line);
    }
  }
  if (!inserted || rewritten !== 2) throw new Error('expected one VEVENT with DTSTART and DTEND');
  return `${out.map(foldIcsLine).join('\r\n')}\r\n`;
};

// ------------------------------------------------------------------ the calendar

/** TEXT as iCalendar allows it: line ends as `\n` (escaped by `ics`), no other control characters. */
const icsText = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');

/** A CN parameter value: no quotes or control characters (they cannot be escaped in a parameter). */
const commonName = (s: string): string =>
  icsText(s)
    .replace(/["\n\t]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The .ics for one briefing message: `REQUEST` for a reminder, an update or an
 * invitation, `CANCEL` for a cancellation. The same briefing always has the same
 * UID; SEQUENCE is the briefing's, bumped on every reschedule and cancel.
 */
export const buildBriefingIcs = (b: BriefingView, method: IcsMethod, o: BriefingIcsOptions): string => {
  const start = new Date(b.startsAt);
  if (Number.isNaN(start.getTime())) throw new Error(`briefing ${b.id}: not an instant: ${b.startsAt}`);
  if (!Number.isInteger(b.durationMinutes) || b.durationMinutes <= 0) {
    throw new Error(`briefing ${b.id}: bad duration ${b.durationMinutes}`);
  }
  const end = new Date(start.getTime() + b.durationMinutes * 60_000);
  const attendees: Attendee[] = (o.attendees ?? []).map((email) => ({
    name: email,
    email,
    rsvp: false,
    partstat: 'NEEDS-ACTION',
    role: 'REQ-PARTICIPANT',
  }));
  const organizerName = commonName(o.organizerName ?? '') || o.organizerEmail;
  const title = icsText(b.title);
  const location = icsText(b.location);
  const description = o.description ? icsText(o.description) : '';
  const event: EventAttributes = {
    productId: ICS_PRODUCT_ID,
    method,
    uid: briefingUid(b.id),
    sequence: b.sequence,
    // Strings are passed through as written; `withTimeZone` gives the local ones their TZID.
    start: icsZonedDateTime(start, o.timeZone),
    end: icsZonedDateTime(end, o.timeZone),
    title,
    status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: organizerName, email: o.organizerEmail },
    ...(location ? { location } : {}),
    ...(description ? { description } : {}),
    ...(attendees.length > 0 ? { attendees } : {}),
  };
  // DTSTAMP: `ics` takes it as `timestamp` (validated, but missing from its typings).
  const withStamp = { ...event, timestamp: (o.now ?? new Date()).getTime() };
  const { error, value } = createEvent(withStamp);
  if (error || !value)
    throw new Error(`briefing ${b.id}: cannot build the .ics: ${error?.message ?? 'empty'}`);
  return withTimeZone(value, o.timeZone, vtimezoneLines(o.timeZone, start, end));
};

/** The .ics as an email attachment; the method in the content type lets mail clients show it as an invitation. */
export const icsAttachment = (ics: string, method: IcsMethod): EmailAttachment => ({
  fileName: 'briefing.ics',
  contentType: `text/calendar; charset=UTF-8; method=${method}`,
  content: ics,
  contentDisposition: 'ATTACHMENT',
});
