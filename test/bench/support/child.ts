// Child processes of the benchmarks: each prints one `BENCH {json}` line on
// stdout. One-shot children exit after it; servers keep running until stop().
import { type ChildProcess, spawn } from 'node:child_process';

export interface ChildOptions {
  env?: Record<string, string>;
  cwd?: string;
  timeoutMs?: number;
}

const BENCH_LINE = /^BENCH (.*)$/m;

/** A child that had not printed its result when its time was up (it has been killed). */
export class ChildTimeout extends Error {
  constructor(
    message: string,
    readonly timeoutMs: number,
  ) {
    super(message);
    this.name = 'ChildTimeout';
  }
}

interface Started<T> {
  child: ChildProcess;
  result: T;
  /** Settles when the child has exited. */
  exited: Promise<number | null>;
}

const startChild = <T>(command: string, args: string[], o: ChildOptions): Promise<Started<T>> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: o.cwd,
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'WARN', ...o.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timeoutMs = o.timeoutMs ?? 120_000;
    let out = '';
    let err = '';
    let done = false;
    const exited = new Promise<number | null>((r) => child.once('close', (code) => r(code)));
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      child.kill('SIGKILL');
      reject(
        new ChildTimeout(
          `${command} ${args.join(' ')} timed out after ${timeoutMs} ms\n${err.slice(-2000)}`,
          timeoutMs,
        ),
      );
    }, timeoutMs);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = BENCH_LINE.exec(out);
      if (m && !done) {
        done = true;
        clearTimeout(timer);
        resolve({ child, result: JSON.parse(m[1]!) as T, exited });
      }
    });
    child.stderr?.on('data', (c: Buffer) => {
      err = (err + c.toString('utf8')).slice(-20_000);
    });
    child.once('error', (e) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reject(e);
    });
    void exited.then((code) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reject(
        new Error(`${command} ${args.join(' ')} exited (${code}) without a result\n${err.slice(-4000)}`),
      );
    });
  });

/** Runs a child to completion and returns its result line. */
export const runChild = async <T>(command: string, args: string[], o: ChildOptions = {}): Promise<T> => {
  const started = await startChild<T>(command, args, o);
  await started.exited;
  return started.result;
};

export interface ServerChild<T> {
  info: T;
  pid: number;
  stop(): Promise<void>;
}

/** Starts a server child and returns once it has printed its result line. */
export const startServerChild = async <T>(
  command: string,
  args: string[],
  o: ChildOptions = {},
): Promise<ServerChild<T>> => {
  const started = await startChild<T>(command, args, o);
  const { child } = started;
  return {
    info: started.result,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await started.exited;
      clearTimeout(timer);
    },
  };
};

/** `node --import tsx <file>`: how the local stack runs TypeScript (npm start is `tsx infra/local/start.ts`). */
export const tsxArgs = (file: string, ...args: string[]): string[] => ['--import', 'tsx', file, ...args];
