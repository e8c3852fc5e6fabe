// A daily summary run's rules, shared by the daily summary job and its watchdog
// (docs/jobs.md): which local day a run covers, and whether that day may be
// summarized yet. Pure.
import { dayStanding, previousLocalDay } from './time';

/** The sent-markers' job names: a digest and the summary never stand in for each other. */
export const DAILY_SUMMARY_MARKER_JOB = 'daily-summary';
export const AGENCY_DIGEST_MARKER_JOB = 'agency-digest';

/**
 * The day a run covers: the day it is asked for, else the local day before its
 * scheduled time (a retry of the 07:00 run keeps its scheduled time, so it
 * summarizes the same day), else the day before `now`.
 */
export const summaryDayOf = (
  run: { date?: string; scheduledTime?: string },
  now: Date,
  timeZone: string,
): string => run.date ?? previousLocalDay(run.scheduledTime ? new Date(run.scheduledTime) : now, timeZone);

export interface DayNotEnded {
  error: 'day-not-ended';
  standing: 'today' | 'future';
  message: string;
}

/**
 * Only a day that has ended may be summarized: a summary of today or a later
 * day would go out incomplete (or empty), and its sent-markers would hold back
 * the real one. `force` does not override this. A scheduled run always asks for
 * the day before its scheduled time, so only a manual run is refused.
 */
export const dayNotEnded = (date: string, now: Date, timeZone: string): DayNotEnded | undefined => {
  const standing = dayStanding(date, now, timeZone);
  if (standing === 'past') return undefined;
  return {
    error: 'day-not-ended',
    standing,
    message:
      `${date} has not ended yet in ${timeZone} (it is ${standing === 'today' ? 'today' : 'in the future'} there); ` +
      'only a day that has ended can be summarized. Nothing was sent.',
  };
};
