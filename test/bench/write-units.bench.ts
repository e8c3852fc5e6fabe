// Write units per request kind: what DynamoDB bills (and can throttle) for one
// request, counted with ReturnConsumedCapacity (support/capacity.ts), not
// estimated. Each kind runs through its HTTP handler in-process, rate-limit
// counter included, against a fresh table on DynamoDB Local, which reports
// consumed capacity as DynamoDB does (1 KB write units, transactions double,
// each index write billed). The figures are counts, so one sample per kind
// would do; a few are averaged to smooth item sizes that vary with the id.
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { createHandler as casesHandler } from '#functions/http/cases';
import { createHandler as reportsHandler } from '#functions/http/reports';
import { buildHttpEvent, lambdaContext, matchRoute } from '#infra/local/server';
import type { Deps } from '#shared/deps';
import type { BenchResults } from './report';
import { type CapacityTotals, meterCapacity } from './support/capacity';
import { benchTable } from './support/ddb';
import { idempotencyKeyOf, submissionBody } from './support/fixtures';
import { round } from './support/stats';
import { WRITE_KIND_LABELS, WRITE_KINDS, WRITE_UNITS_BEFORE, type WriteKind } from './support/write-kinds';

export interface WriteUnits {
  writeUnits: number;
  readUnits: number;
  calls: number;
  byCommand: Record<string, number>;
}

export type WriteUnitsResult = Record<WriteKind, WriteUnits> & {
  /** When it was measured (the rows can be measured alone, after the rest of a run). */
  date?: string;
};

type Claims = Record<string, string | string[]>;

const event = (
  method: string,
  url: string,
  claims: Claims,
  body: unknown,
  headers: string[] = [],
): APIGatewayProxyEventV2WithJWTAuthorizer => {
  const path = url.split('?')[0]!;
  const match = matchRoute(method, path);
  if (!match) throw new Error(`${method} ${path} is not in the route manifest`);
  return buildHttpEvent({
    method,
    url,
    rawHeaders: ['host', 'api.bench.local', 'content-type', 'application/json', ...headers],
    body: Buffer.from(JSON.stringify(body)),
    sourceIp: '127.0.0.1',
    match,
    claims: claims as never,
    requestId: randomUUID(),
    now: new Date(),
  });
};

const REPORTER: Claims = {
  sub: 'units-reporter',
  'cognito:groups': ['reporter'],
  email: 'units-reporter@example.org',
  token_use: 'id',
};
const DESK: Claims = { sub: 'units-desk', 'cognito:groups': ['desk'], token_use: 'id' };
const agencyClaims = (agencyId: string): Claims => ({
  sub: 'units-agency',
  'cognito:groups': ['agency'],
  'custom:agency': agencyId,
  token_use: 'id',
});

interface Answer {
  statusCode: number;
  body: Record<string, unknown>;
}

/**
 * Measures each kind `samples` times on a fresh table of `endpoint`. `deps`
 * may be given instead (a test's own table); its client gets the meter.
 */
