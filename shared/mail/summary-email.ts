// The daily summary email (to leadership) and the agency digest (to each agency
// with open assigned cases), in Vietnamese or English: a subject with the date
// and the headline counts, phone-friendly HTML and a plain-text part. The
// summary's top is what a leader reads in a minute (counts, overdue, hot
// issues, one line per urgent report); the urgent reports' details come last.
// Links (shared/mail/links.ts) appear only when a base URL is known.
//
// Every piece of user text (report, case, issue and briefing titles, excerpts,
// locations) is masked for phone numbers and email addresses, then escaped by
// the `html` template below, which escapes whatever is not already markup.
import type { AppConfig, Locale } from '#config/schema';
import type { CaseStatus, Outcome, Priority } from '#domain/case';
import { OUTCOMES } from '#domain/case';
import type {
  AgencyDigest,
  AgencyOverdue,
  BriefingLine,
  CaseLine,
  DailySummary,
  HotIssue,
  HotReason,
  OverdueCase,
  RenderedEmail,
  ReportLine,
} from '#domain/summary-types';
import { localDay } from '#domain/time';
import {
  escapeHtml,
  excerpt,
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatShortDate,
  formatTime,
  MASKED_PHONE,
  maskContacts,
  pluralize,
  timeZoneLabel,
  wrapText,
} from './format';
import { caseLink, reportLink } from './links';

// ------------------------------------------------------------------ strings

type Sentiment = 'positive' | 'neutral' | 'negative';
type Urgency = ReportLine['urgency'];
type Count = (n: number) => string;

interface Strings {
  brand: string;
  desk: string;
  none: string;
  more: Count;
  // daily summary
  summaryHeading: string;
  summarySubject: (date: string, counts: string[]) => string;
  newReports: Count;
  overdueCases: Count;
  hotIssuesCount: Count;
  figureNewReports: string;
  figureOpened: string;
  figureClosed: string;
  figureOverdue: string;
  figureDueSoon: string;
  figureNew: string;
  quietLead: string;
  openCasesNow: Count;
  overdueTitle: string;
  overdueIntro: string;
  overdueNone: string;
  cases: Count;
  /** Whole days completed past the deadline (`daysOverdue` in shared/domain/time.ts); 0 is less than a day. */
  daysOverdue: Count;
  due: (when: string) => string;
  dueSoonTitle: string;
  unassigned: string;
  hotTitle: string;
  reports: Count;
  reach: (formatted: string) => string;
  hotReason: Record<HotReason, string>;
  urgentTitle: string;
  urgentIntro: string;
  urgentDetailsTitle: string;
  urgency: Record<Urgency, string>;
  observed: (when: string) => string;
  submitted: (when: string) => string;
  /** Marks an urgent report already on a case, by the case's status (null: the case is not found). */
  onCase: (status: CaseStatus | null) => string;
  reference: string;
  priority: Record<Priority, string>;
  reportsTitle: string;
  byCategory: string;
  byArea: string;
  bySentiment: string;
  sentiment: Record<Sentiment, string>;
  casesTitle: string;
  opened: string;
  closed: string;
  closedByOutcome: string;
  openByStatus: string;
  status: Record<CaseStatus, string>;
  outcome: Record<Outcome, string>;
  responseTitle: string;
  responseAgency: string;
  responseClosed: string;
  responseMedian: string;
  responseNote: string;
  briefingsTitle: string;
  briefingKind: Record<BriefingLine['kind'], string>;
  summaryFooter: (generatedAt: string, timeZone: string) => string;
  maskedNote: string;
  // agency digest
  digestHeading: string;
  digestSubject: (agency: string, date: string, counts: string[]) => string;
  digestOverdue: Count;
  digestDueSoon: Count;
  digestNew: Count;
  digestNothing: string;
  digestIntro: string;
  newlyAssignedTitle: string;
  /** `overdue`: the digest lists an overdue case, so "before the deadline" would be wrong. */
  digestFooter: (timeZone: string, overdue: boolean) => string;
}

const en = (n: number, one: string, other: string) =>
  `${formatNumber(n, 'en')} ${pluralize(n, 'en', { one, other })}`;
const vi = (n: number, noun: string) => `${formatNumber(n, 'vi')} ${noun}`;

