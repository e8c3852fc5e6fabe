// CDK assertions for every environment: the synthesized stacks have what the
// spec asks of them (authorizer on every non-public route, the table's keys,
// PITR and retention, Node.js 22 on arm64, no admin IAM, one schedule per job
// in the configured zone with retries and an encrypted dead-letter queue, SES
// through a configuration set, the outbox sender on the table's stream, an
// alarm on every dead-letter queue, function error and throttle, API 5xx and
// the daily summary watchdog to the alarm address, the outputs operators read) and
// cdk-nag finds nothing unacknowledged. Synthesis skips asset bundling except in the one
// test that proves the local esbuild bundles the handlers offline.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App, CfnElement } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENVIRONMENTS, type EnvironmentName } from '#config/schema';
import { jobPermissions } from '#functions/permissions';
import { handlerGroups, routeKey, routePaths, routes } from '#functions/routes';
import { scheduleExpression, schedules } from '#functions/schedules';
import { type BuiltApp, buildApp } from '#infra/aws/build';
import { ESM_REQUIRE_BANNER, FUNCTION_NODE_OPTIONS } from '#infra/aws/constructs/function';
import { APP_STACK_OUTPUTS, appStackNameOf, dataStackNameOf, filesBucketExportsOf } from '#infra/aws/names';
import { loadAppConfig } from '#infra/config/index';
import { PHYSICAL_INDEX_NAMES, tableDefinition } from '#store/table';

/** The same feature flags the CLI gets from cdk.json, so that tests synthesize what `cdk synth` does. */
const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

/** One function per handler group, one per scheduled job, and the outbox sender (the table's stream). */
const FUNCTION_COUNT = Object.keys(handlerGroups).length + schedules.length + 1;
/** The evidence files bucket's logical id in the Data stack: a change would replace the bucket. */
const FILES_BUCKET_ID = 'FilesBucket7C17EE2E';

/** One dead-letter queue per scheduled job, and the outbox sender's on-failure queue. */
const QUEUE_COUNT = schedules.length + 1;

// Generous: the first synth also starts the CloudFormation validation engine, slow on a busy machine.
const SYNTH_TIMEOUT = 120_000;

