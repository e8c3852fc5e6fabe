// Search by words (issue 18, §5) at volume: a year of `reports` reports on
// DynamoDB Local, each with its posting items, as a submission leaves them
// (toReportItem, reportPostings and postingItems: the app's own functions),
// their text the labelled Vietnamese corpus of test/fixtures/similarity
// (with and without marks) with a number added. Then typical desk queries
// through the service function GET /reports calls (browseReports), each run
// `runs` times: median and p95 latency, results on the first page, calls.
//
// Run through `npm run bench` (test/bench/run.ts); alone:
// `npx tsx test/bench/search.bench.ts [reports] [runs] [dataDir]`. With a
// dataDir, DynamoDB Local keeps its data there and a second run with the
// same arguments reuses the seeded table (seeding 100,000 reports and their
// ~3.5 million postings takes minutes).
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { Principal } from '#domain/principal';
import { CHANNELS, type Report, URGENCIES } from '#domain/report';
import { queryTerms } from '#domain/search';
import { startDynamoDbLocal } from '#infra/local/dynamodb';
import { freePort } from '#infra/local/ports';
import { ensureTable } from '#infra/local/table';
import { browseReports } from '#service/reports';
import { createDeps, type Deps } from '#shared/deps';
import { toReportItem } from '#store/reports';
import { postingItems, reportPostings } from '#store/search';
import { meterCapacity } from './support/capacity';
import { benchDeps, benchSettings, noMail } from './support/settings';
import { median, round } from './support/stats';

export interface SearchQueryResult {
  name: string;
  query: Record<string, string>;
  medianMs: number;
  p95Ms: number;
  /** Results on the first page (limit 25). */
  results: number;
  /** DynamoDB calls of one run. */
  calls: number;
  /** Read units of one run (on-demand read request units). */
  readUnits: number;
}

export interface SearchBenchResult {
  date: string;
  reports: number;
  postings: number;
  seedSeconds: number;
  /** Whether the table was seeded by an earlier run (dataDir). */
  reused: boolean;
  queries: SearchQueryResult[];
}

const NOW = new Date('2026-11-26T03:00:00.000Z');
const desk: Principal = { sub: 'bench-desk', roles: ['desk'] };
const FIXTURES = resolve(import.meta.dirname, '../fixtures/similarity/pairs.json');

interface Text {
  title: string;
  summary: string;
}

const corpus = async (): Promise<Text[]> => {
  const pairs = JSON.parse(await readFile(FIXTURES, 'utf8')) as { a: Text; b: Text }[];
  return pairs.flatMap((p) => [p.a, p.b]);
};

/** The `i`-th of `n` reports, spread over the year before NOW; 1 in 50 dismissed, 1 in 5 linked. */
const reportOf = (texts: Text[], config: Deps['config'], i: number, n: number): Report => {
  const at = new Date(NOW.getTime() - Math.floor(((n - i) / n) * 364 * 86_400_000)).toISOString();
  const text = texts[(i * 7919) % texts.length]!;
  return {
    id: ulid(new Date(at).getTime()),
    title: text.title,
    summary: `${text.summary} (#${i % 997})`,
    category: config.categories[i % config.categories.length]!.id,
    area: config.areas[i % config.areas.length]!.id,
    channel: CHANNELS[i % CHANNELS.length]!,
    sentiment: 'negative',
    urgency: URGENCIES[i % 3]!,
    sourceUrls: [],
    observedAt: at,
    status: i % 50 === 0 ? 'dismissed' : i % 5 === 0 ? 'linked' : 'new',
    caseId: null,
    submittedBy: `reporter-${i % 200}`,
    submittedAt: at,
    updatedAt: at,
    version: 1,
  };
};

const writeAll = async (db: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]) => {
  for (let k = 0; k < items.length; k += 25) {
    let request: unknown[] | undefined = items.slice(k, k + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; request && request.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: request as never } }));
      request = out.UnprocessedItems?.[tableName] as unknown[] | undefined;
    }
  }
};

