// The daily summary page's day arithmetic, apart from the component for tests.
import { localDay } from '../time';

/** The day before a local day "YYYY-MM-DD" (calendar arithmetic, no zone involved). */
export const dayBefore = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
};

/** Yesterday in `zone` at `now`: the day the morning summary covers. */
export const yesterdayIn = (zone: string, now: Date = new Date()): string => dayBefore(localDay(now, zone));

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const isDay = (s: string | undefined): s is string => !!s && DAY.test(s);

export type TrendMark = 'new' | 'rising' | 'steady' | 'cooling';

/** The order the email has them: new and rising first, then steady, then cooling. */
export const MARK_ORDER: readonly TrendMark[] = ['new', 'rising', 'steady', 'cooling'];

/**
 * Topics in the email's order: by mark (new, rising, steady, cooling), then the
 * most reports, then the widest reach; the API's order breaks ties.
 */
export const orderTopics = <T extends { mark: TrendMark; reports: number; reach: number }>(
  topics: readonly T[],
): T[] =>
  topics
    .map((t, i) => ({ t, i }))
    .sort(
      (a, b) =>
        MARK_ORDER.indexOf(a.t.mark) - MARK_ORDER.indexOf(b.t.mark) ||
        b.t.reports - a.t.reports ||
        b.t.reach - a.t.reach ||
        a.i - b.i,
    )
    .map(({ t }) => t);

/** The topics to show at once (new and rising) and those behind a fold (steady and cooling). */
export const splitTopics = <T extends { mark: TrendMark; reports: number; reach: number }>(
  topics: readonly T[],
): { moving: T[]; rest: T[] } => {
  const ordered = orderTopics(topics);
  return {
    moving: ordered.filter((t) => t.mark === 'new' || t.mark === 'rising'),
    rest: ordered.filter((t) => t.mark === 'steady' || t.mark === 'cooling'),
  };
};
