// The quality of the similar-text hints on the labelled set
// (test/fixtures/similarity/pairs.json) and the cost of fingerprinting a
// submission. A pair counts as a hint only when it is BOTH an LSH candidate
// (shares a band key at the configured bands × rows) AND its exact score
// reaches the threshold, as at submission. Pure CPU, no DynamoDB:
// `npx tsx test/bench/similarity.bench.ts` runs this row alone (prints the
// curve, the variants and the LSH table, and writes the row into
// results/latest.json and BENCHMARKS.md). docs/similarity.md reads the figures.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  bandKeys,
  DEFAULT_VARIANT,
  fingerprint,
  reportText,
  type SimilarityVariant,
  similarityScore,
  type TextFingerprint,
} from '#domain/similarity';
import { common } from '#infra/config/common';
import { type LabelledPair, loadPairs } from '#test/fixtures/similarity/pairs';
import { median, round } from './support/stats';

export interface PrPoint {
  threshold: number;
  precision: number;
  recall: number;
  hints: number;
}

export interface VariantRow {
  name: string;
  /** The threshold with the best recall at precision ≥ 0.9 (or the best F1 if none reaches it). */
  threshold: number;
  precision: number;
  recall: number;
  /** Hints among pairs labelled NOT the same, by kind, at the configured threshold. */
  falseHints: Record<string, number>;
  /** Precision and recall at the configured threshold. */
  atConfigured: { precision: number; recall: number };
}

export interface LshRow {
  bands: number;
  rows: number;
  /** Write units per submission for the band items (one per band). */
  writeUnits: number;
  /** Share of the same-claim pairs that are candidates. */
  candidateRecall: number;
  /** Share of the not-same pairs that are candidates (exact scores computed for nothing). */
  candidateRateNegatives: number;
}

export interface SimilarityResult {
  date: string;
  pairs: number;
  samePairs: number;
  byLanguage: Record<string, number>;
  config: { threshold: number; bands: number; rows: number };
  curve: PrPoint[];
  atThreshold: {
    precision: number;
    recall: number;
    byLanguage: Record<string, { precision: number; recall: number }>;
  };
  candidateRecall: number;
  variants: VariantRow[];
  lsh: LshRow[];
  /** fingerprint + bandKeys of a 5,000-character text, median of `runs`. */
  fingerprintMs: number;
  runs: number;
}

const VARIANTS: Array<[string, SimilarityVariant]> = [
  [
    'chosen: single syllables, max(marked, 0.85 × folded), × 0.7 per word differing only by marks',
    DEFAULT_VARIANT,
  ],
  ['no penalty for words differing only by marks', { ...DEFAULT_VARIANT, markConflict: 0 }],
  ['× 0.5 per word differing only by marks', { ...DEFAULT_VARIANT, markConflict: 0.5 }],
  ['marked shingles only', { ...DEFAULT_VARIANT, marks: 'marked' }],
  ['folded shingles only', { ...DEFAULT_VARIANT, marks: 'folded' }],
  [
    'marks trusted when both texts carry them, folded otherwise',
    { ...DEFAULT_VARIANT, marks: 'trusted', foldedWeight: 1 },
  ],
  ['max(marked, 1 × folded)', { ...DEFAULT_VARIANT, marks: 'max', foldedWeight: 1 }],
  ['trusted, folded weighted 0.85', { ...DEFAULT_VARIANT, marks: 'trusted' }],
  ['max(marked, 0.7 × folded)', { ...DEFAULT_VARIANT, foldedWeight: 0.7 }],
  ['2-syllable shingles', { ...DEFAULT_VARIANT, shingle: 2 }],
  ['3-syllable shingles', { ...DEFAULT_VARIANT, shingle: 3 }],
  ['English stop words kept', { ...DEFAULT_VARIANT, stopWords: false }],
  ['abbreviations not expanded', { ...DEFAULT_VARIANT, abbreviations: false }],
  ['links kept in the text', { ...DEFAULT_VARIANT, dropLinks: false }],
  [
    'the first version as committed (marked+folded max 0.85, no stop words, abbreviations or link removal)',
    {
      shingle: 2,
      marks: 'max',
      foldedWeight: 0.85,
      stopWords: false,
      abbreviations: false,
      dropLinks: false,
      markConflict: 0,
    },
  ],
];

