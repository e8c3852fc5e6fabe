// The local stack's in-process scheduler: every row of the schedule manifest
// (functions/schedules.ts), read in the config's time zone as EventBridge
// Scheduler reads it on AWS, calling the same `run` as the Lambda. A schedule
// is one of two shapes (`{ daily: 'HH:mm' }`, `{ everyMinutes: n }`), so the
// next run is a few lines of arithmetic in the zone, and one timer per job.
// A run never overlaps the previous one of the same job, prints one JSON line,
// and a job that throws is logged, never taken down with the stack.
import { TZDate } from '@date-fns/tz';
import { describeSchedule, minuteInterval, type Schedule, timeOfDay, timeZoneOf } from '#functions/schedules';
import type { Deps } from '#shared/deps';
import { type LocalJob, localJobs } from './jobs';
import type { StackExtension } from './stack';

export interface LocalSchedulerOptions {
  /** One JSON line per run. */
  log: (line: string) => void;
  /** Where a run's error (with its stack) goes; defaults to console.error. */
  logError?: (message: string, error: unknown) => void;
  /** The jobs to schedule; defaults to every row of the manifest. */
  jobs?: readonly LocalJob[];
  /** Overrides when a job next runs after `after`; for tests that cannot wait for 07:00. */
  nextRunOf?: (job: LocalJob, after: Date) => Date;
  /** How long stop() waits for runs in progress; @default 30 s */
  stopTimeoutMs?: number;
}

export interface LocalScheduler {
  /** The zone every schedule is read in (the config's). */
  timeZone: string;
  /** The next run of each job. */
  nextRuns(): { job: string; schedule: string; at: Date }[];
  /** One line per job: `daily-summary next at 2026-11-27 07:00 Asia/Ho_Chi_Minh (daily at 07:00)`. */
  describe(): string[];
  /** Stops scheduling and waits (up to stopTimeoutMs) for runs in progress. */
  stop(): Promise<void>;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `2026-11-27 07:00 Asia/Ho_Chi_Minh`: a time as someone in the zone reads it. */
export const formatInZone = (at: Date, timeZone: string): string => {
  const t = new TZDate(at, timeZone);
  return `${t.getFullYear()}-${pad2(t.getMonth() + 1)}-${pad2(t.getDate())} ${pad2(t.getHours())}:${pad2(t.getMinutes())} ${timeZone}`;
};

const MINUTE_MS = 60_000;

/**
 * The first run of `schedule` strictly after `after`, reading the schedule in
 * `timeZone` (as EventBridge Scheduler does with `ScheduleExpressionTimezone`).
 */
export const nextRunAfter = (schedule: Schedule, timeZone: string, after: Date): Date => {
  // Runs fall on whole minutes: start from the first whole minute after `after`.
  const from = Math.floor(after.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  if ('everyMinutes' in schedule) {
    const n = minuteInterval(schedule.everyMinutes);
    // From the top of each local hour: at most an hour of minutes to look through.
    for (let t = from; ; t += MINUTE_MS) {
      if (new TZDate(t, timeZone).getMinutes() % n === 0) return new Date(t);
    }
  }
  const { hour, minute } = timeOfDay(schedule.daily);
  const day = new TZDate(from, timeZone);
  // Today's run in the zone, or else tomorrow's (or the day after, around a DST change).
  for (let plus = 0; ; plus++) {
    const at = new TZDate(day.getFullYear(), day.getMonth(), day.getDate() + plus, hour, minute, timeZone);
    if (at.getTime() >= from) return new Date(at.getTime());
  }
};

/** setTimeout's longest delay (about 24.8 days); a later run re-arms on waking. */
const MAX_DELAY_MS = 2 ** 31 - 1;

const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export const startLocalScheduler = async (
  deps: Deps,
  options: LocalSchedulerOptions,
): Promise<LocalScheduler> => {
  const jobs = options.jobs ?? Object.values(localJobs);
  const timeZone = timeZoneOf(deps.config);
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  // Import every job now: a broken job module fails `npm start`, not 07:00.
  await Promise.all(jobs.map((job) => job.load()));

  const runOnce = async (job: LocalJob, scheduledTime: string): Promise<void> => {
    const started = Date.now();
    try {
      const run = await job.load();
      const { job: _reported, ...result } = await run(deps, { now: new Date(), scheduledTime });
      options.log(JSON.stringify({ job: job.name, ...result, scheduledTime, ms: Date.now() - started }));
    } catch (err) {
      options.log(JSON.stringify({ job: job.name, error: errorMessage(err), scheduledTime }));
      logError(`Scheduled job ${job.name} failed (the next run retries what it did not send):`, err);
    }
  };

  const timers = jobs.map((job) => {
    const schedule = job.schedule.schedule(deps.config);
    const nextAfter = (after: Date): Date =>
      options.nextRunOf?.(job, after) ?? nextRunAfter(schedule, timeZone, after);
    const state = {
      job,
      label: options.nextRunOf ? 'test timing' : describeSchedule(schedule),
      next: nextAfter(new Date()),
      timer: undefined as NodeJS.Timeout | undefined,
      running: undefined as Promise<void> | undefined,
    };
    const arm = () => {
      if (stopped) return;
      state.timer = setTimeout(fire, Math.min(Math.max(state.next.getTime() - Date.now(), 0), MAX_DELAY_MS));
    };
    const fire = () => {
      if (stopped) return;
      const due = state.next;
      // A timer may wake a little early, or early on purpose for a run weeks away.
      if (Date.now() < due.getTime()) return arm();
      if (state.running) {
        options.log(
          `${job.name}: the run of ${due.toISOString()} is skipped; the previous one is still going`,
        );
      } else {
        const running = runOnce(job, due.toISOString());
        state.running = running;
        inFlight.add(running);
        // runOnce never rejects.
        void running.finally(() => {
          inFlight.delete(running);
          state.running = undefined;
        });
      }
      state.next = nextAfter(new Date(Math.max(Date.now(), due.getTime())));
      arm();
    };
    arm();
    return state;
  });

  const nextRuns = () => timers.map(({ job, label, next }) => ({ job: job.name, schedule: label, at: next }));
  return {
    timeZone,
    nextRuns,
    describe: () =>
      nextRuns().map(({ job, schedule, at }) => `${job} next at ${formatInZone(at, timeZone)} (${schedule})`),
    stop: async () => {
      stopped = true;
      for (const { timer } of timers) clearTimeout(timer);
      if (inFlight.size === 0) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, options.stopTimeoutMs ?? 30_000);
        }),
      ]);
      clearTimeout(timer);
    },
  };
};

/**
 * The scheduler as a stack extension (infra/local/start.ts): it starts once the
 * stack is up, is handed to `onStarted` (to print the next runs), and stops
 * before the rest of the stack.
 */
export const localSchedulerExtension =
  (options: LocalSchedulerOptions & { onStarted?: (scheduler: LocalScheduler) => void }): StackExtension =>
  async (stack) => {
    const scheduler = await startLocalScheduler(stack.deps, options);
    options.onStarted?.(scheduler);
    return () => scheduler.stop();
  };
