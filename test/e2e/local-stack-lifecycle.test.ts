// The local stack's life as processes: one stack per DATA_DIR, stopping by any
// ordinary means (SIGTERM to the Node process alone, its parent going away,
// kill -9), the next start cleaning up after a killed one, and the companion
// commands finding the stack or saying in one line that it is not running.
// Each stack runs `infra/local/start.ts` in its own process, from a scratch
// working directory (where the stacks list themselves), on its own free ports.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '#infra/local/ports';
import { type Run, watch } from '#test/support/child';

const ROOT = join(import.meta.dirname, '../..');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
/** Generous upper bound for anything to happen (a busy machine); the tests poll, never sleep a fixed time. */
const BOUND_MS = 150_000;

const scratch: string[] = [];

const nodeArgs = (entry: string, args: string[] = []) => ['--import', TSX, join(ROOT, entry), ...args];
const childEnv = (env: Record<string, string>) => ({
  ...process.env,
  TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.json'),
  ...env,
});

/**
 * An infra/local entry as the npm scripts run it, from a scratch working
 * directory of the test's own (where its stacks list themselves).
 */
const runTs = (cwd: string, entry: string, args: string[], env: Record<string, string>): Run =>
  watch(
    spawn(process.execPath, nodeArgs(entry, args), {
      cwd,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );

const until = async (what: string, check: () => boolean | Promise<boolean>, run?: Run): Promise<void> => {
  const deadline = Date.now() + BOUND_MS;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting: ${what}${run ? `\nstdout:\n${run.stdout()}\nstderr:\n${run.stderr()}` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
};

const ready = async (run: Run): Promise<string> => {
  let exited = false;
  void run.exited.then(() => {
    exited = true;
  });
  await until('API ready', () => exited || /API ready at (\S+)/.test(run.stdout()), run);
  const m = /API ready at (\S+)/.exec(run.stdout());
  if (!m) throw new Error(`The stack did not start.\nstdout:\n${run.stdout()}\nstderr:\n${run.stderr()}`);
  return m[1]!;
};

/** Whether a process is gone (a zombie nobody has reaped yet counts as gone). */
const gone = (pid: number): boolean => {
  try {
    return execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' })
      .trim()
      .startsWith('Z');
  } catch {
    return true; // ps exits 1 when there is no such process
  }
};

const newDataDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'od-life-'));
  scratch.push(dir);
  return dir;
};
const newCwd = newDataDir;

/**
 * A scratch copy of the project (symlinks to its files, its own `.local`), so
 * that `npm start`'s own command line runs there as npm runs it.
 */
const projectCopy = async (): Promise<string> => {
  const dir = await newCwd();
  for (const name of await readdir(ROOT)) {
    if (name !== '.local' && name !== '.git') await symlink(join(ROOT, name), join(dir, name));
  }
  return dir;
};

