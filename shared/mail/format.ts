// Formatting for outgoing email: HTML escaping, masking of contact details in
// free text (docs/privacy.md: phone numbers and email addresses found in report text are
// masked), excerpts, and dates, numbers and durations in the recipient's locale
// and the configured time zone.
//
// User text goes through `maskContacts` first and `escapeHtml` last: masking
// works on the text as written, and escaping must be the final step before HTML.
import type { Locale } from '#config/schema';
import { MASKED_PHONE } from '#domain/mask';
import { offsetName, wallClock } from './zoned-time';

export type { Locale };

// ---------------------------------------------------------------- escaping

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes the five characters that matter in HTML text and attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

// ---------------------------------------------------------------- masking

// The rule itself is pure and lives in shared/domain, so API views can use it too.
export { MASKED_EMAIL, MASKED_PHONE, type MaskOptions, maskContacts } from '#domain/mask';

// ---------------------------------------------------------------- excerpts

/**
 * At most `max` characters (code points) of `s`, whitespace collapsed, cut at a
 * word boundary and ended with an ellipsis when something was left out.
 */
export const excerpt = (s: string, max = 200): string => {
  const clean = s.normalize('NFC').replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  const room = Math.max(1, max - 1); // one character for the ellipsis
  let head = chars.slice(0, room).join('');
  const next = chars[room] ?? '';
  if (!/\s/.test(next)) {
    const lastSpace = head.lastIndexOf(' ');
    // Cut at the last word boundary unless that throws away most of the text (one very long word).
    if (lastSpace >= room / 2) head = head.slice(0, lastSpace);
  }
  head = head.replace(/[\s,;:.!?\-–—(/]+$/u, '');
  return `${head}…`;
};

// ---------------------------------------------------------------- dates

const WEEKDAYS: Record<Locale, readonly string[]> = {
  vi: ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

interface CalendarParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

const weekdayOf = (year: number, month: number, day: number): number =>
  new Date(Date.UTC(year, month - 1, day)).getUTCDay();

/** The wall-clock calendar fields of an instant in `timeZone`. */
const zonedParts = (iso: string, timeZone: string): CalendarParts => {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new Error(`not an instant: ${iso}`);
  const { year, month, day, hour, minute } = wallClock(instant, timeZone);
  return { year, month, day, hour, minute, weekday: weekdayOf(year, month, day) };
};

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const dayParts = (day: string): CalendarParts => {
  const m = DAY_RE.exec(day);
  const [year, month, date] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
  const check = new Date(Date.UTC(year, month - 1, date));
  if (!m || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    throw new Error(`not a calendar day: ${day}`);
  }
  return { year, month, day: date, hour: 0, minute: 0, weekday: check.getUTCDay() };
};

const weekdayName = (p: CalendarParts, locale: Locale): string => WEEKDAYS[locale][p.weekday] ?? '';
const monthShort = (month: number): string => (EN_MONTHS[month - 1] ?? '').slice(0, 3);

/** A local day in full: vi "Thứ Năm, 26/11/2026", en "Thursday, 26 November 2026". */
export const formatDate = (day: string, locale: Locale): string => {
  const p = dayParts(day);
  return locale === 'vi'
    ? `${weekdayName(p, locale)}, ${pad2(p.day)}/${pad2(p.month)}/${p.year}`
    : `${weekdayName(p, locale)}, ${p.day} ${EN_MONTHS[p.month - 1]} ${p.year}`;
};

/** A local day, short (subjects): vi "26/11/2026", en "26 Nov 2026". */
export const formatShortDate = (day: string, locale: Locale): string => {
  const p = dayParts(day);
  return locale === 'vi'
    ? `${pad2(p.day)}/${pad2(p.month)}/${p.year}`
    : `${p.day} ${monthShort(p.month)} ${p.year}`;
};

export interface DateTimeOptions {
  /** Show the year (default true). */
  year?: boolean;
  /** Prefix the weekday (default false). */
  weekday?: boolean;
}

/**
 * An instant as wall-clock time in `timeZone`, 24-hour clock:
 * vi "27/11/2026 00:30" (or "Thứ Sáu, 27/11 00:30"), en "27 Nov 2026, 00:30" (or "Friday, 27 Nov, 00:30").
 */
export const formatDateTime = (
  iso: string,
  locale: Locale,
  timeZone: string,
  options: DateTimeOptions = {},
): string => {
  const p = zonedParts(iso, timeZone);
  const withYear = options.year ?? true;
  const time = `${pad2(p.hour)}:${pad2(p.minute)}`;
  const weekday = options.weekday ? `${weekdayName(p, locale)}, ` : '';
  if (locale === 'vi') {
    return `${weekday}${pad2(p.day)}/${pad2(p.month)}${withYear ? `/${p.year}` : ''} ${time}`;
  }
  return `${weekday}${p.day} ${monthShort(p.month)}${withYear ? ` ${p.year}` : ''}, ${time}`;
};

/** Only the wall-clock time of an instant in `timeZone`: "00:30". */
export const formatTime = (iso: string, timeZone: string): string => {
  const p = zonedParts(iso, timeZone);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
};

/** The zone as a reader sees it: "GMT+7 (Asia/Ho_Chi_Minh)"; the offset is the one in force at `at`. */
export const timeZoneLabel = (timeZone: string, at: string): string => {
  // ICU versions differ on "GMT" and "GMT+0".
  const offset = offsetName(new Date(at), timeZone)?.replace(/^GMT\+0$/, 'GMT');
  return offset && offset !== timeZone ? `${offset} (${timeZone})` : timeZone;
};

// ---------------------------------------------------------------- numbers

const LANGUAGE_TAGS: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };
const numberFormatters = new Map<Locale, Intl.NumberFormat>();

/** A number with the locale's grouping: vi "1.234.567", en "1,234,567". */
export const formatNumber = (n: number, locale: Locale): string => {
  let f = numberFormatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(LANGUAGE_TAGS[locale], { maximumFractionDigits: 1 });
    numberFormatters.set(locale, f);
  }
  return f.format(n);
};

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** Picks the singular or plural form for `n` (Vietnamese has one form; pass it as both). */
export const pluralize = (n: number, locale: Locale, forms: { one: string; other: string }): string => {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(LANGUAGE_TAGS[locale]);
    pluralRules.set(locale, rules);
  }
  return rules.select(n) === 'one' ? forms.one : forms.other;
};

