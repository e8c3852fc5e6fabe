// The whole local stack in one call: DynamoDB Local, local SES, the table from
// the CDK definition, the deps the handlers get, and the API. Whatever started
// is stopped again, in reverse order, on stop() or when a later step fails.
import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type RuntimeSettings, withApiUrl } from '#config/runtime';
import type { AppConfig } from '#config/schema';
import { fileStorageOf } from '#files/deps';
import { loadAppConfig } from '#infra/config/index';
import { createMailingDeps } from '#mail/deps';
import type { Deps } from '#shared/deps';
import { connectHost, DEFAULT_HOST, startDynamoDbLocal } from './dynamodb';
import { startLocalWebhooks, withLocalWebhookEndpoint } from './local-webhooks';
import { acquireStackLock, type LockContent, pidAlive } from './lock';
import { assertPortFree, LocalStackError } from './ports';
import { startLocalS3 } from './s3';
import { preloadHandlerModules, startLocalApi } from './server';
import { startLocalSes } from './ses';
import { publishStackFile, type RunningStackFile, stackFilePath } from './stack-file';
import { ensureTable } from './table';
import { TokenKeys } from './token';

export const LOCAL_TABLE_NAME = 'opinion-desk-local';
/** The evidence files bucket on the local S3 server (docs/files.md). */
export const LOCAL_FILES_BUCKET = 'opinion-desk-files';
export const LOCAL_REGION = 'ap-southeast-1';
export const LOCAL_DYNAMODB_TIMEOUT_MS = 1500;

/** The addresses a browser may use for a console served on a loopback or named host. */
const consoleOrigins = (consoleUrl: string): string[] => {
  const url = new URL(consoleUrl);
  const origins = [url.origin];
  // The banner prints 127.0.0.1; a developer may well type localhost (and the other way round).
  if (url.hostname === '127.0.0.1') origins.push(`${url.protocol}//localhost:${url.port}`);
  if (url.hostname === 'localhost') origins.push(`${url.protocol}//127.0.0.1:${url.port}`);
  return origins;
};

/**
 * The config with the local console: its origins allowed by the API's CORS,
 * and `links.consoleUrl` (links in emails open the console) unless the config sets one.
 */
export const withLocalConsole = (config: AppConfig, consoleUrl: string | undefined): AppConfig => {
  const url = consoleUrl?.trim().replace(/\/+$/, '');
  if (!url) return config;
  return {
    ...config,
    corsOrigins: [...new Set([...config.corsOrigins, ...consoleOrigins(url)])],
    links: { ...config.links, consoleUrl: config.links.consoleUrl ?? url },
  };
};

/** The runtime settings of anything that talks to a running local stack (the API, jobs, seed). */
export const localRuntimeSettings = (o: {
  tableName: string;
  dynamodbEndpoint: string;
  sesEndpoint: string;
  /** The running API's address: links in emails name its resources. */
  apiUrl?: string;
  /** The console's address (CONSOLE_PORT): links in emails open it; the API allows it (CORS). */
  consoleUrl?: string;
  /** The stack's webhook receiver (WEBHOOK_PORT), registered as the endpoint `local`. */
  webhookReceiver?: { url: string; secret: string };
  /** The local S3 server (S3_PORT) and its evidence files bucket: `deps.files` in the API and the jobs. */
  s3Endpoint?: string;
  filesBucket?: string;
}): RuntimeSettings => ({
  config: withLocalWebhookEndpoint(
    withLocalConsole(withApiUrl(loadAppConfig('dev'), o.apiUrl), o.consoleUrl),
    o.webhookReceiver,
  ),
  tableName: o.tableName,
  region: LOCAL_REGION,
  dynamodbEndpoint: o.dynamodbEndpoint,
  sesEndpoint: o.sesEndpoint,
  dynamodbTimeoutMs: LOCAL_DYNAMODB_TIMEOUT_MS,
  // Both or neither: a bucket without the local endpoint would send the SDK to AWS.
  ...(o.s3Endpoint && o.filesBucket ? { s3Endpoint: o.s3Endpoint, filesBucket: o.filesBucket } : {}),
});

