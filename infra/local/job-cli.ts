// `npm run --silent job -- <name> [--flag value] [--flag]`: runs one scheduled
// job once against the running local stack (found through <DATA_DIR>/stack.json)
// and prints one JSON line `{ "job": name, ...result }` on stdout.
import { createDeps } from '../../shared/deps';
import { localJobs, parseJobFlags } from './jobs';
import { LocalStackError } from './ports';
import { localRuntimeSettings } from './stack';
import { readStackFile } from './stack-file';

const known = () => Object.keys(localJobs).sort();
const usage = () =>
  `Usage: npm run --silent job -- <name> [flags]\nJobs: ${known().length > 0 ? known().join(', ') : '(none registered yet)'}`;

const fail = (message: string, code: number): never => {
  console.error(message);
  process.exit(code);
};

const main = async () => {
  const [name, ...rest] = process.argv.slice(2);
  if (!name || name === '--help' || name === '-h') return fail(usage(), name ? 0 : 2);
  const job = Object.hasOwn(localJobs, name) ? localJobs[name] : undefined;
  if (!job) return fail(`Unknown job "${name}".\n${usage()}`, 2);
  const { flags, positionals } = parseJobFlags(rest);
  if (positionals.length > 0) return fail(`Unexpected argument "${positionals[0]}".\n${usage()}`, 2);

  const dataDir = process.env.DATA_DIR?.trim() || '.local';
  const stack = await readStackFile(dataDir);
  const deps = createDeps(localRuntimeSettings(stack));
  try {
    const result = await job({ flags, deps });
    process.stdout.write(`${JSON.stringify({ job: name, ...result })}\n`);
  } finally {
    deps.db.destroy();
  }
};

main().catch((err: unknown) => {
  console.error(err instanceof LocalStackError ? err.message : err);
  process.exit(1);
});