/** Every word the two emails use, in both locales. */
export const STRINGS: Record<Locale, Strings> = {
  vi: {
    brand: '[Dư luận]',
    desk: 'Bộ phận theo dõi dư luận',
    none: 'Không có.',
    more: (n) => `… và ${formatNumber(n, 'vi')} mục khác`,
    summaryHeading: 'Tóm tắt dư luận trong ngày',
    summarySubject: (date, counts) => `[Dư luận] Tóm tắt ngày ${date}: ${counts.join(', ')}`,
    newReports: (n) => (n === 0 ? 'không có phản ánh mới' : vi(n, 'phản ánh mới')),
    overdueCases: (n) => vi(n, 'hồ sơ quá hạn'),
    hotIssuesCount: (n) => vi(n, 'vấn đề nổi bật'),
    figureNewReports: 'Phản ánh mới',
    figureOpened: 'Hồ sơ mở mới',
    figureClosed: 'Hồ sơ đã đóng',
    figureOverdue: 'Hồ sơ quá hạn',
    figureDueSoon: 'Sắp đến hạn',
    figureNew: 'Mới được giao',
    quietLead: 'Không có phản ánh mới; không có hồ sơ nào được mở hay đóng trong ngày.',
    openCasesNow: (n) => `Hồ sơ đang xử lý: ${formatNumber(n, 'vi')}`,
    overdueTitle: 'Hồ sơ quá hạn',
    overdueIntro: 'Hồ sơ đang chờ đơn vị xác minh, phản hồi nhưng đã quá hạn, theo đơn vị:',
    overdueNone: 'Không có hồ sơ quá hạn.',
    cases: (n) => vi(n, 'hồ sơ'),
    daysOverdue: (n) => (n === 0 ? 'quá hạn chưa đến 1 ngày' : `quá hạn ${formatNumber(n, 'vi')} ngày`),
    due: (when) => `hạn ${when}`,
    dueSoonTitle: 'Đến hạn trong 48 giờ tới',
    unassigned: 'Chưa giao đơn vị',
    hotTitle: 'Vấn đề nổi bật',
    reports: (n) => vi(n, 'phản ánh'),
    reach: (formatted) => `${formatted} lượt tiếp cận`,
    hotReason: { 'most-reported': 'nhiều phản ánh nhất', 'widest-reach': 'lan truyền rộng nhất' },
    urgentTitle: 'Phản ánh khẩn cấp và mức độ cao',
    urgentIntro:
      'Mỗi phản ánh một dòng: mức độ, giờ ghi nhận, tiêu đề, hồ sơ (nếu có). Chi tiết ở cuối email.',
    urgentDetailsTitle: 'Chi tiết phản ánh khẩn cấp và mức độ cao',
    urgency: { critical: 'Khẩn cấp', high: 'Mức cao' },
    observed: (when) => `ghi nhận ${when}`,
    submitted: (when) => `gửi ${when}`,
    onCase: (status) =>
      status === 'closed'
        ? 'hồ sơ đã đóng'
        : status === null
          ? 'đã có hồ sơ'
          : `hồ sơ: ${{ open: 'chờ giao', verifying: 'đang xác minh', responded: 'đã phản hồi' }[status]}`,
    reference: 'Mã hồ sơ',
    priority: { normal: 'Ưu tiên thường', high: 'Ưu tiên cao', critical: 'Ưu tiên khẩn cấp' },
    reportsTitle: 'Phản ánh mới',
    byCategory: 'Theo lĩnh vực',
    byArea: 'Theo địa bàn',
    bySentiment: 'Theo sắc thái',
    sentiment: { positive: 'Tích cực', neutral: 'Trung lập', negative: 'Tiêu cực' },
    casesTitle: 'Hồ sơ',
    opened: 'Mở mới trong ngày',
    closed: 'Đóng trong ngày',
    closedByOutcome: 'Đã đóng theo kết quả',
    openByStatus: 'Đang xử lý theo trạng thái',
    status: {
      open: 'Chờ giao xử lý',
      verifying: 'Đang xác minh',
      responded: 'Đã phản hồi',
      closed: 'Đã đóng',
    },
    outcome: {
      clarified: 'Đã thông tin chính thức',
      corrected: 'Đã cải chính',
      resolved: 'Đã khắc phục',
      unfounded: 'Không có cơ sở',
      'no-action': 'Không cần xử lý',
    },
    responseTitle: 'Thời gian phản hồi theo đơn vị',
    responseAgency: 'Đơn vị',
    responseClosed: 'Hồ sơ đóng',
    responseMedian: 'Trung vị',
    responseNote:
      'Trung vị thời gian từ khi giao đến khi đơn vị phản hồi, tính trên các hồ sơ đóng trong ngày.',
    briefingsTitle: 'Họp báo trong 7 ngày tới',
    briefingKind: { regular: 'Định kỳ', 'ad-hoc': 'Đột xuất' },
    summaryFooter: (generatedAt, timeZone) =>
      `Email tự động của Bộ phận theo dõi dư luận, lập lúc ${generatedAt}. Thời gian tính theo giờ ${timeZone}.`,
    maskedNote: 'Số điện thoại và địa chỉ email trong nội dung phản ánh đã được ẩn.',
    digestHeading: 'Hồ sơ cần đơn vị xử lý',
    digestSubject: (agency, date, counts) => `[Dư luận] ${agency}: ${counts.join(', ')} (${date})`,
    digestOverdue: (n) => vi(n, 'quá hạn'),
    digestDueSoon: (n) => vi(n, 'sắp đến hạn'),
    digestNew: (n) => vi(n, 'mới giao'),
    digestNothing: 'không có hồ sơ cần xử lý',
    digestIntro: 'Các hồ sơ được giao cho đơn vị đang chờ kết quả xác minh và nội dung phản hồi.',
    newlyAssignedTitle: 'Mới được giao',
    digestFooter: (timeZone, overdue) =>
      `${
        overdue
          ? 'Vui lòng cập nhật kết quả xác minh và nội dung phản hồi trên hệ thống ngay, trước hết cho các hồ sơ đã quá hạn.'
          : 'Vui lòng cập nhật kết quả xác minh và nội dung phản hồi trên hệ thống trước thời hạn.'
      } Thời gian tính theo giờ ${timeZone}.`,
  },
  en: {
    brand: '[Opinion desk]',
    desk: 'Public-opinion desk',
    none: 'None.',
    more: (n) => `… and ${formatNumber(n, 'en')} more`,
    summaryHeading: 'Daily opinion summary',
    summarySubject: (date, counts) => `[Opinion desk] Daily summary ${date}: ${counts.join(', ')}`,
    newReports: (n) => (n === 0 ? 'no new reports' : en(n, 'new report', 'new reports')),
    overdueCases: (n) => en(n, 'overdue case', 'overdue cases'),
    hotIssuesCount: (n) => en(n, 'hot issue', 'hot issues'),
    figureNewReports: 'New reports',
    figureOpened: 'Cases opened',
    figureClosed: 'Cases closed',
    figureOverdue: 'Overdue cases',
    figureDueSoon: 'Due soon',
    figureNew: 'Newly assigned',
    quietLead: 'Nothing new: no reports came in and no case was opened or closed.',
    openCasesNow: (n) => `Open cases: ${formatNumber(n, 'en')}`,
    overdueTitle: 'Overdue cases',
    overdueIntro: 'Cases waiting for an agency to verify and respond, past their deadline, by agency:',
    overdueNone: 'No overdue cases.',
    cases: (n) => en(n, 'case', 'cases'),
    daysOverdue: (n) => (n === 0 ? 'overdue by less than a day' : `${en(n, 'day', 'days')} overdue`),
    due: (when) => `due ${when}`,
    dueSoonTitle: 'Due in the next 48 hours',
    unassigned: 'Not assigned',
    hotTitle: 'Hot issues',
    reports: (n) => en(n, 'report', 'reports'),
    reach: (formatted) => `reach ${formatted}`,
    hotReason: { 'most-reported': 'most reported', 'widest-reach': 'widest reach' },
    urgentTitle: 'Critical and high-urgency reports',
    urgentIntro: 'One line each: urgency, time seen, title, and its case if any. Details at the end.',
    urgentDetailsTitle: 'Critical and high-urgency reports in detail',
    urgency: { critical: 'Critical', high: 'High' },
    observed: (when) => `seen ${when}`,
    submitted: (when) => `submitted ${when}`,
    onCase: (status) =>
      status === 'closed'
        ? 'case closed'
        : status === null
          ? 'on a case'
          : `case ${{ open: 'awaiting assignment', verifying: 'being verified', responded: 'responded' }[status]}`,
    reference: 'Ref.',
    priority: { normal: 'Normal priority', high: 'High priority', critical: 'Critical priority' },
    reportsTitle: 'New reports',
    byCategory: 'By category',
    byArea: 'By area',
    bySentiment: 'By sentiment',
    sentiment: { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' },
    casesTitle: 'Cases',
    opened: 'Opened that day',
    closed: 'Closed that day',
    closedByOutcome: 'Closed, by outcome',
    openByStatus: 'Open, by status',
    status: {
      open: 'Awaiting assignment',
      verifying: 'Being verified',
      responded: 'Responded',
      closed: 'Closed',
    },
    outcome: {
      clarified: 'Clarified',
      corrected: 'Corrected',
      resolved: 'Resolved',
      unfounded: 'Unfounded',
      'no-action': 'No action needed',
    },
    responseTitle: 'Time to response by agency',
    responseAgency: 'Agency',
    responseClosed: 'Closed',
    responseMedian: 'Median',
    responseNote: "Median time from assignment to the agency's response, for the cases closed that day.",
    briefingsTitle: 'Press briefings in the next 7 days',
    briefingKind: { regular: 'Regular', 'ad-hoc': 'Ad hoc' },
    summaryFooter: (generatedAt, timeZone) =>
      `Sent automatically by the public-opinion desk, prepared ${generatedAt}. Times are in ${timeZone}.`,
    maskedNote: 'Phone numbers and email addresses in report text are hidden.',
    digestHeading: 'Cases awaiting your agency',
    digestSubject: (agency, date, counts) => `[Opinion desk] ${agency}: ${counts.join(', ')} (${date})`,
    digestOverdue: (n) => `${formatNumber(n, 'en')} overdue`,
    digestDueSoon: (n) => `${formatNumber(n, 'en')} due soon`,
    digestNew: (n) => `${formatNumber(n, 'en')} new`,
    digestNothing: 'nothing due',
    digestIntro: 'The cases assigned to your agency that are waiting for your finding and response.',
    newlyAssignedTitle: 'Newly assigned',
    digestFooter: (timeZone, overdue) =>
      `${
        overdue
          ? 'Please post your finding and response in the system now, the overdue cases first.'
          : 'Please post your finding and response in the system before the deadline.'
      } Times are in ${timeZone}.`,
  },
};

// ------------------------------------------------------------------ html building

/** Markup that is already safe; anything else interpolated into `html` is escaped. */
export class Html {
  constructor(readonly value: string) {}
}
type Part = Html | string | number | null | undefined | false | Part[];

const renderPart = (p: Part): string => {
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) return p.map(renderPart).join('');
  if (p === null || p === undefined || p === false) return '';
  return escapeHtml(String(p));
};

