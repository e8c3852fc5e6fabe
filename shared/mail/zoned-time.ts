// The one cache of zoned date formatters: the wall-clock fields of an instant in
// an IANA zone, and the zone's offset label, each formatter made once per zone.
// The emails' dates (format.ts) and the .ics times and VTIMEZONE (ics-timezone.ts)
// both read their zoned times here.

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallFormatters = new Map<string, Intl.DateTimeFormat>();
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

const wallFormatter = (timeZone: string): Intl.DateTimeFormat => {
  let f = wallFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    wallFormatters.set(timeZone, f);
  }
  return f;
};

/** The wall-clock fields of an instant in `timeZone` (24-hour clock). */
export const wallClock = (instant: Date, timeZone: string): WallClock => {
  const parts = wallFormatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
};

/** The zone's offset at an instant as Intl names it ("GMT+7"), or undefined for an invalid instant. */
export const offsetName = (instant: Date, timeZone: string): string | undefined => {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' });
    offsetFormatters.set(timeZone, f);
  }
  if (Number.isNaN(instant.getTime())) return undefined;
  return f.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value;
};
