// Masking of contact details in free text (docs/privacy.md: phone numbers and email
// addresses found in report text are masked): a pure rule shared by the emails
// (shared/mail/format.ts) and the API views an agency reads (views.ts).

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

// In a URL, digit runs are mostly ids (posts, articles, videos), so the free-text rule would hide
// links that carry nothing personal. A URL part is masked when it is a phone number on its own
// (a Vietnamese number, `0…` or `+84…`, as in `zalo.me/0912345678` or `?sdt=0912.345.678`) or
// holds an email address; a username or password in the address is dropped.
const URL_PHONE_RE = /^(?:\+?84|0)\d{8,10}$/;
const URL_EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

const maskUrlPart = (raw: string): string | null => {
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    // not percent-encoded text: look at it as it is
  }
  if (URL_PHONE_RE.test(decoded.replace(/[\s.()-]/g, ''))) return MASKED_PHONE;
  const masked = decoded.replace(URL_EMAIL_RE, MASKED_EMAIL);
  return masked === decoded ? null : masked;
};

/**
 * A source URL as an agency may read it: unchanged when no part of it is a
 * phone number or holds an email address (`changed: false`, safe to link);
 * otherwise those parts are masked for reading (`changed: true`, not a link).
 */
export const maskUrlContacts = (url: string): { text: string; changed: boolean } => {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    const text = maskContacts(url);
    return { text, changed: text !== url };
  }
  let changed = u.username !== '' || u.password !== '';
  const path = u.pathname
    .split('/')
    .map((seg) => {
      const m = seg ? maskUrlPart(seg) : null;
      if (m === null) return seg;
      changed = true;
      return m;
    })
    .join('/');
  const query = u.search
    .slice(1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const [name, value] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
      const m = value ? maskUrlPart(value) : null;
      if (m === null) return pair;
      changed = true;
      return `${name}=${m}`;
    })
    .join('&');
  if (!changed) return { text: url, changed: false };
  return { text: `${u.protocol}//${u.host}${path}${query ? `?${query}` : ''}`, changed: true };
};
