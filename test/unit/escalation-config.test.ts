// The ladder and the calendar in config are validated at load (synth, local stack, tests).
import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '#config/schema';
import { dev } from '#infra/config/dev';

const withLadder = (escalation: unknown) => () =>
  parseAppConfig({ ...dev, escalation }, 'infra/config/test.ts');
const step = (id: string, workingDays: number, to: string[] = ['agency']) => ({
  id,
  at: { workingDays },
  to,
});

describe('escalation config', () => {
  it('accepts the configured ladder', () => {
    expect(parseAppConfig(dev, 'dev').escalation.steps.map((s) => s.id)).toEqual([
      'reminder',
      'due',
      'overdue',
    ]);
  });

  it('refuses steps out of order, repeated ids, unknown recipients, and deskLead without addresses', () => {
    expect(withLadder({ steps: [step('a', 0), step('b', -1)] })).toThrow(
      /escalation\.steps\.1\.at: must come after step a/,
    );
    expect(withLadder({ steps: [step('a', -1), step('a', 0)] })).toThrow(/ids must be unique/);
    expect(withLadder({ steps: [step('a', 0, ['mayor'])] })).toThrow(/escalation\.steps\.0\.to\.0/);
    expect(withLadder({ steps: [step('a', 0, ['deskLead'])] })).toThrow(/escalation\.deskLead: required/);
    expect(withLadder({ steps: [] })).toThrow(/escalation\.steps/);
  });
});

describe('calendar config', () => {
  const withYear = (year: unknown) => () =>
    parseAppConfig(
      { ...dev, calendar: { ...dev.calendar, years: { '2026': year } } },
      'infra/config/test.ts',
    );
  it('refuses a date outside its year, a bad date, and a day both off and worked', () => {
    const off = (date: string) => ({ source: 's', daysOff: [{ date, name: 'x' }] });
    expect(withYear(off('2027-01-01'))).toThrow(/calendar\.years\.2026: 2027-01-01 is not in 2026/);
    expect(withYear(off('2026-02-30'))).toThrow(/must be a calendar date/);
    expect(withYear({ ...off('2026-05-02'), workingDays: [{ date: '2026-05-02', reason: 'r' }] })).toThrow(
      /2026-05-02 is also a day off/,
    );
  });
});
