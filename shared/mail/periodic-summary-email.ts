// The weekly and monthly report (to leadership), in Vietnamese or English:
// a subject naming the period, the headline figures, the topics of the period
// each with a small chart of its reports per day (table cells, see
// blocks-html.ts: it renders in Outlook and Gmail; the text part shows one line
// of block characters), reports and cases by category, area and outcome, each
// agency's response time and overdue count, the clarifications and whether they
// worked, and the period's cases as an attached CSV (periodic-summary-csv.ts).
// User text (case titles) is masked for phone numbers and email addresses.
import type { AppConfig, Locale } from '#config/schema';
import { OUTCOMES } from '#domain/case';
import type { PeriodicSummary, PeriodTopic } from '#domain/periodic';
import type { CountBy, RenderedEmail } from '#domain/summary-types';
import { type Block, counts, para, type Row, section, user } from './blocks';
import { renderHtml } from './blocks-html';
import { renderText } from './blocks-text';
import { clarificationItem } from './daily-summary-trends';
import { joinMeta, userText } from './email-parts';
import { formatDateTime, formatDuration, formatNumber, timeZoneLabel } from './format';
import type { EmailAttachment } from './mailer';
import { PERIODIC_STRINGS, type PeriodicStrings } from './periodic-strings';
import { periodCasesCsv } from './periodic-summary-csv';
import { STRINGS } from './strings';
import { areaName, type Ctx, categoryName } from './summary-parts';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A day without its year: vi "30/11", en "30 Nov". */
export const dayMonth = (day: string, locale: Locale): string => {
  const [, m, d] = day.split('-') as [string, string, string];
  return locale === 'vi' ? `${d}/${m}` : `${Number(d)} ${EN_MONTHS[Number(m) - 1]}`;
};

/** The period's days: vi "30/11–06/12/2026", en "30 Nov–6 Dec 2026". */
export const periodSpan = (s: PeriodicSummary, locale: Locale, withYear = true): string => {
  const year = s.period.to.slice(0, 4);
  const span = `${dayMonth(s.period.from, locale)}–${dayMonth(s.period.to, locale)}`;
  return withYear ? `${span}${locale === 'vi' ? '/' : ' '}${year}` : span;
};

interface PCtx extends Ctx {
  p: PeriodicStrings;
}

const num = (ctx: PCtx, n: number) => formatNumber(n, ctx.locale);

const countRows = (ctx: PCtx, list: CountBy[], name: (ctx: Ctx, id: string) => string) =>
  list.filter((c) => c.count > 0).map((c) => ({ label: name(ctx, c.id), value: num(ctx, c.count) }));

const labelled = (title: string, rows: { label: string; value: string }[]): Block[] =>
  rows.length > 0 ? [{ kind: 'subhead', text: title, label: true }, counts(rows, 1)] : [];

const topicName = (ctx: PCtx, t: PeriodTopic): string => {
  const where = `${categoryName(ctx, t.category)} · ${areaName(ctx, t.area)}`;
  if (t.kind === 'case' && t.title) return userText(t.title);
  return t.kind === 'area' ? where : `${ctx.p.topicKind[t.kind]}: ${where}`;
};

/** Tick labels under a chart: every day of a week, the 1st, 8th, 15th, 22nd and 29th of a month. */
const tick = (ctx: PCtx, s: PeriodicSummary, day: string, i: number): string | null =>
  s.period.kind === 'week' ? dayMonth(day, ctx.locale) : i % 7 === 0 ? String(Number(day.slice(8))) : null;

const topicBlocks = (ctx: PCtx, s: PeriodicSummary, t: PeriodTopic, i: number): Block[] => {
  const peak = t.days.reduce((best, d) => (d.reports > best.reports ? d : best), t.days[0]!);
  const caption =
    peak.reports > 0
      ? ctx.p.perDayPeak(num(ctx, peak.reports), dayMonth(peak.date, ctx.locale))
      : ctx.p.noReportsInTopic;
  return [
    {
      kind: 'para',
      content: [`${i + 1}. `, t.kind === 'case' && t.title ? user(userText(t.title)) : topicName(ctx, t)],
      style: 'strong',
    },
    para(
      joinMeta([
        t.kind === 'case' ? ctx.p.topicKind.case : false,
        ctx.p.reports(t.reports),
        t.reach > 0 && ctx.p.reach(num(ctx, t.reach)),
        t.kind === 'case' ? `${categoryName(ctx, t.category)} · ${areaName(ctx, t.area)}` : false,
      ]),
      'note',
    ),
    {
      kind: 'chart',
      points: t.days.map((d, j) => ({ value: d.reports, tick: tick(ctx, s, d.date, j) })),
      caption,
    },
  ];
};

const agenciesSection = (ctx: PCtx, s: PeriodicSummary): Row => {
  const d = (sec: number | null) => (sec === null ? '—' : formatDuration(sec, ctx.locale));
  const [, responses, median, p90, overdue] = ctx.p.agencyHead;
  return section(ctx.p.agenciesTitle, para(ctx.p.agenciesNote, 'note'), {
    kind: 'table',
    look: 'counts',
    head: ctx.p.agencyHead.slice(),
    groups: [
      {
        rows: s.agencies.map((a) => ({
          cells: [
            [a.agencyName],
            [num(ctx, a.responses)],
            [d(a.medianResponseSeconds)],
            [d(a.p90ResponseSeconds)],
            [num(ctx, a.overdue)],
          ],
          text: `${a.agencyName}: ${responses.toLocaleLowerCase()} ${num(ctx, a.responses)}, ${median.toLocaleLowerCase()} ${d(a.medianResponseSeconds)}, ${p90} ${d(a.p90ResponseSeconds)}, ${overdue.toLocaleLowerCase()} ${num(ctx, a.overdue)}`,
        })),
      },
    ],
  });
};