export const html = (strings: TemplateStringsArray, ...parts: Part[]): Html =>
  new Html(
    strings.reduce((acc, s, i) => acc + s + (i < parts.length ? renderPart(parts[i] as Part) : ''), ''),
  );

/** Trusted markup written in this file (styles). */
export const trusted = (s: string) => new Html(s);

export const COLOR = {
  page: '#eef1f4',
  card: '#ffffff',
  ink: '#1f2933',
  muted: '#5b6675',
  line: '#e3e7ec',
  accent: '#1c4f9c',
  alert: '#b42318',
  alertBg: '#fef3f2',
  alertLine: '#f5c2bd',
  warn: '#9a5b00',
  warnBg: '#fff8e6',
  soft: '#f6f8fa',
};
export const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif";
export const S = {
  body: trusted(
    `margin:0;padding:0;background:${COLOR.page};color:${COLOR.ink};font-family:${FONT};-webkit-text-size-adjust:100%;`,
  ),
  card: trusted(
    `width:100%;max-width:600px;background:${COLOR.card};border-radius:8px;border-collapse:separate;`,
  ),
  cell: trusted(`padding:16px 20px;border-top:1px solid ${COLOR.line};font-family:${FONT};`),
  h1: trusted(`margin:4px 0 0;font-size:22px;line-height:1.3;font-weight:700;color:${COLOR.ink};`),
  eyebrow: trusted(
    `margin:0;font-size:13px;line-height:1.4;color:${COLOR.accent};font-weight:600;letter-spacing:.02em;`,
  ),
  h2: trusted(`margin:0 0 10px;font-size:17px;line-height:1.35;font-weight:700;color:${COLOR.ink};`),
  h3: trusted(`margin:12px 0 6px;font-size:14px;line-height:1.4;font-weight:700;color:${COLOR.ink};`),
  p: trusted(`margin:0 0 8px;font-size:15px;line-height:1.5;color:${COLOR.ink};`),
  small: trusted(`font-size:13px;line-height:1.45;color:${COLOR.muted};`),
  table: trusted('width:100%;border-collapse:collapse;'),
  td: trusted(
    `padding:5px 0;border-bottom:1px solid ${COLOR.line};font-size:15px;line-height:1.4;vertical-align:top;`,
  ),
  tdNum: trusted(
    `padding:5px 0 5px 12px;border-bottom:1px solid ${COLOR.line};font-size:15px;line-height:1.4;text-align:right;white-space:nowrap;vertical-align:top;`,
  ),
  th: trusted(
    `padding:4px 0;border-bottom:1px solid ${COLOR.line};font-size:12px;line-height:1.4;color:${COLOR.muted};font-weight:600;text-align:left;`,
  ),
  thNum: trusted(
    `padding:4px 0 4px 12px;border-bottom:1px solid ${COLOR.line};font-size:12px;line-height:1.4;color:${COLOR.muted};font-weight:600;text-align:right;white-space:nowrap;`,
  ),
  item: trusted(`padding:10px 0;border-bottom:1px solid ${COLOR.line};`),
  itemTitle: trusted(`margin:0;font-size:15px;line-height:1.4;font-weight:600;color:${COLOR.ink};`),
  itemMeta: trusted(`margin:2px 0 0;font-size:13px;line-height:1.45;color:${COLOR.muted};`),
  itemText: trusted(`margin:4px 0 0;font-size:14px;line-height:1.5;color:${COLOR.ink};`),
  badge: (fg: string, bg: string) =>
    trusted(
      `display:inline-block;padding:1px 6px;border-radius:4px;font-size:12px;line-height:1.5;font-weight:700;color:${fg};background:${bg};white-space:nowrap;`,
    ),
  figure: trusted(
    `padding:10px 4px;text-align:center;vertical-align:top;background:${COLOR.soft};border-radius:6px;`,
  ),
  figureNum: (color: string) =>
    trusted(`display:block;font-size:24px;line-height:1.2;font-weight:700;color:${color};`),
  figureLabel: trusted(`display:block;margin-top:2px;font-size:12px;line-height:1.3;color:${COLOR.muted};`),
  alertCell: trusted(
    `padding:16px 20px;border-top:1px solid ${COLOR.line};background:${COLOR.alertBg};border-left:4px solid ${COLOR.alert};font-family:${FONT};`,
  ),
  alertH2: trusted(`margin:0 0 6px;font-size:18px;line-height:1.35;font-weight:700;color:${COLOR.alert};`),
  agencyHead: trusted(
    `padding:12px 0 4px;font-size:15px;line-height:1.4;font-weight:700;color:${COLOR.ink};border-bottom:1px solid ${COLOR.alertLine};`,
  ),
  alertTd: trusted(
    `padding:8px 0;border-bottom:1px solid ${COLOR.alertLine};font-size:15px;line-height:1.4;vertical-align:top;`,
  ),
  alertTdNum: trusted(
    `padding:8px 0 8px 12px;border-bottom:1px solid ${COLOR.alertLine};font-size:14px;line-height:1.4;text-align:right;white-space:nowrap;vertical-align:top;font-weight:700;color:${COLOR.alert};`,
  ),
  footer: trusted(`padding:16px 20px 20px;border-top:1px solid ${COLOR.line};font-family:${FONT};`),
  preheader: trusted(
    'display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;font-size:1px;line-height:1px;color:transparent;',
  ),
};

export const documentHtml = (locale: Locale, title: string, preheader: string, rows: Html[]): string =>
  `<!doctype html>\n${
    html`<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<meta name="format-detection" content="telephone=no,date=no,address=no,email=no">
<title>${title}</title>
</head>
<body style="${S.body}">
<div style="${S.preheader}">${preheader}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:${trusted(COLOR.page)};">
<tr><td align="center" style="padding:12px 8px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.card}">
${rows}
</table>
</td></tr>
</table>
</body>
</html>
`.value
  }`;

