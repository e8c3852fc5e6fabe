// What similar reports cost one submission (issue 17, §1): the extra write and
// read units (ReturnConsumedCapacity INDEXES, support/capacity.ts), the calls
// and the time, on a table seeded with `days` × `perDay` reports inside the
// similarity window (their report items and band items, as submissions leave
// them), of which one in `similarEvery` repeats one of a few claims. Then
// `samples` submissions through the HTTP handler: half a new claim, half a
// paraphrase of a seeded one (found as similarText).
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bandKeys, fingerprint, reportText } from '#domain/similarity';
import { createHandler as reportsHandler } from '#functions/http/reports';
import { lambdaContext } from '#infra/local/server';
import { batchWriteAll, putRequests } from '#store/batch-write';
import { toReportItem } from '#store/reports';
import { bandItems } from '#store/similar';
import { CLAIMS, distinctText } from '#test/support/similar-claims';
import { meterCapacity } from './support/capacity';
import { benchTable } from './support/ddb';
import { postReportEvent } from './support/fixtures';
import { round } from './support/stats';

export interface SimilarCost {
  writeUnits: number;
  readUnits: number;
  calls: number;
  hints: number;
  ms: number;
  byCommand: Record<string, number>;
}

export interface SimilarBenchResult {
  date: string;
  windowDays: number;
  bands: number;
  rows: number;
  seededReports: number;
  seededSimilar: number;
  seedSeconds: number;
  /** A submission whose text no seeded report shares. */
  newClaim: SimilarCost;
  /** A paraphrase of a claim seeded `perDay × days / similarEvery / claims` times. */
  paraphrase: SimilarCost;
}

const body = (text: { title: string; summary: string }, now: Date) =>
  JSON.stringify({
    ...text,
    category: 'transport',
    area: 'binh-thanh',
    channel: 'social',
    sentiment: 'negative',
    urgency: 'high',
    sourceUrls: [`https://social.example.com/post/${randomUUID()}`],
    observedAt: new Date(now.getTime() - 60_000).toISOString(),
  });

