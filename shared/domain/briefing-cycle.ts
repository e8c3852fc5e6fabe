// The regular briefing cycle from the configured RRULE, evaluated in the
// configured zone. Pure; kept apart from briefing.ts so that only what
// materializes briefings bundles rrule.
import { createHash } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import * as rruleModule from 'rrule';
import { encodeTime } from 'ulid';
import type { AppConfig } from '#config/schema';
import type { Briefing } from './briefing';
import { addDays, localDay } from './time';

// rrule ships a CommonJS build (what Node loads) and an ES module build (what
// esbuild picks for the Lambda bundles) whose export shapes differ.
// (Read through a plain object: esbuild warns about `.default` on the namespace itself.)
const rruleExports: Record<string, unknown> = rruleModule;
const { RRule } = 'RRule' in rruleModule ? rruleModule : (rruleExports.default as typeof rruleModule);

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID that is the same every time for one regular occurrence: its time part
 * is the occurrence's start, its random part a hash of the occurrence date, so
 * materializing twice writes the same item.
 */
export const occurrenceId = (localDate: string, startsAt: Date): string => {
  const digest = createHash('sha256').update(`regular-briefing:${localDate}`).digest();
  let random = '';
  for (let i = 0; i < 16; i++) random += CROCKFORD[digest[i]! % 32];
  return encodeTime(startsAt.getTime(), 10) + random;
};

const instantAt = (localDate: string, hhmm: string, timeZone: string): Date => {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, 0, timeZone).getTime());
};

/**
 * The regular occurrences whose local date falls in [fromDay, toDay]. The RRULE
 * is evaluated on calendar dates (rrule's UTC-as-local convention), then each
 * date gets the configured local start time in the configured zone.
 */
export const regularOccurrences = (
  briefings: AppConfig['briefings'],
  timeZone: string,
  fromDay: string,
  toDay: string,
): { occurrence: string; startsAt: Date }[] => {
  const [fy, fm, fd] = fromDay.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = toDay.split('-').map(Number) as [number, number, number];
  const rule = new RRule({
    ...RRule.parseString(briefings.rrule),
    dtstart: new Date(Date.UTC(fy, fm - 1, fd)),
  });
  return rule
    .between(new Date(Date.UTC(fy, fm - 1, fd)), new Date(Date.UTC(ty, tm - 1, td)), true)
    .map((d) => {
      const occurrence = d.toISOString().slice(0, 10);
      return { occurrence, startsAt: instantAt(occurrence, briefings.startTime, timeZone) };
    });
};

/** The regular briefings to exist for the next `materializeDays` days from `now`. */
export const regularBriefingsAhead = (config: AppConfig, now: Date): Briefing[] => {
  const from = localDay(now, config.timeZone);
  const to = localDay(addDays(now, config.briefings.materializeDays), config.timeZone);
  return regularOccurrences(config.briefings, config.timeZone, from, to)
    .filter((o) => o.startsAt.getTime() > now.getTime())
    .map((o) => ({
      id: occurrenceId(o.occurrence, o.startsAt),
      kind: 'regular',
      title: config.defaultLocale === 'vi' ? 'Họp báo định kỳ' : 'Regular press briefing',
      startsAt: o.startsAt.toISOString(),
      durationMinutes: config.briefings.durationMinutes,
      location: config.briefings.location,
      status: 'scheduled',
      sequence: 0,
      cancelReason: null,
      invitees: [],
      version: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      occurrence: o.occurrence,
    }));
};