export const headerRow = (eyebrow: string, heading: string, sub: string | null): Html =>
  html`<tr><td style="padding:20px 20px 14px;font-family:${trusted(FONT)};">
<p style="${S.eyebrow}">${eyebrow}</p>
<h1 style="${S.h1}">${heading}</h1>
${sub ? html`<p style="${S.itemMeta}">${sub}</p>` : ''}
</td></tr>
`;

export const sectionRow = (title: string, body: Html | Html[]): Html =>
  html`<tr><td style="${S.cell}">
<h2 style="${S.h2}">${title}</h2>
${body}
</td></tr>
`;

interface Figure {
  label: string;
  value: number;
  alert?: boolean;
}

const figuresRow = (figures: Figure[], locale: Locale): Html => {
  const width = `${Math.floor(100 / figures.length)}%`;
  const cells = figures.map(
    (
      f,
      i,
    ) => html`${i > 0 ? html`<td style="width:6px;font-size:0;">&nbsp;</td>` : ''}<td width="${width}" style="${S.figure}${f.alert && f.value > 0 ? trusted(`background:${COLOR.alertBg};`) : ''}">
<span style="${S.figureNum(f.alert && f.value > 0 ? COLOR.alert : COLOR.ink)}">${formatNumber(f.value, locale)}</span>
<span style="${S.figureLabel}">${f.label}</span>
</td>`,
  );
  return html`<tr><td style="padding:0 20px 16px;font-family:${trusted(FONT)};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.table}"><tr>${cells}</tr></table>
</td></tr>
`;
};

const countTable = (rows: { label: string; value: string }[], head?: string[]): Html =>
  html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
${head ? html`<tr>${head.map((h, i) => html`<th style="${i === 0 ? S.th : S.thNum}">${h}</th>`)}</tr>` : ''}
${rows.map((r) => html`<tr><td style="${S.td}">${r.label}</td><td style="${S.tdNum}">${r.value}</td></tr>\n`)}
</table>`;

export const para = (text: string, style: Html = S.p): Html => html`<p style="${style}">${text}</p>`;

// ------------------------------------------------------------------ text building

const WIDTH = 72;

export class TextDoc {
  private readonly lines: string[] = [];

  title(text: string): this {
    this.lines.push(text.toUpperCase(), '='.repeat(Math.min(WIDTH, Array.from(text).length)));
    return this;
  }

  heading(text: string): this {
    this.blank();
    this.lines.push(text.toUpperCase(), '-'.repeat(Math.min(WIDTH, Array.from(text).length)));
    return this;
  }

  para(text: string, indent = ''): this {
    this.lines.push(...wrapText(text, WIDTH, indent, indent));
    return this;
  }

  bullet(text: string, level = 0): this {
    const indent = '  '.repeat(level);
    this.lines.push(...wrapText(text, WIDTH, `${indent}- `, `${indent}  `));
    return this;
  }

  blank(): this {
    if (this.lines.length > 0 && this.lines.at(-1) !== '') this.lines.push('');
    return this;
  }

  toString(): string {
    return `${this.lines.join('\n').trimEnd()}\n`;
  }
}

// ------------------------------------------------------------------ shared pieces

interface Ctx {
  locale: Locale;
  t: Strings;
  timeZone: string;
  config: AppConfig;
}

/** User text for the text part: contacts masked, whitespace collapsed. */
export const userText = (s: string): string => maskContacts(s).replace(/\s+/g, ' ').trim();
/** A report excerpt: it may have been cut from a longer text, so a cut-off number is masked too. */
const userExcerpt = (s: string): string => excerpt(maskContacts(s, { cut: true }), 200);

const NOWRAP_MASK = `<span style="white-space:nowrap;">${MASKED_PHONE}</span>`;
/** User text for HTML: masked first, then escaped, then a masked number is kept on one line. */
export const asHtml = (masked: string): Html =>
  trusted(escapeHtml(masked).replaceAll(MASKED_PHONE, NOWRAP_MASK));
const userHtml = (s: string): Html => asHtml(userText(s));

const categoryName = (ctx: Ctx, id: string): string =>
  ctx.config.categories.find((c) => c.id === id)?.name[ctx.locale] ?? id;
const areaName = (ctx: Ctx, id: string): string =>
  ctx.config.areas.find((a) => a.id === id)?.name[ctx.locale] ?? id;
const agencyName = (ctx: Ctx, line: CaseLine): string =>
  line.agencyName ??
  (line.agencyId ? ctx.config.agencies.find((a) => a.id === line.agencyId)?.name : undefined) ??
  ctx.t.unassigned;

const when = (ctx: Ctx, iso: string): string =>
  formatDateTime(iso, ctx.locale, ctx.timeZone, { year: false });
const dueText = (ctx: Ctx, line: CaseLine): string | null =>
  line.dueAt ? ctx.t.due(when(ctx, line.dueAt)) : null;
export const joinMeta = (parts: (string | null | undefined | false)[]): string =>
  parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');

const byDue = (a: CaseLine, b: CaseLine): number => (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff');
const byDaysOverdue = (a: OverdueCase, b: OverdueCase): number =>
  b.daysOverdue - a.daysOverdue || byDue(a, b);
const overdueTotal = (groups: AgencyOverdue[]): number => groups.reduce((n, g) => n + g.cases.length, 0);
/** The agencies with the most overdue cases first, then the longest overdue. */
const sortOverdue = (groups: AgencyOverdue[]): AgencyOverdue[] =>
  groups
    .filter((g) => g.cases.length > 0)
    .map((g) => ({ ...g, cases: [...g.cases].sort(byDaysOverdue) }))
    .sort(
      (a, b) =>
        b.cases.length - a.cases.length ||
        (b.cases[0]?.daysOverdue ?? 0) - (a.cases[0]?.daysOverdue ?? 0) ||
        (a.agencyName ?? '').localeCompare(b.agencyName ?? '', 'vi'),
    );

/** Lists are capped so that a very busy day still gives a readable email. */
const LIST_CAP = { urgent: 15, hot: 10, dueSoon: 20, overduePerAgency: 15, briefings: 10 };
const capped = <T>(items: T[], cap: number): { shown: T[]; rest: number } => ({
  shown: items.slice(0, cap),
  rest: Math.max(0, items.length - cap),
});

const overdueRows = (ctx: Ctx, cases: OverdueCase[]): Html[] =>
  cases.map(
    (c) =>
      html`<tr><td style="${S.alertTd}">${userHtml(c.title)}${
        c.dueAt ? html`<br><span style="${S.small}">${dueText(ctx, c)}</span>` : ''
      }</td><td style="${S.alertTdNum}">${ctx.t.daysOverdue(c.daysOverdue)}</td></tr>\n`,
  );

/** The overdue block: prominent, grouped by agency. `groups` are already sorted. */
const overdueHtml = (ctx: Ctx, groups: AgencyOverdue[], intro: string | null, agencyHeads = true): Html => {
  const total = overdueTotal(groups);
  if (total === 0) {
    return html`<tr><td style="${S.cell}"><h2 style="${S.h2}">${ctx.t.overdueTitle}</h2>${para(ctx.t.overdueNone, S.small)}</td></tr>\n`;
  }
  const blocks = groups.map((g) => {
    const { shown, rest } = capped(g.cases, LIST_CAP.overduePerAgency);
    const head = agencyHeads
      ? html`<tr><td colspan="2" style="${S.agencyHead}">${g.agencyName || ctx.t.unassigned} <span style="${S.small}">· ${ctx.t.cases(g.cases.length)}</span></td></tr>\n`
      : '';
    return html`${head}${overdueRows(ctx, shown)}${rest > 0 ? html`<tr><td colspan="2" style="${S.alertTd}"><span style="${S.small}">${ctx.t.more(rest)}</span></td></tr>` : ''}`;
  });
  return html`<tr><td style="${S.alertCell}">
