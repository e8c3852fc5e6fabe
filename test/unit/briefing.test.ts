import { describe, expect, it } from 'vitest';
import {
  applyBriefingAction,
  type Briefing,
  dueBriefingMessages,
  newAdHocBriefing,
  startsAtLocal,
} from '#domain/briefing';
import { occurrenceId, regularBriefingsAhead, regularOccurrences } from '#domain/briefing-cycle';
import { BadRequest, Conflict } from '#domain/errors';
import { loadAppConfig } from '#infra/config/index';

const config = loadAppConfig('dev');
const TZ = config.timeZone;

describe('the regular cycle: 2nd and 4th Thursday, 14:00 local', () => {
  const twoYears = regularOccurrences(config.briefings, TZ, '2026-01-01', '2027-12-31');

  it('gives two briefings a month for two years, on Thursdays', () => {
    expect(twoYears).toHaveLength(48);
    for (const o of twoYears) {
      expect(new Date(`${o.occurrence}T12:00:00Z`).getUTCDay()).toBe(4);
    }
  });

  it('takes the 2nd and 4th Thursday in months with four and with five Thursdays', () => {
    const days = (month: string) =>
      twoYears.filter((o) => o.occurrence.startsWith(month)).map((o) => o.occurrence);
    // January 2026 has five Thursdays (1, 8, 15, 22, 29)
    expect(days('2026-01')).toEqual(['2026-01-08', '2026-01-22']);
    // February 2026 has four (5, 12, 19, 26)
    expect(days('2026-02')).toEqual(['2026-02-12', '2026-02-26']);
    // October 2026 has five (1, 8, 15, 22, 29)
    expect(days('2026-10')).toEqual(['2026-10-08', '2026-10-22']);
  });

  it('crosses the year boundary', () => {
    const around = regularOccurrences(config.briefings, TZ, '2026-12-15', '2027-01-31').map(
      (o) => o.occurrence,
    );
    expect(around).toEqual(['2026-12-24', '2027-01-14', '2027-01-28']);
  });

  it('starts at 14:00 in the configured zone, which is 07:00 UTC', () => {
    expect(twoYears[0]!.startsAt.toISOString()).toBe('2026-01-08T07:00:00.000Z');
    expect(startsAtLocal('2026-01-08T07:00:00.000Z', TZ)).toBe('2026-01-08T14:00');
  });

  it('follows a rule changed in config', () => {
    const firstTuesday = regularOccurrences(
      { ...config.briefings, rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1', startTime: '09:30' },
      TZ,
      '2027-01-01',
      '2027-03-31',
    );
    expect(firstTuesday.map((o) => o.startsAt.toISOString())).toEqual([
      '2027-01-05T02:30:00.000Z',
      '2027-02-02T02:30:00.000Z',
      '2027-03-02T02:30:00.000Z',
    ]);
  });

  it('materializes the next 60 days with one stable ULID per occurrence', () => {
    const now = new Date('2026-11-26T08:00:00.000Z'); // 15:00 local on Thu 26 Nov: today's briefing has started
    const ahead = regularBriefingsAhead(config, now);
    expect(ahead.map((b) => b.occurrence)).toEqual(['2026-12-10', '2026-12-24', '2027-01-14']);
    expect(regularBriefingsAhead(config, new Date('2026-11-27T00:00:00Z')).map((b) => b.id)).toEqual(
      ahead.map((b) => b.id),
    );
    for (const b of ahead) expect(b.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(occurrenceId('2026-12-10', new Date('2026-12-10T07:00:00Z'))).toBe(ahead[0]!.id);
    expect(occurrenceId('2026-12-24', new Date('2026-12-24T07:00:00Z'))).not.toBe(ahead[0]!.id);
  });
});

const now = new Date('2026-12-08T07:00:00.000Z');
const briefing = (over: Partial<Briefing> = {}): Briefing => ({
  ...newAdHocBriefing(
    config,
    { title: 'Họp báo về ngập lụt', startsAt: '2026-12-10T07:00:00Z' },
    { id: '01JZB00000000000000000000A', now },
  ),
  ...over,
});

describe('which messages are due at a given now (offsets 48 h and 3 h)', () => {
  const offsets = config.briefings.reminderOffsetsHours;
  const at = (iso: string, b = briefing()) => dueBriefingMessages(b, offsets, new Date(iso));

  it('nothing but the (empty-audience) invitation before the first window', () => {
    expect(at('2026-12-08T06:59:00Z')).toEqual([{ kind: 'update', audience: 'invitees' }]);
  });
  it('the 48 h reminder from 48 h before, the 3 h one from 3 h before', () => {
    expect(at('2026-12-08T07:00:00Z')).toContainEqual({ kind: 'reminder', offsetHours: 48 });
    expect(at('2026-12-10T03:59:00Z')).toContainEqual({ kind: 'reminder', offsetHours: 48 });
    expect(at('2026-12-10T04:00:00Z')).toContainEqual({ kind: 'reminder', offsetHours: 3 });
  });
  it('a missed window still sends while the briefing has not started; nothing after the start', () => {
    expect(at('2026-12-10T06:59:00Z')).toContainEqual({ kind: 'reminder', offsetHours: 3 });
    expect(at('2026-12-10T07:00:00Z')).toEqual([]);
  });
  it('an update to everyone after a reschedule; only the cancellation once cancelled', () => {
    expect(at('2026-12-09T00:00:00Z', briefing({ sequence: 1 }))).toContainEqual({
      kind: 'update',
      audience: 'everyone',
    });
    expect(at('2026-12-09T00:00:00Z', briefing({ status: 'cancelled', sequence: 1 }))).toEqual([
      { kind: 'cancel' },
    ]);
    expect(at('2026-12-11T00:00:00Z', briefing({ status: 'cancelled', sequence: 1 }))).toEqual([]);
  });
});

describe('desk actions', () => {
  it('reschedule and cancel bump the sequence; invite adds new addresses only', () => {
    const moved = applyBriefingAction(
      briefing(),
      { action: 'reschedule', startsAt: '2026-12-11T08:00:00Z' },
      now,
    );
    expect(moved).toMatchObject({ sequence: 1, startsAt: '2026-12-11T08:00:00.000Z', version: 2 });
    const invited = applyBriefingAction(
      moved,
      { action: 'invite', emails: ['a@press.example', 'b@press.example'] },
      now,
    );
    const again = applyBriefingAction(
      invited,
      { action: 'invite', emails: ['A@press.example', 'c@press.example'] },
      now,
    );
    expect(again.invitees).toEqual(['a@press.example', 'b@press.example', 'c@press.example']);
    expect(again.sequence).toBe(1);
    const cancelled = applyBriefingAction(again, { action: 'cancel', reason: 'Hoãn' }, now);
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2, cancelReason: 'Hoãn' });
  });
  it('refuses a start in the past, acting on a cancelled or started briefing', () => {
    expect(() =>
      newAdHocBriefing(config, { title: 'Quá khứ', startsAt: '2026-12-08T06:00:00Z' }, { id: 'x', now }),
    ).toThrow(BadRequest);
    expect(() =>
      applyBriefingAction(briefing(), { action: 'reschedule', startsAt: '2026-12-01T00:00:00Z' }, now),
    ).toThrow(BadRequest);
    const cancelled = briefing({ status: 'cancelled' });
    expect(() =>
      applyBriefingAction(cancelled, { action: 'reschedule', startsAt: '2026-12-12T00:00:00Z' }, now),
    ).toThrow(Conflict);
    expect(() =>
      applyBriefingAction(briefing(), { action: 'cancel', reason: 'x' }, new Date('2026-12-10T07:30:00Z')),
    ).toThrow(Conflict);
  });
});
