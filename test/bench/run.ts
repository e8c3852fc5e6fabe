// `npm run bench`: every row of the performance issue with its baseline, in
// one run, bounded to under 10 minutes on a 2-core machine. Starts its own
// DynamoDB Local (in memory, on a free port) and stops it at the end. Writes
// test/bench/results/latest.json and regenerates BENCHMARKS.md.
//
// BENCH_BUDGET_S (default 570) bounds the run; BENCH_QUICK=1 runs everything
// at small sizes to check the harness (results/quick.json only, BENCHMARKS.md
// untouched); `--render-only` regenerates BENCHMARKS.md from latest.json.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { benchColdStart } from './cold-start.bench';
import { benchConsole } from './console.bench';
import { benchContention } from './contention.bench';
import { benchDailySummary } from './daily-summary.bench';
import { benchFileClean } from './file-clean.bench';
import { benchHttp } from './http.bench';
import { type BenchResults, mainTable, renderMarkdown, rowsOf } from './report';
import { benchSearch } from './search.bench';
import { benchSimilar } from './similar.bench';
import { benchSimilarity } from './similarity.bench';
import { benchSubmit } from './submit.bench';
import { bundleAll, measureFilesLayer, PROJECT_ROOT } from './support/bundle';
import { startBenchDynamo } from './support/ddb';
import { round } from './support/stats';
import { benchWriteUnits } from './write-units.bench';

// `tsx test/bench/run.ts --render-only`: BENCHMARKS.md again from latest.json (after editing report.ts).
if (process.argv.includes('--render-only')) {
  const file = join(PROJECT_ROOT, 'test/bench/results/latest.json');
  const saved = JSON.parse(await readFile(file, 'utf8')) as BenchResults;
  await writeFile(join(PROJECT_ROOT, 'BENCHMARKS.md'), renderMarkdown(saved));
  console.log(mainTable(rowsOf(saved)));
  process.exit(0);
}

const started = Date.now();
const quick = process.env.BENCH_QUICK === '1';
const budgetS = Number(process.env.BENCH_BUDGET_S ?? 570);
const deadline = started + budgetS * 1000;
const log = (line: string) => console.log(`[${Math.round((Date.now() - started) / 1000)}s] ${line}`);
const load = () => loadavg().map((x) => round(x, 2));

const cpuList = cpus();
const results: BenchResults = {
  meta: {
    command: `${quick ? 'BENCH_QUICK=1 ' : ''}npm run bench`,
    date: new Date(started).toISOString(),
    node: process.version,
    os: `${type()} ${release()} (${process.arch})`,
    cpus: cpuList[0]
      ? `${cpuList[0].model.trim()}${cpuList[0].speed ? ` @ ${cpuList[0].speed} MHz` : ''}`
      : 'unknown',
    cpuCount: cpuList.length,
    totalMemoryGb: round(totalmem() / 1024 ** 3, 1),
    loadAverageStart: load(),
    loadAverageEnd: [],
    durationS: 0,
    budgetS,
    quick,
  },
  failures: {},
};

const ddb = await startBenchDynamo();
const workDir = await mkdtemp(join(tmpdir(), 'opinion-desk-bench-'));
let stopping = false;
const stopAll = async () => {
  if (stopping) return;
  stopping = true;
  await ddb.stop();
  await rm(workDir, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}
log(`DynamoDB Local at ${ddb.endpoint}; budget ${budgetS} s${quick ? ' (quick)' : ''}`);

const step = async <K extends keyof Omit<BenchResults, 'meta' | 'failures'>>(
  key: K,
  fn: () => Promise<NonNullable<BenchResults[K]>>,
) => {
  const t0 = Date.now();
  log(`${key}…`);
  try {
    results[key] = await fn();
    log(`${key} done in ${Math.round((Date.now() - t0) / 1000)} s`);
  } catch (err) {
    results.failures[key] = err instanceof Error ? (err.stack ?? err.message) : String(err);
    log(`${key} FAILED: ${results.failures[key]}`);
  }
};

try {
  await step('bundles', () => bundleAll());
  await step('layers', async () => [await measureFilesLayer()]);
  // Pure CPU, a second: the quality of the similar-text hints on the labelled set (prints its curve).
  await step('similarity', async () => benchSimilarity(log));
  // Pure CPU, about a minute: cleaning a phone photo, a screenshot and a PDF (fresh processes).
  await step('fileClean', () => benchFileClean({ quick, runs: quick ? 2 : 7, log }));
  await step('coldStart', () => benchColdStart(ddb.endpoint, quick ? 2 : 5));
  await step('submit', () =>
    benchSubmit(ddb.endpoint, quick ? { rounds: 2, perRound: 50, warmup: 20 } : { rounds: 6, perRound: 100 }),
  );
  await step('writeUnits', () => benchWriteUnits(ddb.endpoint, { samples: quick ? 1 : 5 }));
  await step('similar', () =>
    benchSimilar(ddb.endpoint, quick ? { perDay: 100, samples: 4, log } : { perDay: 2000, log }),
  );
  await step('http', () =>
    benchHttp(
      ddb.endpoint,
      quick ? { durationMs: 2000, warmupMs: 500 } : { durationMs: 6000, warmupMs: 1500 },
    ),
  );
  await step('contention', () => benchContention(ddb.endpoint));
  await step('console', () =>
    benchConsole(ddb.endpoint, { ...(quick ? { loadRuns: 2, roundTripRuns: 3 } : {}), log }),
  );
  // Seeding a 100,000-report year takes DynamoDB Local many minutes: the run seeds 10,000 unless
  // BENCH_SEARCH_DATA_DIR names a directory seeded before (`npx tsx test/bench/search.bench.ts 100000 15 <dir>`).
  await step('search', () =>
    process.env.BENCH_SEARCH_DATA_DIR
      ? benchSearch({ reports: 100_000, dataDir: process.env.BENCH_SEARCH_DATA_DIR, log })
      : benchSearch({ endpoint: ddb.endpoint, reports: quick ? 2000 : 10_000, runs: quick ? 3 : 15, log }),
  );
  await step('dailySummary', () =>
    benchDailySummary({
      endpoint: ddb.endpoint,
      workDir,
      // Leave time to stop DynamoDB Local and write the results.
      deadline: deadline - 15_000,
      ...(quick ? { reportsPerDay: 1000, bigDayReports: 5000, otherReports: 20_000 } : {}),
      log,
    }),
  );
} finally {
  await stopAll();
}

results.meta.loadAverageEnd = load();
results.meta.durationS = Math.round((Date.now() - started) / 1000);
const resultsDir = join(PROJECT_ROOT, 'test/bench/results');
await mkdir(resultsDir, { recursive: true });
await writeFile(
  join(resultsDir, quick ? 'quick.json' : 'latest.json'),
  `${JSON.stringify(results, null, 2)}\n`,
);
if (!quick) await writeFile(join(PROJECT_ROOT, 'BENCHMARKS.md'), renderMarkdown(results));
console.log('');
console.log(mainTable(rowsOf(results)));
console.log('');
log(
  `wrote test/bench/results/${quick ? 'quick.json' : 'latest.json'}${quick ? '' : ' and BENCHMARKS.md'} in ${results.meta.durationS} s`,
);
process.exit(0);
