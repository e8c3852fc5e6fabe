// The local stack as a developer uses it: `npm start` as a child process, the
// token command, a clean stop on Ctrl-C, and clear failures. Then the HTTP
// adapter itself: the API Gateway v2 events it hands the handlers.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { connect, createServer, type Server } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { MAX_BODY_BYTES } from '#http/body';
import { parseJobFlags } from '#infra/local/jobs';
import { freePort } from '#infra/local/ports';
import { buildHttpEvent, type LambdaHttpHandler, matchRoute, renderClaims } from '#infra/local/server';
import { TokenKeys } from '#infra/local/token';
import { type Run, watch } from '#test/support/child';
import { startTestApi, type TestApi } from '#test/support/local-api';
import { sentEmails, waitForEmails } from '#test/support/mail';

const ROOT = join(import.meta.dirname, '../..');

/** Runs a TypeScript entry of infra/local the way the npm scripts do (tsx), without npm in between. */
const runTs = (entry: string, args: string[], env: Record<string, string>): Run => {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return watch(child);
};

const waitForOutput = async (run: Run, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> => {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void run.exited.then(() => {
    exited = true;
  });
  for (;;) {
    const m = pattern.exec(run.stdout());
    if (m) return m;
    if (exited || Date.now() > deadline) {
      throw new Error(
        `Never saw ${pattern} (exited: ${exited}).\nstdout:\n${run.stdout()}\nstderr:\n${run.stderr()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
};

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const occupy = (port: number, host = '127.0.0.1'): Promise<Server> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });

/** A GET with headers sent exactly as given (fetch would merge repeated headers into one line). */
const rawGet = (url: string, headers: Record<string, string | string[]>): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET' }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    for (const [name, value] of Object.entries(headers)) req.setHeader(name, value);
    req.once('error', reject);
    req.end();
  });

/** The local addresses listening on `port` (LISTEN rows of /proc/net/tcp and tcp6), as hex as the kernel writes them. */
const listeningAddresses = async (port: number): Promise<string[]> => {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const found: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(file, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state !== '0A' || !local) continue; // 0A: LISTEN
      const [address, p] = local.split(':');
      if (p === hexPort && address) found.push(address);
    }
  }
  return found;
};
/** 127.0.0.1 in /proc/net/tcp, ::1 and ::ffff:127.0.0.1 in tcp6 (little-endian words). */
const LOOPBACK_HEX = new Set([
  '0100007F',
  '00000000000000000000000001000000',
  '0000000000000000FFFF00000100007F',
]);
/** This machine's own non-loopback IPv4 addresses (connecting to them stays on this machine). */
const ownExternalAddresses = (): string[] =>
  Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
const acceptsOn = (port: number, host: string): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

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

describe('npm start', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let run: Run;
  let apiUrl: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'opinion-desk-stack-'));
    env = await stackEnv(dataDir);
    run = runTs('infra/local/start.ts', [], env);
    const m = await waitForOutput(run, /API ready at (http:\/\/127\.0\.0\.1:\d+)/, 60_000);
    apiUrl = m[1]!;
  });

  afterAll(async () => {
    if (run && run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill('SIGINT');
      await run.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('announces the API on PORT and writes stack.json', async () => {
    expect(apiUrl).toBe(`http://127.0.0.1:${env.PORT}`);
    const stack = JSON.parse(await readFile(join(dataDir, 'stack.json'), 'utf8'));
    expect(stack).toEqual({
      apiUrl,
      dynamodbEndpoint: `http://127.0.0.1:${env.DDB_PORT}`,
      sesEndpoint: `http://127.0.0.1:${env.MAIL_PORT}`,
      mailViewerUrl: `http://127.0.0.1:${env.MAIL_PORT}/`,
      tableName: 'opinion-desk-local',
      pid: run.child.pid,
      dataDir,
      consoleUrl: `http://127.0.0.1:${env.CONSOLE_PORT}`,
      webhookReceiverUrl: `http://127.0.0.1:${env.WEBHOOK_PORT}`,
      s3Endpoint: `http://127.0.0.1:${env.S3_PORT}`,
      filesBucket: 'opinion-desk-files',
    });
    const viewer = await fetch(stack.mailViewerUrl);
    expect(viewer.status).toBe(200);
    expect(viewer.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('serves the console on CONSOLE_PORT, printed first, allowed by the API, with a development sign-in the API trusts', async () => {
    const consoleUrl = `http://127.0.0.1:${env.CONSOLE_PORT}`;
    // The banner's first line is the console.
    const banner = run
      .stdout()
      .split('\n\n')
      .find((block) => block.includes('DynamoDB Local   '));
    expect(banner?.split('\n')[0]).toMatch(new RegExp(`^  Console +${consoleUrl} `));
    expect(run.stdout()).toContain(`Console ready at ${consoleUrl}`);

    const page = await fetch(`${consoleUrl}/inbox`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ${apiUrl}`);
    const config = (await (await fetch(`${consoleUrl}/config.json`)).json()) as { apiUrl: string };
    expect(config).toMatchObject({ apiUrl, environment: 'local', auth: { mode: 'local' } });

    for (const origin of [consoleUrl, `http://localhost:${env.CONSOLE_PORT}`]) {
      const preflight = await fetch(`${apiUrl}/reports`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin'), origin).toBe(origin);
    }

    const signedIn = await fetch(`${consoleUrl}/dev/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: consoleUrl },
      body: 'preset=desk%3A&return=%2Finbox',
    });
    expect(signedIn.status).toBe(303);
    const token = new URLSearchParams(signedIn.headers.get('location')!.split('#')[1]).get('id_token');
    const res = await fetch(`${apiUrl}/reference`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });

  it('runs the local S3 server on S3_PORT with the files bucket, open to the console (CORS)', async () => {
    const s3 = `http://127.0.0.1:${env.S3_PORT}`;
    expect(run.stdout()).toMatch(
      new RegExp(`Local S3 +${s3} +bucket opinion-desk-files, files removed on stop \\(DDB_IN_MEMORY=1\\)`),
    );
    const listing = await fetch(`${s3}/opinion-desk-files?list-type=2`);
    expect(listing.status).toBe(200);
    expect(await listing.text()).toContain('<Name>opinion-desk-files</Name>');
    // The console uploads with a form POST straight to the bucket.
    const consoleOrigin = `http://127.0.0.1:${env.CONSOLE_PORT}`;
    const preflight = await fetch(`${s3}/opinion-desk-files`, {
      method: 'OPTIONS',
      headers: { origin: consoleOrigin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    // s3rver answers a matched preflight with `*`; an origin outside the rule gets no answer.
    const stranger = await fetch(`${s3}/opinion-desk-files`, {
      method: 'OPTIONS',
      headers: { origin: 'http://stranger.example', 'access-control-request-method': 'POST' },
    });
    expect(stranger.status).toBe(403);
    const read = await fetch(`${s3}/opinion-desk-files?list-type=2`, { headers: { origin: consoleOrigin } });
    expect(read.headers.get('access-control-allow-origin')).toBe(consoleOrigin);
    // The files of the in-memory stack live under DATA_DIR until it stops.
    const dirs = await readdir(dataDir);
    expect(dirs).toContain('s3-in-memory');
    expect(dirs).not.toContain('s3');
  });

  it('answers GET /health without a token', async () => {
    const res = await fetch(`${apiUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers 401 problem+json without a token', async () => {
    const res = await fetch(`${apiUrl}/reference`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('accepts a token from the token command', async () => {
    const cli = runTs('infra/local/token-cli.ts', ['--role', 'desk'], { DATA_DIR: dataDir });
    expect((await cli.exited).code).toBe(0);
    const lines = cli.stdout().split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const res = await fetch(`${apiUrl}/reference`, { headers: { authorization: `Bearer ${lines[0]}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty('categories');
  });

  it('refuses a token signed by a different key', async () => {
    const stranger = await (await TokenKeys.ephemeral()).issueToken({ role: 'desk' });
    const res = await fetch(`${apiUrl}/reference`, { headers: { authorization: `Bearer ${stranger}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('listens on 127.0.0.1 only: the API, DynamoDB Local and local SES', async () => {
    for (const name of ['PORT', 'DDB_PORT', 'MAIL_PORT', 'CONSOLE_PORT', 'WEBHOOK_PORT', 'S3_PORT']) {
      const port = Number(env[name]);
      expect(await accepts(port), name).toBe(true);
      const addresses = await listeningAddresses(port);
      expect(addresses.length, `${name} listens`).toBeGreaterThan(0);
      expect(
        addresses.filter((a) => !LOOPBACK_HEX.has(a)),
        `${name} on a non-loopback address`,
      ).toEqual([]);
      for (const address of ownExternalAddresses()) {
        expect(await acceptsOn(port, address), `${name} on ${address}`).toBe(false);
      }
    }
  });

  it('answers 401 problem+json to an access token, saying to send the ID token', async () => {
    const keys = await TokenKeys.forDataDir(dataDir);
    const access = await keys.issueToken({ role: 'desk', tokenUse: 'access' });
    const res = await fetch(`${apiUrl}/reference`, { headers: { authorization: `Bearer ${access}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toMatch(
      /use the ID token, not the access token/,
    );
  });

  it('answers 401 to a token living longer than 30 days, and to one issued in the future', async () => {
    const keys = await TokenKeys.forDataDir(dataDir);
    const long = await keys.issueToken({ role: 'desk', expiresIn: '31d' });
    const future = await keys.issueToken({ role: 'desk', now: new Date(Date.now() + 5 * 60_000) });
    for (const [token, reason] of [
      [long, /longer than 30 days/],
      [future, /issued in the future/],
    ] as const) {
      const res = await fetch(`${apiUrl}/reference`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as { detail: string }).detail).toMatch(reason);
    }
  });

  it('seeds sample reports once, however often seed runs', async () => {
    const first = runTs('infra/local/seed.ts', [], { DATA_DIR: dataDir });
    expect((await first.exited).code, first.stderr()).toBe(0);
    const [, total, created] =
      /Seeded (\d+)\/\d+ reports .*?: (\d+) new, 0 already there/.exec(first.stdout()) ?? [];
    expect(Number(total)).toBeGreaterThanOrEqual(25);
    expect(created).toBe(total);
    expect(first.stdout()).toMatch(/[1-9]\d* with possible duplicates/);

    const again = runTs('infra/local/seed.ts', [], { DATA_DIR: dataDir });
    expect((await again.exited).code, again.stderr()).toBe(0);
    expect(again.stdout()).toContain(`: 0 new, ${total} already there`);
  }, 120_000);

  it('delivers a case event to its own webhook receiver (endpoint `local`), which logs it verified under DATA_DIR', async () => {
    expect(run.stdout()).toContain(`Webhooks         http://127.0.0.1:${env.WEBHOOK_PORT}`);
    const keys = await TokenKeys.forDataDir(dataDir);
    const reporter = await keys.issueToken({ role: 'reporter', user: 'hook-reporter' });
    const desk = await keys.issueToken({ role: 'desk' });
    const post = async (path: string, token: string, body: unknown) => {
      const res = await fetch(`${apiUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, path).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const reportId = await post('/reports', reporter, {
      title: 'Tin đồn cấm xe tải qua cầu Sài Gòn',
      summary: 'Bài đăng nói cầu cấm xe tải từ tuần sau.',
      category: 'transport',
      area: 'binh-thanh',
      channel: 'social',
      sentiment: 'negative',
      urgency: 'normal',
      observedAt: new Date().toISOString(),
    });
    const caseId = await post('/cases', desk, { reportIds: [reportId] });

    // Delivered from the outbox by the stream reader, a moment after the request.
    const opened = await vi.waitFor(
      async () => {
        const lines = (await readFile(join(dataDir, 'webhooks.log'), 'utf8')).split('\n').filter(Boolean);
        const found = lines
          .map(
            (l) => JSON.parse(l) as { webhookId: string; event: { type: string; data: { caseId: string } } },
          )
          .find((l) => l.event.type === 'case.opened' && l.event.data.caseId === caseId);
        if (!found) throw new Error('not delivered yet');
        return found;
      },
      { timeout: 15_000, interval: 200 },
    );
    expect(opened.webhookId).toMatch(/^msg_.*_local$/);
    expect(run.stdout()).toContain(`webhook case.opened ${caseId} verified`);
    expect((await readFile(join(dataDir, 'webhook-secret'), 'utf8')).trim()).toMatch(/^whsec_/);
    // Recorded as delivered once the receiver's 204 is back (just after the line is logged).
    await vi.waitFor(
      async () => {
        const view = await fetch(`${apiUrl}/webhooks?endpoint=local`, {
          headers: { authorization: `Bearer ${desk}` },
        });
        const body = (await view.json()) as {
          endpoints: { deliveries: { caseId: string; state: string }[] }[];
        };
        expect(body.endpoints[0]!.deliveries.find((d) => d.caseId === caseId)?.state).toBe('delivered');
      },
      { timeout: 10_000, interval: 200 },
    );
  }, 60_000);

  it('lists the next run of each schedule, in the configured time zone', () => {
    expect(run.stdout()).toMatch(
      /Scheduler\s+daily-summary next at \d{4}-\d{2}-\d{2} \d{2}:\d{2} Asia\/Ho_Chi_Minh \(daily at 07:00\)/,
    );
  });

  it('runs daily-summary once with the job command: one JSON line, the emails in <DATA_DIR>/outbox', async () => {
    const cli = runTs('infra/local/job-cli.ts', ['daily-summary', '--dry-run'], { DATA_DIR: dataDir });
    expect((await cli.exited).code, cli.stderr()).toBe(0);
    const lines = cli.stdout().split('\n').filter(Boolean);
    expect(lines, cli.stdout()).toHaveLength(1);
    const result = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(result)[0]).toBe('job');
    expect(result).toMatchObject({
      job: 'daily-summary',
      sent: expect.any(Number),
      skipped: expect.any(Number),
      failed: expect.any(Number),
    });
    const outbox = await readdir(join(dataDir, 'outbox'), { recursive: true });
    expect(outbox.length).toBeGreaterThan(0);
  }, 60_000);

  it('stops everything on SIGINT and exits 0', async () => {
    expect(await accepts(Number(env.DDB_PORT))).toBe(true);
    run.child.kill('SIGINT');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(await accepts(Number(env.DDB_PORT))).toBe(false);
    expect(await accepts(Number(env.PORT))).toBe(false);
    expect(await accepts(Number(env.MAIL_PORT))).toBe(false);
    expect(await accepts(Number(env.CONSOLE_PORT))).toBe(false);
    expect(await accepts(Number(env.WEBHOOK_PORT))).toBe(false);
    expect(await accepts(Number(env.S3_PORT))).toBe(false);
    expect(await readdir(dataDir)).not.toContain('s3-in-memory');
    await expect(readFile(join(dataDir, 'stack.json'))).rejects.toThrow(/ENOENT/);
  });
});

// Each case is its own process on its own ports: run them side by side. Four
// processes loading the whole stack at once on a busy 2-core machine took over
// the default 30 s in the full suite.
const START_FAILURE_TIMEOUT_MS = 90_000;
describe.concurrent('npm start failing to start', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'opinion-desk-fail-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each(['PORT', 'DDB_PORT', 'MAIL_PORT', 'CONSOLE_PORT', 'WEBHOOK_PORT', 'S3_PORT'] as const)(
    'names %s when that port is taken, and exits 1',
    async (knob) => {
      // A data directory each: one stack per DATA_DIR, and these start side by side.
      const env = await stackEnv(await mkdtemp(join(dataDir, `${knob}-`)));
      const blocker = await occupy(Number(env[knob]));
      try {
        const run = runTs('infra/local/start.ts', [], env);
        expect((await run.exited).code).toBe(1);
        expect(run.stderr()).toContain(`port ${env[knob]}: the port is already in use`);
        expect(run.stderr()).toContain(`${knob}=<port>`);
        expect(run.stderr()).not.toMatch(/\n\s+at /); // no stack trace
      } finally {
        blocker.close();
      }
    },
    START_FAILURE_TIMEOUT_MS,
  );

  it(
    'says what to install when Java is missing, and exits 1',
    async () => {
      const env = await stackEnv(await mkdtemp(join(dataDir, 'java-')));
      const run = runTs('infra/local/start.ts', [], { ...env, PATH: '/nonexistent' });
      expect((await run.exited).code).toBe(1);
      expect(run.stderr()).toMatch(/Java 17/);
      expect(run.stderr()).toContain('apt-get install default-jre-headless');
      expect(run.stderr()).not.toMatch(/\n\s+at /);
    },
    START_FAILURE_TIMEOUT_MS,
  );
});

describe.concurrent('the token command', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'opinion-desk-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each([
    [['--role', 'admin'], /Unknown role "admin"/],
    [[], /--role is required/],
    [['--role', 'agency', '--agency', 'nasa'], /Unknown agency "nasa"/],
    [['--role', 'desk', '--agency', 'police'], /--agency applies only to --role agency/],
    [['--role', 'desk', '--bogus'], /Unknown option '--bogus'/],
    [['--role', 'desk', '--expires-in', '31d'], /longer than 30 days/],
    [['--role', 'desk', '--expires-in', '0s'], /longer than 0/],
  ])('rejects %j with exit code 2', async (args, message) => {
    const run = runTs('infra/local/token-cli.ts', args, { DATA_DIR: dataDir });
    expect((await run.exited).code).toBe(2);
    expect(run.stderr()).toMatch(message);
    expect(run.stdout()).toBe('');
  });

  it('issues an agency token for the agency asked for', async () => {
    const run = runTs(
      'infra/local/token-cli.ts',
      ['--role', 'agency', '--agency', 'police', '--user', 'cb-01', '--email', 'cb01@example.org'],
      { DATA_DIR: dataDir },
    );
    expect((await run.exited).code).toBe(0);
    const keys = await TokenKeys.forDataDir(dataDir);
    expect(await keys.verifyToken(run.stdout().trim())).toMatchObject({
      sub: 'cb-01',
      'cognito:groups': ['agency'],
      'custom:agency': 'police',
      email: 'cb01@example.org',
      token_use: 'id',
    });
  });

  it('mints the staff second-factor claim with --mfa, and 30 days at most', async () => {
    const run = runTs('infra/local/token-cli.ts', ['--role', 'desk', '--mfa', '--expires-in', '30d'], {
      DATA_DIR: dataDir,
    });
    expect((await run.exited).code, run.stderr()).toBe(0);
    const keys = await TokenKeys.forDataDir(dataDir);
    const claims = await keys.verifyToken(run.stdout().trim());
    expect(claims).toMatchObject({ token_use: 'id', staff_mfa: 'totp' });
    expect(claims.exp! - claims.iat!).toBe(30 * 86_400);
  });
});

describe('the job command', () => {
  it('parses generic flags for the job', () => {
    expect(
      parseJobFlags(['--date', '2026-03-12', '--force', '--now=2026-03-12T07:00:00Z', '--dry-run']),
    ).toEqual({
      flags: { date: '2026-03-12', force: true, now: '2026-03-12T07:00:00Z', 'dry-run': true },
      positionals: [],
    });
    expect(parseJobFlags(['extra']).positionals).toEqual(['extra']);
  });

  it('lists the known jobs for an unknown one, with exit code 2', async () => {
    const run = runTs('infra/local/job-cli.ts', ['no-such-job'], {
      DATA_DIR: join(tmpdir(), 'opinion-desk-none'),
    });
    expect((await run.exited).code).toBe(2);
    expect(run.stderr()).toMatch(/Unknown job "no-such-job"[\s\S]*Jobs: daily-summary/);
  });

  it.concurrent.each([
    [['daily-summary', '--date', '2026-02-30'], /--date must be a day as YYYY-MM-DD/],
    [['daily-summary', '--now', 'yesterday'], /--now must be an RFC 3339 time/],
    [['daily-summary', '--bogus'], /Unknown option --bogus for daily-summary/],
    [['daily-summary', 'extra'], /Unexpected argument "extra"/],
  ])('refuses %j with exit code 2 before looking for the stack', async (args, message) => {
    const run = runTs('infra/local/job-cli.ts', args, { DATA_DIR: join(tmpdir(), 'opinion-desk-none') });
    expect((await run.exited).code).toBe(2);
    expect(run.stderr()).toMatch(message);
    expect(run.stdout()).toBe('');
  });

  it('says to start the stack when it is not running, with exit code 1', async () => {
    const run = runTs('infra/local/job-cli.ts', ['daily-summary', '--dry-run'], {
      DATA_DIR: join(tmpdir(), 'opinion-desk-none'),
    });
    expect((await run.exited).code).toBe(1);
    expect(run.stderr()).toMatch(/The local stack is not running[\s\S]*npm start/);
    expect(run.stdout()).toBe('');
  });
});

describe('the local API adapter', () => {
  let api: TestApi;
  const seen: APIGatewayProxyEventV2WithJWTAuthorizer[] = [];
  const echo: LambdaHttpHandler = async (event) => {
    seen.push(event);
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ok: true }),
    };
  };
  const lastEvent = () => seen.at(-1)!;

  beforeAll(async () => {
    api = await startTestApi({ handlers: { meta: echo, reports: echo } });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('builds a payload 2.0 event with decoded path parameters and the route key', async () => {
    const token = await api.token('desk');
    const res = await fetch(`${api.url}/reports/01ABC%20x/actions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'X-Custom': 'A' },
      body: JSON.stringify({ action: 'restore' }),
    });
    expect(res.status).toBe(200);
    const event = lastEvent();
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /reports/{id}/actions',
      rawPath: '/reports/01ABC x/actions',
      rawQueryString: '',
      pathParameters: { id: '01ABC x' },
      body: '{"action":"restore"}',
      isBase64Encoded: false,
      requestContext: {
        routeKey: 'POST /reports/{id}/actions',
        stage: '$default',
        http: {
          method: 'POST',
          path: '/reports/01ABC x/actions',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
        },
      },
    });
    expect(event.queryStringParameters).toBeUndefined();
    expect(event.headers['x-custom']).toBe('A');
    expect(event.headers['content-type']).toBe('application/json');
    expect(typeof event.requestContext.requestId).toBe('string');
    expect(event.requestContext.timeEpoch).toBeGreaterThan(Date.now() - 60_000);
    expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
  });

  it('renders verified claims as API Gateway does: strings, arrays as "[a b]"', async () => {
    const token = await api.token('agency', { user: 'u-1', agency: 'police' });
    await fetch(`${api.url}/reports`, { headers: { authorization: `Bearer ${token}` } });
    const { claims, scopes } = lastEvent().requestContext.authorizer.jwt;
    expect(scopes).toBeNull();
    expect(claims).toMatchObject({
      sub: 'u-1',
      'cognito:groups': '[agency]',
      'custom:agency': 'police',
      email_verified: 'true',
      iss: 'opinion-desk-local',
    });
    for (const value of Object.values(claims)) expect(typeof value).toBe('string');
    expect(Number(claims.exp)).toBeGreaterThan(Number(claims.iat));
  });

  it('joins repeated query parameters and headers with commas, and decodes the values', async () => {
    const token = await api.token('desk');
    const status = await rawGet(
      `${api.url}/reports?status=new&status=linked&area=th%E1%BB%A7-%C4%91%E1%BB%A9c&empty=`,
      {
        authorization: `Bearer ${token}`,
        'x-multi': ['one', 'two'],
        cookie: 'a=1; b=2',
      },
    );
    expect(status).toBe(200);
    const event = lastEvent();
    expect(event.rawQueryString).toBe('status=new&status=linked&area=th%E1%BB%A7-%C4%91%E1%BB%A9c&empty=');
    expect(event.queryStringParameters).toEqual({ status: 'new,linked', area: 'thủ-đức', empty: '' });
    expect(event.headers['x-multi']).toBe('one,two');
    expect(event.cookies).toEqual(['a=1', 'b=2']);
    expect(event.headers).not.toHaveProperty('cookie');
  });

  it('sends public routes without an authorizer and without a token', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(200);
    expect(lastEvent().requestContext).not.toHaveProperty('authorizer');
    expect(lastEvent().pathParameters).toBeUndefined();
    expect(lastEvent().body).toBeUndefined();
  });

  it('answers CORS preflights for the configured origins, like the HTTP API', async () => {
    const res = await fetch(`${api.url}/reports`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    const plain = await fetch(`${api.url}/health`, { headers: { origin: 'https://elsewhere.example' } });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 404 problem+json for an unknown route, 405 with Allow for a known path with another method', async () => {
    for (const [method, path, status] of [
      ['GET', '/nope', 404],
      ['DELETE', '/reports', 405],
      ['GET', '/reports/', 404],
    ] as const) {
      const res = await fetch(`${api.url}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(status);
      expect(res.headers.get('allow')).toBe(status === 405 ? 'GET, POST' : null);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers 401 for an expired token and for a malformed Authorization header', async () => {
    const expired = await api.token('desk', { now: new Date(Date.now() - 24 * 3600_000) });
    for (const authorization of [`Bearer ${expired}`, 'Bearer ', 'Basic dXNlcjpwYXNz']) {
      const before = seen.length;
      const res = await fetch(`${api.url}/reports`, { headers: { authorization } });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(seen.length).toBe(before); // the handler never ran
    }
  });

  it('stops reading a body over the API body limit and answers 413', async () => {
    const token = await api.token('reporter');
    const before = seen.length;
    const res = await fetch(`${api.url}/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x'.repeat(MAX_BODY_BYTES + 10) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(seen.length).toBe(before);
  });

  it('answers 500 problem+json when a handler throws', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = await startTestApi({
      handlers: {
        meta: async () => {
          throw new Error('boom');
        },
      },
    });
    try {
      const res = await fetch(`${broken.url}/health`);
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ status: 500, title: 'Internal error' });
      expect(consoleError).toHaveBeenCalledOnce();
    } finally {
      consoleError.mockRestore();
      await broken.stop();
    }
  });
});

describe('the shared local SES', () => {
  it('keeps what was sent, readable through the test helpers', async () => {
    const to = `local-stack-${Date.now()}@example.org`;
    const ses = new SESv2Client({
      endpoint: inject('sesEndpoint'),
      region: 'ap-southeast-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: 'desk@example.org',
          Destination: { ToAddresses: [to] },
          Content: { Simple: { Subject: { Data: 'Tóm tắt' }, Body: { Text: { Data: 'Không có gì mới.' } } } },
        }),
      );
    } finally {
      ses.destroy();
    }
    const [email, ...more] = await waitForEmails({ to });
    expect(more).toHaveLength(0);
    expect(email).toMatchObject({
      subject: 'Tóm tắt',
      body: { text: 'Không có gì mới.' },
      from: 'desk@example.org',
    });
    expect(await sentEmails({ to: 'nobody-else@example.org' })).toEqual([]);
  });
});

describe('route matching and claim rendering', () => {
  it('prefers literal segments and decodes parameters', () => {
    const table = [
      { method: 'GET', path: '/cases/{id}', group: 'meta', access: 'public', body: false, summary: '' },
      { method: 'GET', path: '/cases/overdue', group: 'meta', access: 'public', body: false, summary: '' },
    ] as const;
    expect(matchRoute('GET', '/cases/overdue', table)?.routeKey).toBe('GET /cases/overdue');
    expect(matchRoute('GET', '/cases/a%2Fb', table)?.pathParameters).toEqual({ id: 'a/b' });
    expect(matchRoute('GET', '/cases/x/y', table)).toBeUndefined();
    expect(matchRoute('POST', '/cases/x', table)).toBeUndefined();
  });

  it('renders claims as strings', () => {
    expect(renderClaims({ groups: ['desk', 'agency'], n: 5, ok: false, s: 'x', nested: { a: 1 } })).toEqual({
      groups: '[desk agency]',
      n: '5',
      ok: 'false',
      s: 'x',
      nested: '{"a":1}',
    });
  });

  it('builds an event without query or path parameters when there are none', () => {
    const match = matchRoute('GET', '/health')!;
    const event = buildHttpEvent({
      method: 'GET',
      url: '/health',
      rawHeaders: ['Host', '127.0.0.1:3000', 'User-Agent', 'curl/8'],
      sourceIp: '127.0.0.1',
      match,
      requestId: 'r-1',
      now: new Date('2026-03-12T19:03:58.000Z'),
    });
    expect(event).not.toHaveProperty('queryStringParameters');
    expect(event).not.toHaveProperty('pathParameters');
    expect(event).not.toHaveProperty('body');
    expect(event.requestContext).toMatchObject({
      domainName: '127.0.0.1',
      time: '12/Mar/2026:19:03:58 +0000',
      timeEpoch: Date.parse('2026-03-12T19:03:58.000Z'),
      http: { userAgent: 'curl/8' },
    });
  });
});
