// One local stack per DATA_DIR: the lock file, under concurrent starts, and when a
// killed stack left it behind. No DynamoDB here: the lock is files and pids.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireStackLock, lockFilePath, type StackLock } from '#infra/local/lock';
import { LocalStackError } from '#infra/local/ports';
import { publishStackFile, type RunningStackFile, stackFilePath } from '#infra/local/stack-file';

/** The pid of a process that has exited (and so is not alive). */
const deadPid = async (): Promise<number> => {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
};

const settle = async (n: number, dataDir: string) =>
  Promise.allSettled(Array.from({ length: n }, () => acquireStackLock(dataDir)));

const winners = (results: PromiseSettledResult<StackLock>[]) =>
  results.filter((r): r is PromiseFulfilledResult<StackLock> => r.status === 'fulfilled').map((r) => r.value);

describe('the stack lock', () => {
  it('of eight starts at once on one DATA_DIR, one gets it; the others are told a stack is running', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'od-lock-'));
    const results = await settle(8, dataDir);
    expect(winners(results)).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      expect(r.reason).toBeInstanceOf(LocalStackError);
      expect((r.reason as Error).message).toContain(
        `Another local stack (pid ${process.pid}) is already running with DATA_DIR=${dataDir}`,
      );
    }
    const lock = JSON.parse(await readFile(lockFilePath(dataDir), 'utf8'));
    expect(lock.pid).toBe(process.pid);
  });

  it('is taken over, by exactly one of eight starts, when the pid it names is gone', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'od-lock-'));
    const dead = await deadPid();
    await writeFile(lockFilePath(dataDir), JSON.stringify({ pid: dead, token: 'old', dynamodbPid: dead }));
    const results = await settle(8, dataDir);
    const won = winners(results);
    expect(won).toHaveLength(1);
    expect(won[0]!.stale).toEqual({ pid: dead, token: 'old', dynamodbPid: dead });
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(7);
    // No right-to-take-over file is left behind.
    expect((await readdir(dataDir)).sort()).toEqual(['stack.lock']);
    await won[0]!.release();
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('is taken over when a taker was killed halfway (its right-to-take-over file names a dead pid too)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'od-lock-'));
    const [dead, deadTaker] = [await deadPid(), await deadPid()];
    await writeFile(lockFilePath(dataDir), JSON.stringify({ pid: dead, token: 'old' }));
    await writeFile(`${lockFilePath(dataDir)}.${dead}`, JSON.stringify({ pid: deadTaker, token: 'taker' }));
    const lock = await acquireStackLock(dataDir);
    expect(lock.stale?.pid).toBe(dead);
  });

  it('released by a stack that lost it, leaves the new owner’s lock and stack.json alone', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'od-lock-'));
    const first = await acquireStackLock(dataDir, await deadPid()); // a stack that was then killed
    const file = (pid: number): RunningStackFile => ({
      apiUrl: 'http://127.0.0.1:1',
      dynamodbEndpoint: 'http://127.0.0.1:2',
      sesEndpoint: 'http://127.0.0.1:3',
      mailViewerUrl: 'http://127.0.0.1:3/',
      tableName: 'opinion-desk-local',
      pid,
      dataDir,
    });
    const registry = join(dataDir, 'running'); // not this checkout's .local/running
    const unpublishFirst = await publishStackFile(file(await deadPid()), registry);
    const second = await acquireStackLock(dataDir);
    expect(second.stale).toBeDefined();
    const unpublishSecond = await publishStackFile(file(process.pid), registry);

    await first.release();
    await unpublishFirst();
    expect(JSON.parse(await readFile(lockFilePath(dataDir), 'utf8')).pid).toBe(process.pid);
    expect(JSON.parse(await readFile(stackFilePath(dataDir), 'utf8')).pid).toBe(process.pid);

    await unpublishSecond();
    await second.release();
    expect(await readdir(dataDir)).toEqual(['running']);
    expect(await readdir(registry)).toEqual([]);
  });
});
