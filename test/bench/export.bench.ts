// What a CSV export costs (issue 18 §6): a year of reports (`perDay` × 365 on
// DynamoDB Local) exported through the handler of GET /reports.csv, part
// after part (export.maxRowsPerPart, default 5 000), following X-Export-Next:
// each part's time, rows, bytes and list pages, the heap after each part, and
// that the parts join to every report once. Run alone:
// `npx tsx test/bench/export.bench.ts [perDay]` (it prints; it writes nothing).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localDay } from '#domain/time';
import { createHandler as reportsHandler } from '#functions/http/reports';
import { lambdaContext } from '#infra/local/server';
import { benchTable } from './support/ddb';
import { seedReports } from './support/seed';
import { round } from './support/stats';

export interface ExportBenchResult {
  reports: number;
  seedSeconds: number;
  parts: number;
  rows: number;
  totalSeconds: number;
  partMs: { median: number; max: number };
  maxPartBytes: number;
  maxHeapMB: number;
}

const getEvent = (query: Record<string, string>) => ({
  version: '2.0',
  routeKey: 'GET /reports.csv',
  rawPath: '/reports.csv',
  rawQueryString: new URLSearchParams(query).toString(),
  headers: {},
  queryStringParameters: query,
  requestContext: {
    requestId: 'bench',
    routeKey: 'GET /reports.csv',
    http: { method: 'GET', path: '/reports.csv', sourceIp: '127.0.0.1' },
    authorizer: { jwt: { claims: { sub: 'desk-bench', 'cognito:groups': '[desk]', token_use: 'id' } } },
  },
  isBase64Encoded: false,
});

export const benchExport = async (
  endpoint: string,
  o: { perDay?: number; log?: (s: string) => void } = {},
): Promise<ExportBenchResult> => {
  const perDay = o.perDay ?? 275;
  const { deps, tableName } = await benchTable(endpoint, 'export');
  const now = Date.now();
  const days = Array.from(
    { length: 365 },
    (_, i) => [localDay(new Date(now - (i + 1) * 86_400_000), deps.config.timeZone), perDay] as const,
  );
  const t0 = Date.now();
  const reports = await seedReports({ db: deps.db, tableName, config: deps.config, days, concurrency: 4 });
  const seedSeconds = round((Date.now() - t0) / 1000, 1);
  o.log?.(`export: seeded ${reports} reports in ${seedSeconds} s`);
  const handler = reportsHandler(deps);
  const times: number[] = [];
  let rows = 0;
  let maxPartBytes = 0;
  let maxHeap = 0;
  const ids = new Set<string>();
  let cursor: string | undefined;
  const started = performance.now();
  try {
    for (;;) {
      const t = performance.now();
      const res = (await handler(
        getEvent(cursor ? { cursor } : {}) as never,
        lambdaContext('reports', deps.config.region),
      )) as { statusCode: number; body: string; headers: Record<string, string> };
      times.push(performance.now() - t);
      if (res.statusCode !== 200) throw new Error(`GET /reports.csv answered ${res.statusCode}: ${res.body}`);
      rows += Number(res.headers['x-export-rows']);
      maxPartBytes = Math.max(maxPartBytes, Buffer.byteLength(res.body));
      for (const line of res.body.split('\r\n').slice(cursor ? 0 : 1)) if (line) ids.add(line.slice(0, 26));
      maxHeap = Math.max(maxHeap, process.memoryUsage().heapUsed);
      o.log?.(
        `export: part ${times.length}, ${res.headers['x-export-rows']} rows, ${Math.round(times.at(-1)!)} ms`,
      );
      cursor = res.headers['x-export-next'];
      if (!cursor) break;
    }
  } finally {
    deps.db.destroy();
  }
  if (rows !== reports || ids.size !== reports)
    throw new Error(`exported ${rows} rows (${ids.size} ids) of ${reports}`);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    reports,
    seedSeconds,
    parts: times.length,
    rows,
    totalSeconds: round((performance.now() - started) / 1000, 1),
    partMs: { median: round(sorted[Math.floor(sorted.length / 2)]!, 0), max: round(sorted.at(-1)!, 0) },
    maxPartBytes,
    maxHeapMB: round(maxHeap / 1048576, 0),
  };
};

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const { startBenchDynamo } = await import('./support/ddb');
  const ddb = await startBenchDynamo();
  try {
    console.log(
      JSON.stringify(
        await benchExport(ddb.endpoint, { perDay: Number(process.argv[2] ?? 275), log: console.log }),
        null,
        2,
      ),
    );
  } finally {
    await ddb.stop();
  }
  process.exit(0);
}
