import { describe, expect, it } from 'vitest';
import { dayRange, isCalendarDay, localDay } from '../../shared/domain/time';

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
