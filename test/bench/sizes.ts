// `npx tsx test/bench/sizes.ts`: measures the Lambda bundles and layers again
// (deterministic: no timing, seconds to run) into test/bench/results/latest.json
// and regenerates BENCHMARKS.md, leaving the timed results of the last
// `npm run bench` as they were. For a change that moves sizes only.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BenchResults, renderMarkdown } from './report';
import { bundleAll, kb, measureFilesLayer, PROJECT_ROOT } from './support/bundle';

const file = join(PROJECT_ROOT, 'test/bench/results/latest.json');
const saved = JSON.parse(await readFile(file, 'utf8')) as BenchResults;
const bundles = await bundleAll();
const layers = [await measureFilesLayer()];
const results: BenchResults = { ...saved, bundles, layers, sizesMeasuredAt: new Date().toISOString() };
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
await writeFile(join(PROJECT_ROOT, 'BENCHMARKS.md'), renderMarkdown(results));
for (const b of bundles) console.log(`${b.kind.padEnd(5)} ${b.name.padEnd(24)} ${kb(b.bytes).padStart(10)}`);
for (const l of layers)
  console.log(
    `layer ${l.name}: ${(l.bytes / 1e6).toFixed(1)} MB unzipped, ${(l.zipBytes / 1e6).toFixed(1)} MB zipped`,
  );
console.log('wrote test/bench/results/latest.json and BENCHMARKS.md');
