// Least privilege, per function: the permission manifest (functions/permissions.ts)
// against the code and against the synthesized template.
//
// - From the code: each entry is bundled (esbuild, tree-shaken, dependencies
//   external) and the DynamoDB and SES commands its own code can send are read
//   off the bundle. The row must name exactly those actions: one the code
//   sends and the row lacks fails, and so does one the row grants that the
//   code never sends.
// - In the template, for every environment: each function's role holds exactly
//   its row's actions per resource (table, each GSI, SES identity and
//   configuration set, each key prefix of the files bucket) plus what its
//   trigger needs (its log group; a job's dead-letter queue; the outbox
//   sender's stream and on-failure queue), and nothing else.
// - The files bucket: a row names `files` exactly when its bundle builds an S3
//   client or signer, and exactly those functions get FILES_BUCKET.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { build as esbuild } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENVIRONMENTS, type EnvironmentName } from '#config/schema';
import {
  eventPermissions,
  type FunctionPermissions,
  httpPermissions,
  jobPermissions,
} from '#functions/permissions';
import { type HandlerGroup, handlerGroups, type RouteDef, routes } from '#functions/routes';
import { type ScheduleName, schedules } from '#functions/schedules';
import { type BuiltApp, buildApp } from '#infra/aws/build';
import { OUTBOX_SENDER_ENTRY } from '#infra/aws/constructs/outbox-sender';
import { filesBucketExportsOf } from '#infra/aws/names';
import { loadAppConfig } from '#infra/config/index';
import { PHYSICAL_INDEX_NAMES } from '#store/table';

const repoRoot = join(import.meta.dirname, '..', '..');
const cdkJson = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as {
  context: Record<string, unknown>;
};
const SYNTH_TIMEOUT = 120_000;

type Kind = 'http' | 'job' | 'event';
interface FunctionRow {
  name: string;
  kind: Kind;
  entry: string;
  permissions: FunctionPermissions;
}

/** Every function of the app with its entry and its row. */
const functionRows: FunctionRow[] = [
  ...(Object.keys(handlerGroups) as HandlerGroup[]).map((g) => ({
    name: g,
    kind: 'http' as const,
    entry: handlerGroups[g].entry,
    permissions: httpPermissions[g],
  })),
  ...schedules.map((s) => ({
    name: s.name,
    kind: 'job' as const,
    entry: s.entry,
    permissions: jobPermissions[s.name as ScheduleName],
  })),
  {
    name: 'outbox-stream',
    kind: 'event',
    entry: OUTBOX_SENDER_ENTRY,
    permissions: eventPermissions['outbox-stream'],
  },
];

// ---------------------------------------------------------------------------
// What the code sends, read off its bundle

/** Document-client and low-level commands → the IAM action on the table that authorizes them. */
const COMMAND_ACTIONS: Readonly<Record<string, string>> = {
  GetCommand: 'GetItem',
  GetItemCommand: 'GetItem',
  PutCommand: 'PutItem',
  PutItemCommand: 'PutItem',
  UpdateCommand: 'UpdateItem',
  UpdateItemCommand: 'UpdateItem',
  DeleteCommand: 'DeleteItem',
  DeleteItemCommand: 'DeleteItem',
  BatchGetCommand: 'BatchGetItem',
  BatchGetItemCommand: 'BatchGetItem',
  BatchWriteCommand: 'BatchWriteItem',
  BatchWriteItemCommand: 'BatchWriteItem',
  ScanCommand: 'Scan',
  DescribeTableCommand: 'DescribeTable',
};
/** A transaction is authorized per item, by the item's own action. */
const TRANSACT_ITEM_ACTIONS: Readonly<Record<string, string>> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  ConditionCheck: 'ConditionCheckItem',
};

interface DerivedPermissions {
  table: string[];
  indexQuery: boolean;
  sendsMail: boolean;
  /** It builds an S3 client or signer: the files bucket (shared/files/storage.ts, remover.ts). */
  touchesFiles: boolean;
  /** Every command class the bundle constructs, for the failure message. */
  commands: string[];
}

/**
 * The project code of `entry` as it ships (tree-shaken: only what the handler
 * can reach), and the actions it needs. A Query on the table has a key
 * condition on `pk`; one on a GSI names `IndexName` (the store's conventions).
 */
