// The stateless stack: user pool, HTTP API and one function per handler group,
// the SES sender and configuration set, one scheduled job per row of the
// schedule manifest, the outbox sender on the table's stream, the operator's
// alarms, and the console (CloudFront in front of a private bucket). Everything
// here can be destroyed and recreated from code except the users, which is why
// the user pool is retained outside dev.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { ILayerVersion } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { AppConfig } from '#config/schema';
import { httpPermissions, jobPermissions } from '#functions/permissions';
import { type HandlerGroup, handlerGroups, routes } from '#functions/routes';
import { describeSchedule, type ScheduleName, schedules, timeZoneOf } from '#functions/schedules';
import { OUTBOX_SENDER_JOB } from '#shared/metric-names';
import { OperatorAlarms } from './constructs/alarms';
import { Auth } from './constructs/auth';
import { ConsoleSite, cognitoDomainUrl } from './constructs/console-site';
import { Email } from './constructs/email';
import { importFilesBucket } from './constructs/files-bucket';
import { FilesLayer } from './constructs/files-layer';
import { HANDLER_GROUP_SETTINGS, HandlerFunction } from './constructs/function';
import { OpinionDeskApi } from './constructs/http-api';
import { MetricsDashboard } from './constructs/metrics-dashboard';
import { OutboxSender } from './constructs/outbox-sender';
import { ScheduledJob } from './constructs/scheduled-job';
import { OpenSearchSearch } from './constructs/search';
import { grantWebhookSecrets } from './constructs/webhook-secrets';
import { APP_STACK_OUTPUTS } from './names';

