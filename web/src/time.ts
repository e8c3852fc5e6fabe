// Times in the console: always the configured zone (never the device's), in the
// emails' own words (shared/mail/format.ts), and the zone named once per page.
// Date-time inputs hold the zone's wall-clock time; they are turned into
// instants here.
import { TZDate } from '@date-fns/tz';
import { formatDate, formatDateTime, formatNumber, timeZoneLabel } from '#mail/format';
import type { Lang } from './i18n';

export { formatNumber, timeZoneLabel };

/** vi "Thứ Sáu, 04/12/2026 14:00", en "Friday, 4 Dec 2026, 14:00". */
export const dateTime = (iso: string, lang: Lang, zone: string, weekday = true): string =>
  formatDateTime(iso, lang, zone, { weekday });

/** A local day "YYYY-MM-DD" in full: vi "Thứ Sáu, 04/12/2026". */
export const day = (d: string, lang: Lang): string => formatDate(d, lang);

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock fields of an instant in `zone`. */
const wall = (instant: Date, zone: string) => {
  const z = new TZDate(instant.getTime(), zone);
  return {
    y: z.getFullYear(),
    m: z.getMonth() + 1,
    d: z.getDate(),
    h: z.getHours(),
    min: z.getMinutes(),
  };
};

/** The local day ("YYYY-MM-DD") of an instant in `zone`. */
export const localDay = (instant: Date, zone: string): string => {
  const w = wall(instant, zone);
  return `${w.y}-${pad(w.m)}-${pad(w.d)}`;
};

/** An `<input type="datetime-local">` value ("YYYY-MM-DDTHH:mm") for an instant, in `zone`. */
export const toLocalInput = (instant: Date | string, zone: string): string => {
  const w = wall(new Date(instant), zone);
  return `${w.y}-${pad(w.m)}-${pad(w.d)}T${pad(w.h)}:${pad(w.min)}`;
};

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The instant (ISO, UTC) a datetime-local value means in `zone`; null when it is not one. */
export const fromLocalInput = (value: string, zone: string): string | null => {
  const m = LOCAL_INPUT.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const z = new TZDate(y, mo - 1, d, h, mi, zone);
  if (Number.isNaN(z.getTime())) return null;
  return new Date(z.getTime()).toISOString();
};

/** A share 0…1 as a whole percentage: vi "82%", en "82%". */
export const formatPercent = (share: number, lang: Lang): string =>
  new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);