/** "42 reports" / "1 report" / "42 phản ánh": the formatted number and its noun. */
export const countOf = (n: number, locale: Locale, forms: { one: string; other: string }): string =>
  `${formatNumber(n, locale)} ${pluralize(n, locale, forms)}`;

const DURATION_UNITS: Record<Locale, { day: string; hour: string; minute: string; underMinute: string }> = {
  vi: { day: 'ngày', hour: 'giờ', minute: 'phút', underMinute: 'dưới 1 phút' },
  en: { day: 'd', hour: 'h', minute: 'min', underMinute: '< 1 min' },
};

/**
 * A duration, to its two largest units: vi "1 ngày 4 giờ", "3 giờ 20 phút", "45 phút";
 * en "1 d 4 h", "3 h 20 min", "45 min".
 */
export const formatDuration = (seconds: number, locale: Locale): string => {
  const u = DURATION_UNITS[locale];
  const minutes = Math.round(Math.max(0, seconds) / 60);
  if (minutes < 1) return u.underMinute;
  const num = (n: number) => formatNumber(n, locale);
  if (minutes >= 24 * 60) {
    const hours = Math.round(minutes / 60);
    const days = Math.floor(hours / 24);
    const rest = hours % 24;
    return rest > 0 ? `${num(days)} ${u.day} ${rest} ${u.hour}` : `${num(days)} ${u.day}`;
  }
  if (minutes >= 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest > 0 ? `${hours} ${u.hour} ${rest} ${u.minute}` : `${hours} ${u.hour}`;
  }
  return `${minutes} ${u.minute}`;
};

// ---------------------------------------------------------------- plain text

/**
 * Wraps `text` to `width` columns: the first line starts with `first`, the
 * following ones with `rest` (a hanging indent for bullets). Words longer than a
 * line (URLs) stay whole on their own line.
 */
export const wrapText = (text: string, width = 72, first = '', rest = first): string[] => {
  // A masked number stays on one line: its spaces are glued while splitting into words.
  const glued = MASKED_PHONE.replaceAll(' ', '\u0000');
  const words = text
    .replaceAll(MASKED_PHONE, glued)
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((w) => w.replaceAll('\u0000', ' '));
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const len = (s: string) => Array.from(s).length;
  for (const word of words) {
    if (!empty && len(line) + 1 + len(word) > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  lines.push(line.trimEnd());
  return lines;
};