const build = (envName: string, { bundle }: { bundle: boolean }): BuiltApp =>
  buildApp(envName, {
    context: {
      ...cdkJson.context,
      // In-memory mode: a failed validation throws with the report in the message.
      '@aws-cdk/core:appMode': 'inmemory',
      ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
  });

/** cdk-nag findings left after acknowledgements, one line each, for a readable failure. */
const unacknowledgedNagFindings = (app: App): string[] =>
  new AwsSolutionsChecks()
    .validateScope(app)
    .violations.map(
      (v) => `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );

type CfnResource = { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string };

/**
 * Functions CDK adds to deploy the console, not the app's (test/infra/console-site.test.ts checks
 * them): BucketDeployment's handler, and where the buckets go with the stack (dev) the auto-delete provider.
 */
const isConsoleDeploymentFunction = (logicalId: string): boolean =>
  /^Custom(CDKBucketDeployment|S3AutoDeleteObjectsCustomResourceProvider)/.test(logicalId);

/** The app's own functions (handlers, jobs, the outbox sender, the Cognito trigger), by logical id. */
const appFunctions = (template: Template): Record<string, CfnResource> =>
  Object.fromEntries(
    Object.entries(template.findResources('AWS::Lambda::Function') as Record<string, CfnResource>).filter(
      ([id]) => !isConsoleDeploymentFunction(id),
    ),
  );
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

const asList = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

const policyStatements = (template: Template): Statement[] => {
  const docs: { Statement: Statement[] }[] = [];
  for (const r of Object.values(template.findResources('AWS::IAM::Policy')) as CfnResource[]) {
    docs.push(r.Properties?.PolicyDocument as { Statement: Statement[] });
  }
  for (const r of Object.values(template.findResources('AWS::IAM::Role')) as CfnResource[]) {
    for (const p of (r.Properties?.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]) {
      docs.push(p.PolicyDocument);
    }
  }
  return docs.flatMap((d) => d.Statement);
};

describe.each(ENVIRONMENTS)('the %s stage', (envName: EnvironmentName) => {
  const config = loadAppConfig(envName);
  /** Plus, where staff need a second factor, the user pool's pre-token-generation trigger. */
  const functionCount = FUNCTION_COUNT + (config.auth.staffMfaRequired ? 1 : 0);
  let built: BuiltApp;
  let data: Template;
  let api: Template;

  beforeAll(() => {
    built = build(envName, { bundle: false });
    // Synthesizing the app runs cdk-nag as a validation plugin: an unacknowledged error throws here.
    built.app.synth();
    data = Template.fromStack(built.stage.dataStack);
    api = Template.fromStack(built.stage.appStack);
  }, SYNTH_TIMEOUT);

  it('is one Stage named after the environment, in the configured region', () => {
    expect(built.stage.stageName).toBe(`OpinionDesk-${envName}`);
    expect(built.stage.dataStack.region).toBe(config.region);
    expect(built.stage.appStack.region).toBe(config.region);
  });

  it('has no unacknowledged cdk-nag findings and no error or warning annotations', () => {
    expect(unacknowledgedNagFindings(built.app)).toEqual([]);
    for (const stack of [built.stage.dataStack, built.stage.appStack]) {
      const annotations = Annotations.fromStack(stack);
      expect(annotations.findError('*', Match.anyValue())).toEqual([]);
      expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    }
  });

  it('has one route per manifest row and an ANY route per path; only the meta reads and the ANY routes are public', () => {
    const byKey = new Map(
      (Object.values(api.findResources('AWS::ApiGatewayV2::Route')) as CfnResource[]).map((r) => [
        r.Properties?.RouteKey as string,
        r.Properties ?? {},
      ]),
    );
    const fallbacks = routePaths().map((path) => `ANY ${path}`);
    expect([...byKey.keys()].sort()).toEqual([...routes.map(routeKey), ...fallbacks].sort());
    const [authorizerId] = Object.keys(api.findResources('AWS::ApiGatewayV2::Authorizer'));
    api.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT' });

    // The `ANY <path>` routes (405 with Allow) go to the meta function, as GET /health does.
    for (const key of fallbacks)
      expect(byKey.get(key)?.Target, key).toEqual(byKey.get('GET /health')?.Target);

    const publicKeys = ['GET /', 'GET /health', 'GET /openapi.json', 'GET /docs'];
    expect(routes.filter((r) => r.access === 'public').map(routeKey)).toEqual(publicKeys);
    for (const [key, props] of byKey) {
      if (publicKeys.includes(key) || fallbacks.includes(key)) {
        expect(props.AuthorizationType, key).toBe('NONE');
        expect(props.AuthorizerId, key).toBeUndefined();
      } else {
        expect(props.AuthorizationType, key).toBe('JWT');
        expect(props.AuthorizerId, key).toEqual({ Ref: authorizerId });
      }
    }
  });

  it('throttles the default stage, writes access logs and allows the configured CORS origins', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: config.api.throttleRatePerSecond,
        ThrottlingBurstLimit: config.api.throttleBurst,
      },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
    api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      // The console's own origin (its CloudFront domain), then the configured ones.
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [
          {
            'Fn::Join': [
              '',
              [
                'https://',
                {
                  'Fn::GetAtt': [
                    built.stage.appStack.getLogicalId(
                      built.stage.appStack.console.distribution.node.defaultChild as CfnElement,
                    ),
                    'DomainName',
                  ],
                },
              ],
            ],
          },
          ...config.corsOrigins,
        ],
      }),
    });
  });

  it(`has the table from the table definition: on demand, PITR, TTL, its ${tableDefinition.globalSecondaryIndexes.length} GSIs, a stream`, () => {
    data.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    const [table] = Object.values(data.findResources('AWS::DynamoDB::GlobalTable')) as CfnResource[];
    const props = table!.Properties as {
      BillingMode: string;
      KeySchema: unknown;
      TimeToLiveSpecification: unknown;
      GlobalSecondaryIndexes: { IndexName: string; KeySchema: unknown; Projection: unknown }[];
      StreamSpecification: unknown;
      Replicas: { PointInTimeRecoverySpecification: unknown }[];
    };
    expect(props.BillingMode).toBe('PAY_PER_REQUEST');
    expect(props.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(props.GlobalSecondaryIndexes).toHaveLength(tableDefinition.globalSecondaryIndexes.length);
    expect(props.GlobalSecondaryIndexes.map((g) => g.IndexName)).toEqual([...PHYSICAL_INDEX_NAMES]);
    for (const g of tableDefinition.globalSecondaryIndexes) {
      expect(props.GlobalSecondaryIndexes).toContainEqual({
        IndexName: g.indexName,
        KeySchema: [
          { AttributeName: g.partitionKey, KeyType: 'HASH' },
          { AttributeName: g.sortKey, KeyType: 'RANGE' },
        ],
        Projection:
          g.projection.type === 'ALL'
            ? { ProjectionType: 'ALL' }
            : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...g.projection.attributes] },
      });
    }
    expect(props.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    expect(props.Replicas).toHaveLength(1);
    expect(props.Replicas[0]!.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  it('protects the table and the user pool in prod only, retains them outside dev', () => {
    const [table] = Object.values(data.findResources('AWS::DynamoDB::GlobalTable')) as CfnResource[];
    const replica = (table!.Properties as { Replicas: { DeletionProtectionEnabled: boolean }[] })
      .Replicas[0]!;
    const [pool] = Object.values(api.findResources('AWS::Cognito::UserPool')) as CfnResource[];
    const expected = {
      dev: { protection: false, policy: 'Delete' },
      staging: { protection: false, policy: 'Retain' },
      prod: { protection: true, policy: 'Retain' },
    }[envName];
    expect(replica.DeletionProtectionEnabled).toBe(expected.protection);
    expect(table!.DeletionPolicy).toBe(expected.policy);
    expect(pool!.DeletionPolicy).toBe(expected.policy);
    expect(pool!.Properties?.DeletionProtection).toBe(expected.protection ? 'ACTIVE' : 'INACTIVE');
    expect(built.stage.dataStack.terminationProtection).toBe(envName === 'prod');
  });

  it('keeps evidence files in a private, encrypted, TLS-only bucket with the configured versioning and lifecycle', () => {
    const [bucket] = Object.values(
      data.findResources('AWS::S3::Bucket', { Properties: { CorsConfiguration: Match.anyValue() } }),
    ) as CfnResource[];
    expect(bucket, 'the files bucket').toBeDefined();
    expect(bucket!.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    expect(bucket!.Properties?.LoggingConfiguration).toBeUndefined();
    expect(bucket!.Properties?.VersioningConfiguration).toEqual(
      config.files.versioning ? { Status: 'Enabled' } : undefined,
    );
    const rules = (bucket!.Properties!.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    expect(rules).toEqual([
      { Id: 'incoming-after-1-day', Prefix: 'incoming/', ExpirationInDays: 1, Status: 'Enabled' },
      {
        Id: 'abort-incomplete-multipart-uploads',
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
        Status: 'Enabled',
      },
      ...(config.files.versioning
        ? [
            {
              Id: 'noncurrent-versions',
              NoncurrentVersionExpiration: { NoncurrentDays: config.files.noncurrentVersionDays },
              ExpiredObjectDeleteMarker: true,
              Status: 'Enabled',
            },
          ]
        : []),
    ]);
    // The console posts upload forms from its origins (constructs/files-bucket.ts says why CloudFront's).
    expect(bucket!.Properties?.CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedMethods: ['POST'],
          AllowedOrigins: [...config.corsOrigins, 'https://*.cloudfront.net'],
          AllowedHeaders: ['content-type'],
          MaxAge: 3600,
        },
      ],
    });
    // Plain HTTP and TLS before 1.2 are refused by the bucket policy.
    const [policy] = Object.values(data.findResources('AWS::S3::BucketPolicy')) as CfnResource[];
    const statements = (policy!.Properties!.PolicyDocument as { Statement: Record<string, unknown>[] })
      .Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
    );
    expect(bucket!.DeletionPolicy).toBe(envName === 'dev' ? 'Delete' : 'Retain');
    // The App stack imports it by these export names (FILES_BUCKET and the grants).
    const outputs = data.toJSON().Outputs as Record<string, { Value: unknown; Export?: { Name: string } }>;
    const exported = Object.values(outputs)
      .filter((o) => o.Export)
      .map((o) => [o.Export!.Name, o.Value]);
    expect(exported).toEqual(
      expect.arrayContaining([
        [filesBucketExportsOf(envName).arn, { 'Fn::GetAtt': [FILES_BUCKET_ID, 'Arn'] }],
        [filesBucketExportsOf(envName).name, { Ref: FILES_BUCKET_ID }],
      ]),
    );
  });

  it('keeps the logical ids of the stateful resources (a change would replace them)', () => {
    expect(Object.keys(data.findResources('AWS::DynamoDB::GlobalTable'))).toEqual(['TableCD117FA1']);
    expect(Object.keys(data.findResources('AWS::S3::Bucket'))).toEqual([FILES_BUCKET_ID]);
    expect(Object.keys(api.findResources('AWS::Cognito::UserPool'))).toEqual(['AuthUserPool8115E87F']);
  });

  it('runs one Node.js 22 arm64 function per handler group, per scheduled job and for the outbox, bound to the table', () => {
    const functions = Object.values(appFunctions(api));
    expect(functions).toHaveLength(functionCount);
    // Besides them, only what CDK adds to deploy the console.
    const deployment = Object.keys(api.findResources('AWS::Lambda::Function')).filter(
      isConsoleDeploymentFunction,
    );
    expect(deployment).toHaveLength(envName === 'dev' ? 2 : 1);
    for (const fn of functions) {
      const p = fn.Properties as {
        Runtime: string;
        Architectures: string[];
        Handler: string;
        Environment: { Variables: Record<string, unknown> };
      };
      expect(p.Runtime).toBe('nodejs22.x');
      expect(p.Architectures).toEqual(['arm64']);
      expect(p.Handler).toBe('index.handler');
      // The Cognito trigger reads no table.
      if ((fn.Properties as { Description?: string }).Description?.includes('pre-token')) continue;
      expect(p.Environment.Variables).toMatchObject({
        APP_ENV: envName,
        POWERTOOLS_SERVICE_NAME: 'opinion-desk',
        TABLE_NAME: { 'Fn::ImportValue': expect.stringContaining(built.stage.dataStack.stackName) },
      });
      expect(p.Environment.Variables.NODE_OPTIONS).toBe(FUNCTION_NODE_OPTIONS.join(' ') || undefined);
    }
    // Not --enable-source-maps: Node would parse the source map at every cold start.
    expect(FUNCTION_NODE_OPTIONS).not.toContain('--enable-source-maps');
  });

  it('keeps every log group for the configured retention', () => {
    const groups = Object.values(api.findResources('AWS::Logs::LogGroup')) as CfnResource[];
    // One per function plus the API's access logs.
    // One per function, the API's access logs, and the console deployment's.
    expect(groups).toHaveLength(functionCount + 2);
    for (const g of groups) expect(g.Properties?.RetentionInDays).toBe(config.retention.logDays);
  });

  it('has the role groups, the custom:agency attribute, no self sign-up, and clients cannot write the agency', () => {
    for (const role of ['reporter', 'desk', 'agency']) {
      api.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
    }
    api.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: Match.arrayWith([Match.objectLike({ Name: 'agency', Mutable: true })]),
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
    });
    const [client] = Object.values(api.findResources('AWS::Cognito::UserPoolClient')) as CfnResource[];
    expect(client!.Properties?.ReadAttributes).toContain('custom:agency');
    expect(client!.Properties?.WriteAttributes).not.toContain('custom:agency');
    // SRP for apps; the IAM-authenticated admin password flow for operators and the e2e suite; no
    // password over the public API.
    expect([...((client!.Properties?.ExplicitAuthFlows ?? []) as string[])].sort()).toEqual([
      'ALLOW_ADMIN_USER_PASSWORD_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_SRP_AUTH',
    ]);
  });

  it('asks desk and agency users for TOTP where the config says so: optional pool MFA, a claim-adding trigger', () => {
    // MFA is per pool and reporters may keep one factor: optional TOTP (no SMS), and a trigger
    // that puts the staff claim in the ID token of a desk or agency user with TOTP on.
    api.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
    const [pool] = Object.values(api.findResources('AWS::Cognito::UserPool')) as CfnResource[];
    // A remembered device would skip the TOTP prompt.
    expect(pool!.Properties?.DeviceConfiguration).toBeUndefined();
    const trigger = (pool!.Properties?.LambdaConfig as { PreTokenGeneration?: unknown } | undefined)
      ?.PreTokenGeneration;
    if (config.auth.staffMfaRequired) {
      expect(trigger).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/PreTokenGeneration/), 'Arn'] });
      expect(policyStatements(api)).toContainEqual(
        expect.objectContaining({ Action: 'cognito-idp:AdminGetUser', Effect: 'Allow' }),
      );
    } else {
      expect(trigger).toBeUndefined();
    }
    expect(envName === 'prod').toBe(config.auth.staffMfaRequired);
  });

  it('outputs what operators and tools read, under the stack names they look for', () => {
    expect(built.stage.appStack.stackName).toBe(appStackNameOf(envName));
    expect(built.stage.dataStack.stackName).toBe(dataStackNameOf(envName));
    const [poolId] = Object.keys(api.findResources('AWS::Cognito::UserPool'));
    const [clientId] = Object.keys(api.findResources('AWS::Cognito::UserPoolClient'));
    const [apiId] = Object.keys(api.findResources('AWS::ApiGatewayV2::Api'));
    const outputs = api.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs).sort()).toEqual(Object.values(APP_STACK_OUTPUTS).sort());
    expect(outputs.UserPoolId!.Value).toEqual({ Ref: poolId });
    expect(outputs.UserPoolClientId!.Value).toEqual({ Ref: clientId });
    expect(JSON.stringify(outputs.ApiUrl!.Value)).toContain(`{"Ref":"${apiId}"}`);
  });

  it('runs each scheduled job on EventBridge Scheduler in the configured zone, with retries and a DLQ', () => {
    api.resourceCountIs('AWS::Scheduler::Schedule', schedules.length);
    const resources = api.toJSON().Resources as Record<string, CfnResource>;
    const statements = policyStatements(api);
    for (const row of schedules) {
      const job = built.stage.appStack.jobs[row.name]!;
      const id = (c: IConstruct) => built.stage.appStack.getLogicalId(c.node.defaultChild as CfnElement);
      const fnId = id(job.function.fn);
      const queueId = id(job.deadLetterQueue);
      const schedule = resources[id(job.schedule)]!;
      const target = schedule.Properties?.Target as Record<string, unknown>;

      // The expression from the manifest's schedule, read in the config's zone.
      expect(schedule.Type, row.name).toBe('AWS::Scheduler::Schedule');
      expect(schedule.Properties).toMatchObject({
        ScheduleExpression: scheduleExpression(row.schedule(config)),
        ScheduleExpressionTimezone: config.timeZone,
        State: 'ENABLED',
        FlexibleTimeWindow: { Mode: 'OFF' },
      });
      const [h, m] = config.schedules.dailySummary.at.split(':').map(Number) as [number, number];
      if (row.name === 'daily-summary') {
        expect(schedule.Properties?.ScheduleExpression).toBe(`cron(${m} ${h} * * ? *)`);
      }
      if (row.name === 'daily-summary-watchdog') {
        // 09:00 local, or two hours after the summary when that is later.
        const at = Math.max(9 * 60, h * 60 + m + 120);
        expect(schedule.Properties?.ScheduleExpression).toBe(
          `cron(${at % 60} ${Math.floor(at / 60)} * * ? *)`,
        );
      }
      expect(target.Arn).toEqual({ 'Fn::GetAtt': [fnId, 'Arn'] });
      expect(JSON.parse(target.Input as string)).toEqual({ scheduledTime: '<aws.scheduler.scheduled-time>' });
      expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 6 * 3600 });
      expect(target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } });

      // The dead-letter queue: encrypted at rest, TLS only.
      const queue = resources[queueId]!;
      expect(queue.Type).toBe('AWS::SQS::Queue');
      expect(
        queue.Properties?.SqsManagedSseEnabled === true || queue.Properties?.KmsMasterKeyId !== undefined,
      ).toBe(true);
      api.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queueId }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });

      // Scheduler invokes asynchronously: Lambda's own retries end in the same queue.
      expect(resources[fnId]!.Properties).toMatchObject({
        Timeout: 300,
        MemorySize: 512,
        DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
      });
      expect(
        'SES_CONFIGURATION_SET' in
          (resources[fnId]!.Properties as { Environment: { Variables: object } }).Environment.Variables,
        row.name,
      ).toBe(jobPermissions[row.name].sendsMail);
      api.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: fnId },
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 6 * 3600,
      });

      // Scheduler's role may invoke this function (no `:*` versions) and write to its queue, nothing else.
      const invokes = statements.filter((s) => asList(s.Action).includes('lambda:InvokeFunction'));
      expect(invokes.map((s) => s.Resource)).toContainEqual({ 'Fn::GetAtt': [fnId, 'Arn'] });
      for (const s of invokes) expect(JSON.stringify(s.Resource)).not.toContain(':*');
    }
  });

  it('sends email as the configured sender through a configuration set that records bounces and complaints', () => {
    api.resourceCountIs('AWS::SES::ConfigurationSet', 1);
    const [configSetId] = Object.keys(api.findResources('AWS::SES::ConfigurationSet'));
    api.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    api.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: configSetId },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
        CloudWatchDestination: Match.objectLike({ DimensionConfigurations: Match.anyValue() }),
      },
    });
    api.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: config.senderAddress,
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configSetId } },
    });
    // Every job that sends (functions/permissions.ts) and the outbox sender name the set; only they may
    // send, and only as the sender, through the set (test/infra/permissions.test.ts: exactly which).
    const senders = [
      ...schedules
        .filter((row) => jobPermissions[row.name].sendsMail)
        .map((row) => built.stage.appStack.jobs[row.name]!.function.fn),
      built.stage.appStack.outboxSender.function.fn,
    ];
    for (const fn of senders) {
      const fnId = built.stage.appStack.getLogicalId(fn.node.defaultChild as CfnElement);
      const props = api.toJSON().Resources[fnId].Properties;
      expect(props.Environment.Variables.SES_CONFIGURATION_SET).toEqual({ Ref: configSetId });
    }
    const sends = policyStatements(api).filter((s) => asList(s.Action).some((a) => a.startsWith('ses:')));
    expect(sends).toHaveLength(senders.length);
    for (const s of sends) {
      expect(asList(s.Action).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      const resources = JSON.stringify(s.Resource);
      expect(asList(s.Resource)).toHaveLength(2);
      expect(resources).toContain(':identity/');
      expect(resources).toContain(':configuration-set/');
      expect(resources).not.toContain('*');
    }
  });

  it('hands the functions that send email the API address for links, and no other function', () => {
    const app = built.stage.appStack;
    const resources = api.toJSON().Resources as Record<string, CfnResource>;
    const senders = new Set(
      [
        ...schedules.filter((row) => jobPermissions[row.name].sendsMail).map((row) => app.jobs[row.name]!),
        app.outboxSender,
      ].map((j) => app.getLogicalId(j.function.fn.node.defaultChild as CfnElement)),
    );
    const [apiId] = Object.keys(api.findResources('AWS::ApiGatewayV2::Api'));
    const fnIds = Object.keys(appFunctions(api));
    expect(senders.size).toBeGreaterThan(0);
    for (const fnId of fnIds) {
      const vars = (resources[fnId]!.Properties as { Environment?: { Variables?: Record<string, unknown> } })
        .Environment?.Variables;
      if (!senders.has(fnId)) {
        expect(vars?.API_URL, fnId).toBeUndefined();
        continue;
      }
      // The stage's own endpoint (a reference to this stack's HTTP API), unless the config sets one.
      const url = JSON.stringify(vars?.API_URL);
      if (config.links.apiUrl) expect(url).toBe(JSON.stringify(config.links.apiUrl));
      else expect(url).toContain(apiId!);
    }
  });

  it('sends case notifications from the table stream: outbox INSERTs and FILE REMOVEs only, partial batch failures, an encrypted on-failure queue', () => {
    const sender = built.stage.appStack.outboxSender;
    const id = (c: IConstruct) => built.stage.appStack.getLogicalId(c.node.defaultChild as CfnElement);
    const fnId = id(sender.function.fn);
    const queueId = id(sender.failureQueue);
    const resources = api.toJSON().Resources as Record<string, CfnResource>;

    api.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    const [mapping] = Object.values(api.findResources('AWS::Lambda::EventSourceMapping')) as CfnResource[];
    const p = mapping!.Properties as Record<string, unknown> & {
      FilterCriteria: { Filters: { Pattern: string }[] };
      EventSourceArn: { 'Fn::ImportValue': string };
    };
    expect(p).toMatchObject({
      FunctionName: { Ref: fnId },
      StartingPosition: 'LATEST',
      BatchSize: 10,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 3,
      MaximumRecordAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
    // Only new outbox items invoke the sender, and removed FILE items (their objects go with them).
    expect(p.FilterCriteria.Filters).toHaveLength(2);
    expect(JSON.parse(p.FilterCriteria.Filters[0]!.Pattern)).toEqual({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { entity: { S: ['outbox'] } } },
    });
    expect(JSON.parse(p.FilterCriteria.Filters[1]!.Pattern)).toEqual({
      eventName: ['REMOVE'],
      dynamodb: { Keys: { sk: { S: [{ prefix: 'FILE#' }] } } },
    });

    // The stream ARN crosses stacks: the Data stack exports the table's StreamArn, the mapping imports it.
    const exported = Object.values(
      data.toJSON().Outputs as Record<string, { Value: unknown; Export: { Name: string } }>,
    ).find(
      (o) => JSON.stringify(o.Value) === JSON.stringify({ 'Fn::GetAtt': ['TableCD117FA1', 'StreamArn'] }),
    );
    expect(exported).toBeDefined();
    expect(p.EventSourceArn).toEqual({ 'Fn::ImportValue': exported!.Export.Name });

    // The on-failure queue: encrypted at rest, TLS only.
    expect(resources[queueId]!.Type).toBe('AWS::SQS::Queue');
    expect(resources[queueId]!.Properties?.SqsManagedSseEnabled).toBe(true);
    api.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });

    // It reads the table and sends email like the jobs; stream reads on the stream ARN only.
    expect(resources[fnId]!.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Environment: {
        Variables: { SES_CONFIGURATION_SET: { Ref: expect.any(String) }, TABLE_NAME: expect.anything() },
      },
    });
    const streamReads = policyStatements(api).filter((s) => asList(s.Action).includes('dynamodb:GetRecords'));
    expect(streamReads).toHaveLength(1);
    expect(asList(streamReads[0]!.Action).sort()).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
    ]);
    expect(streamReads[0]!.Resource).toEqual(p.EventSourceArn);
  });

  it('alarms the configured address on every dead-letter queue, function error and throttle, API 5xx, email failures and a missing daily summary', () => {
    // One encrypted, TLS-only topic with one email subscription: the config's alarm address.
    api.resourceCountIs('AWS::SNS::Topic', 1);
    const [topicId] = Object.keys(api.findResources('AWS::SNS::Topic'));
    const [keyId] = Object.keys(api.findResources('AWS::KMS::Key'));
    api.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    api.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
    api.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
          }),
        ]),
      },
    });
    api.resourceCountIs('AWS::SNS::Subscription', 1);
    api.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: config.alarmEmail,
      TopicArn: { Ref: topicId },
    });

    type AlarmProps = {
      AlarmName: string;
      AlarmDescription: string;
      Namespace: string;
      MetricName: string;
      Dimensions: { Name: string; Value: unknown }[];
      Statistic: string;
      Period: number;
      Threshold: number;
      ComparisonOperator: string;
      AlarmActions: unknown;
      OKActions: unknown;
      TreatMissingData: string;
    };
    const alarms = (Object.values(api.findResources('AWS::CloudWatch::Alarm')) as CfnResource[]).map(
      (a) => a.Properties as AlarmProps,
    );
    for (const a of alarms) {
      expect(a.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(a.OKActions).toEqual([{ Ref: topicId }]);
      expect(a.Threshold).toBe(1);
      expect(a.ComparisonOperator).toBe('GreaterThanOrEqualToThreshold');
      expect(a.Period).toBe(300);
      expect(a.TreatMissingData).toBe('notBreaching');
      expect(a.AlarmName).toMatch(new RegExp(`^opinion-desk-${envName}-`));
    }
    const on = (namespace: string, metric: string) =>
      alarms.filter((a) => a.Namespace === namespace && a.MetricName === metric);

    // Any message in any queue (they are all dead-letter queues).
    const queueIds = Object.keys(api.findResources('AWS::SQS::Queue'));
    expect(queueIds).toHaveLength(QUEUE_COUNT);
    const dlqAlarms = on('AWS/SQS', 'ApproximateNumberOfMessagesVisible');
    expect(dlqAlarms).toHaveLength(QUEUE_COUNT);
    for (const q of queueIds) {
      expect(dlqAlarms.map((a) => a.Dimensions)).toContainEqual([
        { Name: 'QueueName', Value: { 'Fn::GetAtt': [q, 'QueueName'] } },
      ]);
    }

    // Errors of every function, the outbox sender's included.
    const fnIds = Object.keys(appFunctions(api));
    const errorAlarms = on('AWS/Lambda', 'Errors');
    expect(errorAlarms).toHaveLength(functionCount);
    for (const fnId of fnIds) {
      expect(errorAlarms.map((a) => a.Dimensions)).toContainEqual([
        { Name: 'FunctionName', Value: { Ref: fnId } },
      ]);
    }
    const senderId = built.stage.appStack.getLogicalId(
      built.stage.appStack.outboxSender.function.fn.node.defaultChild as CfnElement,
    );
    expect(fnIds).toContain(senderId);

    // Throttles of every function.
    const throttleAlarms = on('AWS/Lambda', 'Throttles');
    expect(throttleAlarms).toHaveLength(functionCount);
    for (const fnId of fnIds) {
      expect(throttleAlarms.map((a) => a.Dimensions)).toContainEqual([
        { Name: 'FunctionName', Value: { Ref: fnId } },
      ]);
    }
    for (const a of [...errorAlarms, ...throttleAlarms]) expect(a.Statistic).toBe('Sum');

    // The HTTP API's 5xx answers (the handlers' own 500s included), summed over 5 minutes.
    const [apiId] = Object.keys(api.findResources('AWS::ApiGatewayV2::Api'));
    expect(on('AWS/ApiGateway', '5xx')).toEqual([
      expect.objectContaining({
        AlarmName: `opinion-desk-${envName}-api-5xx`,
        Dimensions: [{ Name: 'ApiId', Value: { Ref: apiId } }],
        Statistic: 'Sum',
      }),
    ]);

    // "The daily summary has not run by 09:00": the watchdog job's Errors alarm.
    const watchdogFn = built.stage.appStack.getLogicalId(
      built.stage.appStack.jobs['daily-summary-watchdog']!.function.fn.node.defaultChild as CfnElement,
    );
    const watchdogAlarm = errorAlarms.find(
      (a) =>
        JSON.stringify(a.Dimensions) ===
        JSON.stringify([{ Name: 'FunctionName', Value: { Ref: watchdogFn } }]),
    );
    expect(watchdogAlarm?.AlarmName).toBe(`opinion-desk-${envName}-errors-job-daily-summary-watchdog`);
    expect(watchdogAlarm?.AlarmDescription).toMatch(/^The daily summary of the previous day was not sent/);

    // Email failures from the configuration set's metrics.
    const [configSetId] = Object.keys(api.findResources('AWS::SES::ConfigurationSet'));
    for (const metric of ['Reject', 'Bounce']) {
      expect(on('AWS/SES', metric).map((a) => a.Dimensions)).toEqual([
        [{ Name: 'ses:configuration-set', Value: { Ref: configSetId } }],
      ]);
    }
    // Per queue; errors and throttles per function; API 5xx; SES Reject and Bounce; the
    // application's metrics (test/infra/metrics-alarms.test.ts): EmailsFailed per job that
    // mails and the outbox sender, and the daily summary missing.
    const mailSenders = schedules.filter((s) => jobPermissions[s.name].sendsMail).length + 1;
    expect(alarms).toHaveLength(QUEUE_COUNT + 2 * functionCount + 1 + 2 + mailSenders + 1);
  });

  it('grants no IAM statement with Action "*" on Resource "*", and no Scan to the handlers', () => {
    for (const template of [data, api]) {
      for (const s of policyStatements(template)) {
        const actions = asList(s.Action);
        const resources = asList(s.Resource);
        expect(actions.includes('*') && resources.includes('*'), JSON.stringify(s)).toBe(false);
        expect(actions).not.toContain('dynamodb:Scan');
      }
    }
  });
});

describe('the app', () => {
  it('fails for an unknown environment, naming it', () => {
    expect(() => buildApp('qa')).toThrow(/Unknown environment "qa"/);
  });

  it(
    'fails synth on an unacknowledged cdk-nag error',
    () => {
      const { app, stage } = build('dev', { bundle: false });
      new Role(stage.appStack, 'AdminProbe', {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
      });
      expect(() => app.synth()).toThrow(/AwsSolutions-IAM4/);
    },
    SYNTH_TIMEOUT,
  );

  it(
    'bundles every handler with the local esbuild (no Docker): minified ESM with source maps, loadable',
    () => {
      // Assets are staged (bundled) while the functions are constructed.
      const { app } = build('dev', { bundle: true });
      const assetDirs = readdirSync(app.outdir)
        .filter((name) => name.startsWith('asset.'))
        .map((name) => join(app.outdir, name))
        .filter((dir) => existsSync(join(dir, 'index.mjs')));
      expect(assetDirs).toHaveLength(FUNCTION_COUNT);
      for (const dir of assetDirs) {
        expect(readdirSync(dir).sort()).toEqual(['index.mjs', 'index.mjs.map']);
        const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
        expect(code.startsWith(ESM_REQUIRE_BANNER)).toBe(true);
        // LAMBDA_BUNDLE_ALIASES applied: only the environment link of the credential chain.
        expect(code).not.toContain('defaultProvider::fromSSO');
        // bundledConfigDefine applied: the stage's validated config is inlined.
        expect(code).not.toContain('__OPINION_DESK_CONFIG__');
        // The bundle is an ES module that Node loads and that exports `handler`.
        const loaded = execFileSync(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            `const m = await import(${JSON.stringify(pathToFileURL(join(dir, 'index.mjs')).href)}); console.log('handler:' + typeof m.handler);`,
          ],
          {
            env: { ...process.env, APP_ENV: 'dev', TABLE_NAME: 'bundle-check', AWS_REGION: 'ap-southeast-1' },
            encoding: 'utf8',
          },
        );
        expect(loaded).toContain('handler:function');
      }
      // And the app still synthesizes (cdk-nag included) with real assets.
      expect(() => app.synth()).not.toThrow();
    },
    SYNTH_TIMEOUT,
  );
});
