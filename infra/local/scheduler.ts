// The local stack's in-process scheduler: every row of the schedule manifest
// (functions/schedules.ts) on croner, read in the config's time zone as
// EventBridge Scheduler reads it on AWS, calling the same `run` as the Lambda.
// A run never overlaps the previous one of the same job, prints one JSON line,
// and a job that throws is logged, never taken down with the stack.
import { TZDate } from '@date-fns/tz';
import { Cron } from 'croner';
import { format } from 'date-fns';
import { timeZoneOf } from '#functions/schedules';
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
  /** Overrides a job's cron (5 or 6 fields); for tests that cannot wait for 07:00. */
  cronOf?: (job: LocalJob) => string;
  /** How long stop() waits for runs in progress; @default 30 s */
  stopTimeoutMs?: number;
}

export interface LocalScheduler {
  /** The zone every cron is read in (the config's). */
  timeZone: string;
  /** The next run of each job. */
  nextRuns(): { job: string; cron: string; at: Date | null }[];
  /** One line per job: `daily-summary next at 2026-11-27 07:00 Asia/Ho_Chi_Minh (0 7 * * *)`. */
  describe(): string[];
  /** Stops scheduling and waits (up to stopTimeoutMs) for runs in progress. */
  stop(): Promise<void>;
}

/** `2026-11-27 07:00 Asia/Ho_Chi_Minh`: a time as someone in the zone reads it. */
export const formatInZone = (at: Date, timeZone: string): string =>
  `${format(new TZDate(at, timeZone), 'yyyy-MM-dd HH:mm')} ${timeZone}`;

/** The first run of `cron` after `after`, in `timeZone` (croner, as the scheduler uses it). */
export const nextRunAfter = (cron: string, timeZone: string, after: Date): Date | null =>
  new Cron(cron, { timezone: timeZone }).nextRun(after);

const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export const startLocalScheduler = async (
  deps: Deps,
  options: LocalSchedulerOptions,
): Promise<LocalScheduler> => {
  const jobs = options.jobs ?? Object.values(localJobs);
  const timeZone = timeZoneOf(deps.config);
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  const inFlight = new Set<Promise<void>>();

  // Import every job now: a broken job module fails `npm start`, not 07:00.
  await Promise.all(jobs.map((job) => job.load()));

  const runOnce = async (job: LocalJob, cron: Cron): Promise<void> => {
    const scheduledTime = (cron.currentRun() ?? new Date()).toISOString();
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

  const crons = jobs.map((job) => {
    const pattern = options.cronOf?.(job) ?? job.schedule.cron(deps.config);
    const cron = new Cron(
      pattern,
      {
        timezone: timeZone,
        protect: (self) =>
          options.log(
            `${job.name}: the run of ${self.currentRun()?.toISOString() ?? 'earlier'} is still going; skipping this one`,
          ),
      },
      (self) => {
        const running = runOnce(job, self);
        inFlight.add(running);
        // runOnce never rejects; returning it is what lets `protect` see the run as busy.
        return running.finally(() => inFlight.delete(running));
      },
    );
    return { job, pattern, cron };
  });

  const nextRuns = () =>
    crons.map(({ job, pattern, cron }) => ({ job: job.name, cron: pattern, at: cron.nextRun() }));
  return {
    timeZone,
    nextRuns,
    describe: () =>
      nextRuns().map(
        ({ job, cron, at }) => `${job} next at ${at ? formatInZone(at, timeZone) : 'never'} (${cron})`,
      ),
    stop: async () => {
      for (const { cron } of crons) cron.stop();
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