export const benchWriteUnits = async (
  endpoint: string,
  o: { samples?: number; deps?: Deps } = {},
): Promise<WriteUnitsResult> => {
  const samples = o.samples ?? 5;
  const deps = o.deps ?? (await benchTable(endpoint, 'units')).deps;
  const reports = reportsHandler(deps);
  const cases = casesHandler(deps);
  const meter = meterCapacity(deps.db);
  const totals: Record<WriteKind, CapacityTotals[]> = {
    plainReport: [],
    readmeReport: [],
    caseOpen: [],
    caseAssign: [],
    caseRespond: [],
    caseClose: [],
  };
  const call = async (
    kind: WriteKind,
    handler: typeof reports,
    e: APIGatewayProxyEventV2WithJWTAuthorizer,
    fn: string,
  ): Promise<Answer> => {
    meter.reset();
    const res = await handler(e, lambdaContext(fn, deps.config.region));
    totals[kind].push(meter.totals());
    const answer = res as { statusCode: number; body?: string };
    const parsed = { statusCode: answer.statusCode, body: JSON.parse(answer.body ?? '{}') };
    if (parsed.statusCode >= 300)
      throw new Error(`${WRITE_KIND_LABELS[kind]} answered ${parsed.statusCode}: ${answer.body}`);
    return parsed;
  };
  const agencyId = deps.config.agencies[0]!.id;
  const dueAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
  try {
    for (let i = 0; i < samples; i++) {
      const n = Date.now() * 10 + i;
      await call(
        'plainReport',
        reports,
        event('POST', '/reports', REPORTER, submissionBody(n, new Date(), { withUrl: false })),
        'reports',
      );
      const readme = await call(
        'readmeReport',
        reports,
        event('POST', '/reports', REPORTER, submissionBody(n + 1, new Date()), [
          'idempotency-key',
          idempotencyKeyOf(n + 1),
        ]),
        'reports',
      );
      const opened = await call(
        'caseOpen',
        cases,
        event('POST', '/cases', DESK, { reportIds: [readme.body.id] }),
        'cases',
      );
      const id = String(opened.body.id);
      const act = async (kind: WriteKind, claims: Claims, version: number, body: unknown) =>
        call(
          kind,
          cases,
          event('POST', `/cases/${id}/actions`, claims, body, ['if-match', `"${version}"`]),
          'cases',
        );
      await act('caseAssign', DESK, 1, { action: 'assign', agencyId, dueAt, note: 'Please check.' });
      await act('caseRespond', agencyClaims(agencyId), 2, {
        action: 'respond',
        finding: 'The drain was blocked; cleared on Tuesday.',
        response: 'The drain on this street was cleared; the flooding should not recur.',
      });
      await act('caseClose', DESK, 3, { action: 'close', outcome: 'resolved', note: 'Resolved.' });
    }
  } finally {
    meter.detach();
    if (!o.deps) deps.db.destroy();
  }
  const average = (ts: CapacityTotals[]): WriteUnits => {
    const n = ts.length;
    const byCommand: Record<string, number> = {};
    for (const t of ts)
      for (const [k, v] of Object.entries(t.byCommand)) byCommand[k] = (byCommand[k] ?? 0) + v / n;
    return {
      writeUnits: round(ts.reduce((a, t) => a + t.writeUnits, 0) / n, 2),
      readUnits: round(ts.reduce((a, t) => a + t.readUnits, 0) / n, 2),
      calls: round(ts.reduce((a, t) => a + t.calls, 0) / n, 2),
      byCommand: Object.fromEntries(Object.entries(byCommand).map(([k, v]) => [k, round(v, 2)])),
    };
  };
  return {
    ...(Object.fromEntries(WRITE_KINDS.map((k) => [k, average(totals[k])])) as Record<WriteKind, WriteUnits>),
    date: new Date().toISOString(),
  };
};

// `npx tsx test/bench/write-units.bench.ts`: these rows alone, on their own DynamoDB Local,
// written into results/latest.json beside the others, and BENCHMARKS.md rendered again.
if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const { startBenchDynamo } = await import('./support/ddb');
  const { renderMarkdown } = await import('./report');
  const { PROJECT_ROOT } = await import('./support/bundle');
  const ddb = await startBenchDynamo();
  let result: WriteUnitsResult;
  try {
    result = await benchWriteUnits(ddb.endpoint);
  } finally {
    await ddb.stop();
  }
  for (const k of WRITE_KINDS)
    console.log(
      `${WRITE_KIND_LABELS[k]}: ${WRITE_UNITS_BEFORE[k]} → ${result[k].writeUnits} WRU (${JSON.stringify(result[k].byCommand)})`,
    );
  const file = join(PROJECT_ROOT, 'test/bench/results/latest.json');
  const saved = JSON.parse(await readFile(file, 'utf8')) as BenchResults;
  saved.writeUnits = result;
  delete saved.failures.writeUnits;
  await writeFile(file, `${JSON.stringify(saved, null, 2)}\n`);
  await writeFile(join(PROJECT_ROOT, 'BENCHMARKS.md'), renderMarkdown(saved));
  console.log('wrote test/bench/results/latest.json and BENCHMARKS.md');
  process.exit(0);
}
