// Child process of the file-cleaning benchmark (test/bench/file-clean.bench.ts):
// cleans one file `runs` times in a fresh Node process, as the checking
// function does on a cold and then a warm container, and prints one JSON
// line: the time of each run and the process's peak RSS (before and after).
import { readFile } from 'node:fs/promises';
import type { FileType } from '#domain/files';
import { cleanUpload } from '#files/clean';

interface Args {
  file: string;
  type: FileType;
  runs: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const bytes = new Uint8Array(await readFile(args.file));
const rssBeforeMb = process.resourceUsage().maxRSS / 1024;
const times: number[] = [];
let outBytes = 0;
for (let i = 0; i < args.runs; i++) {
  const t0 = performance.now();
  const r = await cleanUpload(bytes, args.type);
  times.push(performance.now() - t0);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.refusal)}`);
  outBytes = r.file.bytes.length + (r.file.thumbnail?.length ?? 0);
}
console.log(
  `BENCH ${JSON.stringify({ times, inBytes: bytes.length, outBytes, rssBeforeMb, maxRssMb: process.resourceUsage().maxRSS / 1024 })}`,
);
process.exit(0);
