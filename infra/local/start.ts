// `npm start`: the local stack in the foreground. The only file of the local
// stack that reads process.env. Ctrl-C (SIGINT) or SIGTERM stops everything and
// exits 0; a startup failure prints what to fix and exits 1.
//
// `npm start` runs this file in one Node process (`node --import tsx`, not the
// tsx CLI, whose parent process answers a signal that its child is slow to
// acknowledge with SIGKILL). npm does not pass a SIGTERM on to its script: it
// exits, and this process is left with a new parent. So this process also
// watches its parent and stops everything when the parent is gone.
import { join } from 'node:path';
import { ensureConsoleBuilt } from '#web/build';
import { consoleExtension } from './console-server';
import { DEFAULT_WEBHOOK_PORT, webhookLogPath } from './local-webhooks';
import { materializeBriefingsExtension } from './materialize';
import { outboxStreamExtension } from './outbox-stream';
import { LocalStackError, parsePort } from './ports';
import { type LocalScheduler, localSchedulerExtension } from './scheduler';
import { type LocalStack, startLocalStack } from './stack';
import { dataDirPrefix, shortPath } from './stack-file';

const env = process.env;

const localWebhooksOff = (value: string | undefined): boolean =>
  ['0', 'false', 'off', 'no'].includes(value?.trim().toLowerCase() ?? '');

/** The local S3 server's port: next to the webhook receiver's 8790, clear of the other defaults. */
const DEFAULT_S3_PORT = 8791;

/** How often the parent is checked; a check is one system call. */
const PARENT_POLL_MS = 500;

const printError = (err: unknown) => {
  if (err instanceof LocalStackError) console.error(`\n${err.message}\n`);
  else console.error('\nThe local stack failed:', err, '\n');
};

let stack: LocalStack | undefined;
let starting: Promise<LocalStack> | undefined;
let shuttingDown = false;

const shutdown = async (exitCode: number) => {
  if (shuttingDown) return;
  shuttingDown = true;
  try {
    // A signal during startup: let it finish (or fail), then stop what started.
    const running = stack ?? (await starting?.catch(() => undefined));
    await running?.stop();
  } catch (err) {
    printError(err);
    exitCode = exitCode || 1;
  }
  process.exit(exitCode);
};

// SIGHUP too: a closed terminal must not leave DynamoDB Local running on its own.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (shuttingDown) {
      // A second Ctrl-C: stop waiting (the exit hook still kills DynamoDB Local).
      process.exit(130);
    }
    console.log(`\n${signal}: stopping the local stack...`);
    void shutdown(0);
  });
}

// The parent (npm, a shell, a test) is gone when this process has been handed to another one.
const parentAtStart = process.ppid;
const parentWatch = setInterval(() => {
  if (process.ppid === parentAtStart || shuttingDown) return;
  console.log(`\nThe parent process (pid ${parentAtStart}) is gone: stopping the local stack...`);
  void shutdown(0);
}, PARENT_POLL_MS);
parentWatch.unref();

