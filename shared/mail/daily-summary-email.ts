// The daily summary email (to leadership), in Vietnamese or English: a subject
// with the date and the headline counts, phone-friendly HTML and a plain-text
// part, both rendered from one model (blocks.ts). Its top is what a leader reads
// in a minute (counts, overdue, hot issues, one line per urgent report); the
// urgent reports' details come last. Links (links.ts) appear only when a base
// URL is known.
//
// Every piece of user text (report, case, issue and briefing titles, excerpts,
// locations) is masked for phone numbers and email addresses (`userText`), then
// escaped by the HTML renderer.
import type { AppConfig, Locale } from '#config/schema';
import { OUTCOMES } from '#domain/case';
import type {
  AgencyOverdue,
  BriefingLine,
  CaseLine,
  DailySummary,
  HotIssue,
  RenderedEmail,
} from '#domain/summary-types';
import { badge, br, counts, para, type Row, section, small, user } from './blocks';
import { renderHtml } from './blocks-html';
import { renderText } from './blocks-text';
import { clarificationSection, headlineTopics, risingSection } from './daily-summary-trends';
import { urgentDetailsSection, urgentSection } from './daily-summary-urgent';
import { joinMeta, userText } from './email-parts';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatShortDate,
  timeZoneLabel,
} from './format';
import { STRINGS } from './strings';
import {
  agencyName,
  areaName,
  byDue,
  type Ctx,
  capped,
  categoryName,
  dueText,
  LIST_CAP,
  noOverdueSection,
  overdueTotal,
  sortOverdue,
  when,
} from './summary-parts';

// ------------------------------------------------------------------ rows and counts

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

const countRows = (ctx: Ctx, list: { id: string; count: number }[], name: (ctx: Ctx, id: string) => string) =>
  list
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count)
    .map((c) => ({ label: name(ctx, c.id), value: formatNumber(c.count, ctx.locale) }));

const sentimentRows = (s: DailySummary, ctx: Ctx) =>
  (['negative', 'neutral', 'positive'] as const).map((k) => ({
    label: ctx.t.sentiment[k],
    value: formatNumber(s.reports.bySentiment[k], ctx.locale),
  }));

const sortedBriefings = (b: BriefingLine[]) =>
  [...b].sort((x, y) => x.startsAt.localeCompare(y.startsAt)).slice(0, LIST_CAP.briefings);

const summarySubject = (s: DailySummary, ctx: Ctx): string => {
  const overdue = overdueTotal(s.cases.overdueByAgency);
  const parts = [ctx.t.newReports(s.reports.total)];
  if (overdue > 0) parts.push(ctx.t.overdueCases(overdue));
  return ctx.t.summarySubject(formatShortDate(s.date, ctx.locale), parts);
};

// ------------------------------------------------------------------ sections

/** The overdue block: prominent, grouped by agency (`groups` are already sorted). */
const overdueSection = (ctx: Ctx, groups: AgencyOverdue[], intro: string | null): Row => {
  const { t, locale } = ctx;
  const total = overdueTotal(groups);
  if (total === 0) {
    return noOverdueSection(t);
  }
  const table = groups.map((g, i) => {
    const { shown, rest } = capped(g.cases, LIST_CAP.overduePerAgency);
    const name = g.agencyName || t.unassigned;
    return {
      head: {
        content: [name, ' ', small(`· ${t.cases(g.cases.length)}`)],
        text: `${name}: ${t.cases(g.cases.length)}`,
        gap: i > 0 || intro !== null,
      },
      rows: shown.map((c) => {
        const due = dueText(ctx, c);
        return {
          cells: [
            [user(userText(c.title)), ...(due ? [br, small(due)] : [])],
            [t.daysOverdue(c.daysOverdue)],
          ],
          text: `${userText(c.title)} — ${t.daysOverdue(c.daysOverdue)}${due ? ` (${due})` : ''}`,
        };
      }),
      more: rest > 0 ? t.more(rest) : null,
    };
  });
  return {
    kind: 'section',
    look: 'alert',
    title: `${t.overdueTitle} (${formatNumber(total, locale)})`,
    body: [intro ? para(intro, 'note') : null, { kind: 'table', look: 'alert', groups: table, level: 1 }],
  };
};

