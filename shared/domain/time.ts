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

export const addMinutes = (d: Date, minutes: number): Date => new Date(d.getTime() + minutes * 60_000);
export const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * 86_400_000);
export const epochSeconds = (d: Date): number => Math.floor(d.getTime() / 1000);
