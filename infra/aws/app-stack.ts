// The stateless stack: user pool, HTTP API and one function per handler group,
// the SES sender and configuration set, one scheduled job per row of the
// schedule manifest, the outbox sender on the table's stream, and the
// operator's alarms. Everything here can be destroyed and recreated from code except the users,
// which is why the user pool is retained outside dev.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { type HandlerGroup, handlerGroups, routes } from '../../functions/routes';
import { schedules } from '../../functions/schedules';
import type { AppConfig } from '../../shared/config/schema';
import { OperatorAlarms } from './constructs/alarms';
import { Auth } from './constructs/auth';
import { Email } from './constructs/email';
import { HandlerFunction } from './constructs/function';
import { OpinionDeskApi } from './constructs/http-api';
import { OutboxSender } from './constructs/outbox-sender';
import { ScheduledJob } from './constructs/scheduled-job';

export interface AppStackProps extends StackProps {
  config: AppConfig;
  table: ITableV2;
}

export class AppStack extends Stack {
  readonly auth: Auth;
  readonly api: OpinionDeskApi;
  readonly functions: Record<HandlerGroup, HandlerFunction>;
  readonly email: Email;
  /** One per row of functions/schedules.ts, by name. */
  readonly jobs: Record<string, ScheduledJob>;
  /** Case notifications from the table's stream (SPEC §5). */
  readonly outboxSender: OutboxSender;
  readonly alarms: OperatorAlarms;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    const { config, table, ...stackProps } = props;
    super(scope, id, stackProps);

    this.auth = new Auth(this, 'Auth', { config });

    const groups = Object.keys(handlerGroups) as HandlerGroup[];
    this.functions = Object.fromEntries(
      groups.map((group) => {
        const fn = new HandlerFunction(this, `Http-${group}`, {
          config,
          entry: handlerGroups[group].entry,
          description: `opinion-desk HTTP handlers: ${group}`,
        }).bindTable(table);
        return [group, fn];
      }),
    ) as Record<HandlerGroup, HandlerFunction>;

    this.api = new OpinionDeskApi(this, 'Api', {
      config,
      routes,
      functions: Object.fromEntries(groups.map((g) => [g, this.functions[g].fn])) as Record<
        HandlerGroup,
        HandlerFunction['fn']
      >,
      userPool: this.auth.userPool,
      userPoolClient: this.auth.client,
    });

    this.email = new Email(this, 'Email', { config });
    this.jobs = Object.fromEntries(
      schedules.map((schedule) => [
        schedule.name,
        new ScheduledJob(this, `Job-${schedule.name}`, { config, schedule, table, email: this.email }),
      ]),
    );

    this.outboxSender = new OutboxSender(this, 'OutboxSender', { config, table, email: this.email });

    // SPEC §2: handler errors, DLQ depth and email failures notify the operator.
    this.alarms = new OperatorAlarms(this, 'Alarms', { config });
    for (const group of groups) this.alarms.onFunctionErrors(this.functions[group].fn, `http-${group}`);
    for (const [name, job] of Object.entries(this.jobs)) {
      this.alarms.onDeadLetterQueue(job.deadLetterQueue, `job-${name}`);
      this.alarms.onFunctionErrors(job.function.fn, `job-${name}`);
    }
    this.alarms.onDeadLetterQueue(
      this.outboxSender.failureQueue,
      'outbox-sender',
      'Each message names the stream records given up on; the case-notifications sweep sends what is still pending. Find the cause in the outbox sender log, then empty the queue.',
    );
    this.alarms.onFunctionErrors(this.outboxSender.function.fn, 'outbox-sender');
    this.alarms.onEmailFailures(this.email);

    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
    new CfnOutput(this, 'SesConfigurationSet', { value: this.email.configurationSet.configurationSetName });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
  }
}
