// The deadline escalation ladder (docs/jobs.md, "Escalation ladder"): where a
// verifying case stands on the configured steps, computed from the config and
// the case's deadline alone. Pure; the job (shared/service/escalation.ts)
// sends what `dueStep` says, once per case, deadline, step and recipient.

import type { EscalationRecipient } from '#config/escalation-schema';
import type { AppConfig } from '#config/schema';
import { dayRange, localDay } from './time';
import { addWorkingDays, shiftByWorkingDays, shiftDay, workingDaysBetween } from './working-days';

/** What the ladder needs of the config: the console passes the same from `/reference`. */
export type LadderConfig = Pick<AppConfig, 'calendar' | 'timeZone'> & {
  escalation: {
    steps: readonly { id: string; at: { workingDays: number }; to: readonly EscalationRecipient[] }[];
  };
};

export interface PlacedStep {
  id: string;
  /** Working days from the deadline (negative: before it). */
  workingDays: number;
  to: readonly EscalationRecipient[];
  /** When the step is due: the deadline's local time on its working day. */
  at: Date;
  /** Until when a run that missed `at` still sends it: the next step's moment, or one working day after the last. */
  until: Date;
}

/** Every step of the ladder placed against one deadline, in order. */
export const ladderFor = (config: LadderConfig, dueAt: Date): PlacedStep[] => {
  const { calendar, timeZone } = config;
  const placed = config.escalation.steps.map((s) => ({
    id: s.id,
    workingDays: s.at.workingDays,
    to: s.to,
    at: shiftByWorkingDays(calendar, dueAt, s.at.workingDays, timeZone),
  }));
  return placed.map((s, i) => ({
    ...s,
    until: placed[i + 1]?.at ?? shiftByWorkingDays(calendar, s.at, 1, timeZone),
  }));
};

/**
 * The one step a run sends now, if any: the step whose window [at, until)
 * holds `now`. A run that missed a step's moment still sends it while the case
 * has not reached the next step; a step the case is past is never sent late
 * (the later one says more). A step whose moment came before the case was
 * assigned (a short deadline, or one already near) is not sent: the assignment
 * email said the same, and a new case does not get its whole ladder at once.
 */
export const dueStep = (
  config: LadderConfig,
  c: { dueAt: string; assignedAt: string | null },
  now: Date,
): PlacedStep | null => {
  const assigned = c.assignedAt ? new Date(c.assignedAt).getTime() : Number.NEGATIVE_INFINITY;
  const t = now.getTime();
  const step = ladderFor(config, new Date(c.dueAt)).find((s) => s.at.getTime() <= t && t < s.until.getTime());
  return step && step.at.getTime() >= assigned ? step : null;
};

export type StepState = 'skipped' | 'passed' | 'current' | 'upcoming';

/** The ladder as the case page shows it: each step's moment and whether it is past, due now, or to come. */
export const ladderPosition = (
  config: LadderConfig,
  c: { dueAt: string; assignedAt: string | null },
  now: Date,
): { steps: (PlacedStep & { state: StepState })[]; next: PlacedStep | null } => {
  const assigned = c.assignedAt ? new Date(c.assignedAt).getTime() : Number.NEGATIVE_INFINITY;
  const t = now.getTime();
  const steps = ladderFor(config, new Date(c.dueAt)).map((s) => {
    const state: StepState =
      s.at.getTime() > t
        ? 'upcoming'
        : s.at.getTime() < assigned
          ? 'skipped'
          : t < s.until.getTime()
            ? 'current'
            : 'passed';
    return { ...s, state };
  });
  return { steps, next: steps.find((s) => s.state === 'upcoming') ?? null };
};

/**
 * The latest deadline a run must look at: a case due later has no step whose
 * moment has come. The earliest step is at most |n| working days before the
 * deadline, so deadlines up to that many working days after today (and a week
 * more, a margin for days off) are read; `dueStep` decides exactly.
 */
export const escalationHorizon = (config: AppConfig, now: Date): Date => {
  const earliest = Math.min(0, ...config.escalation.steps.map((s) => s.at.workingDays));
  const day = addWorkingDays(config.calendar, localDay(now, config.timeZone), -earliest);
  return dayRange(shiftDay(day, 7), config.timeZone).end;
};

/** Working days left before the deadline when a step is sent (negative: overdue), and whether it has passed. */
export const timeLeft = (
  config: AppConfig,
  dueAt: Date,
  now: Date,
): { workingDaysLeft: number; pastDue: boolean } => ({
  workingDaysLeft: workingDaysBetween(config.calendar, now, dueAt, config.timeZone),
  pastDue: now.getTime() >= dueAt.getTime(),
});