const LSH_OPTIONS: Array<[number, number]> = [
  [4, 1],
  [6, 1],
  [8, 1],
  [12, 1],
  [4, 2],
  [8, 2],
  [12, 2],
  [16, 2],
  [16, 4],
];

const THRESHOLDS = Array.from({ length: 31 }, (_, i) => round(0.1 + i * 0.02, 2));

interface Scored {
  pair: LabelledPair;
  score: number;
  fa: TextFingerprint;
  fb: TextFingerprint;
}

const score = (pairs: LabelledPair[], v: SimilarityVariant): Scored[] =>
  pairs.map((pair) => {
    const fa = fingerprint(reportText(pair.a), v);
    const fb = fingerprint(reportText(pair.b), v);
    return { pair, score: similarityScore(fa, fb, v), fa, fb };
  });

const candidate = (s: Scored, bands: number, rows: number): boolean => {
  const ka = new Set(bandKeys(s.fa, { bands, rows }));
  return bandKeys(s.fb, { bands, rows }).some((k) => ka.has(k));
};

const pr = (scored: Scored[], isCandidate: boolean[], t: number): PrPoint => {
  let tp = 0;
  let fp = 0;
  let same = 0;
  scored.forEach((s, i) => {
    const hint = isCandidate[i]! && s.score >= t;
    if (s.pair.same) same++;
    if (hint && s.pair.same) tp++;
    if (hint && !s.pair.same) fp++;
  });
  return {
    threshold: t,
    precision: tp + fp === 0 ? 1 : round(tp / (tp + fp), 3),
    recall: same === 0 ? 1 : round(tp / same, 3),
    hints: tp + fp,
  };
};

/** Best recall with precision ≥ 0.9; if none, the best F1. */
const pick = (curve: PrPoint[]): PrPoint => {
  const ok = curve.filter((p) => p.precision >= 0.9 && p.hints > 0);
  if (ok.length > 0) return ok.reduce((a, b) => (b.recall > a.recall ? b : a));
  const f1 = (p: PrPoint) => (2 * p.precision * p.recall) / (p.precision + p.recall || 1);
  return curve.reduce((a, b) => (f1(b) > f1(a) ? b : a));
};

export const benchSimilarity = (log: (line: string) => void = () => {}): SimilarityResult => {
  const pairs = loadPairs();
  const { threshold, bands, rows } = common.similarity;

  const variants: VariantRow[] = VARIANTS.map(([name, v]) => {
    const scored = score(pairs, v);
    const cand = scored.map((s) => candidate(s, bands, rows));
    const best = pick(THRESHOLDS.map((t) => pr(scored, cand, t)));
    const at = pr(scored, cand, threshold);
    const falseHints: Record<string, number> = {};
    scored.forEach((s, i) => {
      if (!s.pair.same && cand[i] && s.score >= threshold)
        falseHints[s.pair.kind] = (falseHints[s.pair.kind] ?? 0) + 1;
    });
    return {
      name,
      threshold: best.threshold,
      precision: best.precision,
      recall: best.recall,
      falseHints,
      atConfigured: { precision: at.precision, recall: at.recall },
    };
  });

  const chosen = score(pairs, DEFAULT_VARIANT);
  const cand = chosen.map((s) => candidate(s, bands, rows));
  const curve = THRESHOLDS.map((t) => pr(chosen, cand, t));
  const at = pr(chosen, cand, threshold);
  const byLanguage: SimilarityResult['atThreshold']['byLanguage'] = {};
  for (const lang of ['vi', 'en']) {
    const idx = chosen.map((s, i) => (s.pair.lang === lang ? i : -1)).filter((i) => i >= 0);
    const p = pr(
      idx.map((i) => chosen[i]!),
      idx.map((i) => cand[i]!),
      threshold,
    );
    byLanguage[lang] = { precision: p.precision, recall: p.recall };
  }
  const samePairs = chosen.filter((s) => s.pair.same);
  const negatives = chosen.filter((s) => !s.pair.same);
  const lsh: LshRow[] = LSH_OPTIONS.map(([b, r]) => ({
    bands: b,
    rows: r,
    writeUnits: b,
    candidateRecall: round(samePairs.filter((s) => candidate(s, b, r)).length / samePairs.length, 3),
    candidateRateNegatives: round(negatives.filter((s) => candidate(s, b, r)).length / negatives.length, 3),
  }));

  // A 5,000-character report text: the set's summaries one after another.
  let long = '';
  for (const p of pairs) {
    if (long.length >= 5000) break;
    long += ` ${p.a.summary}`;
  }
  long = long.slice(0, 5000);
  const samples: number[] = [];
  const runs = 200;
  for (let i = 0; i < runs + 20; i++) {
    const t0 = performance.now();
    bandKeys(fingerprint(long), { bands, rows });
    if (i >= 20) samples.push(performance.now() - t0);
  }

  const result: SimilarityResult = {
    date: new Date().toISOString(),
    pairs: pairs.length,
    samePairs: samePairs.length,
    byLanguage: {
      vi: pairs.filter((p) => p.lang === 'vi').length,
      en: pairs.filter((p) => p.lang === 'en').length,
    },
    config: { threshold, bands, rows },
    curve,
    atThreshold: { precision: at.precision, recall: at.recall, byLanguage },
    candidateRecall:
      lsh.find((l) => l.bands === bands && l.rows === rows)?.candidateRecall ??
      round(samePairs.filter((s) => candidate(s, bands, rows)).length / samePairs.length, 3),
    variants,
    lsh,
    fingerprintMs: round(median(samples), 3),
    runs,
  };
  for (const line of printSimilarity(result)) log(line);
  return result;
};

