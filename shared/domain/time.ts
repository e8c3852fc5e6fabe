// Local days in the configured zone. Instants are stored in UTC; a "day" is a
// calendar date in the office's zone, converted only here.
import { TZDate } from '@date-fns/tz';

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local calendar date (YYYY-MM-DD) of an instant in `timeZone`. */
export const localDay = (instant: Date, timeZone: string): string => localDayHour(instant, timeZone).day;

/** The local day and hour (`YYYY-MM-DD`, `00`–`23`) of an instant in `timeZone`. */
export const localDayHour = (instant: Date, timeZone: string): { day: string; hour: string } => {
  const d = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, hour: pad(d.getHours()) };
};

/** The 24 local hours of a day, `00`…`23` (a day with a DST change still fits: its repeated hour shares a key). */
export const DAY_HOURS: readonly string[] = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/** True when `day` is a real calendar date written YYYY-MM-DD. */
export const isCalendarDay = (day: string): boolean => {
  const m = DAY_RE.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  return utc.getUTCFullYear() === y && utc.getUTCMonth() === mo - 1 && utc.getUTCDate() === d;
};

/** The instants [start, end) that make up local day `day` in `timeZone`. */
export const dayRange = (day: string, timeZone: string): { start: Date; end: Date } => {
  const m = DAY_RE.exec(day);
  if (!m || !isCalendarDay(day)) throw new Error(`not a calendar day: ${day}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const start = new TZDate(y, mo - 1, d, 0, 0, 0, 0, timeZone);
  const end = new TZDate(y, mo - 1, d + 1, 0, 0, 0, 0, timeZone);
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
};

/**
 * Where local day `day` stands at `now` in `timeZone`: `past` once it has ended
 * (its local midnight has passed), `today` while it runs, `future` before it
 * starts. `GET /summaries/daily` refuses a `future` day; the daily summary job
 * summarizes only a `past` one (a summary of a day still running would be sent
 * once, incomplete, and its sent-markers would block the real one).
 */
export const dayStanding = (day: string, now: Date, timeZone: string): 'past' | 'today' | 'future' => {
  const today = localDay(now, timeZone);
  return day < today ? 'past' : day === today ? 'today' : 'future';
};

/**
 * The local day before `instant`: the day a daily summary run scheduled at
 * `instant` covers (its 07:00 run summarizes yesterday), and the day
 * `GET /summaries/daily` shows by default.
 */
export const previousLocalDay = (instant: Date, timeZone: string): string =>
  localDay(addDays(instant, -1), timeZone);

const HOUR_MS = 3_600_000;

/**
 * Days overdue, the one rule for every place that shows it: the whole days
 * completed since the deadline, i.e. floor(hours late / 24). 23.9 hours late is
 * 0 ("less than a day"), 24 to 47.9 hours is 1, 27.5 hours is 1. Never negative.
 * Counted in elapsed hours, not local calendar days, so the zone and its DST
 * changes play no part.
 */
export const daysOverdue = (dueAt: string, now: Date): number => {
  const hoursLate = (now.getTime() - new Date(dueAt).getTime()) / HOUR_MS;
  return hoursLate <= 0 ? 0 : Math.floor(hoursLate / 24);
};

export const addMinutes = (d: Date, minutes: number): Date => new Date(d.getTime() + minutes * 60_000);
export const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * 86_400_000);
export const epochSeconds = (d: Date): number => Math.floor(d.getTime() / 1000);
