// The README's walk-through, pasted as a newcomer would: every ```sh block
// between "### Walk-through with curl" and "## Commands" is run, top to bottom,
// in one bash with `set -euo pipefail`, against a local API on a free port and a
// fresh table. The companion commands (`npm run token`, `seed`, `job`) find it as
// they find `npm start`'s stack: through `<DATA_DIR>/stack.json` and the signing
// key kept there. So a block that breaks the next one (a dismissed report a case
// then needs, a closed case flagged for a briefing, a retry that is not the
// same request) fails here.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookPayloadSchema } from '#domain/webhooks';
import { fileStorageOf } from '#files/deps';
import {
  type LocalWebhooks,
  type ReceivedWebhook,
  startLocalWebhooks,
  withLocalWebhookEndpoint,
} from '#infra/local/local-webhooks';
import { type OutboxStream, startOutboxStream } from '#infra/local/outbox-stream';
import { type LocalApi, startLocalApi } from '#infra/local/server';
import { type LocalSes, startLocalSes } from '#infra/local/ses';
import { stackFilePath } from '#infra/local/stack-file';
import { TokenKeys } from '#infra/local/token';
import { createMailingDeps } from '#mail/deps';
import type { Deps } from '#shared/deps';
import { testTable } from '#test/support/aws';

const ROOT = resolve(import.meta.dirname, '../..');

