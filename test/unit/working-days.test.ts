// The working-day functions (shared/domain/working-days.ts), on the dev calendar
// and property-tested with fast-check over 2026–2027 in Asia/Ho_Chi_Minh.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDay } from '#domain/time';
import {
  addWorkingDays,
  dueInWorkingDays,
  isWorkingDay,
  shiftByWorkingDays,
  shiftDay,
  workingDaysBetween,
} from '#domain/working-days';
import { checkCalendar } from '#infra/aws/build';
import { loadAppConfig } from '#infra/config/index';

const config = loadAppConfig('dev');
const cal = config.calendar;
const TZ = config.timeZone;

const dayArb = fc.integer({ min: 0, max: 729 }).map((i) => shiftDay('2026-01-01', i));
const instantArb = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-10-31T00:00:00Z') })
  .map((ms) => new Date(ms));

describe('isWorkingDay', () => {
  it('knows weekends, Tết and the compensatory days', () => {
    expect(isWorkingDay(cal, '2026-12-04')).toBe(true); // Friday
    expect(isWorkingDay(cal, '2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay(cal, '2026-02-18')).toBe(false); // Tết
    expect(isWorkingDay(cal, '2026-04-27')).toBe(false); // Hùng Kings' day, moved from Sunday
    expect(isWorkingDay(cal, '2027-05-03')).toBe(false); // 1 May 2027 falls on a Saturday
    expect(isWorkingDay(cal, '2026-09-03')).toBe(true);
  });

  it('a listed working day is worked, even on a weekend', () => {
    const withMakeUp = {
      ...cal,
      years: {
        ...cal.years,
        '2026': { ...cal.years['2026']!, workingDays: [{ date: '2026-12-05', reason: 'make-up' }] },
      },
    };
    expect(isWorkingDay(withMakeUp, '2026-12-05')).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('skips weekends and days off', () => {
    expect(addWorkingDays(cal, '2026-12-04', 1)).toBe('2026-12-07');
    expect(addWorkingDays(cal, '2026-12-07', -1)).toBe('2026-12-04');
    expect(addWorkingDays(cal, '2026-02-13', 1)).toBe('2026-02-23'); // across Tết 2026
    expect(addWorkingDays(cal, '2026-12-31', 1)).toBe('2027-01-04');
  });

  it('lands on a working day, and n steps there and −n steps back return to a working start', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 40 }), (day, n) => {
        const there = addWorkingDays(cal, day, n);
        expect(isWorkingDay(cal, there)).toBe(true);
        expect(there > day).toBe(true);
        if (isWorkingDay(cal, day)) expect(addWorkingDays(cal, there, -n)).toBe(day);
      }),
    );
  });

  it('is additive: n then m is n + m', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), (day, n, m) => {
        expect(addWorkingDays(cal, addWorkingDays(cal, day, n), m)).toBe(addWorkingDays(cal, day, n + m));
      }),
    );
  });
});

describe('workingDaysBetween', () => {
  it('counts working days between local days, signed', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 30 }), (from, n) => {
        const to = new Date(from.getTime());
        const target = addWorkingDays(cal, localDay(from, TZ), n);
        const due = shiftByWorkingDays(cal, to, 0, TZ);
        expect(due).toEqual(to);
        const end = dueInWorkingDays(cal, from, n === 0 ? 1 : n, TZ);
        const count = workingDaysBetween(cal, from, end, TZ);
        expect(count).toBe(n === 0 ? 1 : n);
        expect(workingDaysBetween(cal, end, from, TZ)).toBe(-count);
        expect(localDay(end, TZ)).toBe(n === 0 ? addWorkingDays(cal, localDay(from, TZ), 1) : target);
      }),
    );
  });

  it('is zero on the same local day', () => {
    expect(
      workingDaysBetween(cal, new Date('2026-12-04T01:00:00Z'), new Date('2026-12-04T16:00:00Z'), TZ),
    ).toBe(0);
    // Friday → Monday
    expect(
      workingDaysBetween(cal, new Date('2026-12-04T01:00:00Z'), new Date('2026-12-07T01:00:00Z'), TZ),
    ).toBe(1);
  });
});

describe('dueInWorkingDays', () => {
  it('is the end of the working day (17:00 local) N working days after today', () => {
    expect(dueInWorkingDays(cal, new Date('2026-12-04T03:00:00Z'), 1, TZ).toISOString()).toBe(
      '2026-12-07T10:00:00.000Z',
    );
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 60 }), (now, n) => {
        const due = dueInWorkingDays(cal, now, n, TZ);
        expect(due.getTime()).toBeGreaterThan(now.getTime());
        expect(isWorkingDay(cal, localDay(due, TZ))).toBe(true);
        expect(new Intl.DateTimeFormat('en-GB', { timeZone: TZ, timeStyle: 'short' }).format(due)).toBe(
          '17:00',
        );
      }),
    );
  });
});

describe('shiftByWorkingDays', () => {
  it('keeps the local time of day and moves by working days', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: -5, max: 5 }), (at, n) => {
        const moved = shiftByWorkingDays(cal, at, n, TZ);
        const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, timeStyle: 'medium' });
        expect(fmt.format(moved)).toBe(fmt.format(at));
        expect(localDay(moved, TZ)).toBe(addWorkingDays(cal, localDay(at, TZ), n));
      }),
    );
  });
});

describe('synth checks the calendar covers this year', () => {
  it('fails naming the year, and only warns for the next', () => {
    expect(() => checkCalendar('dev', cal, new Date('2028-03-01T00:00:00Z'))).toThrow(/no 2028/);
    expect(() => checkCalendar('dev', cal, new Date('2027-03-01T00:00:00Z'))).not.toThrow();
  });
});
