// The application's CloudWatch metrics, through Powertools Metrics: each
// publish is one Embedded Metric Format (EMF) line on stdout, which CloudWatch
// Logs turns into metrics in the function's log group. CDK gives every function
// the namespace (POWERTOOLS_METRICS_NAMESPACE, `OpinionDesk-<env>`) and the
// service (POWERTOOLS_SERVICE_NAME); the alarms on these metrics are in
// infra/aws/constructs/alarms.ts.
//
// Only Lambda's log stream turns EMF into metrics. Anywhere else (the local
// stack, `npm run job`, tests) the lines would be noise, so they are dropped
// unless POWERTOOLS_METRICS_DISABLED=false asks for them; on Lambda,
// POWERTOOLS_METRICS_DISABLED=true turns them off as Powertools documents.
//
// A module of its own (not shared/observability.ts, which every function
// imports) so that only the functions that publish metrics bundle Powertools
// Metrics.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { JOB_DIMENSION, METRIC } from './metric-names';

export const metrics = new Metrics();

const enabled = (): boolean => {
  const env = process.env;
  return env.AWS_LAMBDA_FUNCTION_NAME !== undefined || env.POWERTOOLS_METRICS_DISABLED === 'false';
};

/** Publishes what was added since the last publish (on Lambda), or drops it (elsewhere). */
export const publishMetrics = (): void => {
  if (!metrics.hasStoredMetrics()) return;
  if (enabled()) {
    metrics.publishStoredMetrics();
  } else {
    metrics.clearMetrics();
    metrics.clearDimensions();
  }
};

/** One report stored: `ReportsSubmitted` +1, published at once. */
export const recordReportSubmitted = (): void => {
  metrics.addMetric(METRIC.reportsSubmitted, MetricUnit.Count, 1);
  publishMetrics();
};

export interface JobRunMetrics {
  durationMs: number;
  /** A job that mails: what its run did with each email. */
  emails?: { sent: number; failed: number; skipped: number };
  /** The watchdog: how many summary emails it found missing. */
  dailySummaryMissing?: number;
}

/** One run of `job`: its duration and email counts, with dimension `job`, published at once. */
export const recordJobRun = (job: string, run: JobRunMetrics): void => {
  metrics.addDimension(JOB_DIMENSION, job);
  metrics.addMetric(METRIC.jobDuration, MetricUnit.Milliseconds, run.durationMs);
  if (run.emails) {
    metrics.addMetric(METRIC.emailsSent, MetricUnit.Count, run.emails.sent);
    metrics.addMetric(METRIC.emailsFailed, MetricUnit.Count, run.emails.failed);
    metrics.addMetric(METRIC.emailsSkipped, MetricUnit.Count, run.emails.skipped);
  }
  if (run.dailySummaryMissing !== undefined) {
    metrics.addMetric(METRIC.dailySummaryMissing, MetricUnit.Count, run.dailySummaryMissing);
  }
  publishMetrics();
};

/**
 * Runs a job's Lambda entry and records the run: duration always (also when
 * it throws), the rest from its result. The job's own error is rethrown.
 */
export const measuredRun = async <R>(
  job: string,
  run: () => Promise<R>,
  metricsOf: (result: R) => Omit<JobRunMetrics, 'durationMs'>,
): Promise<R> => {
  const started = Date.now();
  let result: R | undefined;
  try {
    result = await run();
    return result;
  } finally {
    recordJobRun(job, {
      durationMs: Date.now() - started,
      ...(result === undefined ? {} : metricsOf(result)),
    });
  }
};

/** One webhook delivery given up: `WebhooksGivenUp` +1 with its endpoint, published at once. */
export const recordWebhookGivenUp = (endpointId: string): void => {
  metrics.addDimension('endpoint', endpointId);
  metrics.addMetric(METRIC.webhooksGivenUp, MetricUnit.Count, 1);
  publishMetrics();
};
