// `<DATA_DIR>/stack.lock`: one local stack per data directory. The lock file is
// created with O_EXCL ('wx'), so of two starts exactly one gets it; it holds the
// owner's pid (and, once started, DynamoDB Local's pid), so a lock left by a
// stack that was killed is recognised (its pid is gone) and taken over, and the
// processes it recorded can be cleaned up.
//
// Taking over a stale lock is itself a race (two starts can both see the dead
// pid): the right to remove a lock held by dead pid P is a second lock,
// `stack.lock.P`, taken the same way, and it is released only after the new
// lock exists. So a slow competitor that wins `stack.lock.P` later finds the lock
// no longer names P and backs off. A taker killed halfway leaves `stack.lock.P`
// naming a dead pid, which is taken over by the same rule.
import { randomUUID } from 'node:crypto';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { LocalStackError } from './ports';

const lockSchema = z.object({
  pid: z.number().int().positive(),
  token: z.string().min(1),
  /** DynamoDB Local's Java process, once started: what the next start may clean up. */
  dynamodbPid: z.number().int().positive().optional(),
});
export type LockContent = z.infer<typeof lockSchema>;

export const lockFilePath = (dataDir: string): string => join(resolve(dataDir), 'stack.lock');

/** Whether a process with this pid exists (EPERM: it exists, owned by someone else). */
export const pidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readLock = async (path: string): Promise<LockContent | 'missing' | 'unreadable'> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
  const parsed = lockSchema.safeParse(
    (() => {
      try {
        return JSON.parse(text);
      } catch {
        return undefined;
      }
    })(),
  );
  return parsed.success ? parsed.data : 'unreadable';
};

/**
 * Creates `path` holding `content` only if it does not exist; false if it does.
 * The content is written to a file of its own first and linked into place, so a
 * reader never sees a lock half written.
 */
const createExclusive = async (path: string, content: LockContent): Promise<boolean> => {
  const tmp = `${path}.${content.token}.new`;
  await writeFile(tmp, `${JSON.stringify(content)}\n`, { mode: 0o600 });
  try {
    await link(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await rm(tmp, { force: true });
  }
};

type Acquired =
  | { acquired: true; stale?: LockContent }
  | { acquired: false; holder: LockContent | undefined };

/**
 * One attempt at `path`: created, or held by a live process, or taken over from a
 * dead one (then `stale` is what the dead owner recorded).
 */
const acquire = async (path: string, content: LockContent, depth = 0): Promise<Acquired> => {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createExclusive(path, content)) return { acquired: true };
    const current = await readLock(path);
    if (current === 'missing') continue; // released meanwhile: try again
    if (current === 'unreadable') {
      throw new LocalStackError(
        `${path} is not a lock file a local stack wrote. If no stack is running with this DATA_DIR, remove it and start again.`,
      );
    }
    if (current.token === content.token) return { acquired: true };
    if (pidAlive(current.pid) || depth > 3) return { acquired: false, holder: current };
    // Stale: only the holder of `<path>.<pid>` may remove it.
    const right = `${path}.${current.pid}`;
    const took = await acquire(right, content, depth + 1);
    if (!took.acquired) return { acquired: false, holder: took.holder ?? current };
    try {
      const still = await readLock(path);
      if (still !== 'missing' && still !== 'unreadable' && still.token === current.token) {
        await rm(path, { force: true });
        if (await createExclusive(path, content)) return { acquired: true, stale: current };
      }
    } finally {
      await rm(right, { force: true });
    }
  }
  const holder = await readLock(path);
  return { acquired: false, holder: typeof holder === 'object' ? holder : undefined };
};

export interface StackLock {
  path: string;
  /** What a killed stack left behind when this start took its lock over. */
  stale?: LockContent;
  /** Records more about this stack (the DynamoDB Local pid) in the lock. */
  record(extra: Pick<LockContent, 'dynamodbPid'>): Promise<void>;
  /** Removes the lock if it is still this stack's own. */
  release(): Promise<void>;
}

export const alreadyRunningMessage = (dataDir: string, pid: number | undefined): string =>
  `Another local stack${pid ? ` (pid ${pid})` : ''} is already running with DATA_DIR=${dataDir}. ` +
  `Use that one, stop it first (Ctrl-C in its terminal${pid ? `, or kill ${pid}` : ''}), ` +
  'or start this one with another DATA_DIR.';

/** Takes `<dataDir>/stack.lock` for this process, or throws a LocalStackError naming the running stack. */
export const acquireStackLock = async (dataDir: string, pid = process.pid): Promise<StackLock> => {
  const path = lockFilePath(dataDir);
  let content: LockContent = { pid, token: randomUUID() };
  const got = await acquire(path, content);
  if (!got.acquired) throw new LocalStackError(alreadyRunningMessage(dataDir, got.holder?.pid));
  const mine = async () => {
    const current = await readLock(path);
    return typeof current === 'object' && current.token === content.token;
  };
  return {
    path,
    ...(got.stale ? { stale: got.stale } : {}),
    record: async (extra) => {
      if (!(await mine())) return;
      content = { ...content, ...extra };
      const tmp = `${path}.${content.token}.tmp`;
      await writeFile(tmp, `${JSON.stringify(content)}\n`, { mode: 0o600 });
      await rename(tmp, path);
    },
    release: async () => {
      if (await mine()) await rm(path, { force: true });
    },
  };
};
