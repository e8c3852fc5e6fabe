// The soak run (`npm run test:soak`): the whole local stack driven for 60 s by
// 50 concurrent clients mixing submissions (some retried with the same
// Idempotency-Key), reads and case actions — loopback only, bounded in time
// and count. Then every accepted submission must be in the table exactly
// once, and no request may have answered 5xx. Prints and saves the figures.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { freePort } from '#infra/local/ports';
import { startLocalStack } from '#infra/local/stack';
import { TokenKeys } from '#infra/local/token';
import { aReport } from '#test/support/report-body';
import { storedReportCount } from '#test/support/stored';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 50);
const MAX_REQUESTS = Number(process.env.SOAK_MAX_REQUESTS ?? 200_000);

const dataDir = await mkdtemp(join(tmpdir(), 'opinion-desk-soak-'));
const stack = await startLocalStack({
  port: await freePort(),
  ddbPort: await freePort(),
  mailPort: await freePort(),
  dataDir,
  inMemory: true,
});
const keys = await TokenKeys.forDataDir(dataDir);
const api = stack.apiUrl;
const desk = await keys.issueToken({ role: 'desk', user: 'soak-desk' });
// One reporter and one desk user per client: the per-caller hourly write limits
// (dev: 600 submissions, 3000 other writes) stay out of reach however fast the machine.
const reporters = await Promise.all(
  Array.from({ length: CLIENTS }, (_, i) => keys.issueToken({ role: 'reporter', user: `soak-${i}` })),
);
const desks = await Promise.all(
  Array.from({ length: CLIENTS }, (_, i) => keys.issueToken({ role: 'desk', user: `soak-desk-${i}` })),
);

const statuses = new Map<number, number>();
const latencies: number[] = [];
const accepted = new Set<string>();
const acceptedResponses: string[] = [];
let requests = 0;
let networkErrors = 0;

const call = async (
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => {
  requests++;
  const t0 = performance.now();
  try {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    latencies.push(performance.now() - t0);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  } catch {
    networkErrors++;
    return { status: 0, json: {} };
  }
};

const reportBody = (i: number) =>
  aReport({
    title: `Phản ánh soak số ${i}`,
    summary: 'Người dân phản ánh tình trạng ngập nước kéo dài.',
    category: 'environment',
    area: 'thu-duc',
    urgency: i % 10 === 0 ? 'high' : 'normal',
    sourceUrls: [`https://social.example/post/${i % 200}`],
  });

// a few cases to act on
const cases: string[] = [];
for (let i = 0; i < 5; i++) {
  const r = await call('POST', '/reports', reporters[0]!, reportBody(-i - 1));
  accepted.add(String(r.json.id));
  const c = await call('POST', '/cases', desk, { reportIds: [r.json.id] });
  cases.push(String(c.json.id));
}

const deadline = Date.now() + SECONDS * 1000;
let seq = 0;
const client = async (n: number) => {
  while (Date.now() < deadline && requests < MAX_REQUESTS) {
    const roll = Math.random();
    const token = reporters[n % reporters.length]!;
    if (roll < 0.5) {
      const i = seq++;
      const key = `soak-${n}-${i}`;
      const body = reportBody(i);
      const first = await call('POST', '/reports', token, body, { 'idempotency-key': key });
      if (first.status === 201) {
        accepted.add(String(first.json.id));
        acceptedResponses.push(String(first.json.id));
      }
      if (i % 5 === 0) {
        // a client retry of the same submission: must replay, never store again
        const retry = await call('POST', '/reports', token, body, { 'idempotency-key': key });
        if (retry.status === 201 && retry.json.id !== first.json.id && first.status === 201) {
          throw new Error(`a retry stored a second report: ${first.json.id} then ${retry.json.id}`);
        }
        if (retry.status === 201) accepted.add(String(retry.json.id));
      }
    } else if (roll < 0.75) {
      await call(
        'GET',
        roll < 0.6 ? '/reports?limit=25' : `/reports?limit=10&urgency=high`,
        roll < 0.6 ? token : desk,
      );
    } else if (roll < 0.9) {
      await call('GET', `/cases/${cases[n % cases.length]}`, desk);
    } else {
      const id = cases[n % cases.length]!;
      const current = await call('GET', `/cases/${id}`, desk);
      await call(
        'POST',
        `/cases/${id}/actions`,
        desks[n]!,
        { action: 'comment', note: `soak ${n}` },
        { 'if-match': `"${current.json.version}"` },
      );
    }
  }
};

const started = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
const elapsed = (performance.now() - started) / 1000;

// Every accepted submission is in the table exactly once.
const db = stack.deps.db;
let missing = 0;
for (const id of accepted) {
  const out = await db.send(
    new GetCommand({ TableName: stack.tableName, Key: { pk: `REPORT#${id}`, sk: 'REPORT' } }),
  );
  if (!out.Item) missing++;
}
const stored = await storedReportCount({ db, tableName: stack.tableName });

const sorted = [...latencies].sort((a, b) => a - b);
const pct = (p: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
const fiveXx = [...statuses.entries()].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
const result = {
  date: new Date().toISOString(),
  seconds: Math.round(elapsed),
  clients: CLIENTS,
  requests,
  requestsPerSecond: Math.round(requests / elapsed),
  statuses: Object.fromEntries([...statuses.entries()].sort(([a], [b]) => a - b)),
  fiveXx,
  networkErrors,
  latencyMs: { p50: pct(50), p99: pct(99) },
  acceptedSubmissions: accepted.size,
  storedReports: stored,
  missing,
  duplicates: stored - accepted.size,
};
console.log(JSON.stringify(result, null, 2));
await mkdir(join('test', 'soak', 'results'), { recursive: true });
await writeFile(join('test', 'soak', 'results', 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
await stack.stop();
await rm(dataDir, { recursive: true, force: true });
if (fiveXx > 0 || networkErrors > 0 || missing > 0 || stored !== accepted.size) {
  console.error('soak: FAILED');
  process.exit(1);
}
console.log('soak: ok');
