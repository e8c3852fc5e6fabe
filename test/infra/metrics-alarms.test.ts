// The CDK side of the application's metrics (shared/metrics.ts): every function
// is told the environment's namespace, and the operator is alarmed when a job
// or the outbox sender reports an email it could not send, and when the
// watchdog reports the daily summary missing. Metric names and dimensions are
// the ones the handlers publish (test/unit/metrics.test.ts captures those).
import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENVIRONMENTS, type EnvironmentName } from '#config/schema';
import { jobPermissions } from '#functions/permissions';
import { schedules } from '#functions/schedules';
import { buildApp } from '#infra/aws/build';
import { metricsNamespaceOf } from '#infra/aws/names';
import { loadAppConfig } from '#infra/config/index';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

type Alarm = {
  AlarmName: string;
  AlarmDescription: string;
  Namespace?: string;
  MetricName?: string;
  Dimensions?: { Name: string; Value: unknown }[];
  Statistic?: string;
  Period?: number;
  Threshold: number;
  ComparisonOperator: string;
  TreatMissingData: string;
  AlarmActions: unknown[];
};

describe.each(ENVIRONMENTS)('metrics and their alarms in %s', (envName: EnvironmentName) => {
  const config = loadAppConfig(envName);
  const namespace = metricsNamespaceOf(envName);
  let template: Template;
  let alarms: Alarm[];

  beforeAll(() => {
    const { stage } = buildApp(envName, {
      context: { ...cdkJson.context, '@aws-cdk/core:appMode': 'inmemory', 'aws:cdk:bundling-stacks': [] },
    });
    template = Template.fromStack(stage.appStack);
    alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties as Alarm,
    );
  }, 120_000);

  it('gives every function of the app the metrics namespace of its environment', () => {
    const fns = Object.entries(template.findResources('AWS::Lambda::Function')).filter(
      ([id]) => !/^Custom/.test(id),
    );
    expect(fns.length).toBeGreaterThan(0);
    for (const [, fn] of fns) {
      expect(fn.Properties.Environment.Variables).toMatchObject({
        POWERTOOLS_METRICS_NAMESPACE: `OpinionDesk/${envName}`,
        POWERTOOLS_SERVICE_NAME: 'opinion-desk',
      });
    }
  });

  const ours = (metric: string) => alarms.filter((a) => a.Namespace === namespace && a.MetricName === metric);
  /** CloudFormation lists an alarm's dimensions in no order the metric promises. */
  const byName = (dims: Alarm['Dimensions']) =>
    Object.fromEntries((dims ?? []).map((d) => [d.Name, d.Value]));
  const jobOf = (a: Alarm) => a.Dimensions?.find((d) => d.Name === 'job')?.Value;

  it('alarms on EmailsFailed of every job that mails and of the outbox sender', () => {
    const senders = [
      ...schedules.filter((s) => jobPermissions[s.name].sendsMail).map((s) => s.name),
      'outbox-stream',
    ].sort();
    const failed = ours('EmailsFailed');
    expect(failed.map(jobOf).sort()).toEqual(senders);
    for (const a of failed) {
      expect(byName(a.Dimensions)).toEqual({ service: 'opinion-desk', job: jobOf(a) });
      expect(a).toMatchObject({
        AlarmName: `opinion-desk-${envName}-emails-failed-${jobOf(a)}`,
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
      expect(a.AlarmActions).toHaveLength(1);
    }
    // The watchdog sends nothing: no such alarm for it.
    expect(failed.map(jobOf)).not.toContain('daily-summary-watchdog');
  });

  it('alarms when the watchdog reports the daily summary missing', () => {
    const missing = ours('DailySummaryMissing');
    expect(missing.map((a) => byName(a.Dimensions))).toEqual([
      { service: 'opinion-desk', job: 'daily-summary-watchdog' },
    ]);
    expect(missing).toEqual([
      expect.objectContaining({
        AlarmName: `opinion-desk-${envName}-daily-summary-not-sent`,
        Statistic: 'Sum',
        Threshold: 1,
        AlarmDescription: expect.stringMatching(
          new RegExp(
            `^The daily summary of the previous day was not sent .*\\(daily at \\d\\d:\\d\\d, ${config.timeZone}\\)`,
          ),
        ),
      }),
    ]);
  });

  it('shows the metrics and their alarms on one dashboard', () => {
    const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]!.Properties.DashboardName).toBe(`opinion-desk-${envName}`);
    const body = JSON.stringify(dashboards[0]!.Properties.DashboardBody);
    for (const name of ['ReportsSubmitted', 'EmailsSent', 'EmailsFailed', 'EmailsSkipped', 'JobDuration'])
      expect(body).toContain(name);
    expect(body).toContain(namespace);
    for (const job of [...schedules.map((s) => s.name), 'outbox-stream']) expect(body).toContain(job);
  });
});