export const benchSimilar = async (
  endpoint: string,
  o: {
    days?: number;
    perDay?: number;
    similarEvery?: number;
    samples?: number;
    log?: (s: string) => void;
  } = {},
): Promise<SimilarBenchResult> => {
  const days = o.days ?? 7;
  const perDay = o.perDay ?? 2000;
  const similarEvery = o.similarEvery ?? 20;
  const samples = o.samples ?? 20;
  const { deps } = await benchTable(endpoint, 'similar');
  const claims = Object.values(CLAIMS).map((c) => c.claim);
  const now = Date.now();
  const t0 = Date.now();
  let seededSimilar = 0;
  const items: Record<string, unknown>[] = [];
  const flush = async () => {
    const chunk = items.splice(0, items.length);
    const parallel = 8;
    const per = Math.ceil(chunk.length / parallel);
    await Promise.all(
      Array.from({ length: parallel }, (_, i) =>
        batchWriteAll(deps, putRequests(chunk.slice(i * per, (i + 1) * per))),
      ),
    );
  };
  for (let i = 0; i < days * perDay; i++) {
    // spread over the window, newest last
    const at = new Date(now - (days * 86_400_000 * (days * perDay - i)) / (days * perDay) + 60_000);
    const similar = i % similarEvery === 0;
    if (similar) seededSimilar++;
    const text = similar ? claims[(i / similarEvery) % claims.length]! : distinctText(1_000_000 + i);
    const id = `01S${String(i).padStart(23, '0')}`;
    const report = {
      id,
      ...text,
      category: 'transport',
      area: 'binh-thanh',
      channel: 'social' as const,
      sentiment: 'negative' as const,
      urgency: 'high' as const,
      sourceUrls: [],
      observedAt: at.toISOString(),
      status: 'new' as const,
      caseId: null,
      similarityGroup: id,
      submittedBy: 'bench-seed',
      submittedAt: at.toISOString(),
      updatedAt: at.toISOString(),
      version: 1,
    };
    items.push(toReportItem(report, { urlHashes: [] }));
    items.push(...bandItems(deps, report, bandKeys(fingerprint(reportText(text)), deps.config.similarity)));
    if (items.length >= 2000) await flush();
    if (i > 0 && i % 2000 === 0) o.log?.(`similar: seeded ${i} reports`);
  }
  await flush();
  const seedSeconds = round((Date.now() - t0) / 1000, 1);

  const handler = reportsHandler(deps);
  const meter = meterCapacity(deps.db);
  const measure = async (texts: { title: string; summary: string }[]): Promise<SimilarCost> => {
    const runs: SimilarCost[] = [];
    for (const text of texts) {
      meter.reset();
      const started = performance.now();
      const res = (await handler(
        postReportEvent(body(text, new Date()), `sim-bench-${randomUUID()}`),
        lambdaContext('reports', deps.config.region),
      )) as { statusCode: number; body: string };
      const ms = performance.now() - started;
      if (res.statusCode !== 201) throw new Error(`POST /reports answered ${res.statusCode}: ${res.body}`);
      const t = meter.totals();
      runs.push({
        writeUnits: t.writeUnits,
        readUnits: t.readUnits,
        calls: t.calls,
        hints: (JSON.parse(res.body) as { possibleDuplicates: unknown[] }).possibleDuplicates.length,
        ms,
        byCommand: t.byCommand,
      });
    }
    const avg = (f: (c: SimilarCost) => number) => round(runs.reduce((a, c) => a + f(c), 0) / runs.length, 2);
    const byCommand: Record<string, number> = {};
    for (const r of runs)
      for (const [k, v] of Object.entries(r.byCommand))
        byCommand[k] = round((byCommand[k] ?? 0) + v / runs.length, 2);
    const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
    return {
      writeUnits: avg((c) => c.writeUnits),
      readUnits: avg((c) => c.readUnits),
      calls: avg((c) => c.calls),
      hints: avg((c) => c.hints),
      ms: round(sorted[Math.floor(sorted.length / 2)]!, 1),
      byCommand,
    };
  };
  try {
    const half = Math.max(1, Math.floor(samples / 2));
    const newClaim = await measure(Array.from({ length: half }, (_, i) => distinctText(9_000_000 + i)));
    const paraphrases = Object.values(CLAIMS).map((c) => c.paraphrase);
    const paraphrase = await measure(
      Array.from({ length: half }, (_, i) => paraphrases[i % paraphrases.length]!),
    );
    return {
      date: new Date().toISOString(),
      windowDays: deps.config.similarity.windowDays,
      bands: deps.config.similarity.bands,
      rows: deps.config.similarity.rows,
      seededReports: days * perDay,
      seededSimilar,
      seedSeconds,
      newClaim,
      paraphrase,
    };
  } finally {
    meter.detach();
    deps.db.destroy();
  }
};

// `npx tsx test/bench/similar.bench.ts [perDay]`: this row alone, on its own DynamoDB Local,
// written into results/latest.json beside the others.
if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const { startBenchDynamo } = await import('./support/ddb');
  const { PROJECT_ROOT } = await import('./support/bundle');
  const perDay = Number(process.argv[2] ?? 2000);
  const ddb = await startBenchDynamo();
  let result: SimilarBenchResult;
  try {
    result = await benchSimilar(ddb.endpoint, { perDay, log: console.log });
  } finally {
    await ddb.stop();
  }
  console.log(JSON.stringify(result, null, 2));
  const file = join(PROJECT_ROOT, 'test/bench/results/latest.json');
  const saved = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  saved.similar = result;
  await writeFile(file, `${JSON.stringify(saved, null, 2)}\n`);
  console.log('wrote test/bench/results/latest.json (similar)');
  process.exit(0);
}