const derivePermissions = (code: string): DerivedPermissions => {
  const commands = [...new Set([...code.matchAll(/\bnew (\w+Command)\d*\(/g)].map((m) => m[1]!))].sort();
  const table = new Set<string>();
  for (const c of commands) {
    const action = COMMAND_ACTIONS[c];
    if (action) table.add(action);
  }
  if (commands.includes('TransactWriteCommand') || commands.includes('TransactWriteItemsCommand')) {
    // Not S3's `Delete: { Objects }` (a DeleteObjects input, shared/files/storage.ts).
    for (const m of code.matchAll(/\b(Put|Update|Delete|ConditionCheck)\s*:(?!\s*\{\s*Objects\b)/g)) {
      table.add(TRANSACT_ITEM_ACTIONS[m[1]!]!);
    }
  }
  const queries = commands.includes('QueryCommand');
  const tableQuery = queries && /KeyConditionExpression:\s*["'`]pk\s*=/.test(code);
  const indexQuery = queries && /\bIndexName\s*:/.test(code);
  if (queries && !tableQuery && !indexQuery) throw new Error('A QueryCommand on neither the table nor a GSI');
  if (tableQuery) table.add('Query');
  return {
    table: [...table].sort(),
    indexQuery,
    sendsMail: commands.includes('SendEmailCommand'),
    // The S3 client, or the SDK-free signed deletes of the outbox sender (shared/files/remover.ts).
    touchesFiles: /\bnew S3Client\(|\bservice:\s*["'`]s3["'`]/.test(code),
    commands,
  };
};

const bundleOf = async (entry: string): Promise<string> => {
  const out = await esbuild({
    entryPoints: [join(repoRoot, entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    treeShaking: true,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
};

describe('the permission manifest against the code', () => {
  it('has a row for every handler group, scheduled job and event function', () => {
    expect(functionRows.map((r) => r.name).sort()).toEqual(
      [...Object.keys(handlerGroups), ...schedules.map((s) => s.name), 'outbox-stream'].sort(),
    );
    for (const row of functionRows) expect(row.permissions, row.name).toBeDefined();
  });

  it.each(functionRows.map((r) => [r.name, r] as const))(
    '%s: the row names exactly the actions its bundled code sends',
    async (_name, row) => {
      const derived = derivePermissions(await bundleOf(row.entry));
      expect(
        {
          table: [...row.permissions.table].sort(),
          indexQuery: row.permissions.indexes.includes('Query'),
          sendsMail: row.permissions.sendsMail,
          touchesFiles: row.permissions.files !== undefined,
        },
        `commands in ${row.entry}: ${derived.commands.join(', ')}`,
      ).toEqual({
        table: derived.table,
        indexQuery: derived.indexQuery,
        sendsMail: derived.sendsMail,
        touchesFiles: derived.touchesFiles,
      });
    },
    SYNTH_TIMEOUT,
  );

  it('reads the actions off a bundle: transactions by item, queries by target, mail by its command', () => {
    const code = `
      await db.send(new TransactWriteCommand({ TransactItems: [{ ConditionCheck: { Key } }, { Put: item }] }));
      await db.send(new QueryCommand2({ TableName, KeyConditionExpression: 'pk = :pk' }));
      await ses.send(new SendEmailCommand({}));`;
    expect(derivePermissions(code)).toEqual({
      table: ['ConditionCheckItem', 'PutItem', 'Query'],
      indexQuery: false,
      sendsMail: true,
      touchesFiles: false,
      commands: ['QueryCommand', 'SendEmailCommand', 'TransactWriteCommand'],
    });
    expect(derivePermissions('const s3 = new S3Client({ region });').touchesFiles).toBe(true);
    expect(derivePermissions("sigv4Headers({ method: 'DELETE', service: 's3' }, creds)").touchesFiles).toBe(
      true,
    );
    // An S3 DeleteObjects input beside a transaction is no DeleteItem.
    expect(
      derivePermissions(
        'new TransactWriteCommand({ TransactItems: [{ Put: item }] }); new DeleteObjectsCommand({ Delete: { Objects: [] } })',
      ).table,
    ).toEqual(['PutItem']);
    expect(derivePermissions(`new QueryCommand({ IndexName: 'gsi1' }); new GetCommand({})`)).toMatchObject({
      table: ['GetItem'],
      indexQuery: true,
      sendsMail: false,
    });
  });

  it('grants no read-only function a write, DeleteItem only to the rate-limited groups, BatchWriteItem only to reports and cases (lookup entries, search postings), Scan to none', () => {
    const writes = ['PutItem', 'UpdateItem', 'ConditionCheckItem', 'DeleteItem', 'BatchWriteItem'];
    for (const name of ['meta', 'summaries', 'daily-summary-watchdog']) {
      const row = functionRows.find((r) => r.name === name)!;
      expect(
        row.permissions.table.filter((a) => writes.includes(a)),
        name,
      ).toEqual([]);
      expect(row.permissions.sendsMail, name).toBe(false);
    }
    const rateLimited = new Set(
      (routes as readonly RouteDef[]).filter((r) => r.rateLimit).map((r) => r.group),
    );
    for (const row of functionRows) {
      // The only delete: a rate counter given back to zero (shared/store/rate-limit.ts).
      expect(row.permissions.table.includes('DeleteItem'), row.name).toBe(
        row.kind === 'http' && rateLimited.has(row.name as HandlerGroup),
      );
      // The batch writes: a submission's URL entries, band items and search postings
      // (shared/store/similar.ts, search.ts), and a case's search postings.
      expect(row.permissions.table.includes('BatchWriteItem'), row.name).toBe(
        row.kind === 'http' && (row.name === 'reports' || row.name === 'cases'),
      );
      expect(row.permissions.table, row.name).not.toContain('Scan');
    }
  });
});

// ---------------------------------------------------------------------------
// What the template grants

type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };
type CfnResource = { Type: string; Properties?: Record<string, unknown> };
const asList = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

describe.each(ENVIRONMENTS)(
  'the %s stage grants each function its row and its trigger',
  (envName: EnvironmentName) => {
    let built: BuiltApp;
    let template: Template;
    let stack: Stack;

    beforeAll(() => {
      built = buildApp(envName, {
        context: { ...cdkJson.context, '@aws-cdk/core:appMode': 'inmemory', 'aws:cdk:bundling-stacks': [] },
      });
      built.app.synth();
      stack = built.stage.appStack;
      template = Template.fromStack(stack);
    }, SYNTH_TIMEOUT);

    const idOf = (c: IConstruct): string => stack.getLogicalId(c.node.defaultChild as CfnElement);

    /** The row's function in this stage's App stack. */
    const functionOf = (row: FunctionRow) => {
      const app = built.stage.appStack;
      return row.kind === 'http'
        ? app.functions[row.name as HandlerGroup]
        : row.kind === 'job'
          ? app.jobs[row.name]!.function
          : app.outboxSender.function;
    };

    /** Every `action @ resource` its role allows, resources named by what they are. */
    const grantsOf = (row: FunctionRow): string[] => {
      const app = built.stage.appStack;
      const fn = functionOf(row);
      const roleId = idOf(fn.fn.role!);
      const resources = template.toJSON().Resources as Record<string, CfnResource>;
      const role = resources[roleId]!;
      expect(role.Properties?.ManagedPolicyArns, row.name).toBeUndefined();
      expect(role.Properties?.Policies, row.name).toBeUndefined();

      const ownQueue =
        row.kind === 'job'
          ? idOf(app.jobs[row.name]!.deadLetterQueue)
          : row.kind === 'event'
            ? idOf(app.outboxSender.failureQueue)
            : undefined;
      const name = (resource: unknown): string => {
        const json = JSON.stringify(resource);
        if (json === JSON.stringify({ 'Fn::GetAtt': [idOf(fn.logGroup), 'Arn'] })) return 'own log group';
        if (ownQueue && json === JSON.stringify({ 'Fn::GetAtt': [ownQueue, 'Arn'] })) return 'own queue';
        const index =
          /^\{"Fn::Join":\["",\[\{"Fn::ImportValue":"[^"]*:ExportsOutputFnGetAttTableCD117FA1Arn\w+"\},"\/index\/(gsi\d)"\]\]\}$/.exec(
            json,
          );
        if (index) return `index/${index[1]}`;
        if (/^\{"Fn::ImportValue":"[^"]*:ExportsOutputFnGetAttTableCD117FA1Arn\w+"\}$/.test(json))
          return 'table';
        if (/^\{"Fn::ImportValue":"[^"]*:ExportsOutputFnGetAttTableCD117FA1StreamArn\w+"\}$/.test(json))
          return 'table stream';
        if (json.includes(':identity/') && json.includes(idOf(app.email.identity))) return 'ses identity';
        if (json.includes(':configuration-set/') && json.includes(idOf(app.email.configurationSet)))
          return 'ses configuration set';
        const objects = new RegExp(
          `^\\{"Fn::Join":\\["",\\[\\{"Fn::ImportValue":"${filesBucketExportsOf(envName).arn}"\\},"/(\\w+)/\\*"\\]\\]\\}$`,
        ).exec(json);
        if (objects) return `files bucket ${objects[1]}/*`;
        return json;
      };

      const statements = (Object.values(template.findResources('AWS::IAM::Policy')) as CfnResource[])
        .filter((p) => JSON.stringify(p.Properties?.Roles) === JSON.stringify([{ Ref: roleId }]))
        .flatMap((p) => (p.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
      const grants: string[] = [];
      for (const s of statements) {
        expect(s.Effect).toBe('Allow');
        expect(s.Condition).toBeUndefined();
        for (const action of asList(s.Action)) {
          for (const resource of asList(s.Resource)) grants.push(`${action} @ ${name(resource)}`);
        }
      }
      return grants.sort();
    };

    const expectedGrants = (row: FunctionRow): string[] => {
      const p = row.permissions;
      const grants = [
        'logs:CreateLogStream @ own log group',
        'logs:PutLogEvents @ own log group',
        ...p.table.map((a) => `dynamodb:${a} @ table`),
        ...p.indexes.flatMap((a) => PHYSICAL_INDEX_NAMES.map((g) => `dynamodb:${a} @ index/${g}`)),
        ...(p.sendsMail
          ? ['ses:SendEmail', 'ses:SendRawEmail'].flatMap((a) => [
              `${a} @ ses identity`,
              `${a} @ ses configuration set`,
            ])
          : []),
        ...(p.files
          ? [
              ...p.files.read.map((prefix) => `s3:GetObject @ files bucket ${prefix}/*`),
              ...p.files.write.map((prefix) => `s3:PutObject @ files bucket ${prefix}/*`),
              ...p.files.delete.map((prefix) => `s3:DeleteObject @ files bucket ${prefix}/*`),
            ]
          : []),
        // Lambda's asynchronous invocation puts a failed run in the job's dead-letter queue.
        ...(row.kind === 'job' ? ['sqs:SendMessage @ own queue'] : []),
        // The stream mapping reads the table's stream and sends what it gives up on to the on-failure queue.
        ...(row.kind === 'event'
          ? [
              ...['DescribeStream', 'GetRecords', 'GetShardIterator', 'ListStreams'].map(
                (a) => `dynamodb:${a} @ table stream`,
              ),
              ...['GetQueueAttributes', 'GetQueueUrl', 'SendMessage'].map((a) => `sqs:${a} @ own queue`),
            ]
          : []),
      ];
      return grants.sort();
    };

    it.each(functionRows.map((r) => [r.name, r] as const))(
      '%s: exactly its row, per resource',
      (_name, row) => {
        expect(grantsOf(row)).toEqual(expectedGrants(row));
      },
    );

    it('has no function outside the table, but the staff second-factor trigger where the config asks for it', () => {
      const app = built.stage.appStack;
      const known = new Set(functionRows.map((row) => idOf(functionOf(row).fn)));
      const trigger = app.auth.preTokenGeneration;
      expect(trigger !== undefined).toBe(loadAppConfig(envName).auth.staffMfaRequired);
      // CDK's console deployment functions are not the app's (test/infra/console-site.test.ts checks
      // the deployment's role): BucketDeployment's handler, and in dev the buckets' auto-delete provider.
      const deployment = /^Custom(CDKBucketDeployment|S3AutoDeleteObjectsCustomResourceProvider)/;
      const all = Object.keys(template.findResources('AWS::Lambda::Function'));
      expect(all.filter((id) => deployment.test(id))).toHaveLength(envName === 'dev' ? 2 : 1);
      const others = all.filter((id) => !known.has(id) && !deployment.test(id));
      expect(others).toEqual(trigger ? [idOf(trigger.fn)] : []);
      if (!trigger) return;
      // The trigger reads a user's MFA settings and writes its logs: nothing on the table, no mail.
      const roleId = idOf(trigger.fn.role!);
      const actions = (Object.values(template.findResources('AWS::IAM::Policy')) as CfnResource[])
        .filter((p) => JSON.stringify(p.Properties?.Roles) === JSON.stringify([{ Ref: roleId }]))
        .flatMap((p) => (p.Properties!.PolicyDocument as { Statement: Statement[] }).Statement)
        .flatMap((st) => asList(st.Action))
        .sort();
      expect(actions).toEqual(['cognito-idp:AdminGetUser', 'logs:CreateLogStream', 'logs:PutLogEvents']);
    });

    it('tells exactly the functions whose row names files which bucket (FILES_BUCKET, imported from the Data stack)', () => {
      const resources = template.toJSON().Resources as Record<string, CfnResource>;
      for (const row of functionRows) {
        const env = (
          resources[idOf(functionOf(row).fn)]!.Properties as {
            Environment: { Variables: Record<string, unknown> };
          }
        ).Environment.Variables;
        if (row.permissions.files)
          expect(env.FILES_BUCKET, row.name).toEqual({
            'Fn::ImportValue': filesBucketExportsOf(envName).name,
          });
        else expect(env.FILES_BUCKET, row.name).toBeUndefined();
      }
    });

    it('tells exactly the functions that send email which configuration set to use', () => {
      const resources = template.toJSON().Resources as Record<string, CfnResource>;
      for (const row of functionRows) {
        const fn = functionOf(row);
        const env = (
          resources[idOf(fn.fn)]!.Properties as { Environment: { Variables: Record<string, unknown> } }
        ).Environment.Variables;
        expect('SES_CONFIGURATION_SET' in env, row.name).toBe(row.permissions.sendsMail);
      }
    });
  },
);
