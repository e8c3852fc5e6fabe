// Benchmark: cold load of the reports handler in a fresh Node process, plus
// its first request (POST /reports against DynamoDB Local: SDK client set-up,
// first connection, the submission transaction), bundled as CDK deploys it
// and run with plain `node` plus the function's NODE_OPTIONS
// (FUNCTION_NODE_OPTIONS), against the same handler unbundled, from its
// TypeScript source under tsx.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { createHandler } from '#functions/http/reports';
import { handlerGroups } from '#functions/routes';
import { FUNCTION_NODE_OPTIONS } from '#infra/aws/constructs/function';
import { lambdaContext } from '#infra/local/server';
import type { Deps } from '#shared/deps';
import { bundleLambda, PROJECT_ROOT } from './support/bundle';
import { runChild, tsxArgs } from './support/child';
import { benchTable } from './support/ddb';
import { idempotencyKeyOf, postReportEvent, submissionBody } from './support/fixtures';
import { median, round } from './support/stats';

interface ColdSample {
  processStartToImportMs: number;
  importMs: number;
  firstRequestMs: number;
  coldMs: number;
  sinceProcessStartMs: number;
  status: number;
}

export interface ColdStartVariant {
  runs: number;
  /** Medians, ms. */
  importMs: number;
  firstRequestMs: number;
  /** import + first request: the figure the target is about. */
  coldMs: number;
  /** From the process's start (Node's own boot included) to the first response. */
  sinceProcessStartMs: number;
  samplesColdMs: number[];
}

export interface ColdStartResult {
  handler: string;
  request: string;
  /** The flags the bundle ran with: the function's NODE_OPTIONS. */
  nodeOptions: string[];
  bundled: ColdStartVariant;
  unbundled: ColdStartVariant;
  /** unbundled cold / bundled cold */
  speedup: number;
}

const summarize = (samples: ColdSample[]): ColdStartVariant => ({
  runs: samples.length,
  importMs: round(median(samples.map((s) => s.importMs)), 1),
  firstRequestMs: round(median(samples.map((s) => s.firstRequestMs)), 1),
  coldMs: round(median(samples.map((s) => s.coldMs)), 1),
  sinceProcessStartMs: round(median(samples.map((s) => s.sinceProcessStartMs)), 1),
  samplesColdMs: samples.map((s) => round(s.coldMs, 1)),
});

/**
 * DynamoDB Local is a JVM: right after it starts (`npm run bench` measures
 * this first), its first requests run cold and slow, and the first request of
 * each run measured that (~30 ms of the median) rather than the function.
 * The same submissions in-process first, on the same table (more than 200
 * did not lower the median further).
 */
const DYNAMO_WARMUP_REQUESTS = 200;

const warmDynamo = async (deps: Deps, requests: number): Promise<void> => {
  const handler = createHandler(deps);
  for (let i = 0; i < requests; i++) {
    const body = JSON.stringify(submissionBody(800_000 + i, new Date()));
    const event = postReportEvent(body, idempotencyKeyOf(800_000 + i));
    const res = await handler(event, lambdaContext('reports', deps.config.region));
    if (res.statusCode !== 201) throw new Error(`warm-up submission answered ${res.statusCode}`);
  }
};

export const benchColdStart = async (endpoint: string, runs = 5): Promise<ColdStartResult> => {
  const dir = await mkdtemp(join(tmpdir(), 'opinion-desk-cold-'));
  try {
    const { tableName, deps } = await benchTable(endpoint, 'cold');
    await warmDynamo(deps, DYNAMO_WARMUP_REQUESTS);
    deps.db.destroy();
    const entry = handlerGroups.reports.entry;
    await bundleLambda({ name: 'reports', kind: 'api', entry }, join(dir, 'reports'));
    const runner = join(dir, 'runner.mjs');
    await build({
      entryPoints: [join(PROJECT_ROOT, 'test/bench/children/cold-runner.ts')],
      outfile: runner,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
    });
    const env = {
      APP_ENV: 'dev',
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: endpoint,
      AWS_REGION: 'ap-southeast-1',
    };
    const bundled = pathToFileURL(join(dir, 'reports', 'index.mjs')).href;
    const source = pathToFileURL(join(PROJECT_ROOT, entry)).href;
    let n = 0;
    const once = async (variant: 'bundled' | 'unbundled'): Promise<ColdSample> => {
      const i = n++;
      const eventFile = join(dir, `event-${i}.json`);
      const body = JSON.stringify(submissionBody(900_000 + i, new Date()));
      await writeFile(eventFile, JSON.stringify(postReportEvent(body, idempotencyKeyOf(900_000 + i))));
      const args =
        variant === 'bundled'
          ? [...FUNCTION_NODE_OPTIONS, runner, bundled, eventFile]
          : tsxArgs(runner, source, eventFile);
      const sample = await runChild<ColdSample>(process.execPath, args, {
        env,
        cwd: PROJECT_ROOT,
        timeoutMs: 60_000,
      });
      if (sample.status !== 201) throw new Error(`cold ${variant} run answered ${sample.status}`);
      return sample;
    };
    // One discarded run of each: the OS file cache and tsx's transform cache are warm for both.
    await once('bundled');
    await once('unbundled');
    const samples = { bundled: [] as ColdSample[], unbundled: [] as ColdSample[] };
    for (let i = 0; i < runs; i++) {
      samples.bundled.push(await once('bundled'));
      samples.unbundled.push(await once('unbundled'));
    }
    const b = summarize(samples.bundled);
    const u = summarize(samples.unbundled);
    return {
      handler: entry,
      request: 'POST /reports (reporter, one source URL, Idempotency-Key) against DynamoDB Local',
      nodeOptions: [...FUNCTION_NODE_OPTIONS],
      bundled: b,
      unbundled: u,
      speedup: round(u.coldMs / b.coldMs, 2),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
