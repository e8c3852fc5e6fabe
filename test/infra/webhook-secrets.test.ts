// The webhook signing secrets on AWS: with an endpoint naming a Secrets
// Manager secret, the outbox sender and the case-notifications sweep (and no
// other function) may GetSecretValue on that secret only, and cdk-nag has
// nothing unacknowledged. Without one (every stage's default), no statement.
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { OpinionDeskStage } from '#infra/aws/stage';
import { loadAppConfig } from '#infra/config/index';

const cdkJson = (await import('../../cdk.json', { with: { type: 'json' } })).default as {
  context: Record<string, unknown>;
};

const synth = (withEndpoint: boolean) => {
  const base = loadAppConfig('staging');
  const config = withEndpoint
    ? {
        ...base,
        webhooks: {
          ...base.webhooks,
          endpoints: [
            {
              id: 'chat',
              url: 'https://hooks.example.org/desk',
              events: ['case.opened' as const],
              secret: { secretName: 'opinion-desk/staging/webhook-chat' },
            },
          ],
        },
      }
    : base;
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  const stage = new OpinionDeskStage(app, 'OpinionDesk-webhooks', { config });
  return { app, template: Template.fromStack(stage.appStack) };
};

/** Each IAM policy's statements that mention Secrets Manager, by the policy's logical id. */
const secretStatements = (t: Template) =>
  Object.entries(t.findResources('AWS::IAM::Policy')).flatMap(([id, p]) =>
    (p.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[])
      .filter((s) => JSON.stringify(s.Action).includes('secretsmanager'))
      .map((s) => ({ id, ...s })),
  );

describe('webhook secrets on AWS', () => {
  it('the two senders may read the named secret, nothing more; cdk-nag is clean', () => {
    const { app, template } = synth(true);
    const found = secretStatements(template);
    expect(found.map((s) => s.id).sort()).toEqual([
      expect.stringMatching(/^JobcasenotificationsHandler/),
      expect.stringMatching(/^OutboxSenderHandler/),
    ]);
    for (const s of found) {
      expect(s.Action).toBe('secretsmanager:GetSecretValue');
      expect(JSON.stringify(s.Resource)).toContain(':secret:opinion-desk/staging/webhook-chat-??????');
    }
    const nag = new AwsSolutionsChecks().validateScope(app).violations.map((v) => v.ruleName);
    expect(nag).toEqual([]);
  }, 120_000);

  it('alarms the operator when a delivery to an endpoint is given up', () => {
    const alarms = Object.values(synth(true).template.findResources('AWS::CloudWatch::Alarm'))
      .map((a) => a.Properties)
      .filter((p) => p.MetricName === 'WebhooksGivenUp');
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({
      AlarmName: 'opinion-desk-staging-webhooks-given-up-chat',
      Namespace: 'OpinionDesk/staging',
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(alarms[0].Dimensions).toEqual(
      expect.arrayContaining([
        { Name: 'service', Value: 'opinion-desk' },
        { Name: 'endpoint', Value: 'chat' },
      ]),
    );
    expect(alarms[0].AlarmActions).toHaveLength(1);
  }, 120_000);

  it('grants nothing and alarms on nothing when no endpoint is configured', () => {
    const { template } = synth(false);
    expect(secretStatements(template)).toEqual([]);
    expect(
      Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter(
        (a) => a.Properties.MetricName === 'WebhooksGivenUp',
      ),
    ).toEqual([]);
  }, 120_000);
});