/** Cases with their agency and deadline (due soon). */
const dueSoonSection = (ctx: Ctx, lines: CaseLine[]): Row => {
  const { shown, rest } = capped(lines, LIST_CAP.dueSoon);
  const rows = shown.map((c) => ({
    cells: [[user(userText(c.title)), br, small(agencyName(ctx, c))], [c.dueAt ? when(ctx, c.dueAt) : '—']],
    text: joinMeta([userText(c.title), agencyName(ctx, c), dueText(ctx, c)]),
  }));
  return section(`${ctx.t.dueSoonTitle} (${formatNumber(lines.length, ctx.locale)})`, {
    kind: 'table',
    look: 'counts',
    groups: [{ rows, more: rest > 0 ? ctx.t.more(rest) : null }],
  });
};

const hotMeta = (ctx: Ctx, h: HotIssue): string =>
  joinMeta([
    ctx.t.reports(h.reportCount),
    h.reach > 0 && ctx.t.reach(formatNumber(h.reach, ctx.locale)),
    categoryName(ctx, h.category),
    areaName(ctx, h.area),
  ]);

const hotSection = (ctx: Ctx, issues: HotIssue[]): Row =>
  section(ctx.t.hotTitle, {
    kind: 'items',
    items: issues.map((h) => ({
      title: [user(userText(h.title))],
      lines: [{ content: [hotMeta(ctx, h)], style: 'meta' as const }],
      tags: { labels: h.reasons.map((r) => ctx.t.hotReason[r]), tone: 'warn' as const },
    })),
  });

const reportsSection = (ctx: Ctx, s: DailySummary): Row => {
  const { t } = ctx;
  const list = (title: string, rows: { label: string; value: string }[]) =>
    rows.length > 0 ? [{ kind: 'subhead' as const, text: title, label: true }, counts(rows, 1)] : null;
  return section(
    `${t.reportsTitle}: ${formatNumber(s.reports.total, ctx.locale)}`,
    list(t.byCategory, countRows(ctx, s.reports.byCategory, categoryName)),
    list(t.byArea, countRows(ctx, s.reports.byArea, areaName)),
    list(t.bySentiment, sentimentRows(s, ctx)),
  );
};

const casesSection = (ctx: Ctx, s: DailySummary): Row => {
  const { t, locale } = ctx;
  const outcomes = outcomeRows(s, ctx);
  const statuses = openStatusRows(s, ctx);
  return section(
    t.casesTitle,
    counts([
      { label: t.opened, value: formatNumber(s.cases.opened, locale) },
      { label: t.closed, value: formatNumber(s.cases.closed.total, locale) },
    ]),
    outcomes.length > 0
      ? [{ kind: 'subhead', text: t.closedByOutcome, label: false }, counts(outcomes, 1)]
      : null,
    [
      { kind: 'subhead', text: t.openByStatus, label: true },
      statuses.length > 0
        ? counts(statuses, 1)
        : { kind: 'para', content: [t.none], style: 'note', bullet: 1 },
    ],
  );
};

const responseSection = (ctx: Ctx, responses: DailySummary['cases']['responseTimeByAgency']): Row => {
  const { t, locale } = ctx;
  const median = (sec: number | null) => (sec === null ? '—' : formatDuration(sec, locale));
  return section(t.responseTitle, para(t.responseNote, 'note'), {
    kind: 'table',
    look: 'counts',
    head: [t.responseAgency, t.responseClosed, t.responseMedian],
    groups: [
      {
        rows: responses.map((r) => ({
          cells: [[r.agencyName], [formatNumber(r.closedCount, locale)], [median(r.medianResponseSeconds)]],
          text: `${r.agencyName}: ${t.responseClosed.toLocaleLowerCase()} ${formatNumber(r.closedCount, locale)}, ${t.responseMedian.toLocaleLowerCase()} ${median(r.medianResponseSeconds)}`,
        })),
      },
    ],
  });
};

const briefingsSection = (ctx: Ctx, briefings: BriefingLine[]): Row =>
  section(ctx.t.briefingsTitle, {
    kind: 'items',
    items: briefings.map((b) => {
      const at = formatDateTime(b.startsAt, ctx.locale, ctx.timeZone, { year: false, weekday: true });
      const kind = ctx.t.briefingKind[b.kind];
      return {
        title: [at],
        lines: [
          { content: [user(userText(b.title)), ' ', badge(kind, 'accent')], style: 'text' as const },
          { content: [user(userText(b.location))], style: 'meta' as const },
        ],
        text: `${at} — ${userText(b.title)} (${kind}) — ${userText(b.location)}`,
      };
    }),
  });

// ------------------------------------------------------------------ the two bodies

