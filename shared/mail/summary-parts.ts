// What the daily summary and the agency digest share: the reader's context,
// names from the config, deadlines, the orders lists are shown in, and the caps
// that keep a very busy day readable.
import type { AppConfig, Locale } from '#config/schema';
import type { AgencyOverdue, CaseLine, OverdueCase } from '#domain/summary-types';
import { para, type Row } from './blocks';
import { formatDateTime } from './format';
import type { Strings } from './strings';

export interface Ctx {
  locale: Locale;
  t: Strings;
  timeZone: string;
  config: AppConfig;
}

export const categoryName = (ctx: Ctx, id: string): string =>
  ctx.config.categories.find((c) => c.id === id)?.name[ctx.locale] ?? id;
export const areaName = (ctx: Ctx, id: string): string =>
  ctx.config.areas.find((a) => a.id === id)?.name[ctx.locale] ?? id;
export const agencyName = (ctx: Ctx, line: CaseLine): string =>
  line.agencyName ??
  (line.agencyId ? ctx.config.agencies.find((a) => a.id === line.agencyId)?.name : undefined) ??
  ctx.t.unassigned;

/** A day and time without the year: "27/11 00:30", "27 Nov, 00:30". */
export const when = (ctx: Ctx, iso: string): string =>
  formatDateTime(iso, ctx.locale, ctx.timeZone, { year: false });
export const dueText = (ctx: Ctx, line: CaseLine): string | null =>
  line.dueAt ? ctx.t.due(when(ctx, line.dueAt)) : null;

export const byDue = (a: CaseLine, b: CaseLine): number =>
  (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff');
export const byDaysOverdue = (a: OverdueCase, b: OverdueCase): number =>
  b.daysOverdue - a.daysOverdue || byDue(a, b);
export const overdueTotal = (groups: AgencyOverdue[]): number =>
  groups.reduce((n, g) => n + g.cases.length, 0);

/** The agencies with the most overdue cases first, then the longest overdue. */
export const sortOverdue = (groups: AgencyOverdue[]): AgencyOverdue[] =>
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
export const LIST_CAP = { urgent: 15, hot: 10, dueSoon: 20, overduePerAgency: 15, briefings: 10 };
export const capped = <T>(items: T[], cap: number): { shown: T[]; rest: number } => ({
  shown: items.slice(0, cap),
  rest: Math.max(0, items.length - cap),
});

/** The overdue section when nothing is overdue: the title and one quiet line. */
export const noOverdueSection = (t: Strings): Row => ({
  kind: 'section',
  look: 'compact',
  title: t.overdueTitle,
  body: [para(t.overdueNone, 'note')],
});
