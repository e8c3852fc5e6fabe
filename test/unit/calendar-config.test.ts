// The working-day calendar in config against the `date-holidays` library: every
// public holiday the library knows (the days in law, lunar ones included) must
// be among each configured year's days off, or listed as a working day with a
// reason. The library is a check only; the decree's extra days (Tết's full
// break, compensatory days, make-up Saturdays) come from the config.
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS } from '#config/schema';
import { calendarCoverage } from '#domain/working-days';
import { loadAppConfig } from '#infra/config/index';

const vn = new Holidays('VN');

describe.each(ENVIRONMENTS)('the %s calendar', (env) => {
  const { calendar } = loadAppConfig(env);
  it.each(Object.keys(calendar.years))('lists every public holiday date-holidays knows in %s', (year) => {
    const entry = calendar.years[year]!;
    const listed = new Set([...entry.daysOff, ...entry.workingDays].map((d) => d.date));
    const publicDays = vn
      .getHolidays(Number(year))
      .filter((h) => h.type === 'public')
      .map((h) => `${h.date.slice(0, 10)} ${h.name}`);
    expect(publicDays.length).toBeGreaterThan(5);
    expect(publicDays.filter((d) => !listed.has(d.slice(0, 10)))).toEqual([]);
  });

  it('covers 2026 and 2027, with Tết 2026 as the official 14–22 Feb break', () => {
    expect(calendarCoverage(calendar, new Date('2026-12-06T00:00:00Z'))).toEqual({
      current: true,
      next: true,
    });
    const off = new Set(calendar.years['2026']!.daysOff.map((d) => d.date));
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'])
      expect(off.has(d)).toBe(true);
  });
});

describe('calendarCoverage', () => {
  it('names a missing current or next year', () => {
    const { calendar } = loadAppConfig('dev');
    expect(calendarCoverage(calendar, new Date('2027-06-01T00:00:00Z'))).toEqual({
      current: true,
      next: false,
    });
    expect(calendarCoverage(calendar, new Date('2028-06-01T00:00:00Z'))).toEqual({
      current: false,
      next: false,
    });
  });
});
