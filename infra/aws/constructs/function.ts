// One Lambda function per handler entry, with the project's defaults: Node.js 22
// on arm64, an ESM bundle built by the local esbuild (no Docker) with a source
// map beside it (not loaded at run time), its own log group with the configured
// retention, and a role that may write to that log group and nothing else until
// something is bound to it.

import { join } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type ILayerVersion, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { AppConfig } from '#config/schema';
import type { FilePermissions, FunctionPermissions } from '#functions/permissions';
import type { HandlerGroup } from '#functions/routes';
import { metricsNamespaceOf } from '#infra/aws/names';
import { repoRoot } from '#infra/aws/paths';
import { tableDefinition } from '#store/table';
import type { ImportedFilesBucket } from './files-bucket';
import { FILES_LAYER_MODULES } from './files-layer';
import { logRetention, removalPolicyFor } from './retention';

/** The Powertools service name; the Logger in shared/observability.ts uses the same, the metrics (shared/metrics.ts) read it. */
export const SERVICE_NAME = 'opinion-desk';

/**
 * esbuild's ESM output has no `require`; bundled CommonJS dependencies still call it
 * for Node built-ins, so the bundle gets one from `createRequire`.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __opinionDeskCreateRequire } from 'node:module'; const require = __opinionDeskCreateRequire(import.meta.url);";

/**
 * Packages replaced in the Lambda bundles (esbuild's `--alias`, paths relative
 * to the repository root), each by a module of ours with the same export; the
 * module says why. Only the bundles: the local stack and tests use the originals.
 */
export const LAMBDA_BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': './shared/aws/lambda-credentials.ts',
};

const LAMBDA_ESBUILD_ARGS = {
  '--alias': Object.entries(LAMBDA_BUNDLE_ALIASES).map(([pkg, path]) => `${pkg}=${path}`),
};

/**
 * Inlines a stage's validated config into its bundles (esbuild `define`), read
 * by shared/config/runtime.ts instead of building the zod schema and parsing
 * infra/config again at every cold start (~20 ms of CPU). The config was
 * validated when the app was built (infra/aws/build.ts), from the same files.
 */
export const bundledConfigDefine = (config: AppConfig): Record<string, string> => ({
  __OPINION_DESK_CONFIG__: JSON.stringify(config),
});

/**
 * The functions' NODE_OPTIONS, if any (the cold-start benchmark runs the bundle
 * with the same flags). Not `--enable-source-maps`: with it Node reads and
 * parses the bundle's source map (600+ KB) at every cold start, 15-20 ms of
 * CPU before the handler runs. The bundle still ships `index.mjs.map` (without
 * sources), so a minified stack trace from the logs can be mapped back offline
 * (infra/aws/README.md, Operators).
 */
export const FUNCTION_NODE_OPTIONS: readonly string[] = [];

/**
 * What a handler group's function changes from the defaults (Node.js 22 on arm64, 512 MB,
 * 10 s, everything bundled). The files group checks and cleans uploads with sharp, a native
 * package: it runs on x86_64, whose Linux binaries `npm ci` installs on the project's x64
 * machines, with sharp (and pdf-lib, for the bundle's size) left out of the bundle and shipped
 * in a layer (./files-layer.ts).
 * 2048 MB: a 12 MP photo peaks at ~320 MB (BENCHMARKS.md), one at the 50-megapixel limit
 * (shared/files/clean.ts MAX_PIXELS) decodes to 150 MB per RGB copy and libvips holds several,
 * and Lambda gives a full vCPU from 1769 MB (the re-encode is CPU-bound). 28 s: under API Gateway's 30 s, for a 10 MB upload read from
 * S3, decoded, encoded again and written back with its thumbnail.
 */
export interface GroupFunctionSettings {
  architecture: Architecture;
  memorySize: number;
  timeout: Duration;
  externalModules: readonly string[];
  /** The layer that provides the external modules (./files-layer.ts). */
  layer: 'files';
}

/** Keyed by handler group (functions/routes.ts); a group not here takes the defaults. */
export const HANDLER_GROUP_SETTINGS: Readonly<Partial<Record<HandlerGroup, GroupFunctionSettings>>> = {
  files: {
    architecture: Architecture.X86_64,
    memorySize: 2048,
    timeout: Duration.seconds(28),
    externalModules: FILES_LAYER_MODULES,
    layer: 'files',
  },
};

/** `GetItem` → `dynamodb:GetItem`. */
export const dynamodbActions = (actions: readonly string[]): string[] => actions.map((a) => `dynamodb:${a}`);

