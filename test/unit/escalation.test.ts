// Where a case stands on the dev ladder (shared/domain/escalation.ts): the step
// due at each moment, the windows, the steps skipped before the assignment.
import { describe, expect, it } from 'vitest';
import { dueStep, escalationHorizon, ladderFor, ladderPosition, timeLeft } from '#domain/escalation';
import { loadAppConfig } from '#infra/config/index';

const config = loadAppConfig('dev');
// Due Monday 30 Nov 2026 17:00 local; assigned Thursday 26 Nov 09:00 local.
const c = { dueAt: '2026-11-30T10:00:00.000Z', assignedAt: '2026-11-26T02:00:00.000Z' };
const at = (iso: string) => new Date(iso);

describe('the ladder against one deadline', () => {
  it('places each step in working days, at the deadline time of day', () => {
    expect(
      ladderFor(config, at(c.dueAt)).map((s) => [s.id, s.at.toISOString(), s.until.toISOString()]),
    ).toEqual([
      ['reminder', '2026-11-27T10:00:00.000Z', '2026-11-30T10:00:00.000Z'], // Friday, until the deadline
      ['due', '2026-11-30T10:00:00.000Z', '2026-12-03T10:00:00.000Z'],
      ['overdue', '2026-12-03T10:00:00.000Z', '2026-12-04T10:00:00.000Z'], // the last: one working day
    ]);
  });

  it('sends the one step whose window holds now', () => {
    expect(dueStep(config, c, at('2026-11-27T09:59:59Z'))).toBeNull();
    expect(dueStep(config, c, at('2026-11-27T10:00:00Z'))?.id).toBe('reminder');
    expect(dueStep(config, c, at('2026-11-29T12:00:00Z'))?.id).toBe('reminder'); // a missed run catches up
    expect(dueStep(config, c, at('2026-11-30T10:00:00Z'))?.id).toBe('due');
    expect(dueStep(config, c, at('2026-12-03T10:00:00Z'))?.id).toBe('overdue');
    expect(dueStep(config, c, at('2026-12-04T10:00:00Z'))).toBeNull();
  });

  it('never sends a step whose moment came before the assignment', () => {
    const late = { ...c, assignedAt: '2026-11-30T02:00:00.000Z' }; // Monday morning, due that evening
    expect(dueStep(config, late, at('2026-11-30T03:00:00Z'))).toBeNull();
    expect(dueStep(config, late, at('2026-11-30T10:01:00Z'))?.id).toBe('due');
    const pos = ladderPosition(config, late, at('2026-11-30T03:00:00Z'));
    expect(pos.steps.map((s) => s.state)).toEqual(['skipped', 'upcoming', 'upcoming']);
    expect(pos.next?.id).toBe('due');
  });

  it('shows the position: passed, current, upcoming', () => {
    const pos = ladderPosition(config, c, at('2026-12-01T03:00:00Z'));
    expect(pos.steps.map((s) => s.state)).toEqual(['passed', 'current', 'upcoming']);
    expect(pos.next?.at.toISOString()).toBe('2026-12-03T10:00:00.000Z');
  });

  it('reads far enough ahead for the earliest step, and counts working days left', () => {
    expect(escalationHorizon(config, at('2026-11-27T10:00:00Z')).getTime()).toBeGreaterThan(
      Date.parse(c.dueAt),
    );
    expect(timeLeft(config, at(c.dueAt), at('2026-11-27T10:05:00Z'))).toEqual({
      workingDaysLeft: 1,
      pastDue: false,
    });
    expect(timeLeft(config, at(c.dueAt), at('2026-12-03T10:05:00Z'))).toEqual({
      workingDaysLeft: -3,
      pastDue: true,
    });
  });
});