/** The job that checks the daily summary went out; its Errors alarm is "the summary has not run" (docs/architecture.md). */
const SUMMARY_WATCHDOG: ScheduleName = 'daily-summary-watchdog';

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
  /** Case notifications from the table's stream (docs/jobs.md). */
  readonly outboxSender: OutboxSender;
  readonly alarms: OperatorAlarms;
  /** The application's metrics at a glance (shared/metrics.ts). */
  readonly dashboard: MetricsDashboard;
  /** The console: bucket, distribution, and its deployment with config.json. */
  readonly console: ConsoleSite;
  /** sharp and pdf-lib for the files group's function, made only when a group asks for it. */
  filesLayer?: ILayerVersion;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    const { config, table, ...stackProps } = props;
    super(scope, id, stackProps);
    // The Data stack's evidence bucket, by its export names (constructs/files-bucket.ts).
    const filesBucket = importFilesBucket(this, 'FilesBucket', config);

    // The console's address comes first: the app client's callback URLs and the API's CORS name it.
    this.console = new ConsoleSite(this, 'Console', { config });
    this.auth = new Auth(this, 'Auth', { config, consoleUrl: this.console.url });

    const groups = Object.keys(handlerGroups) as HandlerGroup[];
    this.functions = Object.fromEntries(
      groups.map((group) => {
        const settings = HANDLER_GROUP_SETTINGS[group];
        const fn = new HandlerFunction(this, `Http-${group}`, {
          config,
          entry: handlerGroups[group].entry,
          description: `opinion-desk HTTP handlers: ${group}`,
          ...(settings
            ? {
                architecture: settings.architecture,
                memorySize: settings.memorySize,
                timeout: settings.timeout,
                externalModules: settings.externalModules,
                layers: [this.layerFor(settings.layer)],
              }
            : {}),
        }).bindTable(table, httpPermissions[group], filesBucket);
        return [group, fn];
      }),
    ) as Record<HandlerGroup, HandlerFunction>;

    // search.engine 'opensearch': the collection and its pipeline; the report and case lists read it.
    if (config.search.engine === 'opensearch')
      new OpenSearchSearch(this, 'Search', {
        config,
        table,
        readers: [this.functions.reports.fn, this.functions.cases.fn],
      });

    this.api = new OpinionDeskApi(this, 'Api', {
      config,
      routes,
      functions: Object.fromEntries(groups.map((g) => [g, this.functions[g].fn])) as Record<
        HandlerGroup,
        HandlerFunction['fn']
      >,
      userPool: this.auth.userPool,
      userPoolClient: this.auth.client,
      consoleOrigin: this.console.url,
    });

    // config.json: the console's API, Cognito's issuer, managed login domain and app client.
    this.console.deploy({
      apiUrl: config.links.apiUrl ?? this.api.httpApi.apiEndpoint,
      auth: {
        mode: 'cognito',
        authority: this.auth.userPool.userPoolProviderUrl,
        clientId: this.auth.client.userPoolClientId,
        domain: cognitoDomainUrl(config),
      },
    });

    this.email = new Email(this, 'Email', { config });
    this.jobs = Object.fromEntries(
      schedules.map((schedule) => [
        schedule.name,
        new ScheduledJob(this, `Job-${schedule.name}`, {
          config,
          schedule,
          table,
          email: this.email,
          filesBucket,
        }),
      ]),
    );

    this.outboxSender = new OutboxSender(this, 'OutboxSender', {
      config,
      table,
      email: this.email,
      filesBucket,
    });
    // The two senders of webhooks read the endpoints' signing secrets (docs/webhooks.md).
    grantWebhookSecrets(this.outboxSender.function.fn, config);
    const sweep = this.jobs['case-notifications'];
    if (sweep) grantWebhookSecrets(sweep.function.fn, config);

    // Links in emails (shared/mail/links.ts) go to the console: the configured consoleUrl, else
    // this stage's distribution; API_URL stays for a config that links to the API. Only the
    // functions that send mail get them.
    const apiUrl = config.links.apiUrl ?? this.api.stage.url;
    for (const fn of this.mailSenders()) {
      fn.addEnvironment('API_URL', apiUrl);
      fn.addEnvironment('CONSOLE_URL', config.links.consoleUrl ?? this.console.url);
    }

    // docs/architecture.md: handler errors and throttles, API 5xx, any message in a DLQ, email
    // failures, and the daily summary not sent by its deadline notify the operator.
    this.alarms = new OperatorAlarms(this, 'Alarms', { config });
    for (const group of groups) {
      this.alarms.onFunctionErrors(this.functions[group].fn, `http-${group}`);
      this.alarms.onFunctionThrottles(this.functions[group].fn, `http-${group}`);
    }
    for (const [name, job] of Object.entries(this.jobs)) {
      this.alarms.onDeadLetterQueue(job.deadLetterQueue, `job-${name}`);
      this.alarms.onFunctionErrors(
        job.function.fn,
        `job-${name}`,
        name === SUMMARY_WATCHDOG ? this.watchdogAlarmDescription(config) : undefined,
      );
      this.alarms.onFunctionThrottles(job.function.fn, `job-${name}`);
    }
    this.alarms.onDeadLetterQueue(
      this.outboxSender.failureQueue,
      'outbox-sender',
      'Each message names the stream records given up on; the case-notifications sweep sends what is still pending. Find the cause in the outbox sender log, then empty the queue.',
    );
    this.alarms.onFunctionErrors(this.outboxSender.function.fn, 'outbox-sender');
    // The application's metrics (shared/metrics.ts): emails not sent, per sender, and the summary missing.
    const mailSenders = [
      ...schedules.filter((row) => jobPermissions[row.name].sendsMail).map((row) => row.name),
      OUTBOX_SENDER_JOB,
    ];
    const metricAlarms = [
      ...mailSenders.map((job) => this.alarms.onEmailsFailed(job)),
      this.alarms.onDailySummaryMissing(SUMMARY_WATCHDOG, this.watchdogAlarmDescription(config)),
      // A webhook event given up on (shared/service/webhooks.ts), per configured endpoint.
      ...config.webhooks.endpoints.map((e) => this.alarms.onWebhooksGivenUp(e.id)),
    ];
    this.dashboard = new MetricsDashboard(this, 'Metrics', {
      config,
      jobs: [...schedules.map((row) => row.name), OUTBOX_SENDER_JOB],
      mailSenders,
      alarms: metricAlarms,
    });
    this.alarms.onFunctionThrottles(this.outboxSender.function.fn, 'outbox-sender');
    const trigger = this.auth.preTokenGeneration;
    if (trigger) {
      this.alarms.onFunctionErrors(trigger.fn, 'pre-token-generation');
      this.alarms.onFunctionThrottles(trigger.fn, 'pre-token-generation');
    }
    this.alarms.onApiServerErrors(this.api.httpApi);
    this.alarms.onEmailFailures(this.email);

    // Read by operators and tools (infra/users, the e2e suite against a stage): keys in names.ts.
    const output = (key: keyof typeof APP_STACK_OUTPUTS, value: string, description: string) =>
      new CfnOutput(this, APP_STACK_OUTPUTS[key], { value, description });
    output('alarmTopicArn', this.alarms.topic.topicArn, 'The operator alarm topic');
    output(
      'sesConfigurationSet',
      this.email.configurationSet.configurationSetName,
      'The SES configuration set every email goes through',
    );
    output('userPoolId', this.auth.userPool.userPoolId, 'The Cognito user pool (npm run users)');
    output(
      'userPoolClientId',
      this.auth.client.userPoolClientId,
      'The app client whose ID tokens the API accepts',
    );
    output('apiUrl', this.api.stage.url, 'Base URL of the HTTP API');
    output('consoleUrl', this.console.url, 'The console (CloudFront): open it and sign in');
    output('cognitoDomain', cognitoDomainUrl(config), "Cognito's managed login for the console");
  }

  private layerFor(name: 'files'): ILayerVersion {
    switch (name) {
      case 'files':
        this.filesLayer ??= new FilesLayer(this, 'FilesLayer').layer;
        return this.filesLayer;
    }
  }

  /** The jobs that send mail (functions/permissions.ts) and the outbox sender. */
  private mailSenders(): HandlerFunction['fn'][] {
    return [
      ...schedules.filter((s) => jobPermissions[s.name].sendsMail).map((s) => this.jobs[s.name]!.function.fn),
      this.outboxSender.function.fn,
    ];
  }

  private watchdogAlarmDescription(config: AppConfig): string {
    const row = schedules.find((s) => s.name === SUMMARY_WATCHDOG)!;
    return `The daily summary of the previous day was not sent to every (allowed) summary recipient by the watchdog's run (${describeSchedule(row.schedule(config))}, ${timeZoneOf(config)}). Its log line "daily summary not sent" lists which recipients (by position in summaryRecipients); find the cause in the daily-summary log and dead-letter queue, then replay that run from its queue (sent-markers skip what was sent).`;
  }
}