<h2 style="${S.alertH2}">${ctx.t.overdueTitle} (${formatNumber(total, ctx.locale)})</h2>
${intro ? para(intro, S.small) : ''}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
${blocks}
</table>
</td></tr>
`;
};

const overdueText = (
  ctx: Ctx,
  doc: TextDoc,
  groups: AgencyOverdue[],
  intro: string | null,
  agencyHeads = true,
): void => {
  const total = overdueTotal(groups);
  if (total === 0) {
    doc.heading(ctx.t.overdueTitle).para(ctx.t.overdueNone);
    return;
  }
  doc.heading(`${ctx.t.overdueTitle} (${formatNumber(total, ctx.locale)})`);
  if (intro) doc.para(intro);
  const level = agencyHeads ? 1 : 0;
  groups.forEach((g, i) => {
    if (agencyHeads) {
      if (i > 0 || intro) doc.blank();
      doc.para(`${g.agencyName || ctx.t.unassigned}: ${ctx.t.cases(g.cases.length)}`);
    }
    const { shown, rest } = capped(g.cases, LIST_CAP.overduePerAgency);
    for (const c of shown) {
      const due = dueText(ctx, c);
      doc.bullet(
        `${userText(c.title)} — ${ctx.t.daysOverdue(c.daysOverdue)}${due ? ` (${due})` : ''}`,
        level,
      );
    }
    if (rest > 0) doc.bullet(ctx.t.more(rest), level);
  });
};

/** A list of cases with their deadline (due soon, newly assigned). */
const caseListHtml = (ctx: Ctx, lines: CaseLine[], withAgency: boolean): Html => {
  const { shown, rest } = capped(lines, LIST_CAP.dueSoon);
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
${shown.map(
  (c) =>
    html`<tr><td style="${S.td}">${userHtml(c.title)}${
      withAgency ? html`<br><span style="${S.small}">${agencyName(ctx, c)}</span>` : ''
    }</td><td style="${S.tdNum}">${c.dueAt ? when(ctx, c.dueAt) : '—'}</td></tr>\n`,
)}${rest > 0 ? html`<tr><td colspan="2" style="${S.td}"><span style="${S.small}">${ctx.t.more(rest)}</span></td></tr>` : ''}
</table>`;
};

const caseListText = (ctx: Ctx, doc: TextDoc, lines: CaseLine[], withAgency: boolean): void => {
  const { shown, rest } = capped(lines, LIST_CAP.dueSoon);
  for (const c of shown) {
    doc.bullet(joinMeta([userText(c.title), withAgency && agencyName(ctx, c), dueText(ctx, c)]));
  }
  if (rest > 0) doc.bullet(ctx.t.more(rest));
};

const briefingsHtml = (ctx: Ctx, briefings: BriefingLine[]): Html =>
  html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
${briefings.map(
  (b) => html`<tr><td style="${S.item}">
<p style="${S.itemTitle}">${formatDateTime(b.startsAt, ctx.locale, ctx.timeZone, { year: false, weekday: true })}</p>
<p style="${S.itemText}">${userHtml(b.title)} <span style="${S.badge(COLOR.accent, '#e8f0fb')}">${ctx.t.briefingKind[b.kind]}</span></p>
<p style="${S.itemMeta}">${userHtml(b.location)}</p>
</td></tr>\n`,
)}
</table>`;

const briefingsText = (ctx: Ctx, doc: TextDoc, briefings: BriefingLine[]): void => {
  for (const b of briefings) {
    const at = formatDateTime(b.startsAt, ctx.locale, ctx.timeZone, { year: false, weekday: true });
    doc.bullet(`${at} — ${userText(b.title)} (${ctx.t.briefingKind[b.kind]}) — ${userText(b.location)}`);
  }
};

export const footerRow = (lines: string[]): Html =>
  html`<tr><td style="${S.footer}">${lines.map((l) => html`<p style="${S.small}margin:0 0 4px;">${l}</p>`)}</td></tr>\n`;

// ------------------------------------------------------------------ daily summary

const sortedBriefings = (b: BriefingLine[]) =>
  [...b].sort((x, y) => x.startsAt.localeCompare(y.startsAt)).slice(0, LIST_CAP.briefings);

const summarySubject = (s: DailySummary, ctx: Ctx): string => {
  const overdue = overdueTotal(s.cases.overdueByAgency);
  const counts = [ctx.t.newReports(s.reports.total)];
  if (overdue > 0) counts.push(ctx.t.overdueCases(overdue));
  return ctx.t.summarySubject(formatShortDate(s.date, ctx.locale), counts);
};

const openTotal = (s: DailySummary): number =>
  s.cases.openByStatus.open + s.cases.openByStatus.verifying + s.cases.openByStatus.responded;

const openStatusRows = (s: DailySummary, ctx: Ctx) =>
  (['open', 'verifying', 'responded'] as const)
    .filter((st) => s.cases.openByStatus[st] > 0)
    .map((st) => ({ label: ctx.t.status[st], value: formatNumber(s.cases.openByStatus[st], ctx.locale) }));

const outcomeRows = (s: DailySummary, ctx: Ctx) =>
  OUTCOMES.filter((o) => (s.cases.closed.byOutcome[o] ?? 0) > 0).map((o) => ({
    label: ctx.t.outcome[o],
    value: formatNumber(s.cases.closed.byOutcome[o], ctx.locale),
  }));

const countRows = (
  ctx: Ctx,
  counts: { id: string; count: number }[],
  name: (ctx: Ctx, id: string) => string,
) =>
  counts
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count)
    .map((c) => ({ label: name(ctx, c.id), value: formatNumber(c.count, ctx.locale) }));

const sentimentRows = (s: DailySummary, ctx: Ctx) =>
  (['negative', 'neutral', 'positive'] as const).map((k) => ({
    label: ctx.t.sentiment[k],
    value: formatNumber(s.reports.bySentiment[k], ctx.locale),
  }));

const hotMeta = (ctx: Ctx, h: HotIssue): string =>
  joinMeta([
    ctx.t.reports(h.reportCount),
    h.reach > 0 && ctx.t.reach(formatNumber(h.reach, ctx.locale)),
    categoryName(ctx, h.category),
    areaName(ctx, h.area),
  ]);

/** When it was seen: the time alone if seen on the summary's day, else the day and time. */
const seenAt = (ctx: Ctx, iso: string, date: string): string =>
  localDay(new Date(iso), ctx.timeZone) === date ? formatTime(iso, ctx.timeZone) : when(ctx, iso);

const urgentMark = (ctx: Ctx, r: ReportLine): string | null =>
  r.caseId === null ? null : ctx.t.onCase(r.caseStatus);

/** The text width a line of the urgent list keeps to, so each report is one line. */
const URGENT_LINE_WIDTH = 72;
const URGENT_TITLE_MIN = 16;

/**
 * One line of the urgent list at the top: urgency, when it was seen, the title
 * (cut to fit) and its case state. The text part prints it as `- ` + the parts.
 */
const urgentLine = (ctx: Ctx, r: ReportLine, date: string) => {
  const label = `[${ctx.t.urgency[r.urgency]}]`;
  const time = r.observedAt ? seenAt(ctx, r.observedAt, date) : null;
  const mark = urgentMark(ctx, r);
  const fixed = ['- ', label, time ? ` ${time}` : '', ' ', mark ? ` · ${mark}` : ''].join('');
  const room = Math.max(URGENT_TITLE_MIN, URGENT_LINE_WIDTH - Array.from(fixed).length);
  return { label, time, title: excerpt(userText(r.title), room), mark };
};

const urgentMeta = (ctx: Ctx, r: ReportLine): string =>
  joinMeta([
    categoryName(ctx, r.category),
    areaName(ctx, r.area),
    r.observedAt && ctx.t.observed(when(ctx, r.observedAt)),
    ctx.t.submitted(when(ctx, r.submittedAt)),
    urgentMark(ctx, r),
  ]);

export const linkHtml = (url: string): Html =>
  html`<a href="${url}" style="color:${trusted(COLOR.accent)};text-decoration:underline;word-break:break-all;">${url}</a>`;

const hotHtml = (ctx: Ctx, issues: HotIssue[]): Html =>
  html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
${issues.map(
  (h) => html`<tr><td style="${S.item}">
