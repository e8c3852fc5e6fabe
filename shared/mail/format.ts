// Formatting for outgoing email: HTML escaping, masking of contact details in
// free text (SPEC §5: phone numbers and email addresses found in report text are
// masked), excerpts, and dates, numbers and durations in the recipient's locale
// and the configured time zone.
//
// User text goes through `maskContacts` first and `escapeHtml` last: masking
// works on the text as written, and escaping must be the final step before HTML.
import type { Locale } from '../config/schema';

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

/** What a masked email address becomes: the same in every locale, and obviously not an address. */
export const MASKED_EMAIL = '•••@•••';
/** What a masked phone number becomes. */
export const MASKED_PHONE = '••• ••• •••';

export interface MaskOptions {
  /**
   * The text may have been cut off at its end (an excerpt taken from the first
   * characters of a longer text): a trailing fragment that looks like the start
   * of a phone number or an address is masked too, so a cut never leaks one half.
   */
  cut?: boolean;
}

// `a@b.vn`, `a.b+c@mail.gov.vn`, and the usual obfuscations: `a [at] b [dot] vn`, `a(at)b.vn`.
const AT = String.raw`(?:@|\s?[[({]\s?(?:at|a còng)\s?[\])}]\s?)`;
const DOT = String.raw`(?:\.|\s?[[({]\s?(?:dot|chấm)\s?[\])}]\s?)`;
const EMAIL_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+${AT}[\p{L}\p{N}-]+(?:${DOT}[\p{L}\p{N}-]+)+`,
  'giu',
);
const CUT_EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]*(?=[\s.…]*$)/u;

// Dates and times are set aside before looking for phone numbers, so that "26.11.2026 0912…"
// or "2026-11-26 10" are never read as one long number.
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0?[1-9]|1[0-2])';
const YEAR = '(?:19|20)\\d{2}';
const SET_ASIDE_RE = new RegExp(
  `(?<!\\d)(?:${YEAR}([-/.])${MONTH}\\1${DAY}|${DAY}([-/.])${MONTH}\\2${YEAR})(?!\\d)` +
    // and clock times written with a dot, as in "08.00-17.00"
    `|(?<![\\d.])(?:[01]?\\d|2[0-3])\\.[0-5]\\d(?!\\d|\\.\\d)`,
  'g',
);

// A run of digits joined by the separators people put in phone numbers: one space,
// a dot, a dash (optionally spaced), or parentheses around an area or country code.
// "+84 (0) 912 345 678", "(028) 3829 1234", "091-234-5678", "0912.345.678".
const SEP = String.raw`(?:[ \u00A0]?[-–][ \u00A0]?|\.|[ \u00A0]|\)[ \u00A0]?|[ \u00A0]?\()`;
const NUMBER_RUN_RE = new RegExp(String.raw`(?:\(\s?\+|\+\s?)?\(?\d(?:${SEP}?\d)*`, 'gu');

// Words after a number that say it is an amount or a count, not a phone number.
const UNIT_AFTER_RE =
  /^\s?(?:đồng|dong|vnđ|vnd|đ|₫|usd|tỷ|ty|triệu|trieu|nghìn|ngàn|người|lượt|views?|people|m²|m2|km|ha)(?![\p{L}])/iu;
// 1.200.000 or 1,200,000 (an amount), or a range of them: 100.000-200.000.
const GROUPED_AMOUNT_RE = /^\d{1,3}(?:\.\d{3})+$|^\d{1,3}(?:,\d{3})+$/;
const YEAR_RE = /^(?:19|20)\d{2}$/;

const looksLikePhone = (run: string, after: string, atCutEnd: boolean): boolean => {
  const digits = run.replace(/\D/g, '');
  const n = digits.length;
  const body = run.replace(/^[(\s]+/, '');
  const international = body.startsWith('+') || digits.startsWith('00');
  // A cut-off number at the end of an excerpt: "… gọi 0912 34".
  if (atCutEnd && (international || body.startsWith('0')) && n >= 5) return true;
  if (international) return n >= 8;
  if (n < 9) return false;
  // Vietnamese numbers start with a trunk 0 (mobiles 0xx, landlines 02xx); amounts never do.
  if (body.startsWith('0')) return true;
  if (UNIT_AFTER_RE.test(after)) return false;
  const parts = run.split(/\s?[-–]\s?/);
  const amountOrSmall = (p: string) => GROUPED_AMOUNT_RE.test(p) || /^\d{1,3}$/.test(p);
  if (parts.some((p) => GROUPED_AMOUNT_RE.test(p)) && parts.every(amountOrSmall)) return false;
  if (run.split(/[\s.\-–]+/).every((p) => YEAR_RE.test(p))) return false;
  // Anything else with nine or more digits: a number without its trunk 0 (84912…, 912 345 678),
  // a foreign number, or an identity/account number, none of which belongs in an email.
  return true;
};

/** Placeholders for set-aside dates: private-use characters, which are neither digits nor separators. */
const PLACEHOLDER_BASE = 0xe000;
const PLACEHOLDER_RE = /[\uE000-\uF8FF]/g;

const maskPhones = (s: string, cut: boolean): string => {
  const kept: string[] = [];
  // Private-use characters in the input would collide with the placeholders; they carry nothing readable.
  const protectedText = s.replace(PLACEHOLDER_RE, '').replace(SET_ASIDE_RE, (date) => {
    kept.push(date);
    return String.fromCharCode(PLACEHOLDER_BASE + kept.length - 1);
  });
  const masked = protectedText.replace(NUMBER_RUN_RE, (run: string, offset: number, whole: string) => {
    const end = offset + run.length;
    const atCutEnd = cut && /^[\s.…]*$/.test(whole.slice(end));
    if (!looksLikePhone(run, whole.slice(end, end + 12), atCutEnd)) return run;
    // "(0912 345 678)": the opening parenthesis belongs to the sentence, not the number.
    return run.startsWith('(') && !run.includes(')') ? `(${MASKED_PHONE}` : MASKED_PHONE;
  });
  return masked.replace(PLACEHOLDER_RE, (c) => kept[c.charCodeAt(0) - PLACEHOLDER_BASE] ?? '');
};

/**
 * Masks email addresses and phone numbers in free text. Dates, times, years,
 * small numbers and amounts (1.200.000 đồng) are left as they are.
 */
export const maskContacts = (s: string, options: MaskOptions = {}): string => {
  const cut = options.cut === true;
  let out = s.normalize('NFC').replace(EMAIL_RE, MASKED_EMAIL);
  if (cut) out = out.replace(CUT_EMAIL_RE, MASKED_EMAIL);
  return maskPhones(out, cut);
};

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

const zonedFormatters = new Map<string, Intl.DateTimeFormat>();
const zonedFormatter = (timeZone: string): Intl.DateTimeFormat => {
  let f = zonedFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    zonedFormatters.set(timeZone, f);
  }
  return f;
};

const weekdayOf = (year: number, month: number, day: number): number =>
  new Date(Date.UTC(year, month - 1, day)).getUTCDay();

/** The wall-clock calendar fields of an instant in `timeZone`. */
const zonedParts = (iso: string, timeZone: string): CalendarParts => {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new Error(`not an instant: ${iso}`);
  const get = (type: Intl.DateTimeFormatPartTypes, parts: Intl.DateTimeFormatPart[]) =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  const parts = zonedFormatter(timeZone).formatToParts(instant);
  const year = get('year', parts);
  const month = get('month', parts);
  const day = get('day', parts);
  return {
    year,
    month,
    day,
    hour: get('hour', parts) % 24,
    minute: get('minute', parts),
    weekday: weekdayOf(year, month, day),
  };
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

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone as a reader sees it: "GMT+7 (Asia/Ho_Chi_Minh)"; the offset is the one in force at `at`. */
export const timeZoneLabel = (timeZone: string, at: string): string => {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' });
    offsetFormatters.set(timeZone, f);
  }
  const instant = new Date(at);
  const offset = Number.isNaN(instant.getTime())
    ? undefined
    : f
        .formatToParts(instant)
        .find((p) => p.type === 'timeZoneName')
        // ICU versions differ on "GMT" and "GMT+0".
        ?.value.replace(/^GMT\+0$/, 'GMT');
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
