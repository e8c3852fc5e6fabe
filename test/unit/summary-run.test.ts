// A daily summary run's rules (shared/domain/summary-run.ts): the day a run
// covers, and the refusal of a day that has not ended; and the sweep's cut-off.
import { describe, expect, it } from 'vitest';
import { SWEEP_AFTER_MINUTES, sweepCutoff } from '#domain/notifications';
import { dayNotEnded, summaryDayOf } from '#domain/summary-run';
import { previousLocalDay } from '#domain/time';

const TZ = 'Asia/Ho_Chi_Minh';

describe('the day a summary run covers', () => {
  it('is the local day before the instant, in the zone (not in UTC)', () => {
    // 07:00 local on the 11th is 00:00 UTC on the 11th: the day before is the 10th.
    expect(previousLocalDay(new Date('2026-03-11T00:00:00Z'), TZ)).toBe('2026-03-10');
    // 06:59 local on the 11th is 23:59 UTC on the 10th: still the 10th covered.
    expect(previousLocalDay(new Date('2026-03-10T23:59:00Z'), TZ)).toBe('2026-03-10');
    // 00:30 local on the 11th is 17:30 UTC on the 10th: the 10th, where a UTC day before would be the 9th.
    expect(previousLocalDay(new Date('2026-03-10T17:30:00Z'), TZ)).toBe('2026-03-10');
  });

  it('is the day asked for, else the day before the scheduled time (a retry keeps it), else before now', () => {
    const now = new Date('2026-03-14T03:00:00Z');
    expect(summaryDayOf({ date: '2026-02-01', scheduledTime: '2026-03-11T00:00:00Z' }, now, TZ)).toBe(
      '2026-02-01',
    );
    expect(summaryDayOf({ scheduledTime: '2026-03-11T00:00:00Z' }, now, TZ)).toBe('2026-03-10');
    expect(summaryDayOf({}, now, TZ)).toBe('2026-03-13');
  });
});

describe('only a day that has ended is summarized', () => {
  const now = new Date('2026-03-11T00:00:00Z'); // 07:00 on the 11th, local

  it('lets a past day through', () => {
    expect(dayNotEnded('2026-03-10', now, TZ)).toBeUndefined();
  });

  it('refuses today and a later day, saying which and that nothing was sent', () => {
    expect(dayNotEnded('2026-03-11', now, TZ)).toEqual({
      error: 'day-not-ended',
      standing: 'today',
      message:
        '2026-03-11 has not ended yet in Asia/Ho_Chi_Minh (it is today there); only a day that has ended can be summarized. Nothing was sent.',
    });
    expect(dayNotEnded('2026-03-12', now, TZ)).toMatchObject({
      standing: 'future',
      message: expect.stringContaining('(it is in the future there)'),
    });
  });
});

describe("the notification sweep's cut-off", () => {
  it('takes items pending for SWEEP_AFTER_MINUTES or more', () => {
    expect(SWEEP_AFTER_MINUTES).toBe(15);
    expect(sweepCutoff(new Date('2026-03-11T00:15:00Z')).toISOString()).toBe('2026-03-11T00:00:00.000Z');
  });
});
