// Case notifications (docs/emails.md), in Vietnamese or English: a new case for an
// agency, an agency's response for the desk, the outcome for the reporters of
// a closed case, and the 24-hour deadline nudge for an agency. A short subject,
// phone-friendly HTML in the daily summary's look, and a plain-text part.
//
// Every piece of user text (case title, summary, notes, finding, response) is
// masked for phone numbers and email addresses in every part, subject
// included, and escaped in the HTML part by the `html` template.
import type { AppConfig, Locale } from '#config/schema';
import { OUTCOMES, type Outcome } from '#domain/case';
import { maskUrlContacts } from '#domain/mask';
import type { CaseNotice } from '#domain/notifications';
import type { RenderedEmail } from '#domain/summary-types';
import { normalizeUrl } from '#domain/url';
import { excerpt, formatDateTime, formatNumber, maskContacts, timeZoneLabel } from './format';
import { caseLink, reportLink } from './links';
import {
  asHtml,
  COLOR,
  documentHtml,
  FONT,
  footerRow,
  type Html,
  headerRow,
  html,
  joinMeta,
  linkHtml,
  para,
  S,
  STRINGS,
  sectionRow,
  TextDoc,
  trusted,
  userText,
} from './summary-email';

// ------------------------------------------------------------------ strings

interface CaseStrings {
  reference: string;
  agency: string;
  deadline: string;
  footer: (timeZone: string) => string;
  maskedNote: string;
  // case-assigned
  assignedHeading: string;
  assignedLead: string;
  summary: string;
  reportCount: (n: number) => string;
  sources: string;
  openCase: string;
  openYourReport: string;
  deskNote: string;
  todoTitle: string;
  todo: (due: string, reference: string) => string;
  // case-responded
  respondedHeading: string;
  respondedSubject: (agency: string | null) => string;
  respondedLead: (agency: string | null) => string;
  finding: string;
  response: string;
  respondedNext: string;
  // case-closed
  closedHeading: string;
  closedThanks: string;
  outcome: string;
  outcomeExplained: Record<Outcome, string>;
  evidence: string;
  agencyResponse: string;
  closedSignOff: string;
  /** Names the case in a closure email whose title is another reporter's words. */
  closedUntitled: string;
  // deadline-nudge
  nudgeHeading: string;
  nudgeSubject: string;
  nudgeLead: string;
  nudgeTodo: string;
  nudgeAlreadyDone: string;
  // subjects
  due: (when: string) => string;
}

