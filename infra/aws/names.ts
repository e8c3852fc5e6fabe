// Names that the CDK app and the operator tools (infra/users) share: the
// CloudFormation stack names of an environment and the App stack's output keys.
// No CDK imports here, so that a tool that only reads a deployed stack stays quick to start.

/** The Stage of one environment, e.g. `OpinionDesk-prod`. */
export const stageNameOf = (envName: string): string => `OpinionDesk-${envName}`;

/** The CloudFormation name of an environment's stateless stack (the Stage's `App` stack). */
export const appStackNameOf = (envName: string): string => `${stageNameOf(envName)}-App`;

/** The CloudFormation name of an environment's stateful stack (the Stage's `Data` stack). */
export const dataStackNameOf = (envName: string): string => `${stageNameOf(envName)}-Data`;

/**
 * The Data stack's exports of the evidence files bucket, by name: the App stack imports them
 * by these names (a stable name, unlike an export CDK generates from a construct path, which
 * changes when the construct moves, and CloudFormation refuses to drop an export in use).
 */
export const filesBucketExportsOf = (envName: string) => ({
  arn: `${dataStackNameOf(envName)}-FilesBucketArn`,
  name: `${dataStackNameOf(envName)}-FilesBucketName`,
});

/**
 * The CloudWatch namespace of an environment's own metrics (shared/metrics.ts):
 * functions get it as POWERTOOLS_METRICS_NAMESPACE, the alarms read it.
 */
export const metricsNamespaceOf = (envName: string): string => `OpinionDesk/${envName}`;

/** The App stack's outputs (`aws cloudformation describe-stacks --stack-name OpinionDesk-<env>-App`). */
export const APP_STACK_OUTPUTS = {
  userPoolId: 'UserPoolId',
  userPoolClientId: 'UserPoolClientId',
  apiUrl: 'ApiUrl',
  alarmTopicArn: 'AlarmTopicArn',
  sesConfigurationSet: 'SesConfigurationSet',
  consoleUrl: 'ConsoleUrl',
  cognitoDomain: 'CognitoDomain',
} as const;

/** The user pool's custom attribute that names an agency user's agency (`custom:agency` in tokens). */
export const AGENCY_ATTRIBUTE = 'agency';
