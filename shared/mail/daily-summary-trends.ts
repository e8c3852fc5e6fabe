// The daily summary's trend sections: what is new and rising (the email opens
// with it), and whether the recent clarifications landed. Topics and their
// marks come from the summary (shared/domain/trends.ts); this only words them.
import type { Clarification, DailySummary, TopicTrend } from '#domain/summary-types';
import { type Item, link, para, type Row, section, small, user } from './blocks';
import { joinMeta, userText } from './email-parts';
import { formatDuration, formatNumber } from './format';
import { areaName, type Ctx, capped, categoryName, when } from './summary-parts';
import { TREND_STRINGS } from './trend-strings';

/** At most this many new and rising topics open the email, and this many cooling ones follow. */
export const TREND_CAP = { rising: 6, cooling: 3, clarifications: 6 };

/** An area topic is named by its category and area; the others by their title. */
const topicName = (ctx: Ctx, t: TopicTrend): string =>
  t.kind === 'area' || !t.title
    ? `${categoryName(ctx, t.category)} · ${areaName(ctx, t.area)}`
    : userText(t.title);

const avg = (ctx: Ctx, n: number) => formatNumber(n, ctx.locale);

/** The topics the email headlines: new or rising, with at least `trends.minReports` reports. */
export const headlineTopics = (s: DailySummary, minReports: number): TopicTrend[] =>
  s.topics.filter((t) => (t.mark === 'new' || t.mark === 'rising') && t.reports >= minReports);

const topicItem = (ctx: Ctx, t: TopicTrend): Item => {
  const tt = TREND_STRINGS[ctx.locale];
  const days = ctx.config.trends.baselineDays;
  const meta = joinMeta([
    tt.reportsToday(t.reports),
    tt.baselineAvg(avg(ctx, t.baseline.reports), days),
    t.reach > 0 && tt.reach(formatNumber(t.reach, ctx.locale)),
    t.kind !== 'area' && areaName(ctx, t.area),
  ]);
  return {
    title: [user(topicName(ctx, t))],
    lines: [{ content: [meta], style: 'meta' }],
    tags: { labels: [tt.mark[t.mark]], tone: t.mark === 'new' ? 'alert' : 'warn' },
  };
};

/** The opening section: new and rising topics, then the few cooling ones in one note. Null when there are none. */
export const risingSection = (ctx: Ctx, s: DailySummary): Row | null => {
  const tt = TREND_STRINGS[ctx.locale];
  const min = ctx.config.trends.minReports;
  const { shown, rest } = capped(headlineTopics(s, min), TREND_CAP.rising);
  if (shown.length === 0) return null;
  const cooling = s.topics.filter((t) => t.mark === 'cooling').slice(0, TREND_CAP.cooling);
  return section(
    tt.risingTitle,
    { kind: 'items', items: shown.map((t) => topicItem(ctx, t)), more: rest > 0 ? ctx.t.more(rest) : null },
    cooling.length > 0
      ? [
          { kind: 'subhead', text: tt.coolingLead, label: true },
          ...cooling.map((t) => ({
            kind: 'para' as const,
            content: [user(tt.coolingLine(topicName(ctx, t), t.reports, avg(ctx, t.baseline.reports)))],
            style: 'note' as const,
            bullet: 1,
          })),
        ]
      : null,
  );
};

const perDay = (ctx: Ctx, w: Clarification['before']) =>
  TREND_STRINGS[ctx.locale].perDay(
    avg(ctx, w.reportsPerDay),
    formatNumber(Math.round(w.reachPerDay), ctx.locale),
  );

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A local day without the year: vi "23/11", en "23 Nov". */
const dayMonth = (ctx: Ctx, day: string): string => {
  const [, m, d] = day.split('-');
  return ctx.locale === 'vi' ? `${d}/${m}` : `${Number(d)} ${EN_MONTHS[Number(m) - 1]}`;
};

/** One clarification and what followed it (the daily summary and the weekly/monthly report). */
export const clarificationItem = (ctx: Ctx, c: Clarification): Item => {
  const tt = TREND_STRINGS[ctx.locale];
  const took = c.secondsToOfficialWord === null ? null : formatDuration(c.secondsToOfficialWord, ctx.locale);
  const word = tt.officialWord(c.agencyName, ctx.t.outcome[c.outcome], when(ctx, c.officialAt), took);
  const days = c.days
    .map((d) => `${dayMonth(ctx, d.date)}: ${formatNumber(d.reports, ctx.locale)}`)
    .join(' · ');
  // The published word itself, when the desk recorded a web link to it.
  const evidence = c.evidenceUrl && /^https?:\/\//i.test(c.evidenceUrl) ? c.evidenceUrl : null;
  return {
    title: [user(userText(c.title))],
    lines: [
      { content: [word], style: 'meta' },
      { content: [tt.beforeAfter(perDay(ctx, c.before), perDay(ctx, c.after))], style: 'text' },
      ...(days ? [{ content: [small(`${tt.byDay}: ${days}`)], style: 'meta' as const }] : []),
      ...(evidence ? [{ content: [small(link(evidence))], style: 'meta' as const }] : []),
    ],
    tags: {
      labels: [tt.verdict[c.verdict]],
      tone: c.verdict === 'spreading' ? 'alert' : c.verdict === 'landed' ? 'accent' : 'warn',
    },
  };
};

/** Did the clarifications of the last 14 days land: one item each, the latest first. */
export const clarificationSection = (ctx: Ctx, s: DailySummary): Row | null => {
  if (s.clarifications.length === 0) return null;
  const tt = TREND_STRINGS[ctx.locale];
  const { shown, rest } = capped(s.clarifications, TREND_CAP.clarifications);
  return section(tt.clarTitle, para(tt.clarIntro, 'note'), {
    kind: 'items',
    items: shown.map((c) => clarificationItem(ctx, c)),
    more: rest > 0 ? ctx.t.more(rest) : null,
  });
};