/** Every word the four notifications use, in both locales (brand and outcome labels come from STRINGS). */
export const CASE_STRINGS: Record<Locale, CaseStrings> = {
  vi: {
    reference: 'Mã hồ sơ',
    agency: 'Đơn vị',
    deadline: 'Hạn phản hồi',
    footer: (timeZone) => `Email tự động của Bộ phận theo dõi dư luận. Thời gian tính theo giờ ${timeZone}.`,
    maskedNote: 'Số điện thoại và địa chỉ email trong nội dung đã được ẩn.',
    assignedHeading: 'Hồ sơ mới cần xác minh',
    assignedLead: 'Bộ phận theo dõi dư luận giao đơn vị xác minh hồ sơ dưới đây và phản hồi trước thời hạn.',
    summary: 'Nội dung',
    reportCount: (n) => `${formatNumber(n, 'vi')} phản ánh`,
    sources: 'Nguồn phản ánh',
    openCase: 'Xem hồ sơ',
    openYourReport: 'Xem phản ánh của bạn',
    deskNote: 'Ghi chú của Bộ phận theo dõi dư luận',
    todoTitle: 'Việc cần làm',
    todo: (due, reference) =>
      `Xác minh thông tin, sau đó cập nhật kết quả xác minh và nội dung phản hồi trên hệ thống trước ${due}. Khi trao đổi về hồ sơ này, vui lòng ghi mã hồ sơ ${reference}.`,
    respondedHeading: 'Đơn vị đã phản hồi',
    respondedSubject: (agency) => (agency ? `Phản hồi từ ${agency}` : 'Đã có phản hồi'),
    respondedLead: (agency) =>
      `${agency ?? 'Đơn vị được giao'} đã gửi kết quả xác minh và nội dung phản hồi cho hồ sơ dưới đây.`,
    finding: 'Kết quả xác minh',
    response: 'Nội dung phản hồi',
    respondedNext: 'Vui lòng xem xét phản hồi và đóng hồ sơ trên hệ thống khi đã đủ thông tin.',
    closedHeading: 'Kết quả xử lý phản ánh',
    closedThanks:
      'Cảm ơn anh/chị đã gửi phản ánh tới Bộ phận theo dõi dư luận. Hồ sơ hình thành từ phản ánh của anh/chị đã được xử lý xong.',
    outcome: 'Kết quả',
    outcomeExplained: {
      clarified: 'Cơ quan chức năng đã có thông tin chính thức về vấn đề này.',
      corrected: 'Thông tin sai lệch đã được cải chính công khai.',
      resolved: 'Vấn đề đã được cơ quan chức năng khắc phục.',
      unfounded: 'Qua xác minh, nội dung phản ánh không có cơ sở.',
      'no-action': 'Qua xem xét, vấn đề không cần xử lý thêm.',
    },
    evidence: 'Thông tin đã công bố',
    agencyResponse: 'Phản hồi của cơ quan chức năng',
    closedSignOff: 'Mong anh/chị tiếp tục đồng hành cùng Bộ phận theo dõi dư luận.',
    closedUntitled: 'Hồ sơ từ phản ánh của anh/chị',
    nudgeHeading: 'Nhắc hạn phản hồi',
    nudgeSubject: 'Nhắc hạn phản hồi',
    nudgeLead:
      'Còn chưa đầy 24 giờ nữa là đến hạn phản hồi hồ sơ dưới đây, và hệ thống chưa nhận được phản hồi của đơn vị.',
    nudgeTodo: 'Vui lòng cập nhật kết quả xác minh và nội dung phản hồi trên hệ thống trước hạn.',
    nudgeAlreadyDone: 'Nếu đơn vị vừa gửi phản hồi, xin bỏ qua email này.',
    due: (when) => `hạn ${when}`,
  },
  en: {
    reference: 'Reference',
    agency: 'Agency',
    deadline: 'Response due',
    footer: (timeZone) => `Sent automatically by the public-opinion desk. Times are in ${timeZone}.`,
    maskedNote: 'Phone numbers and email addresses in the text are hidden.',
    assignedHeading: 'New case to verify',
    assignedLead:
      'The public-opinion desk has assigned the case below to your agency, to verify and respond to before the deadline.',
    summary: 'Summary',
    reportCount: (n) => `${formatNumber(n, 'en')} ${n === 1 ? 'report' : 'reports'}`,
    sources: 'Sources',
    openCase: 'Open the case',
    openYourReport: 'Open your report',
    deskNote: 'Note from the desk',
    todoTitle: 'What to do',
    todo: (due, reference) =>
      `Verify the facts, then post your finding and response in the system before ${due}. Please quote the reference ${reference} in any correspondence about this case.`,
    respondedHeading: 'Agency response received',
    respondedSubject: (agency) => (agency ? `Response from ${agency}` : 'Response received'),
    respondedLead: (agency) =>
      `${agency ?? 'The assigned agency'} has sent its finding and response for the case below.`,
    finding: 'Finding',
    response: 'Response',
    respondedNext: 'Please review the response and close the case in the system once it is complete.',
    closedHeading: 'Outcome of your report',
    closedThanks:
      'Thank you for reporting to the public-opinion desk. The case made from your report has now been closed.',
    outcome: 'Outcome',
    outcomeExplained: {
      clarified: 'The authorities have published official information on this matter.',
      corrected: 'The false information has been publicly corrected.',
      resolved: 'The authorities have fixed the problem.',
      unfounded: 'After verification, the report was found to be unfounded.',
      'no-action': 'After review, no further action is needed.',
    },
    evidence: 'Published information',
    agencyResponse: "The agency's response",
    closedSignOff: 'We look forward to your further reports.',
    closedUntitled: 'The case made from your report',
    nudgeHeading: 'Response deadline reminder',
    nudgeSubject: 'Reminder',
    nudgeLead:
      'The response deadline for the case below is less than 24 hours away, and no response has come in yet.',
    nudgeTodo: 'Please post your finding and response in the system before the deadline.',
    nudgeAlreadyDone: 'If your agency has just responded, please ignore this email.',
    due: (when) => `due ${when}`,
  },
};

