// Small statistics for the benchmarks: medians and nearest-rank percentiles,
// rounded for the report.

/** Nearest-rank percentile (p in 0..100) of `xs`; NaN for no samples. */
export const percentile = (xs: readonly number[], p: number): number => {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
};

export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** `x` rounded to `digits` decimals (a number, for JSON). */
export const round = (x: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export interface LatencySummary {
  samples: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

export const latencySummary = (xs: readonly number[]): LatencySummary => ({
  samples: xs.length,
  p50Ms: round(percentile(xs, 50)),
  p90Ms: round(percentile(xs, 90)),
  p99Ms: round(percentile(xs, 99)),
  maxMs: round(Math.max(...xs)),
});
