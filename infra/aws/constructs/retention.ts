// CloudWatch Logs accepts only a fixed set of retention periods; the config says
// days. A value CloudWatch cannot take fails synth naming the config field,
// instead of being silently rounded.
import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { AppConfig } from '#config/schema';

const allowed = Object.values(RetentionDays).filter((v): v is RetentionDays => typeof v === 'number');

export const logRetention = (config: AppConfig): RetentionDays => {
  const days = config.retention.logDays;
  const match = allowed.find((v) => v === days);
  if (match === undefined) {
    throw new Error(
      `Invalid configuration infra/config/${config.env}.ts: retention.logDays ${days} is not a CloudWatch Logs retention period; use one of ${allowed
        .filter((v) => v !== RetentionDays.INFINITE)
        .join(', ')}`,
    );
  }
  return match;
};

/** Stateful resources (table, users, logs) survive a stack deletion outside dev. */
export const removalPolicyFor = (config: AppConfig): RemovalPolicy =>
  config.env === 'dev' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