// ------------------------------------------------------------------ helpers

/** Subjects stay short: the title gives way (cut with an ellipsis), never the brand or the deadline. */
const SUBJECT_MAX = 80;
const SUBJECT_TITLE_MIN = 20;
const length = (s: string): number => Array.from(s).length;

/** `[brand] head: title tail`, masked (a subject is plain text, so it is not HTML-escaped). */
const subjectLine = (locale: Locale, head: string, title: string, tail = ''): string => {
  const fixed = `${STRINGS[locale].brand} ${head}: `;
  const room = Math.max(SUBJECT_TITLE_MIN, SUBJECT_MAX - length(fixed) - length(tail));
  return `${fixed}${excerpt(userText(title), room)}${tail}`;
};

/** Free text with its paragraphs and line breaks kept, contacts masked: paragraphs of lines. */
const paragraphs = (s: string): string[][] =>
  maskContacts(s)
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n\s*/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter(Boolean),
    )
    .filter((p) => p.length > 0);

const freeTextHtml = (s: string): Html[] =>
  paragraphs(s).map(
    (lines) =>
      html`<p style="${S.p}">${lines.map((line, i) => html`${i > 0 ? html`<br>` : ''}${asHtml(line)}`)}</p>`,
  );

const freeText = (doc: TextDoc, s: string): void => {
  paragraphs(s).forEach((lines, i) => {
    if (i > 0) doc.blank();
    for (const line of lines) doc.para(line);
  });
};

/** How much of a case summary an agency sees in the email (the whole case is in the system). */
const SUMMARY_EXCERPT = 400;
const summaryExcerpt = (s: string): string => excerpt(maskContacts(s), SUMMARY_EXCERPT);

const agencyName = (config: AppConfig, id: string | null): string | null =>
  (id ? config.agencies.find((a) => a.id === id)?.name : undefined) ?? null;

const isOutcome = (o: string): o is Outcome => (OUTCOMES as readonly string[]).includes(o);

/** Only http(s) links are ever shown; anything else is dropped rather than linked. */
const httpLink = (url: string | null): string | null => {
  if (!url) return null;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
};

/** A highlighted label and value under the header: the deadline, or the outcome. */
const calloutRow = (label: string, value: string, alert: boolean): Html => {
  const [fg, bg] = alert ? [COLOR.alert, COLOR.alertBg] : [COLOR.accent, '#e8f0fb'];
  return html`<tr><td style="padding:0 20px 16px;font-family:${trusted(FONT)};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.table}"><tr>
<td style="padding:12px 14px;background:${trusted(bg)};border-left:4px solid ${trusted(fg)};border-radius:6px;">
<span style="display:block;${S.small}">${label}</span>
<span style="display:block;margin-top:2px;font-size:18px;line-height:1.35;font-weight:700;color:${trusted(fg)};">${value}</span>
</td></tr></table>
</td></tr>
`;
};

/**
 * What the sender adds at delivery: the source links of the case's reports
 * (case-assigned); the recipient's own reports on the case (case-closed: each
 * links to the reporter's view of it in the console).
 */
export interface NoticeExtras {
  sourceUrls?: string[];
  ownReportIds?: string[];
}