/** The figures as text: the curve, the chosen point, the variants, the LSH options. */
export const printSimilarity = (r: SimilarityResult): string[] => [
  `${r.pairs} labelled pairs (${r.byLanguage.vi} vi, ${r.byLanguage.en} en; ${r.samePairs} the same claim); hint = LSH candidate at ${r.config.bands} bands × ${r.config.rows} rows AND score ≥ threshold`,
  'threshold  precision  recall  hints',
  ...r.curve.map(
    (p) =>
      `${p.threshold.toFixed(2).padStart(9)}  ${p.precision.toFixed(3).padStart(9)}  ${p.recall.toFixed(3).padStart(6)}  ${String(p.hints).padStart(5)}${p.threshold === r.config.threshold ? '  ← configured' : ''}`,
  ),
  `at the configured threshold ${r.config.threshold}: precision ${r.atThreshold.precision}, recall ${r.atThreshold.recall} (vi ${r.atThreshold.byLanguage.vi?.precision}/${r.atThreshold.byLanguage.vi?.recall}, en ${r.atThreshold.byLanguage.en?.precision}/${r.atThreshold.byLanguage.en?.recall}); LSH candidate recall ${r.candidateRecall}`,
  `variants: at the configured threshold ${r.config.threshold} (precision / recall, false hints by kind); at their own best threshold (best recall with precision ≥ 0.9):`,
  ...r.variants.map(
    (v) =>
      `  ${v.name}: ${v.atConfigured.precision} / ${v.atConfigured.recall} ${JSON.stringify(v.falseHints)}; best t ${v.threshold}: ${v.precision} / ${v.recall}`,
  ),
  'bands × rows: write units per submission, candidate recall (same claim), candidate rate (not same):',
  ...r.lsh.map(
    (l) => `  ${l.bands} × ${l.rows}: ${l.writeUnits} WRU, ${l.candidateRecall}, ${l.candidateRateNegatives}`,
  ),
  `fingerprint + bandKeys of a 5,000-character text: median ${r.fingerprintMs} ms (${r.runs} runs)`,
];

// `npx tsx test/bench/similarity.bench.ts`: this row alone, written into results/latest.json and BENCHMARKS.md.
if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const result = benchSimilarity(console.log);
  if (!process.argv.includes('--print-only')) {
    const { renderMarkdown } = await import('./report');
    const { PROJECT_ROOT } = await import('./support/bundle');
    const file = join(PROJECT_ROOT, 'test/bench/results/latest.json');
    const saved = JSON.parse(await readFile(file, 'utf8'));
    saved.similarity = result;
    delete saved.failures?.similarity;
    await writeFile(file, `${JSON.stringify(saved, null, 2)}\n`);
    await writeFile(join(PROJECT_ROOT, 'BENCHMARKS.md'), renderMarkdown(saved));
    console.log('wrote test/bench/results/latest.json and BENCHMARKS.md');
  }
  process.exit(0);
}
