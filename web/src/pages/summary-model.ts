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