/** Source links are capped so a case of many reports still gives a short email. */
const SOURCES_MAX = 10;

/**
 * The case's source links as an agency reads them: http(s) only, tracking
 * parameters dropped, each once; a link only when no part of it had to be
 * masked (a phone number or an email address), else the masked address as text.
 */
const sourceLinks = (urls: string[]): { text: string; href: string | null }[] => {
  const seen = new Set<string>();
  const out: { text: string; href: string | null }[] = [];
  for (const u of urls) {
    const url = httpLink(u);
    if (!url) continue;
    let normal: string;
    try {
      normal = normalizeUrl(url);
    } catch {
      continue;
    }
    if (seen.has(normal)) continue;
    seen.add(normal);
    const masked = maskUrlContacts(normal);
    out.push({ text: masked.text, href: masked.changed ? null : normal });
  }
  return out.slice(0, SOURCES_MAX);
};

/** The link to the case (console, else API), as a row and a text line; nothing when no URL is known. */
const caseLinkParts = (ctx: Ctx, caseId: string, rows: Html[], doc: TextDoc): void => {
  const link = caseLink(ctx.config, caseId);
  if (!link) return;
  rows.push(sectionRow(ctx.t.openCase, html`<p style="${S.p}">${linkHtml(link)}</p>`));
  doc.heading(ctx.t.openCase).para(link);
};

interface Body {
  subject: string;
  preheader: string;
  heading: string;
  title: string;
  meta: string;
  rows: Html[];
  doc: TextDoc;
}

interface Ctx {
  locale: Locale;
  t: CaseStrings;
  timeZone: string;
  config: AppConfig;
}

/** The deadline in full, with the weekday: "Thứ Bảy, 28/11/2026 10:00" / "Saturday, 28 Nov 2026, 10:00". */
const dueFull = (ctx: Ctx, iso: string): string =>
  formatDateTime(iso, ctx.locale, ctx.timeZone, { weekday: true });
/** The deadline for a subject: "28/11 10:00" / "28 Nov, 10:00". */
const dueShort = (ctx: Ctx, iso: string): string =>
  formatDateTime(iso, ctx.locale, ctx.timeZone, { year: false });

type Notice<K extends CaseNotice['kind']> = Extract<CaseNotice, { kind: K }>;

// ------------------------------------------------------------------ the four notices

const assigned = (n: Notice<'case-assigned'>, ctx: Ctx, extras: NoticeExtras): Body => {
  const { t } = ctx;
  const due = dueFull(ctx, n.dueAt);
  const agency = agencyName(ctx.config, n.agencyId);
  const meta = joinMeta([
    `${t.reference}: ${n.caseId}`,
    agency && `${t.agency}: ${agency}`,
    n.priority && STRINGS[ctx.locale].priority[n.priority],
    n.reportIds && t.reportCount(n.reportIds.length),
  ]);
  const summary = summaryExcerpt(n.summary);
  const note = n.note?.trim() ? n.note : null;
  const rows: Html[] = [
    html`<tr><td style="padding:0 20px 12px;font-family:${trusted(FONT)};">${para(t.assignedLead, S.small)}</td></tr>\n`,
    calloutRow(t.deadline, due, false),
  ];
  const doc = new TextDoc().para(t.assignedLead).blank().para(`${t.deadline}: ${due}`);
  if (summary) {
    rows.push(sectionRow(t.summary, html`<p style="${S.p}">${asHtml(summary)}</p>`));
    doc.heading(t.summary).para(summary);
  }
  if (note) {
    rows.push(sectionRow(t.deskNote, freeTextHtml(note)));
    freeText(doc.heading(t.deskNote), note);
  }
  const sources = sourceLinks(extras.sourceUrls ?? []);
  if (sources.length > 0) {
    rows.push(
      sectionRow(
        t.sources,
        sources.map((src) => html`<p style="${S.p}">${src.href ? linkHtml(src.href) : asHtml(src.text)}</p>`),
      ),
    );
    doc.heading(t.sources);
    for (const src of sources) doc.bullet(src.text);
  }
  const todo = t.todo(due, n.caseId);
  rows.push(sectionRow(t.todoTitle, para(todo)));
  doc.heading(t.todoTitle).para(todo);
  caseLinkParts(ctx, n.caseId, rows, doc);
  return {
    subject: subjectLine(ctx.locale, t.assignedHeading, n.title, ` — ${t.due(dueShort(ctx, n.dueAt))}`),
    preheader: `${t.deadline}: ${due}`,
    heading: t.assignedHeading,
    title: n.title,
    meta,
    rows,
    doc,
  };
};

