// Case notifications (docs/emails.md), in Vietnamese or English: a new case for an
// agency, an agency's response for the desk, the outcome for the reporters of
// a closed case, and each step of the deadline escalation ladder (agency, its head, desk lead). A short subject,
// and one model (blocks.ts) rendered as phone-friendly HTML in the daily
// summary's look and as a plain-text part.
//
// Every piece of user text (case title, summary, notes, finding, response) is
// masked for phone numbers and email addresses in every part, subject
// included, and escaped in the HTML part by its renderer.
import type { AppConfig, Locale } from '#config/schema';
import { OUTCOMES, type Outcome } from '#domain/case';
import { maskUrlContacts } from '#domain/mask';
import type { CaseNotice } from '#domain/notifications';
import type { RenderedEmail } from '#domain/summary-types';
import { normalizeUrl } from '#domain/url';
import { type Block, br, type Inline, link, para, type Row, section, user } from './blocks';
import { renderHtml } from './blocks-html';
import { renderText } from './blocks-text';
import { CASE_STRINGS, type CaseStrings } from './case-strings';
import { joinMeta, userText } from './email-parts';
import { excerpt, formatDateTime, maskContacts, timeZoneLabel } from './format';
import { caseLink, reportLink } from './links';
import { STRINGS } from './strings';

export { CASE_STRINGS } from './case-strings';

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

/** Free text as paragraphs, its line breaks kept; the text part puts a blank line between paragraphs. */
const freeText = (s: string): Block[] =>
  paragraphs(s).flatMap((lines, i) => [
    ...(i > 0 ? [{ kind: 'blank' } as const] : []),
    para(lines.flatMap((line, j): Inline[] => (j > 0 ? [br, user(line)] : [user(line)]))),
  ]);

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

/**
 * What the sender adds at delivery: the source links of the case's reports
 * (case-assigned); the recipient's own reports on the case (case-closed: each
 * links to the reporter's view of it in the console).
 */
