// `npm run --silent job -- <name>` as a developer types it, against this file's
// table on DynamoDB Local and the test SES: every scheduled job prints exactly
// one JSON line on stdout, its logs go to stderr, and nothing warns. The npm
// scripts run on the Node of the `node` devDependency (22), which the AWS SDK
// asks for; on an older Node the SDK prints a NodeVersionSupportWarning.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { schedules } from '#functions/schedules';
import { testTable } from '#test/support/aws';
import { writeStackFile } from '#test/support/child';

const ROOT = join(import.meta.dirname, '../..');

let dataDir: string;

beforeAll(async () => {
  const t = await testTable('job-cli');
  dataDir = await mkdtemp(join(tmpdir(), 'job-cli-out-'));
  await writeStackFile(dataDir, t);
});

/** The child's environment: the test's own, minus anything that would hide a warning or the logs. */
const childEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  delete env.NODE_NO_WARNINGS;
  delete env.NODE_OPTIONS;
  return env;
};

const npmRun = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile('npm', ['run', '--silent', ...args], { cwd: ROOT, env: childEnv(env) }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
    );
  });

const lines = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');

/** A line Node or a library prints as a warning: `(node:123) Warning: …`, `…DeprecationWarning…`, npm's `npm warn`. */
const WARNING = /\(node:\d+\)|Warning\b|^npm warn/im;

describe('the npm scripts run on Node 22', () => {
  it('runs this test file on Node 22 or later (vitest started by an npm script)', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22);
  });
});

describe('npm run --silent job -- <name>', () => {
  it.each(schedules.map((s) => s.name))(
    '%s: exactly one JSON line on stdout, the job log on stderr, no warning',
    async (name) => {
      const run = await npmRun(['job', '--', name, '--dry-run'], {
        DATA_DIR: dataDir,
        POWERTOOLS_LOG_LEVEL: 'INFO',
      });
      expect(run.code, run.stderr).toBe(0);
      const out = lines(run.stdout);
      expect(out, run.stdout).toHaveLength(1);
      expect(JSON.parse(out[0]!)).toMatchObject({ job: name });
      const err = lines(run.stderr);
      expect(
        err.filter((l) => WARNING.test(l)),
        run.stderr,
      ).toEqual([]);
      const logs = err.flatMap((l) => {
        try {
          return [JSON.parse(l) as Record<string, unknown>];
        } catch {
          return [];
        }
      });
      expect(logs.length, run.stderr).toBeGreaterThan(0);
      expect(
        logs.every((l) => l.service === 'opinion-desk'),
        run.stderr,
      ).toBe(true);
    },
    60_000,
  );
});