/** `npm start` as npm runs it: its script line through `sh -c`, with node_modules/.bin on the PATH. */
const npmStart = async (cwd: string, env: Record<string, string>): Promise<Run> => {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  return watch(
    spawn('sh', ['-c', pkg.scripts.start], {
      cwd,
      env: childEnv({ ...env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` }),
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
};

const stackEnv = async (dataDir: string): Promise<Record<string, string>> => ({
  PORT: String(await freePort()),
  DDB_PORT: String(await freePort()),
  MAIL_PORT: String(await freePort()),
  CONSOLE_PORT: String(await freePort()),
  WEBHOOK_PORT: String(await freePort()),
  S3_PORT: String(await freePort()),
  DATA_DIR: dataDir,
  DDB_IN_MEMORY: '1',
});

const lockOf = async (dataDir: string) =>
  JSON.parse(await readFile(join(dataDir, 'stack.lock'), 'utf8')) as { pid: number; dynamodbPid?: number };

const noTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /);

afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

// One at a time: each starts Java, and the machine may be busy.
describe('the local stack as processes', () => {
  it('refuses a second start on the same DATA_DIR (the first keeps running and its stack.json); companion commands find it; SIGTERM to its Node process alone stops DynamoDB Local and the mail server', async () => {
    const cwd = await projectCopy();
    const dataDir = await newDataDir();
    const env = await stackEnv(dataDir);
    const first = await npmStart(cwd, env);
    let stackPid: number | undefined;
    try {
      const apiUrl = await ready(first);
      stackPid = (await lockOf(dataDir)).pid;
      // The banner shows the companion commands with this DATA_DIR, and says the mail store is in memory.
      expect(first.stdout()).toContain(`TOKEN=$(DATA_DIR=${dataDir} npm run --silent token -- --role desk)`);
      expect(first.stdout()).toContain(`DATA_DIR=${dataDir} npm run seed`);
      expect(first.stdout()).toMatch(/Mail viewer .*emptied when the stack restarts/);
      expect(first.stdout()).toMatch(/API reference +http:\/\/127\.0\.0\.1:\d+\/docs/);

      const second = runTs(cwd, 'infra/local/start.ts', [], await stackEnv(dataDir));
      expect((await second.exited).code).toBe(1);
      expect(second.stderr()).toContain(
        `Another local stack (pid ${stackPid}) is already running with DATA_DIR=${dataDir}`,
      );
      noTrace(second.stderr());
      const stack = JSON.parse(await readFile(join(dataDir, 'stack.json'), 'utf8'));
      expect(stack).toMatchObject({ apiUrl, pid: stackPid, dataDir });
      expect((await fetch(`${apiUrl}/health`)).status).toBe(200);

      // A token for another DATA_DIR would be refused by this API: the token command says what to type instead.
      const elsewhere = await newDataDir();
      const token = runTs(cwd, 'infra/local/token-cli.ts', ['--role', 'desk'], { DATA_DIR: elsewhere });
      expect((await token.exited).code).toBe(1);
      expect(token.stdout()).toBe('');
      expect(token.stderr().trim()).toBe(
        `The local stack is not running at DATA_DIR=${elsewhere}; the one running at ${apiUrl} keeps its key in ` +
          `DATA_DIR=${dataDir} and refuses tokens signed with any other. Run: DATA_DIR=${dataDir} npm run --silent token -- --role desk`,
      );
      await expect(readFile(join(elsewhere, 'keys', 'token-signing-key.json'))).rejects.toThrow(/ENOENT/);
      const job = runTs(cwd, 'infra/local/job-cli.ts', ['daily-summary', '--dry-run'], {
        DATA_DIR: elsewhere,
      });
      expect((await job.exited).code).toBe(1);
      expect(job.stderr()).toContain(`one is running at ${apiUrl} with DATA_DIR=${dataDir}`);
      // The command it prints works: a token the running API accepts.
      const ok = runTs(cwd, 'infra/local/token-cli.ts', ['--role', 'desk'], { DATA_DIR: dataDir });
      expect((await ok.exited).code, ok.stderr()).toBe(0);
      const res = await fetch(`${apiUrl}/reference`, {
        headers: { authorization: `Bearer ${ok.stdout().trim()}` },
      });
      expect(res.status).toBe(200);

      // A dry run names the folder it wrote to, and the files are there.
      const dry = runTs(cwd, 'infra/local/job-cli.ts', ['daily-summary', '--dry-run'], { DATA_DIR: dataDir });
      expect((await dry.exited).code, dry.stderr()).toBe(0);
      const outboxDir = join(dataDir, 'outbox');
      const result = JSON.parse(dry.stdout()) as { written: number };
      expect(result).toMatchObject({ job: 'daily-summary', outboxDir });
      expect(result.written).toBeGreaterThan(0);
      expect(dry.stderr()).toContain(`Dry run: ${result.written} email(s) written under ${outboxDir};`);
      const files = (await readdir(outboxDir, { recursive: true })).filter((f) => f.endsWith('.txt'));
      expect(files).toHaveLength(result.written);

      const { dynamodbPid } = await lockOf(dataDir);
      expect(dynamodbPid).toBeGreaterThan(0);
      expect(gone(dynamodbPid!)).toBe(false);
      process.kill(stackPid, 'SIGTERM'); // the node process alone, not its process group
      expect(await first.exited).toEqual({ code: 0, signal: null });
      // The API and the mail server live in that process.
      await until('the stack to exit', () => gone(stackPid!));
      await until('DynamoDB Local to exit', () => gone(dynamodbPid!));
      await expect(readFile(join(dataDir, 'stack.json'))).rejects.toThrow(/ENOENT/);
      await expect(readFile(join(dataDir, 'stack.lock'))).rejects.toThrow(/ENOENT/);
    } finally {
      first.child.kill('SIGKILL');
      if (stackPid && !gone(stackPid)) process.kill(stackPid, 'SIGKILL');
    }
  }, 400_000);

  it('after kill -9 of the stack’s node process (started by the start script’s own command line), DynamoDB Local, the API and the mail server go by themselves, the companion commands say the stack is not running, and the next start takes over', async () => {
    const cwd = await projectCopy();
    const dataDir = await newDataDir();
    const env = await stackEnv(dataDir);
    const killed = await npmStart(cwd, env);
    let next: Run | undefined;
    let lock: Awaited<ReturnType<typeof lockOf>> | undefined;
    try {
      await ready(killed);
      lock = await lockOf(dataDir);
      const { dynamodbPid } = lock;
      process.kill(lock.pid, 'SIGKILL'); // the stack's node process, under npm's `sh -c`
      await killed.exited;
      await until('the stack to stop', () => gone(lock!.pid));
      await until('DynamoDB Local to exit after its parent was killed', () => gone(dynamodbPid!));
      // The API and the mail server live in the stack's node process, gone above. (Ports are not
      // checked: on a busy machine another test may take a freed port at once.)

      // The stack.json and lock it left behind: one line, exit 1, no stack trace.
      for (const [entry, args] of [
        ['infra/local/job-cli.ts', ['daily-summary', '--dry-run']],
        ['infra/local/seed.ts', []],
      ] as const) {
        const cli = runTs(cwd, entry, [...args], { DATA_DIR: dataDir });
        expect((await cli.exited).code, entry).toBe(1);
        expect(cli.stderr().trim()).toMatch(
          new RegExp(`^The local stack is not running at DATA_DIR=${dataDir} \\(.*stack.json is left over`),
        );
        expect(cli.stderr().trim().split('\n'), entry).toHaveLength(1);
        expect(cli.stdout()).toBe('');
      }

      next = runTs(cwd, 'infra/local/start.ts', [], await stackEnv(dataDir));
      await ready(next);
      expect(next.stdout()).toContain(`A local stack (pid ${lock.pid}) was stopped without cleaning up`);
      expect(JSON.parse(await readFile(join(dataDir, 'stack.json'), 'utf8')).pid).toBe(next.child.pid);
      expect((await lockOf(dataDir)).pid).toBe(next.child.pid);
    } finally {
      killed.child.kill('SIGKILL');
      if (lock && !gone(lock.pid)) process.kill(lock.pid, 'SIGKILL');
      if (next) {
        next.child.kill('SIGINT');
        await next.exited;
      }
    }
  }, 400_000);

  it('stops everything when its parent goes away (npm exits on SIGTERM without passing it on)', async () => {
    const cwd = await newCwd();
    const dataDir = await newDataDir();
    const env = await stackEnv(dataDir);
    // `; exit` keeps the shell as the parent (it would otherwise exec node), as npm is.
    const command = [process.execPath, ...nodeArgs('infra/local/start.ts')].map((a) => `'${a}'`).join(' ');
    const parent = watch(
      spawn('sh', ['-c', `${command}; exit $?`], {
        cwd,
        env: childEnv(env),
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    try {
      await ready(parent);
      const lock = await lockOf(dataDir);
      expect(lock.pid).not.toBe(parent.child.pid);
      parent.child.kill('SIGKILL');
      await parent.exited;
      await until('the orphaned stack to stop', () => gone(lock.pid));
      await until('DynamoDB Local to exit', () => gone(lock.dynamodbPid!));
      await expect(readFile(join(dataDir, 'stack.json'))).rejects.toThrow(/ENOENT/);
    } finally {
      parent.child.kill('SIGKILL');
      const lock = await lockOf(dataDir).catch(() => undefined);
      if (lock && !gone(lock.pid)) process.kill(lock.pid, 'SIGKILL');
    }
  }, 400_000);
});

describe('companion commands', () => {
  it('with no stack anywhere: one line saying it is not running and how to start it, exit 1', async () => {
    const cwd = await newCwd();
    const dataDir = await newDataDir();
    for (const [entry, args] of [
      ['infra/local/job-cli.ts', ['briefing-reminders', '--dry-run']],
      ['infra/local/seed.ts', []],
    ] as const) {
      const cli = runTs(cwd, entry, [...args], { DATA_DIR: dataDir });
      expect((await cli.exited).code, entry).toBe(1);
      expect(cli.stderr().trim()).toBe(
        `The local stack is not running at DATA_DIR=${dataDir}: start it with \`DATA_DIR=${dataDir} npm start\` in another terminal, wait for "API ready at", then run this again.`,
      );
    }
  });
});