<p style="${S.itemTitle}">${userHtml(h.title)}</p>
<p style="${S.itemMeta}">${hotMeta(ctx, h)}</p>
${
  h.reasons.length > 0
    ? html`<p style="margin:4px 0 0;">${h.reasons.map((r) => html`<span style="${S.badge(COLOR.warn, COLOR.warnBg)}">${ctx.t.hotReason[r]}</span> `)}</p>`
    : ''
}
</td></tr>\n`,
)}
</table>`;

const urgencyBadge = (ctx: Ctx, r: ReportLine): Html =>
  html`<span style="${r.urgency === 'critical' ? S.badge('#ffffff', COLOR.alert) : S.badge(COLOR.warn, COLOR.warnBg)}">${ctx.t.urgency[r.urgency]}</span>`;

/** The urgent list at the top: one line per report, no summary (it is in the details at the end). */
const urgentHtml = (ctx: Ctx, reports: ReportLine[], rest: number, date: string): Html =>
  html`${para(ctx.t.urgentIntro, S.small)}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
${reports.map((r) => {
  const line = urgentLine(ctx, r, date);
  return html`<tr><td style="${S.td}">${urgencyBadge(ctx, r)} ${line.time ? html`<span style="${S.small}">${line.time}</span> ` : ''}${asHtml(line.title)}${line.mark ? html` <span style="${S.small}">· ${line.mark}</span>` : ''}</td></tr>\n`;
})}${rest > 0 ? html`<tr><td style="${S.td}"><span style="${S.small}">${ctx.t.more(rest)}</span></td></tr>` : ''}
</table>`;

const urgentText = (ctx: Ctx, doc: TextDoc, reports: ReportLine[], rest: number, date: string): void => {
  doc.para(ctx.t.urgentIntro);
  for (const r of reports) {
    const line = urgentLine(ctx, r, date);
    doc.bullet(
      `${line.label}${line.time ? ` ${line.time}` : ''} ${line.title}${line.mark ? ` · ${line.mark}` : ''}`,
    );
  }
  if (rest > 0) doc.bullet(ctx.t.more(rest));
};

/** The urgent reports in full, at the end: title, where and when, the summary excerpt, the link. */
const urgentDetailsHtml = (ctx: Ctx, reports: ReportLine[]): Html =>
  html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