const overdueTotal = (s: PeriodicSummary) => s.agencies.reduce((n, a) => n + a.overdue, 0);

/** The report's subject: the period by name and days, and its headline counts. */
export const periodicSubject = (s: PeriodicSummary, locale: Locale): string => {
  const p = PERIODIC_STRINGS[locale];
  const overdue = overdueTotal(s);
  return p.subject(p.heading[s.period.kind](s.period.id), periodSpan(s, locale, false), [
    p.reports(s.reports.total),
    p.casesOpened(s.cases.opened.total),
    ...(overdue > 0 ? [p.overdueCases(overdue)] : []),
  ]);
};

/** The weekly or monthly report for one leadership recipient, in their locale, with its CSV. */
export const renderPeriodicSummary = (
  s: PeriodicSummary,
  locale: Locale,
  config: AppConfig,
): RenderedEmail & { attachments: EmailAttachment[] } => {
  const ctx: PCtx = {
    locale,
    t: STRINGS[locale],
    p: PERIODIC_STRINGS[locale],
    timeZone: s.timeZone || config.timeZone,
    config,
  };
  const { p, t } = ctx;
  const subject = periodicSubject(s, locale);
  const overdue = overdueTotal(s);
  const outcomes = OUTCOMES.filter((o) => (s.cases.closed.byOutcome[o] ?? 0) > 0).map((o) => ({
    label: t.outcome[o],
    value: num(ctx, s.cases.closed.byOutcome[o] ?? 0),
  }));
  const rows: Row[] = [
    {
      kind: 'header',
      eyebrow: p.heading[s.period.kind](s.period.id),
      heading: periodSpan(s, locale),
      sub: null,
      joined: true,
    },
    {
      kind: 'figures',
      inText: true,
      figures: [
        { label: p.figureReports, value: s.reports.total },
        { label: p.figureOpened, value: s.cases.opened.total },
        { label: p.figureClosed, value: s.cases.closed.total },
        { label: p.figureOverdue, value: overdue, alert: true },
      ],
    },
  ];
  if (s.topics.length > 0) {
    rows.push(
      section(
        p.topicsTitle[s.period.kind],
        para(p.topicsNote, 'note'),
        ...s.topics.map((x, i) => topicBlocks(ctx, s, x, i)),
      ),
    );
  }
  if (s.reports.total > 0) {
    rows.push(
      section(
        `${p.reportsTitle}: ${num(ctx, s.reports.total)}`,
        s.reports.reach > 0 ? para(p.reach(num(ctx, s.reports.reach)), 'note') : null,
        labelled(t.byCategory, countRows(ctx, s.reports.byCategory, categoryName)),
        labelled(t.byArea, countRows(ctx, s.reports.byArea, areaName)),
      ),
    );
  }
  rows.push(
    section(
      p.casesTitle,
      counts([
        { label: p.opened, value: num(ctx, s.cases.opened.total) },
        { label: p.closed, value: num(ctx, s.cases.closed.total) },
      ]),
      labelled(
        `${p.opened} · ${t.byCategory.toLocaleLowerCase()}`,
        countRows(ctx, s.cases.opened.byCategory, categoryName),
      ),
      labelled(
        `${p.opened} · ${t.byArea.toLocaleLowerCase()}`,
        countRows(ctx, s.cases.opened.byArea, areaName),
      ),
      labelled(t.closedByOutcome, outcomes),
      labelled(
        p.byTag,
        s.cases.byTag.map((x) => ({ label: userText(x.tag), value: num(ctx, x.cases) })),
      ),
    ),
  );
  if (s.agencies.length > 0) rows.push(agenciesSection(ctx, s));
  if (s.clarifications.length > 0) {
    rows.push(
      section(p.clarificationsTitle, para(p.clarificationsNote, 'note'), {
        kind: 'items',
        items: s.clarifications.map((c) => clarificationItem(ctx, c)),
      }),
    );
  }
  rows.push({
    kind: 'plain',
    body: [para(s.caseList.length > 0 ? p.attachment(s.caseList.length) : p.noCases, 'note')],
  });
  rows.push({
    kind: 'footer',
    lines: [
      p.footer(
        formatDateTime(s.generatedAt, locale, ctx.timeZone),
        timeZoneLabel(ctx.timeZone, s.generatedAt),
      ),
      t.maskedNote,
    ],
  });
  const preheader = joinMeta([
    p.reports(s.reports.total),
    p.casesOpened(s.cases.opened.total),
    overdue > 0 && p.overdueCases(overdue),
  ]);
  return {
    subject,
    html: renderHtml(locale, subject, preheader, rows),
    text: renderText(locale, rows),
    attachments: [
      {
        fileName: p.csvFileName(s.period.kind, s.period.id),
        contentType: 'text/csv; charset=utf-8',
        content: periodCasesCsv(s, locale, config),
        contentDisposition: 'ATTACHMENT',
      },
    ],
  };
};
