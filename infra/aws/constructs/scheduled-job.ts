// One row of the schedule manifest (functions/schedules.ts) on AWS: its function,
// an EventBridge Scheduler schedule in the configured time zone that invokes it
// with `{"scheduledTime": <aws.scheduler.scheduled-time>}`, and one encrypted
// dead-letter queue for both ways a run can be lost.
//
// Scheduler invokes Lambda asynchronously, so there are two retry layers:
// Scheduler retries what it could not deliver (throttling, a missing
// permission), Lambda retries what the function threw. Both end in the same
// queue, whose messages carry the input, so a lost run can be replayed with
// `scheduledTime`. Jobs are idempotent (docs/jobs.md): a retry never sends twice.
import { Duration, TimeZone } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
  TimeWindow,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke, type ScheduleTargetBaseProps } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AppConfig } from '#config/schema';
import { jobPermissions } from '#functions/permissions';
import { type ScheduleDef, type ScheduleName, scheduleExpression, timeZoneOf } from '#functions/schedules';
import type { Email } from './email';
import type { ImportedFilesBucket } from './files-bucket';
import { HandlerFunction } from './function';

/** Scheduler's retries of an invocation it could not deliver. */
export const SCHEDULER_RETRY_ATTEMPTS = 3;
/** Lambda's retries of a run that threw (its maximum). */
export const LAMBDA_RETRY_ATTEMPTS = 2;
/** After this a run is stale: the next scheduled run covers it, or an operator replays it from the queue. */
export const MAX_EVENT_AGE = Duration.hours(6);
const DLQ_RETENTION = Duration.days(14);
const DEFAULT_TIMEOUT_SECONDS = 300;
const DEFAULT_MEMORY_MB = 512;

/**
 * LambdaInvoke, but the Scheduler role may invoke the function's unqualified ARN
 * only: `grantInvoke()` would add `<arn>:*` (every version and alias), which
 * Scheduler never calls and which cdk-nag rightly flags (IAM5).
 */
class InvokeFunction extends LambdaInvoke {
  private readonly target: IFunction;

  constructor(fn: IFunction, props: ScheduleTargetBaseProps) {
    super(fn, props);
    this.target = fn;
  }

  protected override addTargetActionToRole(role: IRole): void {
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.target.functionArn] }),
    );
  }
}

export interface ScheduledJobProps {
  config: AppConfig;
  schedule: ScheduleDef;
  table: ITableV2;
  email: Email;
  /** The evidence files bucket, for a job whose row in functions/permissions.ts names `files`. */
  filesBucket?: ImportedFilesBucket;
}

export class ScheduledJob extends Construct {
  readonly function: HandlerFunction;
  readonly deadLetterQueue: Queue;
  readonly schedule: Schedule;
  /** The EventBridge expression, e.g. `cron(0 7 * * ? *)`, read in `timeZone`. */
  readonly expression: string;
  readonly timeZone: string;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const { config, schedule } = props;
    const permissions = jobPermissions[schedule.name as ScheduleName];
    if (!permissions) throw new Error(`No row for job "${schedule.name}" in functions/permissions.ts`);

    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DLQ_RETENTION,
    });

    this.function = new HandlerFunction(this, 'Handler', {
      config,
      entry: schedule.entry,
      description: `opinion-desk job: ${schedule.name}`,
      timeout: Duration.seconds(schedule.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
      memorySize: schedule.memoryMb ?? DEFAULT_MEMORY_MB,
      asyncInvoke: {
        retryAttempts: LAMBDA_RETRY_ATTEMPTS,
        maxEventAge: MAX_EVENT_AGE,
        deadLetterQueue: this.deadLetterQueue,
      },
    }).bindTable(props.table, permissions, props.filesBucket);
    // Only a job that sends gets SES (and the configuration set's name).
    if (permissions.sendsMail) props.email.grantSend(this.function);

    this.expression = scheduleExpression(schedule.schedule(config));
    this.timeZone = timeZoneOf(config);
    this.schedule = new Schedule(this, 'Schedule', {
      description: schedule.description,
      schedule: ScheduleExpression.expression(this.expression, TimeZone.of(this.timeZone)),
      timeWindow: TimeWindow.off(),
      target: new InvokeFunction(this.function.fn, {
        input: ScheduleTargetInput.fromObject({ scheduledTime: ContextAttribute.scheduledTime }),
        retryAttempts: SCHEDULER_RETRY_ATTEMPTS,
        maxEventAge: MAX_EVENT_AGE,
        deadLetterQueue: this.deadLetterQueue,
      }),
    });
  }
}