/** The command line of a process, or undefined when it is gone (`ps` works on Linux and macOS). */
const commandLine = (pid: number): Promise<string | undefined> =>
  new Promise((done) => {
    execFile('ps', ['-o', 'args=', '-p', String(pid)], (err, stdout) =>
      done(err ? undefined : stdout.trim()),
    );
  });

/**
 * What a killed stack left behind, before this one starts on its data directory:
 * its stack.json, and its DynamoDB Local if that is still running (only a pid
 * the dead stack recorded, and only if that process is DynamoDB Local).
 */
const cleanUpAfter = async (
  stale: LockContent,
  dataDir: string,
  log: ((line: string) => void) | undefined,
): Promise<void> => {
  log?.(`A local stack (pid ${stale.pid}) was stopped without cleaning up after itself: cleaning up.`);
  await rm(stackFilePath(dataDir), { force: true });
  const java = stale.dynamodbPid;
  if (java === undefined || !pidAlive(java)) return;
  if (!(await commandLine(java))?.includes('DynamoDBLocal')) return;
  log?.(`Stopping its DynamoDB Local (pid ${java}).`);
  try {
    process.kill(java, 'SIGKILL');
  } catch {
    return;
  }
  // Its files and port are free once it is gone.
  for (let i = 0; i < 100 && pidAlive(java) && (await commandLine(java))?.includes('DynamoDBLocal'); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
};

export interface LocalStackOptions {
  port: number;
  ddbPort: number;
  mailPort: number;
  /**
   * The console's port (CONSOLE_PORT): checked with the others before anything
   * starts, allowed by the API's CORS and linked from emails. The console itself
   * is served by consoleExtension() (./console.ts). Absent: no console.
   */
  consolePort?: number;
  /**
   * The local webhook receiver's port (WEBHOOK_PORT; 0: any free one): it runs
   * in-process and is the config's endpoint `local` (./local-webhooks.ts).
   * Absent: no receiver (LOCAL_WEBHOOKS=0).
   */
  webhookPort?: number;
  /**
   * The local S3 server's port (S3_PORT; absent or 0: any free one): the
   * evidence files bucket, objects under `<dataDir>/s3` (in a temporary
   * directory with `inMemory`, which keeps no table to match them).
   */
  s3Port?: number;
  /**
   * The address every service listens on (HOST); default 127.0.0.1. DynamoDB
   * Local and local SES accept any credentials: another address exposes the table
   * and the mail to whoever reaches it.
   */
  host?: string;
  dataDir: string;
  /** Keep DynamoDB's data in memory instead of `<dataDir>/dynamodb`. */
  inMemory: boolean;
  /** One line per API request. */
  log?: (line: string) => void;
  /** Run DynamoDB Local in its own process group (see DynamoDbLocalOptions); for a parent that handles signals. */
  ownProcessGroup?: boolean;
  /** Called if a part of the stack dies while it is running (not during stop()). */
  onUnexpectedExit?: (message: string) => void;
}

export interface LocalStack extends RunningStackFile {
  dataDir: string;
  /** The address every service listens on. */
  host: string;
  /** The console's port when the stack has one (LocalStackOptions.consolePort), with consoleUrl. */
  consolePort?: number;
  stackFile: string;
  deps: Deps;
  settings: RuntimeSettings;
  /** Stops everything in reverse order of starting; safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Extension point for in-process parts that run on top of a started stack
 * (the scheduler will be one): returns its own stop function, which runs
 * before the rest of the stack stops.
 */
export type StackExtension = (stack: LocalStack) => Promise<(() => Promise<void>) | undefined>;

export const startLocalStack = async (
  options: LocalStackOptions,
  extensions: readonly StackExtension[] = [],
): Promise<LocalStack> => {
  const dataDir = resolve(options.dataDir);
  const { port, ddbPort, mailPort, consolePort, webhookPort } = options;
  const s3Port = options.s3Port ?? 0;
  const HOST = options.host ?? DEFAULT_HOST;
  if (consolePort === 0) throw new LocalStackError('CONSOLE_PORT must be a port number, not 0.');
  const consoleUrl = consolePort === undefined ? undefined : `http://${connectHost(HOST)}:${consolePort}`;

  const knobs: readonly (readonly [string, number])[] = [
    ['PORT', port],
    ['DDB_PORT', ddbPort],
    ['MAIL_PORT', mailPort],
    ...(consolePort === undefined ? [] : [['CONSOLE_PORT', consolePort] as const]),
    ...(webhookPort === undefined ? [] : [['WEBHOOK_PORT', webhookPort] as const]),
    ['S3_PORT', s3Port],
  ];
  for (const [i, [name, value]] of knobs.entries()) {
    const clash = knobs.find(([, other], j) => j !== i && other === value && value !== 0);
    if (clash)
      throw new LocalStackError(`${name} and ${clash[0]} are both ${value}: give each service its own port.`);
  }

  // One stack per data directory: a second start is refused before it touches anything.
  await mkdir(dataDir, { recursive: true });
  const lock = await acquireStackLock(options.dataDir);
  try {
    if (lock.stale) await cleanUpAfter(lock.stale, dataDir, options.log);
    // Find a taken port before anything slow starts, so the message comes at once.
    await assertPortFree(port, HOST, 'The local API', 'PORT');
    await assertPortFree(ddbPort, HOST, 'DynamoDB Local', 'DDB_PORT');
    await assertPortFree(mailPort, HOST, 'The local SES endpoint', 'MAIL_PORT');
    if (consolePort !== undefined) await assertPortFree(consolePort, HOST, 'The console', 'CONSOLE_PORT');
    if (webhookPort !== undefined && webhookPort !== 0)
      await assertPortFree(webhookPort, HOST, 'The local webhook receiver', 'WEBHOOK_PORT');
    await assertPortFree(s3Port, HOST, 'The local S3 server', 'S3_PORT');
  } catch (err) {
    await lock.release();
    throw err;
  }

  // Import the handlers while Java starts: a broken handler fails the start early.
  const handlersLoaded = preloadHandlerModules();
  handlersLoaded.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled

  // Released last, after everything else has stopped.
  const stoppers: { name: string; stop: () => Promise<void> }[] = [{ name: 'lock', stop: lock.release }];
  let stopping = false;
  let stopped: Promise<void> | undefined;
  const stopAll = (): Promise<void> => {
    stopping = true;
    stopped ??= (async () => {
      const errors: unknown[] = [];
      for (const s of stoppers.reverse()) {
        try {
          await s.stop();
        } catch (err) {
          errors.push(new Error(`stopping ${s.name}: ${(err as Error).message}`, { cause: err }));
        }
      }
      if (errors.length > 0) throw new AggregateError(errors, 'The local stack did not stop cleanly');
    })();
    return stopped;
  };

  try {
    const ddb = await startDynamoDbLocal({
      port: ddbPort,
      host: HOST,
      ownProcessGroup: options.ownProcessGroup === true,
      ...(options.inMemory ? {} : { dbPath: join(dataDir, 'dynamodb') }),
    });
    stoppers.push({ name: 'DynamoDB Local', stop: ddb.stop });
    if (ddb.pid !== undefined) await lock.record({ dynamodbPid: ddb.pid });
    void ddb.exited.then(({ code, signal }) => {
      if (!stopping) {
        options.onUnexpectedExit?.(
          `DynamoDB Local exited unexpectedly (${signal ? `signal ${signal}` : `code ${code}`}); the stack is stopping.`,
        );
      }
    });

    await handlersLoaded;
    const ses = await startLocalSes({ port: mailPort, host: HOST });
    stoppers.push({ name: 'local SES', stop: ses.stop });

    // Files outlive a restart like the table; with an in-memory table they go with it (removed
    // on stop, and on the next start after a kill -9), since no item would name them.
    const s3Dir = join(dataDir, options.inMemory ? 's3-in-memory' : 's3');
    if (options.inMemory) {
      await rm(s3Dir, { recursive: true, force: true });
      stoppers.push({ name: 'in-memory files', stop: () => rm(s3Dir, { recursive: true, force: true }) });
    }
    // The console posts uploads to the bucket and shows its files: the API's origins plus the console's.
    const s3 = await startLocalS3({
      port: s3Port,
      host: HOST,
      directory: s3Dir,
      buckets: [
        {
          name: LOCAL_FILES_BUCKET,
          corsOrigins: withLocalConsole(loadAppConfig('dev'), consoleUrl).corsOrigins,
        },
      ],
    });
    stoppers.push({ name: 'local S3', stop: s3.stop });

    await ensureTable(ddb.endpoint, LOCAL_TABLE_NAME);

    // Before the config is made: the receiver is one of its endpoints.
    const webhooks =
      webhookPort === undefined
        ? undefined
        : await startLocalWebhooks({
            dataDir,
            port: webhookPort,
            host: HOST,
            connectHost: connectHost(HOST),
            ...(options.log ? { log: options.log } : {}),
          });
    if (webhooks) stoppers.push({ name: 'webhook receiver', stop: webhooks.stop });

    const settings = localRuntimeSettings({
      tableName: LOCAL_TABLE_NAME,
      dynamodbEndpoint: ddb.endpoint,
      sesEndpoint: ses.endpoint,
      ...(consoleUrl ? { consoleUrl } : {}),
      ...(webhooks ? { webhookReceiver: webhooks } : {}),
      s3Endpoint: s3.endpoint,
      filesBucket: LOCAL_FILES_BUCKET,
    });
    const deps = createMailingDeps(settings, fileStorageOf(settings));
    stoppers.push({ name: 'store client', stop: async () => deps.db.destroy() });

    const verifier = await TokenKeys.forDataDir(dataDir);
    const api = await startLocalApi({
      port,
      host: HOST,
      deps,
      verifier,
      ...(options.log ? { log: options.log } : {}),
    });
    stoppers.push({ name: 'local API', stop: api.stop });

    const file: RunningStackFile = {
      apiUrl: api.url,
      dynamodbEndpoint: ddb.endpoint,
      sesEndpoint: ses.endpoint,
      mailViewerUrl: ses.viewerUrl,
      tableName: LOCAL_TABLE_NAME,
      s3Endpoint: s3.endpoint,
      filesBucket: LOCAL_FILES_BUCKET,
      pid: process.pid,
      dataDir,
      ...(consoleUrl ? { consoleUrl } : {}),
      ...(webhooks ? { webhookReceiverUrl: webhooks.url } : {}),
    };
    const stackFile = stackFilePath(dataDir);
    const unpublish = await publishStackFile(file);
    // Companion commands take a missing stack.json to mean "not running".
    stoppers.push({ name: 'stack file', stop: unpublish });

    // What runs on the stack (the outbox stream reader, the scheduler) mails links to this API.
    const linked = { ...deps, config: withApiUrl(deps.config, api.url) };
    const stack: LocalStack = {
      ...file,
      dataDir,
      host: HOST,
      ...(consolePort === undefined ? {} : { consolePort }),
      stackFile,
      deps: linked,
      settings: { ...settings, config: linked.config },
      stop: stopAll,
    };
    for (const extend of extensions) {
      const stopExtension = await extend(stack);
      if (stopExtension) stoppers.push({ name: 'extension', stop: stopExtension });
    }
    return stack;
  } catch (err) {
    await stopAll().catch(() => {});
    throw err;
  }
};
