// `npm start`: the local stack in the foreground. The only file of the local
// stack that reads process.env. Ctrl-C (SIGINT) or SIGTERM stops everything and
// exits 0; a startup failure prints what to fix and exits 1.
import { isAbsolute, join, relative } from 'node:path';
import { materializeBriefingsExtension } from './materialize';
import { outboxDrainerExtension } from './outbox-drainer';
import { LocalStackError, parsePort } from './ports';
import { type LocalScheduler, localSchedulerExtension } from './scheduler';
import { type LocalStack, startLocalStack } from './stack';

const env = process.env;

/** Relative to the working directory when inside it, else absolute. */
const shortPath = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
};

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

const main = async () => {
  let options: Parameters<typeof startLocalStack>[0];
  try {
    options = {
      port: parsePort(env.PORT, 3000, 'PORT'),
      ddbPort: parsePort(env.DDB_PORT, 8000, 'DDB_PORT'),
      mailPort: parsePort(env.MAIL_PORT, 8005, 'MAIL_PORT'),
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
    'Starting the local stack (DynamoDB Local, local SES, API, scheduler) with the dev configuration...',
  );
  // The scheduler runs the jobs of functions/schedules.ts in the config's time
  // zone and prints one JSON line per run.
  let scheduler: LocalScheduler | undefined;
  starting = startLocalStack(options, [
    materializeBriefingsExtension({ log: (line) => console.log(line) }),
    // Stands in for the DynamoDB stream: case notifications go out within a second.
    outboxDrainerExtension({ log: (line) => console.log(line) }),
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
  console.log(
    [
      '',
      `  DynamoDB Local   ${stack.dynamodbEndpoint}  table ${stack.tableName}, data ${data}`,
      `  Local SES        ${stack.sesEndpoint}`,
      `  Mail viewer      ${stack.mailViewerUrl}`,
      `  Stack file       ${shortPath(stack.stackFile)}`,
      ...(scheduler?.describe() ?? []).map((line) => `  Scheduler        ${line}`),
      '',
      '  Try:',
      '    TOKEN=$(npm run --silent token -- --role desk)',
      `    curl -H "Authorization: Bearer $TOKEN" ${stack.apiUrl}/reference`,
      '    npm run seed                             # sample reports',
      '    npm run --silent job -- daily-summary --dry-run   # run a scheduled job once, emails to the outbox',
      '',
      `API ready at ${stack.apiUrl}`,
      '(Ctrl-C stops everything)',
    ].join('\n'),
  );
};

void main();