${reports.map((r) => {
  const link = reportLink(ctx.config, r.id);
  return html`<tr><td style="${S.item}">
<p style="${S.itemTitle}">${urgencyBadge(ctx, r)} ${userHtml(r.title)}</p>
<p style="${S.itemMeta}">${urgentMeta(ctx, r)}</p>
${r.excerpt.trim() ? html`<p style="${S.itemText}">${asHtml(userExcerpt(r.excerpt))}</p>` : ''}
${link ? html`<p style="${S.itemMeta}">${linkHtml(link)}</p>` : ''}
</td></tr>\n`;
})}
</table>`;

const urgentDetailsText = (ctx: Ctx, doc: TextDoc, reports: ReportLine[]): void => {
  for (const r of reports) {
    doc.bullet(`[${ctx.t.urgency[r.urgency]}] ${userText(r.title)}`);
    doc.para(urgentMeta(ctx, r), '  ');
    if (r.excerpt.trim()) doc.para(userExcerpt(r.excerpt), '  ');
    const link = reportLink(ctx.config, r.id);
    if (link) doc.para(link, '  ');
  }
};

/** The sections of a normal day, in the order leadership reads them: what is late first. */
const summaryBody = (s: DailySummary, ctx: Ctx, overdue: AgencyOverdue[]): { rows: Html[]; doc: TextDoc } => {
  const { t, locale } = ctx;
  const rows: Html[] = [];
  const doc = new TextDoc();
  const overdueCount = overdueTotal(overdue);

  rows.push(
    figuresRow(
      [
        { label: t.figureNewReports, value: s.reports.total },
        { label: t.figureOpened, value: s.cases.opened },
        { label: t.figureClosed, value: s.cases.closed.total },
        { label: t.figureOverdue, value: overdueCount, alert: true },
      ],
      locale,
    ),
  );
  doc.para(
    joinMeta([
      `${t.figureNewReports}: ${formatNumber(s.reports.total, locale)}`,
      `${t.figureOpened}: ${formatNumber(s.cases.opened, locale)}`,
      `${t.figureClosed}: ${formatNumber(s.cases.closed.total, locale)}`,
      `${t.figureOverdue}: ${formatNumber(overdueCount, locale)}`,
    ]),
  );

  rows.push(overdueHtml(ctx, overdue, t.overdueIntro));
  overdueText(ctx, doc, overdue, t.overdueIntro);

  const dueSoon = [...s.cases.dueSoon].sort(byDue);
  if (dueSoon.length > 0) {
    rows.push(
      sectionRow(
        `${t.dueSoonTitle} (${formatNumber(dueSoon.length, locale)})`,
        caseListHtml(ctx, dueSoon, true),
      ),
    );
    doc.heading(`${t.dueSoonTitle} (${formatNumber(dueSoon.length, locale)})`);
    caseListText(ctx, doc, dueSoon, true);
  }

  const hot = capped(s.hotIssues, LIST_CAP.hot);
  if (hot.shown.length > 0) {
    rows.push(sectionRow(t.hotTitle, hotHtml(ctx, hot.shown)));
    doc.heading(t.hotTitle);
    for (const h of hot.shown) {
      const reasons = h.reasons.map((r) => t.hotReason[r]).join(', ');
      doc.bullet(`${userText(h.title)}${reasons ? ` [${reasons}]` : ''}`);
      doc.para(hotMeta(ctx, h), '  ');
    }
  }

  // The summary names at most URGENT_LIST_MAX of them; "more" counts every one not shown.
  const urgent = capped(s.reports.urgent, LIST_CAP.urgent);
  urgent.rest = s.reports.urgentCount - urgent.shown.length;
  if (urgent.shown.length > 0) {
    rows.push(
      sectionRow(
        `${t.urgentTitle} (${formatNumber(s.reports.urgentCount, locale)})`,
        urgentHtml(ctx, urgent.shown, urgent.rest, s.date),
      ),
    );
    doc.heading(`${t.urgentTitle} (${formatNumber(s.reports.urgentCount, locale)})`);
    urgentText(ctx, doc, urgent.shown, urgent.rest, s.date);
  }

  if (s.reports.total > 0) {
    const categories = countRows(ctx, s.reports.byCategory, categoryName);
    const areas = countRows(ctx, s.reports.byArea, areaName);
    const sentiments = sentimentRows(s, ctx);
    rows.push(
      sectionRow(`${t.reportsTitle}: ${formatNumber(s.reports.total, locale)}`, [
        categories.length > 0
          ? html`<h3 style="${S.h3}">${t.byCategory}</h3>${countTable(categories)}`
          : html``,
        areas.length > 0 ? html`<h3 style="${S.h3}">${t.byArea}</h3>${countTable(areas)}` : html``,
        html`<h3 style="${S.h3}">${t.bySentiment}</h3>${countTable(sentiments)}`,
      ]),
    );
    doc.heading(`${t.reportsTitle}: ${formatNumber(s.reports.total, locale)}`);
    for (const [title, list] of [
      [t.byCategory, categories],
      [t.byArea, areas],
      [t.bySentiment, sentiments],
    ] as const) {
      if (list.length === 0) continue;
      doc.para(`${title}:`);
      for (const row of list) doc.bullet(`${row.label}: ${row.value}`, 1);
    }
  }

  const outcomes = outcomeRows(s, ctx);
  const statuses = openStatusRows(s, ctx);
  rows.push(
    sectionRow(t.casesTitle, [
      countTable([
        { label: t.opened, value: formatNumber(s.cases.opened, locale) },
        { label: t.closed, value: formatNumber(s.cases.closed.total, locale) },
      ]),
      outcomes.length > 0
        ? html`<h3 style="${S.h3}">${t.closedByOutcome}</h3>${countTable(outcomes)}`
        : html``,
      html`<h3 style="${S.h3}">${t.openByStatus}</h3>${statuses.length > 0 ? countTable(statuses) : para(t.none, S.small)}`,
    ]),
  );
  doc.heading(t.casesTitle);
  doc.bullet(`${t.opened}: ${formatNumber(s.cases.opened, locale)}`);
  doc.bullet(`${t.closed}: ${formatNumber(s.cases.closed.total, locale)}`);
  for (const row of outcomes) doc.bullet(`${row.label}: ${row.value}`, 1);
  doc.para(`${t.openByStatus}:`);
  if (statuses.length === 0) doc.bullet(t.none, 1);
  for (const row of statuses) doc.bullet(`${row.label}: ${row.value}`, 1);

  const responses = s.cases.responseTimeByAgency.filter((r) => r.closedCount > 0);
  if (responses.length > 0) {
    const median = (sec: number | null) => (sec === null ? '—' : formatDuration(sec, locale));
    rows.push(
      sectionRow(
        t.responseTitle,
        html`${para(t.responseNote, S.small)}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
<tr><th style="${S.th}">${t.responseAgency}</th><th style="${S.thNum}">${t.responseClosed}</th><th style="${S.thNum}">${t.responseMedian}</th></tr>
${responses.map(
  (r) =>
    html`<tr><td style="${S.td}">${r.agencyName}</td><td style="${S.tdNum}">${formatNumber(r.closedCount, locale)}</td><td style="${S.tdNum}">${median(r.medianResponseSeconds)}</td></tr>\n`,
)}
</table>`,
      ),
    );
    doc.heading(t.responseTitle).para(t.responseNote);
    for (const r of responses) {
      doc.bullet(
        `${r.agencyName}: ${t.responseClosed.toLocaleLowerCase()} ${formatNumber(r.closedCount, locale)}, ${t.responseMedian.toLocaleLowerCase()} ${median(r.medianResponseSeconds)}`,
      );
    }
  }

  const briefings = sortedBriefings(s.briefings);
  if (briefings.length > 0) {
    rows.push(sectionRow(t.briefingsTitle, briefingsHtml(ctx, briefings)));
    doc.heading(t.briefingsTitle);
    briefingsText(ctx, doc, briefings);
  }

  // The details of the urgent list, last: the top of the email stays short on a phone.
  if (urgent.shown.length > 0) {
    rows.push(sectionRow(t.urgentDetailsTitle, urgentDetailsHtml(ctx, urgent.shown)));
    doc.heading(t.urgentDetailsTitle);
    urgentDetailsText(ctx, doc, urgent.shown);
  }
  return { rows, doc };
};

/** A quiet day: say so in one line, and still show what is late or open, since late agencies still matter. */
const quietBody = (s: DailySummary, ctx: Ctx, overdue: AgencyOverdue[]): { rows: Html[]; doc: TextDoc } => {
  const { t, locale } = ctx;
  const rows: Html[] = [];
  const doc = new TextDoc();
  const open = openTotal(s);
  const statuses = openStatusRows(s, ctx);
  rows.push(html`<tr><td style="${S.cell}">