export interface NoticeExtras {
  sourceUrls?: string[];
  ownReportIds?: string[];
  /**
   * The evidence files the reader can open from the email's link: on the case
   * page (the case's own and its reports'), or, in a reporter's closure email,
   * on their own reports. Named with the link, never attached; absent or 0: no line.
   */
  fileCount?: number;
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

/**
 * The link to the case (console, else API), with how many files its page
 * shows; without a known URL, the file count alone.
 */
const caseLinkRows = (ctx: Ctx, caseId: string, fileCount = 0): Row[] => {
  const url = caseLink(ctx.config, caseId);
  const files = fileCount > 0 ? [para(ctx.t.caseFiles(fileCount))] : [];
  if (url) return [section(ctx.t.openCase, ...files, para(link(url)))];
  return files.length > 0 ? [section(ctx.t.files, ...files)] : [];
};

interface Body {
  subject: string;
  preheader: string;
  heading: string;
  title: string;
  meta: string;
  rows: Row[];
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
  const summary = summaryExcerpt(n.summary);
  const note = n.note?.trim() ? n.note : null;
  const sources = sourceLinks(extras.sourceUrls ?? []);
  const rows: Row[] = [
    { kind: 'lead', body: [para(t.assignedLead, 'note')] },
    { kind: 'callout', label: t.deadline, value: due, alert: false },
    ...(summary ? [section(t.summary, para(user(summary)))] : []),
    ...(note ? [section(t.deskNote, ...freeText(note))] : []),
    ...(sources.length > 0
      ? [
          section(
            t.sources,
            ...sources.map(
              (src): Block => ({
                kind: 'para',
                content: [src.href ? link(src.href) : user(src.text)],
                bullet: 0,
              }),
            ),
          ),
        ]
      : []),
    section(t.todoTitle, para(t.todo(due, n.caseId))),
    ...caseLinkRows(ctx, n.caseId, extras.fileCount),
  ];
  return {
    subject: subjectLine(ctx.locale, t.assignedHeading, n.title, ` — ${t.due(dueShort(ctx, n.dueAt))}`),
    preheader: `${t.deadline}: ${due}`,
    heading: t.assignedHeading,
    title: n.title,
    meta: joinMeta([
      `${t.reference}: ${n.caseId}`,
      agency && `${t.agency}: ${agency}`,
      n.priority && STRINGS[ctx.locale].priority[n.priority],
      n.reportIds && t.reportCount(n.reportIds.length),
    ]),
    rows,
  };
};

const responded = (n: Notice<'case-responded'>, ctx: Ctx, extras: NoticeExtras): Body => {
  const { t } = ctx;
  const agency = agencyName(ctx.config, n.agencyId);
  const lead = t.respondedLead(agency);
  return {
    subject: subjectLine(ctx.locale, t.respondedSubject(agency), n.title),
    preheader: lead,
    heading: t.respondedHeading,
    title: n.title,
    meta: joinMeta([`${t.reference}: ${n.caseId}`, agency && `${t.agency}: ${agency}`]),
    rows: [
      { kind: 'lead', body: [para(lead, 'note')] },
      section(t.finding, ...freeText(n.finding)),
      section(t.response, ...freeText(n.response)),
      section(t.todoTitle, para(t.respondedNext)),
      ...caseLinkRows(ctx, n.caseId, extras.fileCount),
    ],
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
  const outcomeBody: Block[] = [
    ...(explained ? [para(explained)] : []),
    ...(url ? [{ kind: 'blank' } as const, para([`${t.evidence}:`, br, link(url)])] : []),
  ];
  const response = n.response?.trim() ? n.response : null;
  // The reporter's own reports, as they see them in the console (never another reporter's).
  const own = (extras.ownReportIds ?? []).map((id) => reportLink(ctx.config, id)).filter((l) => l !== null);
  const files = extras.fileCount
    ? [para(t.ownReportFiles(extras.fileCount, Math.max(1, extras.ownReportIds?.length ?? 1)))]
    : [];
  return {
    subject: subjectLine(locale, t.closedHeading, n.title),
    preheader: `${t.outcome}: ${label}`,
    heading: t.closedHeading,
    title: n.title,
    meta: `${t.reference}: ${n.caseId}`,
    rows: [
      { kind: 'lead', body: [para(t.closedThanks)] },
      { kind: 'callout', label: t.outcome, value: label, alert: false },
      ...(outcomeBody.length > 0 ? [{ kind: 'lead', body: outcomeBody, gap: false } as const] : []),
      ...(response ? [section(t.agencyResponse, ...freeText(response))] : []),
      ...(own.length > 0 || files.length > 0
        ? [
            section(
              t.openYourReport,
              ...files,
              ...(own.length > 0 ? [para(own.flatMap((l) => [link(l), br]))] : []),
            ),
          ]
        : []),
      { kind: 'plain', body: [para(t.closedSignOff)] },
    ],
  };
};

/** One step of the escalation ladder: how many working days are left (or overdue), to the agency, its head or the desk lead. */
const nudge = (n: Notice<'deadline-nudge'>, ctx: Ctx, extras: NoticeExtras): Body => {
  const { t } = ctx;
  const due = dueFull(ctx, n.dueAt);
  const agency = agencyName(ctx.config, n.agencyId);
  const standing = t.nudgeStanding(n.workingDaysLeft, n.pastDue);
  const forWhom = n.audience === 'agency' ? [] : [para(t.nudgeAudience[n.audience](agency), 'lastNote')];
  return {
    subject: subjectLine(
      ctx.locale,
      n.pastDue ? t.overdueSubject : t.nudgeSubject,
      n.title,
      ` — ${t.due(dueShort(ctx, n.dueAt))}`,
    ),
    preheader: standing,
    heading: n.pastDue ? t.overdueHeading : t.nudgeHeading,
    title: n.title,
    meta: joinMeta([`${t.reference}: ${n.caseId}`, agency && `${t.agency}: ${agency}`]),
    rows: [
      { kind: 'lead', body: [para(standing)] },
      { kind: 'callout', label: t.deadline, value: due, alert: true },
      {
        kind: 'plain',
        body: [
          para(n.audience === 'deskLead' ? t.nudgeDeskTodo : t.nudgeTodo),
          para(t.nudgeAlreadyDone, n.audience === 'agency' ? 'lastNote' : undefined),
          ...forWhom,
        ],
      },
      ...caseLinkRows(ctx, n.caseId, extras.fileCount),
    ],
  };
};

/** To the agencies of both cases: the case is closed as merged, and where its work continues. */
/** `extras.fileCount` counts the files of the case merged into, where the link goes. */
const merged = (n: Notice<'case-merged'>, ctx: Ctx, extras: NoticeExtras): Body => {
  const { t } = ctx;
  const agency = agencyName(ctx.config, n.agencyId);
  return {
    subject: subjectLine(ctx.locale, t.mergedHeading, n.title),
    preheader: `${t.mergedInto}: ${excerpt(userText(n.intoTitle), 60)}`,
    heading: t.mergedHeading,
    title: n.title,
    meta: joinMeta([`${t.reference}: ${n.caseId}`, agency && `${t.agency}: ${agency}`]),
    rows: [
      { kind: 'lead', body: [para(t.mergedLead, 'note')] },
      section(t.mergedInto, para(user(maskContacts(n.intoTitle))), para(`${t.reference}: ${n.intoCaseId}`)),
      section(t.todoTitle, para(t.mergedTodo)),
      ...caseLinkRows(ctx, n.intoCaseId, extras.fileCount),
    ],
  };
};

const bodyFor = (notice: CaseNotice, ctx: Ctx, extras: NoticeExtras): Body => {
  switch (notice.kind) {
    case 'case-assigned':
      return assigned(notice, ctx, extras);
    case 'case-responded':
      return responded(notice, ctx, extras);
    case 'case-closed':
      return closed(notice, ctx, extras);
    case 'deadline-nudge':
      return nudge(notice, ctx, extras);
    case 'case-merged':
      return merged(notice, ctx, extras);
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
  const at = 'dueAt' in notice ? notice.dueAt : new Date().toISOString();
  const rows: Row[] = [
    { kind: 'header', eyebrow: body.heading, heading: userText(body.title), sub: body.meta, joined: false },
    ...body.rows,
    { kind: 'footer', lines: [ctx.t.footer(timeZoneLabel(ctx.timeZone, at)), ctx.t.maskedNote] },
  ];
  return {
    subject: body.subject,
    html: renderHtml(locale, body.subject, body.preheader, rows),
    text: renderText(locale, rows),
  };
};
