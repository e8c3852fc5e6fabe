import { describe, expect, it } from 'vitest';
import { dayRange, dayStanding, daysOverdue, isCalendarDay, localDay, localDayHour } from '#domain/time';

const TZ = 'Asia/Ho_Chi_Minh';

describe('local days in the configured zone', () => {
  it('puts 23:59 and 00:01 local on different days', () => {
    expect(localDay(new Date('2026-03-10T16:59:00Z'), TZ)).toBe('2026-03-10'); // 23:59 local
    expect(localDay(new Date('2026-03-10T17:01:00Z'), TZ)).toBe('2026-03-11'); // 00:01 local
  });

  it('gives the UTC range of a local day', () => {
    const { start, end } = dayRange('2026-03-11', TZ);
    expect(start.toISOString()).toBe('2026-03-10T17:00:00.000Z');
    expect(end.toISOString()).toBe('2026-03-11T17:00:00.000Z');
  });

  it('gives the local hour of an instant, also across a DST change', () => {
    expect(localDayHour(new Date('2026-03-10T16:59:00Z'), TZ)).toEqual({ day: '2026-03-10', hour: '23' });
    expect(localDayHour(new Date('2026-03-10T17:00:00Z'), TZ)).toEqual({ day: '2026-03-11', hour: '00' });
    // Berlin falls back on 2026-10-25: 02:30 happens twice and both share hour 02 of that day.
    expect(localDayHour(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toEqual({
      day: '2026-10-25',
      hour: '02',
    });
    expect(localDayHour(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toEqual({
      day: '2026-10-25',
      hour: '02',
    });
    // And springs forward on 2026-03-29: 01:59 is followed by 03:00.
    expect(localDayHour(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toEqual({
      day: '2026-03-29',
      hour: '03',
    });
  });

  it('crosses month and year ends', () => {
    expect(dayRange('2026-12-31', TZ).end.toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(localDay(new Date('2026-12-31T17:00:00Z'), TZ)).toBe('2027-01-01');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-1-1', '26-01-01', '2026-04-31', 'today'])('rejects %s', (d) => {
    expect(isCalendarDay(d)).toBe(false);
  });
  it.each(['2028-02-29', '2026-01-01', '2026-12-31'])('accepts %s', (d) => {
    expect(isCalendarDay(d)).toBe(true);
  });
});

describe('days overdue: whole days completed since the deadline', () => {
  const due = '2026-11-25T10:00:00.000Z';
  const late = (hours: number) => new Date(new Date(due).getTime() + hours * 3_600_000);

  it.each([
    [0.5, 0],
    [23.9, 0],
    [24, 1],
    [27.5, 1],
    [47.9, 1],
    [48, 2],
    [24 * 30 + 1, 30],
  ])('%s hours late is %i day(s)', (hours, days) => {
    expect(daysOverdue(due, late(hours))).toBe(days);
  });

  it('is 0 at the deadline and before it, never negative', () => {
    expect(daysOverdue(due, late(0))).toBe(0);
    expect(daysOverdue(due, late(-30))).toBe(0);
  });

  it('counts elapsed hours, not local days, so zones and DST play no part', () => {
    // Berlin falls back on 2026-10-25 (a 25-hour day): due 00:00 local, 24 hours later is
    // 23:00 local the same day, and that is one whole day overdue.
    expect(daysOverdue('2026-10-24T22:00:00.000Z', new Date('2026-10-25T22:00:00.000Z'))).toBe(1);
    expect(daysOverdue('2026-10-24T22:00:00.000Z', new Date('2026-10-25T21:59:00.000Z'))).toBe(0);
  });
});

describe('where a local day stands', () => {
  it('is today until local midnight, then past; a later day is future', () => {
    // 23:59 local on 2026-11-25 in Ho Chi Minh City (UTC+7)
    const beforeMidnight = new Date('2026-11-25T16:59:00.000Z');
    expect(dayStanding('2026-11-25', beforeMidnight, TZ)).toBe('today');
    expect(dayStanding('2026-11-24', beforeMidnight, TZ)).toBe('past');
    expect(dayStanding('2026-11-26', beforeMidnight, TZ)).toBe('future');
    expect(dayStanding('2027-01-01', beforeMidnight, TZ)).toBe('future');
    // 00:00 local on the 26th: the 25th has ended
    expect(dayStanding('2026-11-25', new Date('2026-11-25T17:00:00.000Z'), TZ)).toBe('past');
  });

  it('follows the zone, DST included', () => {
    // 00:30 local on 2026-03-29 in Berlin (UTC+1) is still the 28th in UTC
    expect(dayStanding('2026-03-29', new Date('2026-03-28T23:30:00.000Z'), 'Europe/Berlin')).toBe('today');
    // 23:30 local on the 29th (UTC+2 after springing forward) is 21:30Z: still today
    expect(dayStanding('2026-03-29', new Date('2026-03-29T21:30:00.000Z'), 'Europe/Berlin')).toBe('today');
    expect(dayStanding('2026-03-29', new Date('2026-03-29T22:00:00.000Z'), 'Europe/Berlin')).toBe('past');
  });
});
