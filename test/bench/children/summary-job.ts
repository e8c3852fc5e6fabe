// Child process of the benchmarks: one run of the daily-summary job, in a fresh
// Node process, as the scheduled Lambda runs it once a day. Bundled with the
// Lambda's esbuild options before it is started. Prints one JSON line: the
// job's time, the process's peak RSS and the capacity the job consumed.
import { run } from '#functions/jobs/daily-summary';
import { meterCapacity } from '#test/bench/support/capacity';
import { benchDeps } from '#test/bench/support/settings';

interface Args {
  endpoint: string;
  tableName: string;
  date: string;
  now: string;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const now = new Date(args.now);
const loadedMs = performance.now();
const deps = benchDeps(args.endpoint, args.tableName, { clock: () => now });
const meter = meterCapacity(deps.db);
const t0 = performance.now();
const result = await run(deps, { now, date: args.date, force: true });
const ms = performance.now() - t0;
console.log(
  `BENCH ${JSON.stringify({
    ms,
    loadedMs,
    reports: result.reports,
    sent: result.sent,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    capacity: meter.totals(),
  })}`,
);
process.exit(0);
