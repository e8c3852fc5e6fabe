// The CSV attached to the weekly and monthly report: one row per case opened or
// closed in the period, headers and labels in the recipient's language, times
// local (`YYYY-MM-DD HH:mm` in the configured zone, which Excel reads as a date),
// the response time in hours with a decimal point. Written by shared/domain/csv.ts
// (BOM, RFC 4180 quoting, formula cells neutralised). Titles are masked for
// phone numbers and email addresses, as in the email.
import type { AppConfig, Locale } from '#config/schema';
import { toCsv } from '#domain/csv';
import type { PeriodicSummary } from '#domain/periodic';
import { userText } from './email-parts';
import { PERIODIC_STRINGS } from './periodic-strings';
import { STRINGS } from './strings';
import { wallClock } from './zoned-time';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `2026-12-01 08:15`, local. */
const local = (iso: string | null, timeZone: string): string | null => {
  if (!iso) return null;
  const p = wallClock(new Date(iso), timeZone);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}`;
};

export const periodCasesCsv = (s: PeriodicSummary, locale: Locale, config: AppConfig): string => {
  const p = PERIODIC_STRINGS[locale];
  const t = STRINGS[locale];
  const tz = s.timeZone || config.timeZone;
  const name = <T extends { id: string; name: Record<Locale, string> }>(list: readonly T[], id: string) =>
    list.find((x) => x.id === id)?.name[locale] ?? id;
  return toCsv(
    p.csvHeader,
    s.caseList.map((c) => [
      c.id,
      userText(c.title),
      name(config.categories, c.category),
      name(config.areas, c.area),
      c.agencyId ? (config.agencies.find((a) => a.id === c.agencyId)?.name ?? c.agencyId) : null,
      t.status[c.status as keyof typeof t.status] ?? c.status,
      c.outcome ? t.outcome[c.outcome] : null,
      local(c.openedAt, tz),
      local(c.closedAt, tz),
      local(c.dueAt, tz),
      local(c.respondedAt, tz),
      c.responseSeconds === null ? null : Math.round(c.responseSeconds / 360) / 10,
      c.reports,
      c.openedInPeriod ? p.yes : p.no,
      c.closedInPeriod ? p.yes : p.no,
      (c.tags ?? []).map(userText).join('; ') || null,
    ]),
  );
};
