// `<DATA_DIR>/stack.json`: how the companion commands (job, seed, token) find a
// running local stack. Written when the stack is ready, removed when it stops
// (by the stack that wrote it only). Every running stack also leaves a copy in
// `.local/running/<pid>.json` under the working directory (the default DATA_DIR),
// so that a command run with the wrong DATA_DIR can say where the stack is.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import * as z from 'zod';
import { dynamoAnswers } from './dynamodb';
import { pidAlive } from './lock';
import { LocalStackError } from './ports';

export const DEFAULT_DATA_DIR = '.local';

export const stackFileSchema = z.object({
  apiUrl: z.url(),
  dynamodbEndpoint: z.url(),
  sesEndpoint: z.url(),
  mailViewerUrl: z.url(),
  /** The console (`npm start` serves it on CONSOLE_PORT); absent when the stack runs without one. */
  consoleUrl: z.url().optional(),
  tableName: z.string().min(3),
  /**
   * The stack's webhook receiver (WEBHOOK_PORT), the config's endpoint `local`:
   * the job command registers it too, with the secret kept under `dataDir`.
   * Absent with LOCAL_WEBHOOKS=0.
   */
  webhookReceiverUrl: z.url().optional(),
  /**
   * The local S3 server (S3_PORT) and its evidence files bucket: the job
   * command's deps get `files` from them. Absent in a file written by hand.
   */
  s3Endpoint: z.url().optional(),
  filesBucket: z.string().min(3).optional(),
  /**
   * The stack's own Node process: a file naming a pid that is gone is left over
   * from a killed stack. The stack always writes it and `dataDir`; a file written
   * by hand (tests pointing a command at a table) may leave both out.
   */
  pid: z.number().int().positive().optional(),
  /** Absolute. */
  dataDir: z.string().min(1).optional(),
});
export type StackFile = z.infer<typeof stackFileSchema>;
/** What a running stack writes: always with its pid and data directory. */
export type RunningStackFile = StackFile & { pid: number; dataDir: string };

export const stackFilePath = (dataDir: string): string => join(resolve(dataDir), 'stack.json');

/** Where every running stack started from this working directory leaves its stack file. */
export const runningStacksDir = (cwd = process.cwd()): string =>
  join(resolve(cwd, DEFAULT_DATA_DIR), 'running');

const writeAtomically = async (path: string, text: string) => {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
};

const parseStackFile = (text: string): StackFile | undefined => {
  try {
    const parsed = stackFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/** Writes stack.json and the entry in the running list; the returned function removes both if still this stack's. */
export const publishStackFile = async (
  file: RunningStackFile,
  dir = runningStacksDir(),
): Promise<() => Promise<void>> => {
  const text = `${JSON.stringify(file, null, 2)}\n`;
  const own = stackFilePath(file.dataDir);
  await writeAtomically(own, text);
  const entry = join(dir, `${file.pid}.json`);
  await mkdir(dir, { recursive: true });
  await writeAtomically(entry, text);
  return async () => {
    for (const path of [own, entry]) {
      const current = parseStackFile(await readFile(path, 'utf8').catch(() => ''));
      // Another stack's file (it took over after this one was killed): leave it.
      if (current && current.pid !== file.pid) continue;
      await rm(path, { force: true });
    }
  };
};

/** The stacks started from this working directory whose process is alive (stale entries are removed). */
export const runningStacks = async (cwd = process.cwd()): Promise<RunningStackFile[]> => {
  const dir = runningStacksDir(cwd);
  const names = await readdir(dir).catch(() => [] as string[]);
  const found: RunningStackFile[] = [];
  for (const name of names.filter((n) => /^\d+\.json$/.test(n))) {
    const path = join(dir, name);
    const file = parseStackFile(await readFile(path, 'utf8').catch(() => ''));
    if (file?.pid !== undefined && file.dataDir !== undefined && pidAlive(file.pid)) {
      found.push({ ...file, pid: file.pid, dataDir: file.dataDir });
    } else await rm(path, { force: true }).catch(() => undefined);
  }
  return found;
};

/** The stack running with this data directory, if its stack.json names a live process. */
export const liveStackAt = async (dataDir: string): Promise<StackFile | undefined> => {
  const file = parseStackFile(await readFile(stackFilePath(dataDir), 'utf8').catch(() => ''));
  return file && (file.pid === undefined || pidAlive(file.pid)) ? file : undefined;
};

/** `word` as one shell word. */
export const shellQuote = (word: string): string =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;

/** Relative to the working directory when inside it, else absolute. */
export const shortPath = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
};

/** `DATA_DIR=… ` for a command line, or nothing for the default data directory. */
export const dataDirPrefix = (dataDir: string): string =>
  resolve(dataDir) === resolve(DEFAULT_DATA_DIR)
    ? ''
    : `DATA_DIR=${shellQuote(shortPath(resolve(dataDir)))} `;

/**
 * One line: the stack is not running at this DATA_DIR, and either where one is
 * running (with the command to type) or how to start one.
 */
export const notRunningMessage = async (
  dataDir: string,
  command: string,
  detail?: string,
): Promise<string> => {
  const here = resolve(dataDir);
  const others = (await runningStacks()).filter((s) => resolve(s.dataDir) !== here);
  const head = `The local stack is not running at DATA_DIR=${shortPath(here)}${detail ? ` (${detail})` : ''}`;
  const other = others[0];
  if (other) {
    return (
      `${head}; one is running at ${other.apiUrl} with DATA_DIR=${shortPath(other.dataDir)}: ` +
      `run \`DATA_DIR=${shellQuote(shortPath(other.dataDir))} npm run ${command}\`.`
    );
  }
  return `${head}: start it with \`${dataDirPrefix(here)}npm start\` in another terminal, wait for "API ready at", then run this again.`;
};

/** The running stack's addresses; a LocalStackError saying where the stack is, or to run `npm start`, when there is none here. */
export const readStackFile = async (
  dataDir: string,
  options: { probe?: boolean; command?: string } = {},
): Promise<StackFile> => {
  const command = options.command ?? 'job';
  const file = stackFilePath(dataDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new LocalStackError(await notRunningMessage(dataDir, command));
    }
    throw err;
  }
  const parsed = parseStackFile(text);
  if (!parsed) {
    throw new LocalStackError(
      `${file} is not a valid stack file (left by an older version?); restart the stack with \`npm start\`.`,
    );
  }
  if (parsed.pid !== undefined && !pidAlive(parsed.pid)) {
    throw new LocalStackError(
      await notRunningMessage(dataDir, command, `${shortPath(file)} is left over from a stopped stack`),
    );
  }
  if (options.probe !== false && !(await dynamoAnswers(parsed.dynamodbEndpoint, 2000))) {
    throw new LocalStackError(
      await notRunningMessage(
        dataDir,
        command,
        `DynamoDB Local at ${parsed.dynamodbEndpoint} does not answer`,
      ),
    );
  }
  return parsed;
};

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
]);

/** Whether an error (or one of its causes) says a service did not answer: the stack went away. */
export const isConnectionError = (err: unknown, depth = 0): boolean => {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as { code?: unknown; name?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  if (e.name === 'TimeoutError') return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isConnectionError(x, depth + 1))) return true;
  return isConnectionError(e.cause, depth + 1);
};
