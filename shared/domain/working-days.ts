// Working days in the configured zone (docs/configuration.md, "Working-day
// calendar"): weekends and the days off listed per year in config, with the
// make-up working days listed there too. Pure; a "day" is a local calendar date
// YYYY-MM-DD, and only the functions taking instants look at the zone.
import { TZDate } from '@date-fns/tz';
import type { AppConfig } from '#config/schema';
import type { CaseAction } from './case';
import { localDay } from './time';

export type Calendar = AppConfig['calendar'];

const WEEKDAY_OF_UTC_DAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_MS = 86_400_000;

const parseDay = (day: string): number => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};
const formatDay = (utc: number): string => new Date(utc).toISOString().slice(0, 10);

/** The calendar day `n` days after `day` (negative: before). */
export const shiftDay = (day: string, n: number): string => formatDay(parseDay(day) + n * DAY_MS);

interface Lookup {
  off: Set<string>;
  on: Set<string>;
  weekend: Set<string>;
}
const lookups = new WeakMap<Calendar, Lookup>();
const lookup = (cal: Calendar): Lookup => {
  let l = lookups.get(cal);
  if (!l) {
    const years = Object.values(cal.years);
    l = {
      off: new Set(years.flatMap((y) => y.daysOff.map((d) => d.date))),
      on: new Set(years.flatMap((y) => (y.workingDays ?? []).map((d) => d.date))),
      weekend: new Set(cal.weekend),
    };
    lookups.set(cal, l);
  }
  return l;
};

/**
 * Whether a local day is worked: a listed working day (a make-up Saturday) is;
 * a listed day off is not; otherwise every day but the weekend is. A year the
 * config does not list has weekends only (synth refuses a config missing the
 * current year: infra/aws/build.ts).
 */
export const isWorkingDay = (cal: Calendar, day: string): boolean => {
  const l = lookup(cal);
  if (l.on.has(day)) return true;
  if (l.off.has(day)) return false;
  return !l.weekend.has(WEEKDAY_OF_UTC_DAY[new Date(parseDay(day)).getUTCDay()]!);
};

/** A calendar where every day is off cannot move; this bounds the walk (a year and a half of days off). */
const MAX_WALK = 550;

/**
 * The day `n` working days after `day` (negative: before; 0: `day` itself,
 * worked or not). From a day off, the first working day after it is day 1.
 */
export const addWorkingDays = (cal: Calendar, day: string, n: number): string => {
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = day;
  let walked = 0;
  while (left > 0) {
    d = shiftDay(d, step);
    if (isWorkingDay(cal, d)) left--;
    if (++walked > MAX_WALK * Math.max(1, Math.abs(n))) throw new Error('the calendar has no working days');
  }
  return d;
};

/**
 * Working days from one instant to another, counted on local days: the
 * working days after `from`'s day up to and including `to`'s day (negative
 * when `to` is earlier). Same day → 0; Friday → Monday → 1.
 */
export const workingDaysBetween = (cal: Calendar, from: Date, to: Date, timeZone: string): number => {
  const a = localDay(from, timeZone);
  const b = localDay(to, timeZone);
  if (a === b) return 0;
  const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = shiftDay(lo, 1); d <= hi; d = shiftDay(d, 1)) if (isWorkingDay(cal, d)) count++;
  return sign * count;
};

/** The instant of a local wall time (`HH:mm` or hour and minute) on a local day. */
export const atLocalTime = (day: string, hour: number, minute: number, timeZone: string): Date => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, hour, minute, 0, 0, timeZone).getTime());
};

/**
 * A deadline given in working days: the end of the working day (`endOfWorkingDay`,
 * local) `n` working days after today's local day.
 */
export const dueInWorkingDays = (cal: Calendar, now: Date, n: number, timeZone: string): Date => {
  const day = addWorkingDays(cal, localDay(now, timeZone), n);
  const [h, min] = cal.endOfWorkingDay.split(':').map(Number) as [number, number];
  return atLocalTime(day, h, min, timeZone);
};

/**
 * The moment `n` working days from a deadline: the deadline's local time of
 * day on the day `n` working days from the deadline's local day.
 */
export const shiftByWorkingDays = (cal: Calendar, at: Date, n: number, timeZone: string): Date => {
  if (n === 0) return at;
  const local = new TZDate(at.getTime(), timeZone);
  const day = addWorkingDays(cal, localDay(at, timeZone), n);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(
    new TZDate(
      y,
      m - 1,
      d,
      local.getHours(),
      local.getMinutes(),
      local.getSeconds(),
      local.getMilliseconds(),
      timeZone,
    ).getTime(),
  );
};

/** The next `count` local days from `from`'s day (included), each with whether it is worked and, if off, why. */
export const calendarDays = (
  cal: Calendar,
  from: Date,
  count: number,
  timeZone: string,
): { day: string; working: boolean; name?: string }[] => {
  const names = new Map(
    Object.values(cal.years).flatMap((y) => y.daysOff.map((d) => [d.date, d.name] as const)),
  );
  const start = localDay(from, timeZone);
  return Array.from({ length: count }, (_, i) => {
    const day = shiftDay(start, i);
    const working = isWorkingDay(cal, day);
    const name = working ? undefined : names.get(day);
    return { day, working, ...(name ? { name } : {}) };
  });
};

/**
 * An assignment given `dueInWorkingDays` gets its `dueAt` here, from the
 * server's clock and the calendar; any other action passes through.
 */
export const withWorkingDayDeadline = (config: AppConfig, action: CaseAction, now: Date): CaseAction =>
  action.action === 'assign' && action.dueInWorkingDays !== undefined
    ? {
        ...action,
        dueAt: dueInWorkingDays(config.calendar, now, action.dueInWorkingDays, config.timeZone).toISOString(),
      }
    : action;

/** Whether the calendar lists the year of `now` and the one after (in UTC: a day's difference does not matter here). */
export const calendarCoverage = (cal: Calendar, now: Date): { current: boolean; next: boolean } => {
  const y = now.getUTCFullYear();
  return { current: String(y) in cal.years, next: String(y + 1) in cal.years };
};