const main = async () => {
  let options: Parameters<typeof startLocalStack>[0];
  try {
    options = {
      port: parsePort(env.PORT, 3000, 'PORT'),
      ddbPort: parsePort(env.DDB_PORT, 8000, 'DDB_PORT'),
      mailPort: parsePort(env.MAIL_PORT, 8005, 'MAIL_PORT'),
      consolePort: parsePort(env.CONSOLE_PORT, 3001, 'CONSOLE_PORT'),
      s3Port: parsePort(env.S3_PORT, DEFAULT_S3_PORT, 'S3_PORT'),
      // A receiver of the stack's own signed webhooks, unless LOCAL_WEBHOOKS=0.
      ...(localWebhooksOff(env.LOCAL_WEBHOOKS)
        ? {}
        : { webhookPort: parsePort(env.WEBHOOK_PORT, DEFAULT_WEBHOOK_PORT, 'WEBHOOK_PORT') }),
      // Loopback unless asked: DynamoDB Local and local SES accept any credentials.
      host: env.HOST?.trim() || '127.0.0.1',
      dataDir: env.DATA_DIR?.trim() || '.local',
      inMemory: env.DDB_IN_MEMORY === '1' || env.DDB_IN_MEMORY === 'true',
      // This process handles SIGINT/SIGTERM/SIGHUP and stops Java itself, last.
      ownProcessGroup: true,
      log: (line) => console.log(line),
      onUnexpectedExit: (message) => {
        console.error(`\n${message}`);
        void shutdown(1);
      },
    };
  } catch (err) {
    printError(err);
    process.exit(1);
  }

  console.log(
    'Starting the local stack (DynamoDB Local, local SES, local S3, API, scheduler, console) with the dev configuration...',
  );
  // The console builds (only when web/ changed since the last build) while Java starts.
  const consoleBuilt = ensureConsoleBuilt((line) => console.log(line));
  consoleBuilt.catch(() => {}); // awaited by the console extension; this only keeps an early failure from going unhandled
  // The scheduler runs the jobs of functions/schedules.ts in the config's time
  // zone and prints one JSON line per run.
  let scheduler: LocalScheduler | undefined;
  starting = startLocalStack(options, [
    // The console first: what runs after it (the outbox stream, the scheduler) may already mail links to it.
    consoleExtension({ built: consoleBuilt }),
    materializeBriefingsExtension({ log: (line) => console.log(line) }),
    // The table's stream to the outbox sender, as Lambda's event source mapping does on AWS.
    outboxStreamExtension({ log: (line) => console.log(line) }),
    localSchedulerExtension({
      log: (line) => console.log(line),
      onStarted: (started) => {
        scheduler = started;
      },
    }),
  ]);
  try {
    stack = await starting;
  } catch (err) {
    // startLocalStack has already stopped whatever it had started. A failure
    // caused by a Ctrl-C during startup is no failure: shutdown() exits 0.
    if (shuttingDown) return;
    printError(err);
    process.exit(1);
  }
  if (shuttingDown) return;

  const data = options.inMemory ? 'in memory (DDB_IN_MEMORY=1)' : shortPath(join(stack.dataDir, 'dynamodb'));
  // Companion commands find the stack through DATA_DIR: show them with it when it is not the default.
  const prefix = dataDirPrefix(stack.dataDir);
  console.log(
    [
      '',
      ...(stack.consoleUrl
        ? [
            `  Console          ${stack.consoleUrl}  (open it and sign in as any role on its development sign-in page)`,
          ]
        : []),
      `  DynamoDB Local   ${stack.dynamodbEndpoint}  table ${stack.tableName}, data ${data}`,
      `  API reference    ${stack.apiUrl}/docs  (the OpenAPI document: ${stack.apiUrl}/openapi.json)`,
      `  Local SES        ${stack.sesEndpoint}`,
      `  Mail viewer      ${stack.mailViewerUrl}  (kept in memory: emptied when the stack restarts)`,
      ...(stack.s3Endpoint
        ? [
            `  Local S3         ${stack.s3Endpoint}  bucket ${stack.filesBucket}, ${options.inMemory ? 'files removed on stop (DDB_IN_MEMORY=1)' : `files ${shortPath(join(stack.dataDir, 's3'))}`}`,
          ]
        : []),
      ...(stack.webhookReceiverUrl
        ? [
            `  Webhooks         ${stack.webhookReceiverUrl}  (endpoint "local", every case event; verified deliveries in ${shortPath(webhookLogPath(stack.dataDir))})`,
          ]
        : []),
      `  Stack file       ${shortPath(stack.stackFile)}`,
      ...(scheduler?.describe() ?? []).map((line) => `  Scheduler        ${line}`),
      '',
      '  Try (in another terminal, from this folder):',
      `    TOKEN=$(${prefix}npm run --silent token -- --role desk)`,
      `    curl -H "Authorization: Bearer $TOKEN" ${stack.apiUrl}/reference`,
      `    ${prefix}npm run seed                             # sample reports`,
      `    ${prefix}npm run --silent job -- daily-summary --dry-run   # run a scheduled job once, emails to ${shortPath(join(stack.dataDir, 'outbox'))}/`,
      '',
      ...(stack.consoleUrl ? [`Console ready at ${stack.consoleUrl}`] : []),
      `API ready at ${stack.apiUrl}`,
      '(Ctrl-C stops everything)',
    ].join('\n'),
  );
};

void main();
