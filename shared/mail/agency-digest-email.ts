// The agency digest (to each agency with open assigned cases), in Vietnamese or
// English: what the agency owes, overdue first, each case once with its
// reference, priority, deadline and link. One model (blocks.ts), two parts.
import type { AppConfig, Locale } from '#config/schema';
import type { AgencyDigest, CaseLine, OverdueCase, RenderedEmail } from '#domain/summary-types';
import { type Block, link, para, type Row, section, user } from './blocks';
import { renderHtml } from './blocks-html';
import { renderText } from './blocks-text';
import { joinMeta, userText } from './email-parts';
import { formatDate, formatNumber, formatShortDate, timeZoneLabel } from './format';
import { caseLink } from './links';
import { STRINGS } from './strings';
import { byDaysOverdue, byDue, type Ctx, capped, dueText, LIST_CAP, noOverdueSection } from './summary-parts';

/** Evidence files on each case's page, by case id (absent: none). */
type FileCounts = ReadonlyMap<string, number>;

/** A digest case's facts on one line: reference, priority, deadline (and how late), its files. */
const digestMeta = (ctx: Ctx, c: CaseLine | OverdueCase, files: FileCounts): string =>
  joinMeta([
    `${ctx.t.reference} ${c.id}`,
    c.priority && ctx.t.priority[c.priority],
    dueText(ctx, c),
    'daysOverdue' in c && ctx.t.daysOverdue(c.daysOverdue),
    (files.get(c.id) ?? 0) > 0 && ctx.t.digestFiles(files.get(c.id)!),
  ]);

/** The cases of one digest section: title, then reference · priority · deadline, then the link. */
const digestCases = (ctx: Ctx, cases: (CaseLine | OverdueCase)[], cap: number, files: FileCounts): Block => {
  const { shown, rest } = capped(cases, cap);
  return {
    kind: 'items',
    items: shown.map((c) => {
      const url = caseLink(ctx.config, c.id);
      return {
        title: [user(userText(c.title))],
        lines: [
          { content: [digestMeta(ctx, c, files)], style: 'meta' as const },
          url ? { content: [link(url)], style: 'meta' as const } : null,
        ],
      };
    }),
    more: rest > 0 ? ctx.t.more(rest) : null,
  };
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
  files: FileCounts = new Map(),
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
  const rows: Row[] = [
    {
      kind: 'header',
      eyebrow: t.digestHeading,
      heading: digest.agencyName,
      sub: formatDate(digest.date, locale),
      joined: true,
    },
    { kind: 'lead', body: [para(t.digestIntro, 'note')] },
    // The text part has its counts in the sections' headings.
    {
      kind: 'figures',
      inText: false,
      figures: [
        { label: t.figureOverdue, value: overdue.length, alert: true },
        { label: t.figureDueSoon, value: dueSoon.length },
        { label: t.figureNew, value: newly.length },
      ],
    },
    overdue.length === 0
      ? noOverdueSection(t)
      : {
          kind: 'section',
          look: 'alert',
          title: `${t.overdueTitle} (${formatNumber(overdue.length, locale)})`,
          body: [digestCases(ctx, overdue, LIST_CAP.overduePerAgency, files)],
        },
  ];
  for (const [title, list] of [
    [t.dueSoonTitle, dueSoon],
    [t.newlyAssignedTitle, newly],
  ] as const) {
    if (list.length === 0) continue;
    rows.push(
      section(
        `${title} (${formatNumber(list.length, locale)})`,
        digestCases(ctx, list, LIST_CAP.dueSoon, files),
      ),
    );
  }
  rows.push({
    kind: 'footer',
    lines: [t.digestFooter(timeZoneLabel(ctx.timeZone, `${digest.date}T12:00:00Z`), overdue.length > 0)],
  });
  const preheader = counts.length > 0 ? counts.join(' · ') : t.digestNothing;
  return { subject, html: renderHtml(locale, subject, preheader, rows), text: renderText(locale, rows) };
};