/** The shell blocks of the README's walk-through, in order. */
const walkthroughBlocks = (readme: string): string[] => {
  const start = readme.indexOf('### Walk-through with curl');
  const end = readme.indexOf('\n## Commands');
  if (start === -1 || end === -1 || end < start) throw new Error('README.md has no walk-through section');
  return [...readme.slice(start, end).matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const runBash = (script: string, env: NodeJS.ProcessEnv): Promise<Run> =>
  new Promise((done) => {
    execFile(
      'bash',
      ['-c', script],
      { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });

const VARS = ['REPORT', 'DUP', 'SIMILAR', 'CASE', 'BRIEFING', 'V'] as const;

let dataDir: string;
let ses: LocalSes;
let api: LocalApi;
let webhooks: LocalWebhooks;
let stream: OutboxStream;
let deps: Deps;
let keys: TokenKeys;
let run: Run;
let vars: Record<(typeof VARS)[number], string>;

beforeAll(async () => {
  const table = await testTable('readme');
  dataDir = await mkdtemp(join(tmpdir(), 'opinion-desk-readme-'));
  // Its own mail server: the jobs below email the dev config's real lists, which
  // other test files read in the shared one.
  ses = await startLocalSes({ port: 0 });
  keys = await TokenKeys.forDataDir(dataDir);
  // The receiver `npm start` runs, the same way: the config's endpoint `local`,
  // fed by the outbox stream reader as on the local stack.
  webhooks = await startLocalWebhooks({ dataDir, port: 0, host: '127.0.0.1' });
  const settings = {
    ...table.settings,
    sesEndpoint: ses.endpoint,
    config: withLocalWebhookEndpoint(table.settings.config, webhooks),
  };
  // The files bucket too, as the local stack gives it (createDeps no longer does): the README attaches files.
  deps = createMailingDeps(settings, fileStorageOf(settings));
  stream = await startOutboxStream(deps, { endpoint: table.endpoint, region: table.settings.region });
  api = await startLocalApi({ port: 0, deps, verifier: keys });
  await writeFile(
    stackFilePath(dataDir),
    JSON.stringify({
      apiUrl: api.url,
      dynamodbEndpoint: table.endpoint,
      sesEndpoint: ses.endpoint,
      mailViewerUrl: ses.viewerUrl,
      tableName: table.tableName,
      webhookReceiverUrl: webhooks.url,
    }),
  );

  const blocks = walkthroughBlocks(await readFile(join(ROOT, 'README.md'), 'utf8'));
  // WALK_TRACE=1 traces each command (set -x) into the failure message.
  const script = [
    'set -euo pipefail',
    process.env.WALK_TRACE ? 'set -x' : '',
    ...blocks,
    `printf '@@%s=%s\\n' ${VARS.map((v) => `${v} "$${v}"`).join(' ')}`,
  ].join('\n');
  run = await runBash(script, { ...process.env, API: api.url, DATA_DIR: dataDir });
  vars = Object.fromEntries(
    [...run.stdout.matchAll(/^@@(\w+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]),
  ) as typeof vars;
}, 600_000);

afterAll(async () => {
  await api?.stop();
  await stream?.stop();
  await webhooks?.stop();
  await ses?.stop();
  deps?.db.destroy();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const get = async (path: string, token: string) => {
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as Record<string, unknown>;
};

/** The JSON lines the jobs printed, in order. */
const jobLines = (): Record<string, unknown>[] =>
  run.stdout
    .split('\n')
    .filter((l) => l.startsWith('{"job"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the README walk-through, pasted top to bottom', () => {
  it('has blocks to run', async () => {
    expect(walkthroughBlocks(await readFile(join(ROOT, 'README.md'), 'utf8')).length).toBeGreaterThanOrEqual(
      3,
    );
  });

  it('runs every command without an error', () => {
    expect(run.code, `stderr:\n${run.stderr}\nstdout:\n${run.stdout}`).toBe(0);
    for (const v of VARS) expect(vars[v], v).toMatch(/^[0-9A-Z]+$|^\d+$/);
  });

  it('re-sending the same report request replays the first response: same id, nothing stored twice', async () => {
    // `curl -i` of the retry: its headers, a blank line, then the body.
    const retry = /^Idempotent-Replayed: true\r?\n(?:.*\r?\n)*?\r?\n(\{.*\})$/im.exec(run.stdout);
    expect(retry, run.stdout).not.toBeNull();
    expect((JSON.parse(retry![1]!) as { id: string }).id).toBe(vars.REPORT);
    const alice = await keys.issueToken({ role: 'reporter', user: 'alice' });
    const mine = (await get('/reports?limit=100', alice)).items as { id: string }[];
    expect(mine.map((r) => r.id)).toEqual([vars.REPORT]);
  });

  it('dismisses a second report, not the one the case is opened from', async () => {
    const desk = await keys.issueToken({ role: 'desk', user: 'check' });
    expect(vars.DUP).not.toBe(vars.REPORT);
    expect((await get(`/reports/${vars.DUP}`, desk)).status).toBe('dismissed');
    expect((await get(`/reports/${vars.REPORT}`, desk)).status).toBe('linked');
  });

  it('finds a report worded differently, without diacritics or a link, as similarText with its score', async () => {
    const desk = await keys.issueToken({ role: 'desk', user: 'check' });
    expect(vars.SIMILAR).not.toBe(vars.REPORT);
    expect((await get(`/reports/${vars.SIMILAR}`, desk)).similarityGroup).toBe(vars.REPORT);
    const similar = (await get(`/reports/${vars.REPORT}/similar`, desk)).items as {
      id: string;
      reason: string;
      score?: number;
    }[];
    expect(similar.find((i) => i.id === vars.DUP)?.reason).toBe('sameUrl');
    const found = similar.find((i) => i.id === vars.SIMILAR);
    expect(found?.reason).toBe('similarText');
    expect(found?.score).toBeGreaterThanOrEqual(deps.config.similarity.threshold);
    // its 201, as the walk-through prints it
    expect(run.stdout + run.stderr).toMatch(/"reason":"similarText","score":0\.\d+/);
  });

  it('flags the case for the briefing before closing it', async () => {
    const desk = await keys.issueToken({ role: 'desk', user: 'check' });
    const c = await get(`/cases/${vars.CASE}`, desk);
    expect(c.status).toBe('closed');
    expect(c.briefingId).toBe(vars.BRIEFING);
    expect(String(c.version)).toBe(vars.V);
    const history = (c.history as { action: string }[]).map((h) => h.action);
    expect(history.indexOf('flag-briefing')).toBeLessThan(history.indexOf('close'));
  });

  it('runs the jobs it shows, and a second reminders run sends nothing', () => {
    const lines = jobLines();
    expect(lines.map((l) => l.job)).toEqual([
      'daily-summary',
      'daily-summary',
      'briefing-reminders',
      'briefing-reminders',
      'periodic-summary',
      'periodic-summary',
      'periodic-summary',
      // lane E: the escalation ladder's "due" step, then the same moment again
      'case-notifications',
      'case-notifications',
    ]);
    const [, , first, second, dry, weekly, again] = lines;
    expect(first!.sent).toBeGreaterThan(0);
    expect(second!.sent).toBe(0);
    // The weekly report: written on the dry run, sent to each leader once, then nothing.
    expect(dry!.written).toBeGreaterThan(0);
    expect(weekly!.sent).toBe(dry!.written);
    expect(again).toMatchObject({ sent: 0 });
    const [ladder, ladderAgain] = lines.slice(7);
    expect(ladder!.escalationSteps).toBeGreaterThanOrEqual(1);
    expect(ladder!.sent).toBeGreaterThanOrEqual(2);
    expect(ladderAgain).toMatchObject({ sent: 0 });
  });

  it('bulk triage answers per report, and the merge closes one case into the other', () => {
    const out = run.stdout;
    // The bulk dismissal: the advert done, the linked report refused on its own.
    expect(out).toMatch(
      /"results":\[\{"id":"[0-9A-Z]+","status":200,"report":\{[\s\S]*?"status":"dismissed"/,
    );
    expect(out).toMatch(/"status":409,"problem":\{[^}]*"currentStatus":"linked"/);
    // The merge: the case closes as merged, and the survivor's history names it.
    expect(out).toMatch(/"status":"closed"[\s\S]*?"outcome":"merged"[\s\S]*?"mergedInto":"[0-9A-Z]+"/);
    expect(out).toMatch(/"mergedCaseIds":\["[0-9A-Z]+"\]/);
  });
});

describe('the README walk-through, evidence files', () => {
  /** The JSON lines the blocks printed that parse, in order. */
  const jsonLines = (): Record<string, unknown>[] =>
    run.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as Record<string, unknown>];
        } catch {
          return [];
        }
      });

  it("shows the photo's GPS tags before, none after the round trip through storage", () => {
    const lines = run.stdout.split('\n');
    const before = lines.findIndex((l) => /^GPS.*GPSLatitude/.test(l));
    expect(before, run.stdout).toBeGreaterThanOrEqual(0);
    expect(lines.indexOf('no GPS tag', before), run.stdout).toBeGreaterThan(before);
  });

  it('refuses the PNG sent as a JPEG with 422 file-type-mismatch, keeping nothing', async () => {
    const refused = jsonLines().find((l) => l.code === 'file-type-mismatch');
    expect(refused, run.stdout).toMatchObject({
      status: 422,
      detectedType: 'image/png',
      declaredType: 'image/jpeg',
    });
  });

  it("gives the agency the case's PDF, then the report's photo, and the report one file", async () => {
    const list = jsonLines().findLast(
      (l) => Array.isArray(l.items) && JSON.stringify(l.items).includes('application/pdf'),
    ) as { items: { type: string; source: { kind: string; id: string }; uploadedBy: string }[] } | undefined;
    expect(list, run.stdout).toBeDefined();
    expect(list!.items.map((f) => [f.source.kind, f.type, f.uploadedBy])).toEqual([
      ['case', 'application/pdf', 'desk'],
      ['report', 'image/jpeg', 'reporter'],
    ]);
    const desk = await keys.issueToken({ role: 'desk', user: 'check' });
    const reportId = list!.items[1]!.source.id;
    expect((await get(`/reports/${reportId}`, desk)).fileCount).toBe(1);
    expect(((await get(`/reports/${reportId}/files`, desk)).items as unknown[]).length).toBe(1);
  });
});

describe('the README walk-through, signed webhooks', () => {
  /** The receiver's log: one verified delivery a line. */
  const logged = async (): Promise<ReceivedWebhook[]> =>
    (await readFile(webhooks.logFile, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as ReceivedWebhook);

  it('lists the endpoint `local` with delivered events, as GET /webhooks prints it in the block', () => {
    const line = run.stdout.split('\n').find((l) => l.startsWith('{"maxAttempts"'));
    expect(line, run.stdout).toBeDefined();
    const view = JSON.parse(line!) as {
      endpoints: { id: string; host: string; deliveries: { type: string; state: string }[] }[];
    };
    expect(view.endpoints.map((e) => e.id)).toEqual(['local']);
    expect(view.endpoints[0]!.host).toBe(new URL(webhooks.url).host);
    const delivered = view.endpoints[0]!.deliveries.filter((d) => d.state === 'delivered');
    expect(delivered.length).toBeGreaterThan(0);
  });

  it('logs a verified delivery of each event of the walk-through case, and the block tails the log', async () => {
    const lines = await logged();
    const ofCase = lines
      .map((l) => webhookPayloadSchema.parse(l.event))
      .filter((e) => e.data.caseId === vars.CASE)
      .map((e) => e.type);
    expect(ofCase).toEqual(
      expect.arrayContaining(['case.opened', 'case.assigned', 'case.responded', 'case.closed']),
    );
    for (const l of lines) expect(l.webhookId).toMatch(/^msg_/);
    // `tail -n 3` of the log, in the block's output
    const tail = lines.slice(-3).map((l) => JSON.stringify(l));
    expect(
      tail.some((t) => run.stdout.includes(t)),
      run.stdout,
    ).toBe(true);
  });

  it('logs only what it verified: a forged delivery gets 401 and no line', async () => {
    const before = (await logged()).length;
    const forger = new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`);
    const body = JSON.stringify({ type: 'case.closed', timestamp: new Date().toISOString(), data: {} });
    const res = await fetch(`${webhooks.url}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'msg_forged',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': forger.sign('msg_forged', new Date(), body),
      },
      body,
    });
    expect(res.status).toBe(401);
    expect((await logged()).length).toBe(before);
  });
});
