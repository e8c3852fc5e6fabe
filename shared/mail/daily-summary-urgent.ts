// The daily summary's urgent reports (critical and high urgency): one line each
// near the top, where a leader reads them in a minute, and their details at the
// end of the email.
import type { DailySummary, ReportLine } from '#domain/summary-types';
import { localDay } from '#domain/time';
import { badge, type Inline, link, para, type Row, section, small, user } from './blocks';
import { joinMeta, userExcerpt, userText } from './email-parts';
import { excerpt, formatNumber, formatTime } from './format';
import { reportLink } from './links';
import { areaName, type Ctx, categoryName, when } from './summary-parts';

/** When it was seen: the time alone if seen on the summary's day, else the day and time. */
const seenAt = (ctx: Ctx, iso: string, date: string): string =>
  localDay(new Date(iso), ctx.timeZone) === date ? formatTime(iso, ctx.timeZone) : when(ctx, iso);

const urgentMark = (ctx: Ctx, r: ReportLine): string | null =>
  r.caseId === null ? null : ctx.t.onCase(r.caseStatus);

const urgencyBadge = (ctx: Ctx, r: ReportLine): Inline =>
  badge(ctx.t.urgency[r.urgency], r.urgency === 'critical' ? 'alert' : 'warn');

/** The text width a line of the urgent list keeps to, so each report is one line. */
const URGENT_LINE_WIDTH = 72;
const URGENT_TITLE_MIN = 16;

/**
 * One line of the urgent list at the top: urgency, when it was seen, the title
 * (cut to fit the text part's line) and its case state.
 */
const urgentLine = (ctx: Ctx, r: ReportLine, date: string): Inline[] => {
  const label = `[${ctx.t.urgency[r.urgency]}]`;
  const time = r.observedAt ? seenAt(ctx, r.observedAt, date) : null;
  const mark = urgentMark(ctx, r);
  const fixed = ['- ', label, time ? ` ${time}` : '', ' ', mark ? ` · ${mark}` : ''].join('');
  const room = Math.max(URGENT_TITLE_MIN, URGENT_LINE_WIDTH - Array.from(fixed).length);
  return [
    urgencyBadge(ctx, r),
    ' ',
    ...(time ? [small(time), ' '] : []),
    user(excerpt(userText(r.title), room)),
    ...(mark ? [' ', small(`· ${mark}`)] : []),
  ];
};

/** The urgent list at the top: one line per report, no summary (it is in the details at the end). */
export const urgentSection = (ctx: Ctx, s: DailySummary, shown: ReportLine[]): Row => {
  const rest = s.reports.urgentCount - shown.length;
  return section(
    `${ctx.t.urgentTitle} (${formatNumber(s.reports.urgentCount, ctx.locale)})`,
    para(ctx.t.urgentIntro, 'note'),
    {
      kind: 'table',
      look: 'counts',
      groups: [
        {
          rows: shown.map((r) => ({ cells: [urgentLine(ctx, r, s.date)] })),
          more: rest > 0 ? ctx.t.more(rest) : null,
        },
      ],
    },
  );
};

const urgentMeta = (ctx: Ctx, r: ReportLine): string =>
  joinMeta([
    categoryName(ctx, r.category),
    areaName(ctx, r.area),
    r.observedAt && ctx.t.observed(when(ctx, r.observedAt)),
    ctx.t.submitted(when(ctx, r.submittedAt)),
    urgentMark(ctx, r),
  ]);

/** The urgent reports in full, at the end: title, where and when, the summary excerpt, the link. */
export const urgentDetailsSection = (ctx: Ctx, reports: ReportLine[]): Row =>
  section(ctx.t.urgentDetailsTitle, {
    kind: 'items',
    items: reports.map((r) => {
      const url = reportLink(ctx.config, r.id);
      return {
        title: [urgencyBadge(ctx, r), ' ', user(userText(r.title))],
        lines: [
          { content: [urgentMeta(ctx, r)], style: 'meta' as const },
          r.excerpt.trim() ? { content: [user(userExcerpt(r.excerpt))], style: 'text' as const } : null,
          url ? { content: [link(url)], style: 'meta' as const } : null,
        ],
      };
    }),
  });
