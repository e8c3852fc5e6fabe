// The weekly and monthly report job (docs/jobs.md): one daily schedule row at
// `schedules.periodicSummary.at`; a run on a Monday (local) sends the ISO week
// that ended on Sunday, a run on the 1st the month that ended the day before,
// other days nothing. `--period week|month` (the CLI) sends the last complete
// week or month now, or the one containing `--date`. Safe to run any number of
// times: each recipient's email has a sent-marker per period.
import {
  PERIODIC_SUMMARY_MARKER_JOB,
  type Period,
  type PeriodKind,
  periodContaining,
  periodStanding,
  periodsEndingBefore,
  previousPeriod,
} from '#domain/periodic';
import { localDay } from '#domain/time';
import { runtimeMailingDeps } from '#functions/runtime-mailing-deps';
import type { JobOptions, JobResult, ScheduledEvent } from '#functions/schedules';
import { sendPeriodicSummary } from '#service/periodic-summary-emails';
import type { Deps } from '#shared/deps';
import { measuredRun } from '#shared/metrics';
import { logger } from '#shared/observability';

export const JOB = PERIODIC_SUMMARY_MARKER_JOB;

/**
 * The periods a run reports: `period` (+ `date`, a day inside it; default the
 * last complete one before the run's local day), else those that ended the day
 * before the run's local day (its scheduled time's, so a retry keeps its day).
 */
export const periodsOfRun = (
  options: Pick<JobOptions, 'period' | 'date' | 'scheduledTime'>,
  now: Date,
  timeZone: string,
): Period[] => {
  const runDay = localDay(options.scheduledTime ? new Date(options.scheduledTime) : now, timeZone);
  const kind: PeriodKind | undefined = options.period;
  if (!kind) return periodsEndingBefore(options.date ?? runDay);
  return [options.date ? periodContaining(kind, options.date) : previousPeriod(kind, runDay)];
};

export const run = async (deps: Deps, options: JobOptions = {}): Promise<JobResult> => {
  const now = options.now ?? deps.clock();
  const { timeZone } = deps.config;
  const periods = periodsOfRun(options, now, timeZone);
  const open = periods.find((p) => periodStanding(p, now, timeZone) !== 'past');
  if (open) {
    const result = {
      job: JOB,
      periods: periods.map((p) => `${p.kind}:${p.id}`),
      sent: 0,
      skipped: 0,
      failed: 0,
      error: 'period-not-ended',
      message: `The ${open.kind} ${open.id} (${open.from} to ${open.to}) has not ended yet in ${timeZone}; only a period that has ended can be reported. Nothing was sent.`,
    };
    logger.error('job refused: the period has not ended', { job: JOB, period: open.id });
    return result;
  }
  const totals = { sent: 0, skipped: 0, notAllowed: 0, failed: 0, written: 0 };
  const reported: { period: string; reports: number; cases: number }[] = [];
  for (const period of periods) {
    const r = await sendPeriodicSummary(deps, period, {
      now,
      force: options.force ?? false,
      ...(options.dryRun ? { outboxDir: options.outboxDir ?? 'outbox' } : {}),
    });
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
    reported.push({ period: r.period, reports: r.reports, cases: r.cases });
  }
  const result = { job: JOB, periods: reported, ...totals, dryRun: options.dryRun ?? false };
  logger.info('job finished', result);
  return result;
};

/** A run on a day that ends no period sends nothing and succeeds; a failed recipient fails it (the scheduler retries). */
export const handler = async (event: ScheduledEvent = {}): Promise<JobResult> => {
  const result = await measuredRun(
    JOB,
    () => run(runtimeMailingDeps(), event.scheduledTime ? { scheduledTime: event.scheduledTime } : {}),
    (r) => ({ emails: r }),
  );
  if (result.failed > 0) throw new Error(`${result.failed} email(s) failed; they will be retried`);
  return result;
};
