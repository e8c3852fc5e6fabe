// Every time in the console is in the configured zone, whatever the device's zone is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateTime, fromLocalInput, localDay, toLocalInput } from '#web/src/time';

const ZONE = 'Asia/Ho_Chi_Minh';

describe('console times', () => {
  it("writes an instant the emails' way, in the zone", () => {
    expect(dateTime('2026-12-04T07:00:00Z', 'vi', ZONE)).toBe('Thứ Sáu, 04/12/2026 14:00');
    expect(dateTime('2026-12-04T07:00:00Z', 'en', ZONE)).toBe('Friday, 4 Dec 2026, 14:00');
  });

  it('turns a datetime-local value into the instant it means in the zone, not the device zone', () => {
    expect(fromLocalInput('2026-12-06T17:00', ZONE)).toBe('2026-12-06T10:00:00.000Z');
    expect(fromLocalInput('2026-12-06T17:00', 'America/New_York')).toBe('2026-12-06T22:00:00.000Z');
    expect(fromLocalInput('06/12/2026 17:00', ZONE)).toBeNull();
    expect(fromLocalInput('', ZONE)).toBeNull();
  });

  it('round-trips any minute through the input value (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2035-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(ZONE, 'Europe/Berlin', 'America/New_York', 'UTC'),
        (d, zone) => {
          const minute = new Date(Math.floor(d.getTime() / 60_000) * 60_000);
          const back = fromLocalInput(toLocalInput(minute, zone), zone);
          // A wall-clock time that occurs twice (autumn change) may map to either instant.
          expect(Math.abs(Date.parse(back!) - minute.getTime()) % 3_600_000).toBe(0);
          expect(toLocalInput(back!, zone)).toBe(toLocalInput(minute, zone));
        },
      ),
    );
  });

  it("names the zone's day, which differs from UTC's late in the evening UTC", () => {
    expect(localDay(new Date('2026-12-04T18:30:00Z'), ZONE)).toBe('2026-12-05');
    expect(localDay(new Date('2026-12-04T16:59:00Z'), ZONE)).toBe('2026-12-04');
  });
});
