import { describe, expect, it } from 'vitest';
import { dayRange, isCalendarDay, localDay, localDayHour } from '../../shared/domain/time';

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