${para(t.quietLead)}
${open > 0 ? html`<p style="${S.p}margin-bottom:4px;font-weight:600;">${t.openCasesNow(open)}</p>${countTable(statuses)}` : ''}
</td></tr>
`);
  doc.para(t.quietLead);
  if (open > 0) {
    doc.blank().para(t.openCasesNow(open));
    for (const row of statuses) doc.bullet(`${row.label}: ${row.value}`, 1);
  }
  if (overdueTotal(overdue) > 0) {
    rows.push(overdueHtml(ctx, overdue, null));
    overdueText(ctx, doc, overdue, null);
  }
  const dueSoon = [...s.cases.dueSoon].sort(byDue);
  if (dueSoon.length > 0) {
    rows.push(
      sectionRow(
        `${t.dueSoonTitle} (${formatNumber(dueSoon.length, locale)})`,
        caseListHtml(ctx, dueSoon, true),
      ),
    );
    doc.heading(`${t.dueSoonTitle} (${formatNumber(dueSoon.length, locale)})`);
    caseListText(ctx, doc, dueSoon, true);
  }
  const briefings = sortedBriefings(s.briefings);
  if (briefings.length > 0) {
    rows.push(sectionRow(t.briefingsTitle, briefingsHtml(ctx, briefings)));
    doc.heading(t.briefingsTitle);
    briefingsText(ctx, doc, briefings);
  }
  return { rows, doc };
};

/** The daily summary for one leadership recipient, in their locale. */
export const renderDailySummary = (
  summary: DailySummary,
  locale: Locale,
  config: AppConfig,
): RenderedEmail => {
  const t = STRINGS[locale];
  const ctx: Ctx = { locale, t, timeZone: summary.timeZone || config.timeZone, config };
  const subject = summarySubject(summary, ctx);
  const overdue = sortOverdue(summary.cases.overdueByAgency);
  const heading = formatDate(summary.date, locale);
  const generated = formatDateTime(summary.generatedAt, locale, ctx.timeZone);
  const preheader = joinMeta([
    t.newReports(summary.reports.total),
    overdueTotal(overdue) > 0 && t.overdueCases(overdueTotal(overdue)),
    summary.hotIssues.length > 0 && t.hotIssuesCount(summary.hotIssues.length),
  ]);
  const body = summary.quiet ? quietBody(summary, ctx, overdue) : summaryBody(summary, ctx, overdue);
  const footer = [t.summaryFooter(generated, timeZoneLabel(ctx.timeZone, summary.generatedAt)), t.maskedNote];

  const htmlDoc = documentHtml(locale, subject, preheader, [
    headerRow(t.summaryHeading, heading, null),
    ...body.rows,
    footerRow(footer),
  ]);
  const text = `${new TextDoc().title(`${t.summaryHeading} — ${heading}`).toString()}\n${body.doc.toString()}`;
  const tail = new TextDoc().para('--');
  for (const line of footer) tail.para(line);
  return { subject, html: htmlDoc, text: `${text}\n${tail.toString()}` };
};

// ------------------------------------------------------------------ agency digest

/** A digest case's facts on one line: reference, priority, deadline (and how late). */
const digestMeta = (ctx: Ctx, c: CaseLine | OverdueCase): string =>
  joinMeta([
    `${ctx.t.reference} ${c.id}`,
    c.priority && ctx.t.priority[c.priority],
    dueText(ctx, c),
    'daysOverdue' in c && ctx.t.daysOverdue(c.daysOverdue),
  ]);

/** The cases of one digest section: title, then reference · priority · deadline, then the link. */
const digestCasesHtml = (ctx: Ctx, cases: (CaseLine | OverdueCase)[], cap: number): Html => {
  const { shown, rest } = capped(cases, cap);
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.table}">
${shown.map((c) => {
  const link = caseLink(ctx.config, c.id);
  return html`<tr><td style="${S.item}">
<p style="${S.itemTitle}">${userHtml(c.title)}</p>
<p style="${S.itemMeta}">${digestMeta(ctx, c)}</p>
${link ? html`<p style="${S.itemMeta}">${linkHtml(link)}</p>` : ''}
</td></tr>\n`;
})}${rest > 0 ? html`<tr><td style="${S.item}"><span style="${S.small}">${ctx.t.more(rest)}</span></td></tr>` : ''}
</table>`;
};

const digestCasesText = (ctx: Ctx, doc: TextDoc, cases: (CaseLine | OverdueCase)[], cap: number): void => {
  const { shown, rest } = capped(cases, cap);
  for (const c of shown) {
    doc.bullet(userText(c.title));
    doc.para(digestMeta(ctx, c), '  ');
    const link = caseLink(ctx.config, c.id);
    if (link) doc.para(link, '  ');
  }
  if (rest > 0) doc.bullet(ctx.t.more(rest));
};

/**
 * The digest for one agency: what it owes — overdue, due soon, newly assigned,
 * each case once (the builder puts it in the most urgent list), with its
 * reference, priority, deadline and link.
 */
export const renderAgencyDigest = (
  digest: AgencyDigest,
  locale: Locale,
  config: AppConfig,
): RenderedEmail => {
  const t = STRINGS[locale];
  const ctx: Ctx = { locale, t, timeZone: digest.timeZone || config.timeZone, config };
  const overdue = [...digest.overdue].sort(byDaysOverdue);
  const dueSoon = [...digest.dueSoon].sort(byDue);
  const newly = [...digest.newlyAssigned].sort(byDue);
  const counts = [
    overdue.length > 0 && t.digestOverdue(overdue.length),
    dueSoon.length > 0 && t.digestDueSoon(dueSoon.length),
    newly.length > 0 && t.digestNew(newly.length),
  ].filter((c): c is string => typeof c === 'string');
  const subject = t.digestSubject(
    digest.agencyName,
    formatShortDate(digest.date, locale),
    counts.length > 0 ? counts : [t.digestNothing],
  );
  const heading = formatDate(digest.date, locale);

  const rows: Html[] = [
    headerRow(t.digestHeading, digest.agencyName, heading),
    html`<tr><td style="padding:0 20px 12px;font-family:${trusted(FONT)};">${para(t.digestIntro, S.small)}</td></tr>\n`,
    figuresRow(
      [
        { label: t.figureOverdue, value: overdue.length, alert: true },
        { label: t.figureDueSoon, value: dueSoon.length },
        { label: t.figureNew, value: newly.length },
      ],
      locale,
    ),
  ];
  const doc = new TextDoc()
    .title(`${t.digestHeading} — ${digest.agencyName}`)
    .para(heading)
    .blank()
    .para(t.digestIntro);
  if (overdue.length === 0) {
    rows.push(
      html`<tr><td style="${S.cell}"><h2 style="${S.h2}">${t.overdueTitle}</h2>${para(t.overdueNone, S.small)}</td></tr>\n`,
    );
    doc.heading(t.overdueTitle).para(t.overdueNone);
  } else {
    const title = `${t.overdueTitle} (${formatNumber(overdue.length, locale)})`;
    rows.push(html`<tr><td style="${S.alertCell}">
<h2 style="${S.alertH2}">${title}</h2>
${digestCasesHtml(ctx, overdue, LIST_CAP.overduePerAgency)}
</td></tr>
`);
    doc.heading(title);
    digestCasesText(ctx, doc, overdue, LIST_CAP.overduePerAgency);
  }
  for (const [title, list] of [
    [t.dueSoonTitle, dueSoon],
    [t.newlyAssignedTitle, newly],
  ] as const) {
    if (list.length === 0) continue;
    const heading2 = `${title} (${formatNumber(list.length, locale)})`;
    rows.push(sectionRow(heading2, digestCasesHtml(ctx, list, LIST_CAP.dueSoon)));
    doc.heading(heading2);
    digestCasesText(ctx, doc, list, LIST_CAP.dueSoon);
  }
  const footer = [
    t.digestFooter(timeZoneLabel(ctx.timeZone, `${digest.date}T12:00:00Z`), overdue.length > 0),
  ];
  rows.push(footerRow(footer));
  doc.blank().para('--');
  for (const line of footer) doc.para(line);
  const preheader = counts.length > 0 ? counts.join(' · ') : t.digestNothing;
  return { subject, html: documentHtml(locale, subject, preheader, rows), text: doc.toString() };
};
