// The names of the application's metrics (published by shared/metrics.ts),
// without Powertools: the CDK alarms (infra/aws/constructs/alarms.ts) read
// them too.

/** The metric names, as the alarms and dashboards read them. */
export const METRIC = {
  /** A new report stored (an idempotent replay is not counted again). */
  reportsSubmitted: 'ReportsSubmitted',
  /** Per job: emails SES accepted in a run. */
  emailsSent: 'EmailsSent',
  /** Per job: emails that failed in a run (the next run or retry sends them). */
  emailsFailed: 'EmailsFailed',
  /** Per job: emails a run did not send because they had been sent (their sent-marker). */
  emailsSkipped: 'EmailsSkipped',
  /** Per job: how long a run took, in milliseconds. */
  jobDuration: 'JobDuration',
  /** The watchdog: summary emails of the previous day that were not sent by its run. */
  dailySummaryMissing: 'DailySummaryMissing',
  /** A webhook event an endpoint never accepted after the configured attempts (docs/webhooks.md). */
  webhooksGivenUp: 'WebhooksGivenUp',
} as const;

/** The dimension that tells jobs apart (besides `service`, which every metric has). */
export const JOB_DIMENSION = 'job';

/** The `job` dimension of the outbox stream sender's metrics (functions/events/outbox-stream.ts). */
export const OUTBOX_SENDER_JOB = 'outbox-stream';
