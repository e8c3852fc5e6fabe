// One CloudWatch dashboard per environment over the application's metrics
// (shared/metrics.ts): reports submitted, emails sent / failed / skipped per
// job and the stream sender, each job's duration, and the state of the alarms
// on them. What is worth a page lives in OperatorAlarms; this is where an
// operator looks first.
import { Duration } from 'aws-cdk-lib';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IAlarm,
  Metric,
  Stats,
} from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { AppConfig } from '#config/schema';
import { metricsNamespaceOf } from '#infra/aws/names';
import { JOB_DIMENSION, METRIC } from '#shared/metric-names';
import { SERVICE_NAME } from './function';

export interface MetricsDashboardProps {
  config: AppConfig;
  /** Every job's name, the watchdog included. */
  jobs: readonly string[];
  /** The jobs that mail, and the stream sender's `job` name. */
  mailSenders: readonly string[];
  alarms: readonly IAlarm[];
}

const PERIOD = Duration.hours(1);

export class MetricsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MetricsDashboardProps) {
    super(scope, id);
    const namespace = metricsNamespaceOf(props.config.env);
    const metric = (metricName: string, statistic: string, job?: string) =>
      new Metric({
        namespace,
        metricName,
        dimensionsMap: { service: SERVICE_NAME, ...(job ? { [JOB_DIMENSION]: job } : {}) },
        statistic,
        period: PERIOD,
        ...(job ? { label: job } : {}),
      });
    const perSender = (metricName: string) =>
      props.mailSenders.map((job) => metric(metricName, Stats.SUM, job));

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `opinion-desk-${props.config.env}`,
      defaultInterval: Duration.days(7),
    });
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Reports submitted (per hour)',
        left: [metric(METRIC.reportsSubmitted, Stats.SUM)],
        width: 12,
      }),
      new AlarmStatusWidget({ title: 'Alarms on these metrics', alarms: [...props.alarms], width: 12 }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Emails sent (per hour)', left: perSender(METRIC.emailsSent), width: 8 }),
      new GraphWidget({ title: 'Emails failed (per hour)', left: perSender(METRIC.emailsFailed), width: 8 }),
      new GraphWidget({
        title: 'Emails skipped: already sent (per hour)',
        left: perSender(METRIC.emailsSkipped),
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Job duration (ms, maximum per hour)',
        left: props.jobs.map((job) => metric(METRIC.jobDuration, Stats.MAXIMUM, job)),
        width: 24,
      }),
    );
  }
}