const responded = (n: Notice<'case-responded'>, ctx: Ctx): Body => {
  const { t } = ctx;
  const agency = agencyName(ctx.config, n.agencyId);
  const lead = t.respondedLead(agency);
  const rows: Html[] = [
    html`<tr><td style="padding:0 20px 12px;font-family:${trusted(FONT)};">${para(lead, S.small)}</td></tr>\n`,
    sectionRow(t.finding, freeTextHtml(n.finding)),
    sectionRow(t.response, freeTextHtml(n.response)),
    sectionRow(t.todoTitle, para(t.respondedNext)),
  ];
  const doc = new TextDoc().para(lead);
  freeText(doc.heading(t.finding), n.finding);
  freeText(doc.heading(t.response), n.response);
  doc.heading(t.todoTitle).para(t.respondedNext);
  caseLinkParts(ctx, n.caseId, rows, doc);
  return {
    subject: subjectLine(ctx.locale, t.respondedSubject(agency), n.title),
    preheader: lead,
    heading: t.respondedHeading,
    title: n.title,
    meta: joinMeta([`${t.reference}: ${n.caseId}`, agency && `${t.agency}: ${agency}`]),
    rows,
    doc,
  };
};

/**
 * To the reporters: what their report view shows once the case is closed (shared/domain/views.ts):
 * the outcome, the agency's public response and the evidence link. The desk's closing note is a
 * desk note and stays internal. The notice carries no identity; the only reports it links are the recipient's own.
 */
const closed = (n: Notice<'case-closed'>, ctx: Ctx, extras: NoticeExtras): Body => {
  const { t, locale } = ctx;
  const outcome = n.outcome;
  const label = isOutcome(outcome) ? STRINGS[locale].outcome[outcome] : userText(outcome);
  const explained = isOutcome(outcome) ? t.outcomeExplained[outcome] : null;
  const url = httpLink(n.evidenceUrl);
  const rows: Html[] = [
    html`<tr><td style="padding:0 20px 12px;font-family:${trusted(FONT)};">${para(t.closedThanks)}</td></tr>\n`,
    calloutRow(t.outcome, label, false),
  ];
  const doc = new TextDoc().para(t.closedThanks).blank().para(`${t.outcome}: ${label}`);
  const outcomeBody: Html[] = [];
  if (explained) {
    outcomeBody.push(para(explained));
    doc.para(explained);
  }
  if (url) {
    outcomeBody.push(html`<p style="${S.p}">${t.evidence}:<br>${linkHtml(url)}</p>`);
    doc.blank().para(`${t.evidence}:`).para(url);
  }
  if (outcomeBody.length > 0) {
    rows.push(
      html`<tr><td style="padding:0 20px 12px;font-family:${trusted(FONT)};">${outcomeBody}</td></tr>\n`,
    );
  }
  const response = n.response?.trim() ? n.response : null;
  if (response) {
    rows.push(sectionRow(t.agencyResponse, freeTextHtml(response)));
    freeText(doc.heading(t.agencyResponse), response);
  }
  // The reporter's own reports, as they see them in the console (never another reporter's).
  const own = (extras.ownReportIds ?? []).map((id) => reportLink(ctx.config, id)).filter((l) => l !== null);
  if (own.length > 0) {
    rows.push(
      sectionRow(t.openYourReport, html`<p style="${S.p}">${own.map((l) => html`${linkHtml(l)}<br>`)}</p>`),
    );
    doc.heading(t.openYourReport);
    for (const l of own) doc.para(l);
  }
  rows.push(html`<tr><td style="${S.cell}">${para(t.closedSignOff)}</td></tr>\n`);
  doc.blank().para(t.closedSignOff);
  return {
    subject: subjectLine(locale, t.closedHeading, n.title),
    preheader: `${t.outcome}: ${label}`,
    heading: t.closedHeading,
    title: n.title,
    meta: `${t.reference}: ${n.caseId}`,
    rows,
    doc,
  };
};

