// The operator's alarms (docs/architecture.md): one SNS topic per environment with an email
// subscription to `config.alarmEmail`, and CloudWatch alarms that notify it
// (in ALARM and back to OK) for
// - any message in a dead-letter queue (a lost job run, stream records given up on),
// - function errors (crashes and timeouts; HTTP handlers answer bugs with a 500 themselves),
// - function throttles (an invocation refused for want of concurrency),
// - API 5xx (the handlers' own 500s, and integration failures API Gateway answers itself),
// - email failures: SES rejects and bounces in the configuration set's metrics,
// - the daily summary not sent by its deadline: the watchdog job's Errors alarm
//   (functions/jobs/daily-summary-watchdog.ts throws when a summary email is missing)
//   and its `DailySummaryMissing` metric,
// - emails a job or the outbox sender could not send (`EmailsFailed`, per job),
// the last two from the application's own metrics (shared/metrics.ts, EMF).
//
// The topic is encrypted with its own KMS key: CloudWatch cannot publish to a
// topic under the AWS-managed `alias/aws/sns` key, so the key policy lets
// CloudWatch use it. The topic takes TLS only, and its policy (which replaces
// SNS's default one) lets this account's alarms publish.
import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  Metric,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AppConfig } from '#config/schema';
import { metricsNamespaceOf } from '#infra/aws/names';
import { JOB_DIMENSION, METRIC } from '#shared/metric-names';
import type { Email } from './email';
import { SERVICE_NAME } from './function';

/** Every alarm looks at 5-minute periods and fires on the first one that breaches. */
export const ALARM_PERIOD = Duration.minutes(5);

/** The SES metrics (published by the configuration set, see email.ts) that count failed email. */
export const EMAIL_FAILURE_METRICS = ['Reject', 'Bounce'] as const;

export interface OperatorAlarmsProps {
  config: AppConfig;
}