export interface HandlerFunctionProps {
  config: AppConfig;
  /** The entry file, relative to the repository root (as in functions/routes.ts). */
  entry: string;
  description: string;
  /** @default 10 s: an HTTP handler answers 503 well before API Gateway's 30 s. */
  timeout?: Duration;
  /** @default 512 */
  memorySize?: number;
  /** @default arm64; x86_64 only where a native package has no arm64 build here (the files group). */
  architecture?: Architecture;
  /** Packages left out of the bundle, provided by `layers` instead. @default none (the AWS SDK is bundled too) */
  externalModules?: readonly string[];
  layers?: ILayerVersion[];
  /**
   * For asynchronously invoked functions (the scheduled jobs): how often Lambda
   * retries a failed invocation, how old an event may get, and the queue that
   * receives it when both run out. Unset for HTTP handlers (invoked synchronously).
   */
  asyncInvoke?: { retryAttempts: number; maxEventAge: Duration; deadLetterQueue: IQueue };
}

export class HandlerFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    const { config } = props;

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: logRetention(config),
      removalPolicy: removalPolicyFor(config),
    });

    // A role of our own instead of AWSLambdaBasicExecutionRole: it may write to
    // this function's log group only.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (${config.env})`,
    });
    this.logGroup.grantWrite(role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(repoRoot, props.entry),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: props.architecture ?? Architecture.ARM_64,
      ...(props.layers ? { layers: props.layers } : {}),
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      description: props.description,
      role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      ...(props.asyncInvoke ?? {}),
      environment: {
        APP_ENV: config.env,
        ...(FUNCTION_NODE_OPTIONS.length > 0 ? { NODE_OPTIONS: FUNCTION_NODE_OPTIONS.join(' ') } : {}),
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespaceOf(config.env),
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        banner: ESM_REQUIRE_BANNER,
        bundleAwsSDK: true,
        externalModules: [...(props.externalModules ?? [])],
        esbuildArgs: LAMBDA_ESBUILD_ARGS,
        define: bundledConfigDefine(config),
      },
    });
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'The contract (docs/architecture.md) pins the Node.js 22 runtime and the bundle targets node22; moving to a newer runtime is a contract change, not a lint fix.',
    });
  }

  /**
   * Injects TABLE_NAME and grants what the function's row of the permission
   * manifest (functions/permissions.ts) names, nothing more: its actions on the
   * table ARN, and Query on each GSI by name (no `index/*` wildcard, so no
   * cdk-nag IAM5 finding to acknowledge). No Scan; DeleteItem and
   * BatchWriteItem only where the row names them (the rate counter; the
   * reports group's lookup entries); no stream reads (only the outbox
   * sender's event source adds those).
   */
  bindTable(table: ITableV2, permissions: FunctionPermissions, filesBucket?: ImportedFilesBucket): this {
    if (permissions.files) {
      if (!filesBucket)
        throw new Error(`${this.node.path}: its permissions name files, but no bucket was given`);
      this.bindFiles(filesBucket, permissions.files);
    }
    return this.bindTableOnly(table, permissions);
  }

  /**
   * The row's `files`: FILES_BUCKET, and per key prefix (`<bucket>/<prefix>/*`)
   * s3:GetObject to read (and sign readers' links), s3:PutObject to write (and sign
   * upload forms), s3:DeleteObject to delete. Nothing on the bucket itself (no
   * listing, no bucket settings).
   */
  private bindFiles({ bucket, nagObjectsArn }: ImportedFilesBucket, files: FilePermissions): void {
    this.fn.addEnvironment('FILES_BUCKET', bucket.bucketName);
    const grant = (action: string, prefixes: readonly string[]) => {
      if (prefixes.length === 0) return;
      Grant.addToPrincipal({
        grantee: this.fn,
        actions: [action],
        resourceArns: prefixes.map((p) => bucket.arnForObjects(`${p}/*`)),
      });
    };
    grant('s3:GetObject', files.read);
    grant('s3:PutObject', files.write);
    grant('s3:DeleteObject', files.delete);
    const arn = (p: string) => `Resource::${nagObjectsArn(p)}`;
    Validations.of(this).acknowledge(
      ...[...new Set([...files.read, ...files.write, ...files.delete])].map((p) => ({
        id: `AwsSolutions-IAM5[${arn(p)}]`,
        reason: `Objects under one key prefix of the files bucket (${p}/), the narrowest grant: their keys are file ids made per upload (shared/domain/files.ts objectKeys); functions/permissions.ts names the prefixes per function.`,
      })),
    );
  }

  private bindTableOnly(table: ITableV2, permissions: FunctionPermissions): this {
    this.fn.addEnvironment('TABLE_NAME', table.tableName);
    if (permissions.table.length > 0) {
      Grant.addToPrincipal({
        grantee: this.fn,
        actions: dynamodbActions(permissions.table),
        resourceArns: [table.tableArn],
      });
    }
    if (permissions.indexes.length > 0) {
      Grant.addToPrincipal({
        grantee: this.fn,
        actions: dynamodbActions(permissions.indexes),
        resourceArns: tableDefinition.globalSecondaryIndexes.map(
          (g) => `${table.tableArn}/index/${g.indexName}`,
        ),
      });
    }
    return this;
  }
}
