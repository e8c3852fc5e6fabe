// Time zones for the briefing .ics (ics.ts): DTSTART/DTEND as wall-clock times
// in the configured zone, and a VTIMEZONE that describes that zone around the
// event, both derived from the platform's zone data (Intl, through the one
// formatter cache in zoned-time.ts).
import { wallClock } from './zoned-time';

const DAY_MS = 86_400_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The wall-clock time of `ms` in `timeZone`, as if it were UTC (milliseconds dropped). */
const wallClockAsUtc = (ms: number, timeZone: string): number => {
  const w = wallClock(new Date(ms), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
};

/** The zone's offset from UTC at an instant, in seconds east of Greenwich (+25200 for +07:00). */
export const zoneOffsetSeconds = (timeZone: string, at: Date | number): number => {
  const ms = Math.floor(new Date(at).getTime() / 1000) * 1000;
  return Math.round((wallClockAsUtc(ms, timeZone) - ms) / 1000);
};

/**
 * DTSTART/DTEND for an instant: the local time in the zone (`20261210T140000`,
 * to be given its TZID), or, in the one case a local time cannot say which instant
 * it is, the UTC time (`20261101T063000Z`). That case is the second pass through
 * the hour repeated when a DST zone sets its clocks back: RFC 5545 §3.3.5 reads
 * such a local time as the first pass. Zones without DST never have it.
 */
export const icsZonedDateTime = (at: Date | number, timeZone: string): string => {
  const ms = Math.floor(new Date(at).getTime() / 1000) * 1000;
  const wall = wallClockAsUtc(ms, timeZone);
  const earlier = [ms - DAY_MS, ms + DAY_MS].some((probe) => {
    const offset = zoneOffsetSeconds(timeZone, probe);
    const candidate = wall - offset * 1000;
    return candidate < ms && zoneOffsetSeconds(timeZone, candidate) === offset;
  });
  return earlier ? `${icsDateTimeOf(ms)}Z` : icsDateTimeOf(wall);
};

/** A UTC-based millisecond count written as `YYYYMMDDTHHMMSS` (no zone). */
export const icsDateTimeOf = (ms: number): string => {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
};

/** A UTC offset as iCalendar writes it: `+0700`, `-0330`, `+053328` (seconds only when there are any). */
export const icsUtcOffset = (seconds: number): string => {
  const abs = Math.abs(seconds);
  const s = abs % 60;
  return `${seconds < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600))}${pad(Math.floor(abs / 60) % 60)}${s ? pad(s) : ''}`;
};

interface Transition {
  /** The first instant (ms) with the new offset. */
  at: number;
  from: number;
  to: number;
}

/**
 * The offset changes of `timeZone` in [from, to], found with Intl: the offset is
 * sampled once a day and each change is narrowed down to the second. Zones change
 * their offset at most a few times a year, never twice within a day.
 */
export const offsetTransitions = (timeZone: string, from: number, to: number): Transition[] => {
  const out: Transition[] = [];
  let prevAt = from;
  let prev = zoneOffsetSeconds(timeZone, from);
  for (let t = from + DAY_MS; prevAt < to; t += DAY_MS) {
    const at = Math.min(t, to);
    const offset = zoneOffsetSeconds(timeZone, at);
    if (offset !== prev) {
      let lo = prevAt; // offset `prev`
      let hi = at; // offset `offset`
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2000) * 1000;
        if (zoneOffsetSeconds(timeZone, mid) === prev) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, from: prev, to: offset });
      prev = offset;
    }
    prevAt = at;
  }
  return out;
};

/** How far around the event the VTIMEZONE describes the zone. */
const ZONE_MARGIN_MS = 366 * DAY_MS;
const VTIMEZONE_CACHE_SIZE = 64;
const vtimezoneCache = new Map<string, readonly string[]>();

const scanVtimezone = (timeZone: string, start: number, end: number): string[] => {
  const initial = zoneOffsetSeconds(timeZone, start);
  const transitions = offsetTransitions(timeZone, start, end);
  const lowest = Math.min(initial, ...transitions.map((t) => t.to));
  const observance = (onset: string, fromOffset: number, toOffset: number): string[] => {
    const kind = toOffset > lowest ? 'DAYLIGHT' : 'STANDARD';
    return [
      `BEGIN:${kind}`,
      `DTSTART:${onset}`,
      `TZOFFSETFROM:${icsUtcOffset(fromOffset)}`,
      `TZOFFSETTO:${icsUtcOffset(toOffset)}`,
      `END:${kind}`,
    ];
  };
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...observance('19700101T000000', initial, initial),
    // An onset is written as local time in the offset that was in force before it.
    ...transitions.flatMap((t) => observance(icsDateTimeOf(t.at + t.from * 1000), t.from, t.to)),
    'END:VTIMEZONE',
  ];
};

/**
 * A VTIMEZONE for `timeZone` that is exact from a year before `from` to a year
 * after `to`, derived from the platform's zone data (Intl):
 *
 * - a zone without changes in that window (Asia/Ho_Chi_Minh: +07:00 all year, no
 *   DST) gets one STANDARD observance;
 * - a zone with DST (or any other change) gets the offset in force at the start
 *   of the window, then one observance per change, each with its onset as a
 *   fixed date (no RRULE). That is exact for the event, which is all this
 *   calendar needs; it says nothing about other years. An observance whose offset
 *   is above the lowest one in the window is DAYLIGHT, the others STANDARD.
 *
 * The first observance is dated 1970-01-01, as is the custom: "in force until the
 * next onset" (the zone's older history is irrelevant to one briefing).
 */
export const vtimezoneLines = (timeZone: string, from: Date | number, to: Date | number): string[] => {
  const start = new Date(from).getTime() - ZONE_MARGIN_MS;
  const end = new Date(to).getTime() + ZONE_MARGIN_MS;
  // One briefing's emails go to many recipients: the scan (some 15 ms) is done once.
  const key = `${timeZone}|${start}|${end}`;
  const cached = vtimezoneCache.get(key);
  if (cached) return [...cached];
  const lines = scanVtimezone(timeZone, start, end);
  if (vtimezoneCache.size >= VTIMEZONE_CACHE_SIZE) vtimezoneCache.clear();
  vtimezoneCache.set(key, lines);
  return [...lines];
};