export class OperatorAlarms extends Construct {
  readonly topic: Topic;
  readonly key: Key;
  /** Every alarm made here, by its short name (e.g. `dlq-daily-summary`). */
  readonly alarms = new Map<string, Alarm>();
  private readonly config: AppConfig;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: OperatorAlarmsProps) {
    super(scope, id);
    const { config } = props;
    this.config = config;
    const stack = Stack.of(this);
    const cloudwatch = new ServicePrincipal('cloudwatch.amazonaws.com');

    this.key = new Key(this, 'TopicKey', {
      description: `opinion-desk ${config.env}: encrypts the operator alarm topic`,
      enableKeyRotation: true,
      // It protects messages in flight only; nothing stays encrypted under it once the topic is gone.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToTheTopic',
        principals: [cloudwatch],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    this.topic = new Topic(this, 'Topic', {
      displayName: `opinion-desk ${config.env} alarms`,
      masterKey: this.key,
      enforceSSL: true,
    });
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AlarmsOfThisAccountPublish',
        principals: [cloudwatch],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
          StringEquals: { 'aws:SourceAccount': stack.account },
        },
      }),
    );
    this.topic.addSubscription(new EmailSubscription(config.alarmEmail));
    this.action = new SnsAction(this.topic);
  }

  /**
   * Any message in `queue` (a dead-letter or on-failure queue): something failed
   * every retry. `whatToDo` ends the alarm's description.
   */
  onDeadLetterQueue(
    queue: IQueue,
    name: string,
    whatToDo = 'Read the messages, fix the cause, then replay them (jobs are idempotent) and empty the queue.',
  ): Alarm {
    return this.add(`dlq-${name}`, {
      metric: queue.metricApproximateNumberOfMessagesVisible({
        period: ALARM_PERIOD,
        statistic: Stats.MAXIMUM,
      }),
      description: `Messages in the dead-letter queue of ${name}: work that failed every retry. ${whatToDo}`,
    });
  }

  /**
   * An invocation of `fn` failed (threw, crashed or timed out). `description`
   * replaces the generic one, for a function whose failure means something
   * specific (the daily summary watchdog).
   */
  onFunctionErrors(fn: IFunction, name: string, description?: string): Alarm {
    return this.add(`errors-${name}`, {
      metric: fn.metricErrors({ period: ALARM_PERIOD, statistic: Stats.SUM }),
      description:
        description ??
        `Function ${name} failed at least once in 5 minutes (threw, crashed or timed out). See its log group.`,
    });
  }

  /** Lambda refused an invocation of `fn` (account or reserved concurrency exhausted). */
  onFunctionThrottles(fn: IFunction, name: string): Alarm {
    return this.add(`throttles-${name}`, {
      metric: fn.metricThrottles({ period: ALARM_PERIOD, statistic: Stats.SUM }),
      description: `Function ${name} was throttled at least once in 5 minutes: an invocation was refused for want of concurrency (HTTP callers got a 5xx or 429; async invocations are retried). Check the account's concurrent executions.`,
    });
  }

  /**
   * The HTTP API answered 5xx: a handler's 500 (an unexpected error, logged with
   * the request id), an integration error or timeout. Metric `5xx` in
   * `AWS/ApiGateway`, dimension `ApiId`.
   */
  onApiServerErrors(api: IHttpApi, name = 'api'): Alarm {
    return this.add(`${name}-5xx`, {
      metric: api.metricServerError({ period: ALARM_PERIOD, statistic: Stats.SUM }),
      description: `The HTTP API of opinion-desk ${this.config.env} answered 5xx at least once in 5 minutes. Find the request ids in the API access log (status 5xx), then the error in the handler's log group.`,
    });
  }

  /** SES rejected or bounced email sent through the configuration set. */
  onEmailFailures(email: Email): Alarm[] {
    return EMAIL_FAILURE_METRICS.map((metricName) =>
      this.add(`email-${metricName.toLowerCase()}`, {
        metric: new Metric({
          namespace: 'AWS/SES',
          metricName,
          dimensionsMap: { 'ses:configuration-set': email.configurationSet.configurationSetName },
          period: ALARM_PERIOD,
          statistic: Stats.SUM,
        }),
        description: `SES reported ${metricName} for email from opinion-desk ${this.config.env} (configuration set metrics). Check the recipients and the SES account status.`,
      }),
    );
  }

  /** One of the application's metrics (shared/metrics.ts) of `job`, summed over the alarm period. */
  jobMetric(metricName: string, job: string): Metric {
    return new Metric({
      namespace: metricsNamespaceOf(this.config.env),
      metricName,
      dimensionsMap: { service: SERVICE_NAME, [JOB_DIMENSION]: job },
      period: ALARM_PERIOD,
      statistic: Stats.SUM,
    });
  }

  /**
   * A run of `job` reported an email it could not send (`EmailsFailed`). The
   * job retries it (the next run, or the stream's retry), so this says that
   * sending is failing, not that the email is lost.
   */
  onEmailsFailed(job: string): Alarm {
    return this.add(`emails-failed-${job}`, {
      metric: this.jobMetric(METRIC.emailsFailed, job),
      description: `The ${job} function could not send at least one email in 5 minutes (metric ${METRIC.emailsFailed}). It retries what was not sent; find the cause (SES, the recipient, the table) in its log group ("not delivered", "failed").`,
    });
  }

  /**
   * A webhook delivery to `endpointId` was given up after `webhooks.maxAttempts`
   * (`WebhooksGivenUp`, dimension `endpoint`): that event will not reach the chat group.
   */
  onWebhooksGivenUp(endpointId: string): Alarm {
    return this.add(`webhooks-given-up-${endpointId}`, {
      metric: new Metric({
        namespace: metricsNamespaceOf(this.config.env),
        metricName: METRIC.webhooksGivenUp,
        dimensionsMap: { service: SERVICE_NAME, endpoint: endpointId },
        period: ALARM_PERIOD,
        statistic: Stats.SUM,
      }),
      description: `A case event could not be delivered to the webhook endpoint ${endpointId} after every attempt (metric ${METRIC.webhooksGivenUp}); it will not be retried. GET /webhooks?endpoint=${endpointId} shows the last error; check the receiver and its secret (docs/webhooks.md).`,
    });
  }

  /** The watchdog found summary emails of the previous day unsent (`DailySummaryMissing`). */
  onDailySummaryMissing(watchdogJob: string, description: string): Alarm {
    return this.add('daily-summary-not-sent', {
      metric: this.jobMetric(METRIC.dailySummaryMissing, watchdogJob),
      description,
    });
  }

  private add(name: string, { metric, description }: { metric: IMetric; description: string }): Alarm {
    if (this.alarms.has(name)) throw new Error(`Duplicate operator alarm "${name}"`);
    const alarm = new Alarm(this, `Alarm-${name}`, {
      alarmName: `opinion-desk-${this.config.env}-${name}`,
      alarmDescription: description,
      metric,
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      // No data is no failure: idle queues, functions and configuration sets publish nothing.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.set(name, alarm);
    return alarm;
  }
}
