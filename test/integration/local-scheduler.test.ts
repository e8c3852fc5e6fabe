// The local scheduler with stand-in jobs, on real timers (a stand-in schedule
// fires every second, a few seconds in all): one JSON line per run, a failing job
// does not stop it, runs of one job never overlap, stop() waits, and a job that
// cannot load fails the start. The manifest and the schedule shapes are
// test/unit/schedules.test.ts.
import { describe, expect, it, vi } from 'vitest';
import type { JobOptions, JobResult } from '#functions/schedules';
import { loadAppConfig } from '#infra/config/index';
import type { LocalJob } from '#infra/local/jobs';
import { startLocalScheduler } from '#infra/local/scheduler';
import type { Deps } from '#shared/deps';

describe('the local scheduler', () => {
  const config = loadAppConfig('dev');
  const deps = { config } as Deps;

  const everySecond = (_job: LocalJob, after: Date): Date =>
    new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);

  const fakeJob = (name: string, run: (deps: Deps, options: JobOptions) => Promise<JobResult>): LocalJob => ({
    name,
    schedule: {
      name,
      entry: `functions/jobs/${name}.ts`,
      description: name,
      schedule: () => ({ daily: '07:00' }),
      flags: [],
    },
    load: async () => run,
  });

  it('runs each job on its cron, prints one JSON line per run, and survives a job that throws', async () => {
    const lines: string[] = [];
    const seen: JobOptions[] = [];
    let calls = 0;
    const flaky = fakeJob('flaky', async (_deps, options) => {
      seen.push(options);
      calls++;
      if (calls === 1) throw new Error('SES is down');
      return { job: 'flaky', sent: 2, skipped: 1, failed: 0 };
    });
    const logError = vi.fn();
    const scheduler = await startLocalScheduler(deps, {
      jobs: [flaky],
      // Every second: the test cannot wait for 07:00.
      nextRunOf: everySecond,
      log: (line) => lines.push(line),
      logError,
    });
    try {
      expect(scheduler.timeZone).toBe(config.timeZone);
      expect(scheduler.describe()).toEqual([
        expect.stringMatching(
          /^flaky next at \d{4}-\d{2}-\d{2} \d{2}:\d{2} Asia\/Ho_Chi_Minh \(test timing\)$/,
        ),
      ]);
      await vi.waitFor(() => expect(lines.length).toBeGreaterThanOrEqual(2), { timeout: 5000, interval: 50 });
    } finally {
      await scheduler.stop();
    }
    const [failed, ok] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(failed).toMatchObject({ job: 'flaky', error: 'SES is down', scheduledTime: expect.any(String) });
    expect(ok).toMatchObject({
      job: 'flaky',
      sent: 2,
      skipped: 1,
      failed: 0,
      scheduledTime: expect.any(String),
    });
    expect(Object.keys(ok!)[0]).toBe('job');
    expect(logError).toHaveBeenCalledOnce();
    expect(seen[0]!.now).toBeInstanceOf(Date);
    expect(Date.parse(seen[0]!.scheduledTime!)).toBeGreaterThan(Date.now() - 10_000);
  });

  it('never overlaps a run of the same job, and stop() waits for the run in progress', async () => {
    const lines: string[] = [];
    let running = 0;
    let maxRunning = 0;
    let finished = 0;
    const slow = fakeJob('slow', async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 2200));
      running--;
      finished++;
      return { job: 'slow', sent: 0, skipped: 0, failed: 0 };
    });
    const scheduler = await startLocalScheduler(deps, {
      jobs: [slow],
      nextRunOf: everySecond,
      log: (line) => lines.push(line),
    });
    await vi.waitFor(() => expect(lines.some((l) => l.includes('still going'))).toBe(true), {
      timeout: 5000,
      interval: 50,
    });
    await scheduler.stop();
    expect(maxRunning).toBe(1);
    expect(running).toBe(0);
    expect(finished).toBeGreaterThanOrEqual(1);
  });

  it('fails at start when a job module cannot be loaded', async () => {
    const broken: LocalJob = {
      ...fakeJob('broken', async () => ({ job: 'broken', sent: 0, skipped: 0, failed: 0 })),
      load: () => Promise.reject(new Error('functions/jobs/broken.ts does not export run')),
    };
    await expect(startLocalScheduler(deps, { jobs: [broken], log: () => {} })).rejects.toThrow(
      /does not export run/,
    );
  });
});