/**
 * The sections of a normal day, in the order leadership reads them: what is
 * new and rising first, then what is late.
 */
const summaryBody = (s: DailySummary, ctx: Ctx, overdue: AgencyOverdue[]): Row[] => {
  const { t } = ctx;
  const rising = risingSection(ctx, s);
  const rows: Row[] = [
    ...(rising ? [rising] : []),
    {
      kind: 'figures',
      inText: true,
      figures: [
        { label: t.figureNewReports, value: s.reports.total },
        { label: t.figureOpened, value: s.cases.opened },
        { label: t.figureClosed, value: s.cases.closed.total },
        { label: t.figureOverdue, value: overdueTotal(overdue), alert: true },
      ],
    },
    overdueSection(ctx, overdue, t.overdueIntro),
  ];
  const dueSoon = [...s.cases.dueSoon].sort(byDue);
  if (dueSoon.length > 0) rows.push(dueSoonSection(ctx, dueSoon));
  const hot = capped(s.hotIssues, LIST_CAP.hot).shown;
  if (hot.length > 0) rows.push(hotSection(ctx, hot));
  // The summary names at most LIST_CAP.urgent of them; "more" counts every one not shown.
  const urgent = capped(s.reports.urgent, LIST_CAP.urgent).shown;
  if (urgent.length > 0) rows.push(urgentSection(ctx, s, urgent));
  // Whether the recent clarifications landed: after what needs acting on today.
  const clarifications = clarificationSection(ctx, s);
  if (clarifications) rows.push(clarifications);
  if (s.reports.total > 0) rows.push(reportsSection(ctx, s));
  rows.push(casesSection(ctx, s));
  const responses = s.cases.responseTimeByAgency.filter((r) => r.closedCount > 0);
  if (responses.length > 0) rows.push(responseSection(ctx, responses));
  const briefings = sortedBriefings(s.briefings);
  if (briefings.length > 0) rows.push(briefingsSection(ctx, briefings));
  // The details of the urgent list, last: the top of the email stays short on a phone.
  if (urgent.length > 0) rows.push(urgentDetailsSection(ctx, urgent));
  return rows;
};

/** A quiet day: say so in one line, and still show what is late or open, since late agencies still matter. */
const quietBody = (s: DailySummary, ctx: Ctx, overdue: AgencyOverdue[]): Row[] => {
  const { t } = ctx;
  const open = openTotal(s);
  const rows: Row[] = [
    {
      kind: 'plain',
      spaced: true,
      body: [
        para(t.quietLead),
        open > 0
          ? [{ kind: 'blank' }, para(t.openCasesNow(open), 'strong'), counts(openStatusRows(s, ctx), 1)]
          : null,
      ],
    },
  ];
  if (overdueTotal(overdue) > 0) rows.push(overdueSection(ctx, overdue, null));
  const dueSoon = [...s.cases.dueSoon].sort(byDue);
  if (dueSoon.length > 0) rows.push(dueSoonSection(ctx, dueSoon));
  // A clarification's effect still matters on a day nothing new came in.
  const clarifications = clarificationSection(ctx, s);
  if (clarifications) rows.push(clarifications);
  const briefings = sortedBriefings(s.briefings);
  if (briefings.length > 0) rows.push(briefingsSection(ctx, briefings));
  return rows;
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
  const generated = formatDateTime(summary.generatedAt, locale, ctx.timeZone);
  const headline = summary.quiet ? [] : headlineTopics(summary, config.trends.minReports);
  const preheader = joinMeta([
    headline.length > 0 && userText(headline[0]!.kind === 'area' ? '' : headline[0]!.title),
    t.newReports(summary.reports.total),
    overdueTotal(overdue) > 0 && t.overdueCases(overdueTotal(overdue)),
    summary.hotIssues.length > 0 && t.hotIssuesCount(summary.hotIssues.length),
  ]);
  const rows: Row[] = [
    {
      kind: 'header',
      eyebrow: t.summaryHeading,
      heading: formatDate(summary.date, locale),
      sub: null,
      joined: true,
    },
    ...(summary.quiet ? quietBody(summary, ctx, overdue) : summaryBody(summary, ctx, overdue)),
    {
      kind: 'footer',
      lines: [t.summaryFooter(generated, timeZoneLabel(ctx.timeZone, summary.generatedAt)), t.maskedNote],
    },
  ];
  return { subject, html: renderHtml(locale, subject, preheader, rows), text: renderText(locale, rows) };
};
