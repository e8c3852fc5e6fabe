// The webhook signing secrets on AWS (docs/webhooks.md, "Secrets"): each
// endpoint of a stage names a Secrets Manager secret holding its `whsec_…`
// value. The secrets are made and rotated outside this app (the receiver must
// be given the same value), so the stack only lets the two functions that send
// webhooks read them: the outbox sender and the case-notifications sweep get
// secretsmanager:GetSecretValue on exactly the named secrets, nothing else.
import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { AppConfig } from '#config/schema';

/** The ARNs of the configured secrets; Secrets Manager appends six random characters to a secret's name. */
export const webhookSecretArns = (config: AppConfig, stack: Stack): string[] =>
  config.webhooks.endpoints.flatMap((e) =>
    'secretName' in e.secret
      ? [
          stack.formatArn({
            service: 'secretsmanager',
            resource: 'secret',
            resourceName: `${e.secret.secretName}-??????`,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ]
      : [],
  );

/** Lets `fn` read the stage's webhook secrets (no statement when none is configured). */
export const grantWebhookSecrets = (fn: IFunction, config: AppConfig): void => {
  const arns = webhookSecretArns(config, Stack.of(fn));
  if (arns.length === 0) return;
  fn.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: arns }));
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions-IAM5',
    reason:
      'GetSecretValue on the configured webhook secrets only; the trailing -?????? is the random suffix Secrets Manager adds to every secret ARN, so a secret named in config can only be matched this way.',
  });
};
