// The daily summary watchdog (docs/jobs.md, "Watchdog"): the daily summary not having run by
// 09:00 local is an alarm. Scheduled after the summary (functions/schedules.ts), it checks
// the summary's sent-markers for the day the summary covers, one per summary
// recipient the environment may mail. Its `handler` throws when any is missing,
// so the function's Errors alarm (`errors-job-daily-summary-watchdog`) is the
// "summary has not run" alarm. It reads only; it never sends or resends.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { JobOptions, JobResult, ScheduledEvent } from '#functions/schedules';
import { isAllowed } from '#mail/deliver';
import { markerKey } from '#mail/sent-markers';
import { previousLocalDay } from '#service/summary';
import { type Deps, runtimeDeps } from '#shared/deps';
import { measuredRun } from '#shared/metrics';
import { logger } from '#shared/observability';
import { JOB as SUMMARY_JOB } from './daily-summary';

export const JOB = 'daily-summary-watchdog';

/**
 * A summary email that was not sent. Recipients are named by their position in
 * the environment's `summaryRecipients` (infra/config/<env>.ts): logs never hold
 * an address.
 */
export interface MissingSummary {
  recipient: `summaryRecipients[${number}]`;
  /** `absent`: the summary never claimed it; `claimed`: a send was started and never confirmed. */
  marker: 'absent' | 'claimed';
}

export type WatchdogResult = JobResult & {
  /** The local day the summary covers (the day before the run's scheduled time). */
  date: string;
  /** Summary recipients the environment may mail (the others are not expected to have a marker). */
  expected: number;
  /** Summary recipients off the environment's allow-list. */
  notAllowed: number;
  missing: MissingSummary[];
};

export const run = async (deps: Deps, options: JobOptions = {}): Promise<WatchdogResult> => {
  const now = options.now ?? deps.clock();
  const { config } = deps;
  // The same day the summary's run of this morning covered (a retry keeps its scheduled time).
  const date =
    options.date ??
    previousLocalDay(options.scheduledTime ? new Date(options.scheduledTime) : now, config.timeZone);

  const missing: MissingSummary[] = [];
  let expected = 0;
  let notAllowed = 0;
  for (const [index, recipient] of config.summaryRecipients.entries()) {
    if (!isAllowed(config, recipient.email)) {
      notAllowed++;
      continue;
    }
    expected++;
    const { Item } = await deps.db.send(
      new GetCommand({
        TableName: deps.tableName,
        Key: markerKey({ job: SUMMARY_JOB, period: date, recipient: recipient.email }),
        ProjectionExpression: '#state',
        ExpressionAttributeNames: { '#state': 'state' },
        // A send confirmed a moment ago counts.
        ConsistentRead: true,
      }),
    );
    if (Item?.state === 'sent') continue;
    missing.push({ recipient: `summaryRecipients[${index}]`, marker: Item ? 'claimed' : 'absent' });
  }

  const result: WatchdogResult = {
    job: JOB,
    date,
    sent: 0,
    skipped: 0,
    failed: missing.length,
    expected,
    notAllowed,
    missing,
  };
  if (missing.length > 0) {
    logger.error(
      `daily summary not sent: ${missing.length} of ${expected} summary email(s) for ${date} missing`,
      result,
    );
  } else {
    logger.info(`daily summary sent: all ${expected} summary email(s) for ${date}`, result);
  }
  return result;
};

export const handler = async (event: ScheduledEvent = {}): Promise<WatchdogResult> => {
  // Plain deps, without an SES client: it never sends, and its role may not (functions/permissions.ts).
  const result = await measuredRun(
    JOB,
    () => run(runtimeDeps(), event.scheduledTime ? { scheduledTime: event.scheduledTime } : {}),
    (r) => ({ dailySummaryMissing: r.missing.length }),
  );
  // The failure is the alarm: errors-job-daily-summary-watchdog.
  if (result.failed > 0) {
    throw new Error(
      `The daily summary for ${result.date} was not sent to ${result.failed} of ${result.expected} summary recipient(s): ${result.missing
        .map((m) => `${m.recipient} (${m.marker})`)
        .join(', ')}`,
    );
  }
  return result;
};
