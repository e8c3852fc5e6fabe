// The .ics attached to every briefing email (docs/jobs.md, "Briefings and their reminders"): one
// VEVENT with a stable UID, the briefing's SEQUENCE, METHOD:REQUEST (reminder,
// update, invitation) or METHOD:CANCEL (with STATUS:CANCELLED), and its start
// and end as wall-clock times in the configured zone (`;TZID=<zone>`), with a
// matching VTIMEZONE before the VEVENT (ics-timezone.ts).
//
// Built here, line by line, rather than with a calendar library: the one event
// shape needs a TZID and a VTIMEZONE (which the `ics` package could not write)
// and folding at 75 *octets* (RFC 5545 §3.1; a Vietnamese title is two or three
// octets a character), and the library cost the briefing-reminders bundle some
// 75 KB. TEXT values escape `\`, `;`, `,` and newlines (RFC 5545 §3.3.11),
// parameter values are quoted (§3.2), every line ends with CRLF.
import type { BriefingView } from '#domain/briefing-types';
import { icsDateTimeOf, icsZonedDateTime, vtimezoneLines } from './ics-timezone';
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

// ------------------------------------------------------------------ the calendar

/** TEXT as iCalendar allows it: line ends as `\n` (escaped by `escapeText`), no other control characters. */
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

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and line ends as `\n`. */
const escapeText = (s: string): string =>
  s.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/;/g, '\\;').replace(/,/g, '\\,');

/** A quoted parameter value (a double quote cannot appear in one; it is escaped as calendars read it). */
const quoted = (v: string): string => `"${v.replaceAll('"', '\\"')}"`;

/** An address for ORGANIZER or ATTENDEE: one `local@domain`, nothing a content line could misread. */
const address = (email: string): string => {
  if (!/^[^\s@"<>;:,\\]+@[^\s@"<>;:,\\]+\.[^\s@"<>;:,\\]+$/.test(email)) {
    throw new Error(`not an email address: ${JSON.stringify(email)}`);
  }
  return email;
};

/**
 * DTSTART or DTEND: a local time (`YYYYMMDDTHHMMSS`) gets the zone's TZID, a UTC
 * one (`…Z`, the repeated hour of a DST change) is written as it is; anything
 * else is an error.
 */
export const dateTimeLine = (name: 'DTSTART' | 'DTEND', value: string, timeZone: string): string => {
  if (/^\d{8}T\d{6}Z$/.test(value)) return `${name}:${value}`;
  if (/^\d{8}T\d{6}$/.test(value)) return `${name};TZID=${paramValue(timeZone)}:${value}`;
  throw new Error(`expected a date-time: ${name}:${value}`);
};

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
  const organizerName = commonName(o.organizerName ?? '') || o.organizerEmail;
  const title = icsText(b.title);
  const location = icsText(b.location);
  const description = o.description ? icsText(o.description) : '';
  const stamp = Math.floor((o.now ?? new Date()).getTime() / 1000) * 1000;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `PRODID:${ICS_PRODUCT_ID}`,
    `METHOD:${method}`,
    'X-PUBLISHED-TTL:PT1H',
    ...vtimezoneLines(o.timeZone, start, end),
    'BEGIN:VEVENT',
    `UID:${briefingUid(b.id)}`,
    ...(title ? [`SUMMARY:${escapeText(title)}`] : []),
    `DTSTAMP:${icsDateTimeOf(stamp)}Z`,
    dateTimeLine('DTSTART', icsZonedDateTime(start, o.timeZone), o.timeZone),
    dateTimeLine('DTEND', icsZonedDateTime(end, o.timeZone), o.timeZone),
    `SEQUENCE:${b.sequence}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    `ORGANIZER;CN=${quoted(organizerName)}:MAILTO:${address(o.organizerEmail)}`,
    ...(o.attendees ?? []).map(
      (email) =>
        `ATTENDEE;RSVP=FALSE;ROLE="REQ-PARTICIPANT";PARTSTAT="NEEDS-ACTION";CN=${quoted(email)}:mailto:${address(email)}`,
    ),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
};

/** The .ics as an email attachment; the method in the content type lets mail clients show it as an invitation. */
export const icsAttachment = (ics: string, method: IcsMethod): EmailAttachment => ({
  fileName: 'briefing.ics',
  contentType: `text/calendar; charset=UTF-8; method=${method}`,
  content: ics,
  contentDisposition: 'ATTACHMENT',
});