const nudge = (n: Notice<'deadline-nudge'>, ctx: Ctx): Body => {
  const { t } = ctx;
  const due = dueFull(ctx, n.dueAt);
  const agency = agencyName(ctx.config, n.agencyId);
  const rows: Html[] = [
    html`<tr><td style="padding:0 20px 12px;font-family:${trusted(FONT)};">${para(t.nudgeLead)}</td></tr>\n`,
    calloutRow(t.deadline, due, true),
    html`<tr><td style="${S.cell}">${para(t.nudgeTodo)}${para(t.nudgeAlreadyDone, trusted(`${S.small.value}margin:0;`))}</td></tr>\n`,
  ];
  const doc = new TextDoc()
    .para(t.nudgeLead)
    .blank()
    .para(`${t.deadline}: ${due}`)
    .blank()
    .para(t.nudgeTodo)
    .para(t.nudgeAlreadyDone);
  caseLinkParts(ctx, n.caseId, rows, doc);
  return {
    subject: subjectLine(ctx.locale, t.nudgeSubject, n.title, ` — ${t.due(dueShort(ctx, n.dueAt))}`),
    preheader: `${t.deadline}: ${due}`,
    heading: t.nudgeHeading,
    title: n.title,
    meta: joinMeta([`${t.reference}: ${n.caseId}`, agency && `${t.agency}: ${agency}`]),
    rows,
    doc,
  };
};

const bodyFor = (notice: CaseNotice, ctx: Ctx, extras: NoticeExtras): Body => {
  switch (notice.kind) {
    case 'case-assigned':
      return assigned(notice, ctx, extras);
    case 'case-responded':
      return responded(notice, ctx);
    case 'case-closed':
      return closed(notice, ctx, extras);
    case 'deadline-nudge':
      return nudge(notice, ctx);
    default: {
      const unknown: never = notice;
      throw new Error(`unknown case notice: ${JSON.stringify(unknown)}`);
    }
  }
};

// ------------------------------------------------------------------ entry

/**
 * One case notification for one recipient, in their locale: the agency (case-assigned,
 * deadline-nudge), the desk (case-responded) or a reporter (case-closed).
 */
export const renderCaseNotice = (
  notice: CaseNotice,
  locale: Locale,
  config: AppConfig,
  extras: NoticeExtras = {},
): RenderedEmail => {
  const ctx: Ctx = { locale, t: CASE_STRINGS[locale], timeZone: config.timeZone, config };
  const body = bodyFor(notice, ctx, extras);
  const title = userText(body.title);
  const at = 'dueAt' in notice ? notice.dueAt : new Date().toISOString();
  const footer = [ctx.t.footer(timeZoneLabel(ctx.timeZone, at)), ctx.t.maskedNote];

  const htmlDoc = documentHtml(locale, body.subject, body.preheader, [
    headerRow(body.heading, title, body.meta),
    ...body.rows,
    footerRow(footer),
  ]);
  const head = new TextDoc().title(body.heading).para(title).para(body.meta).blank();
  const tail = new TextDoc().para('--');
  for (const line of footer) tail.para(line);
  return {
    subject: body.subject,
    html: htmlDoc,
    text: `${head.toString()}\n${body.doc.toString()}\n${tail.toString()}`,
  };
};