/** Seeds the reports and their postings: blocks of 20 reports, their items in full batches of 25, 16 blocks in flight. */
const seed = async (deps: Deps, texts: Text[], n: number, log: (s: string) => void): Promise<number> => {
  const BLOCK = 20;
  let next = 0;
  let postings = 0;
  let done = 0;
  const worker = async () => {
    for (;;) {
      const from = next;
      next += BLOCK;
      if (from >= n) return;
      const items: Record<string, unknown>[] = [];
      for (let i = from; i < Math.min(from + BLOCK, n); i++) {
        const r = reportOf(texts, deps.config, i, n);
        const p = reportPostings(r);
        items.push(...postingItems('R', p.doc, p.terms), toReportItem(r, { urlHashes: [] }));
        postings += p.terms.length;
      }
      await writeAll(deps.db, deps.tableName, items);
      const before = done;
      done += Math.min(BLOCK, n - from);
      if (Math.floor(done / 10_000) > Math.floor(before / 10_000))
        log(`  seeded ${done} reports, ${postings} postings`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return postings;
};

/** Term frequencies of the corpus as seeded (each text used about n / texts.length times). */
const termCounts = (texts: Text[], config: Deps['config'], n: number): Map<string, number> => {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const r = reportOf(texts, config, i, n);
    for (const t of reportPostings(r).terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
};

export const benchSearch = async (o: {
  endpoint?: string;
  reports?: number;
  runs?: number;
  dataDir?: string;
  log?: (s: string) => void;
}): Promise<SearchBenchResult> => {
  const n = o.reports ?? 100_000;
  const runs = o.runs ?? 15;
  const log = o.log ?? (() => {});
  const texts = await corpus();
  const local = o.endpoint
    ? undefined
    : await startDynamoDbLocal({
        port: await freePort(),
        readyTimeoutMs: 60_000,
        ...(o.dataDir ? { dbPath: o.dataDir } : {}),
      });
  const endpoint = o.endpoint ?? local!.endpoint;
  try {
    const tableName = `bench-search-${n}`;
    // Seeding keeps DynamoDB Local busy: a batch may wait long behind the others.
    const base = createDeps(benchSettings(endpoint, tableName, 120_000), { mailer: noMail });
    const markerFile = o.dataDir ? join(o.dataDir, `${tableName}.seeded`) : undefined;
    const reused = markerFile
      ? await readFile(markerFile, 'utf8').then(
          () => true,
          () => false,
        )
      : false;
    const t0 = Date.now();
    let postings = 0;
    if (!reused) {
      await ensureTable(endpoint, tableName);
      postings = await seed(base, texts, n, log);
      if (markerFile) await writeFile(markerFile, String(postings));
    } else postings = Number(await readFile(markerFile!, 'utf8'));
    const seedSeconds = round((Date.now() - t0) / 1000, 1);
    log(`search: ${n} reports, ${postings} postings (${reused ? 'reused' : `seeded in ${seedSeconds} s`})`);

    // The queries: picked from the corpus's own frequencies.
    const counts = termCounts(texts, base.config, n);
    const byCount = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const common = byCount[0]![0];
    const marked = texts
      .flatMap((t) => t.title.split(/\s+/))
      .map((w) => w.toLocaleLowerCase('vi').replace(/[^\p{L}]/gu, ''))
      .find((w) => {
        const [f] = queryTerms(w);
        return f !== undefined && f !== w && (counts.get(f) ?? 0) > n / 50;
      })!;
    const folded = queryTerms(marked)[0]!;
    const rare = byCount.find(([, c]) => c <= Math.max(2, n / 500))![0];
    const second = byCount.find(([t, c]) => t !== common && c < n / 10 && c > n / 100)![0];
    const queries: { name: string; query: Record<string, string> }[] = [
      { name: `one common word (${common}: ${counts.get(common)} reports)`, query: { q: common } },
      { name: `one rare word (${rare}: ${counts.get(rare)} reports)`, query: { q: rare } },
      { name: `two words (${common} ${second})`, query: { q: `${common} ${second}` } },
      { name: `a word typed without marks (${folded} for ${marked})`, query: { q: folded } },
      { name: `a common word + status=dismissed (1 in 50)`, query: { q: common, status: 'dismissed' } },
      { name: 'a word with no hit', query: { q: 'khongcoketqua' } },
    ];
    const deps = benchDeps(endpoint, tableName, { clock: () => NOW });
    const out: SearchQueryResult[] = [];
    for (const { name, query } of queries) {
      const meter = meterCapacity(deps.db);
      await browseReports(deps, desk, query); // warm-up, and the calls and read units of one run
      const { calls, readUnits } = meter.totals();
      meter.detach();
      const times: number[] = [];
      let results = 0;
      for (let r = 0; r < runs; r++) {
        const s = performance.now();
        const page = await browseReports(deps, desk, query);
        times.push(performance.now() - s);
        results = page.items.length;
      }
      times.sort((a, b) => a - b);
      const row = {
        name,
        query,
        medianMs: round(median(times), 1),
        p95Ms: round(times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!, 1),
        results,
        calls,
        readUnits: round(readUnits, 1),
      };
      log(
        `  ${name}: median ${row.medianMs} ms, p95 ${row.p95Ms} ms, ${results} results, ${calls} calls, ${row.readUnits} RRU`,
      );
      out.push(row);
    }
    deps.db.destroy();
    base.db.destroy();
    return { date: new Date().toISOString(), reports: n, postings, seedSeconds, reused, queries: out };
  } finally {
    await local?.stop();
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [reports, runs, dataDir] = process.argv.slice(2);
  const result = await benchSearch({
    reports: reports ? Number(reports) : undefined,
    runs: runs ? Number(runs) : undefined,
    dataDir: dataDir ? resolve(dataDir) : undefined,
    log: (s) => console.error(s),
  });
  console.log(JSON.stringify(result, null, 2));
}
