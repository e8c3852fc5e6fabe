// Child process of the cold-start benchmark: imports one handler module (the
// bundle with plain `node`, or the TypeScript source under tsx) and serves one
// request with it, timing both from inside the fresh process. Prints one JSON line.

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

interface HandlerModule {
  handler: (event: unknown, context: unknown) => Promise<{ statusCode?: number }>;
}

const [target, eventFile] = process.argv.slice(2) as [string, string];
const event: unknown = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'opinion-desk-bench-cold',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-1:000000000000:function:opinion-desk-bench-cold',
  memoryLimitInMB: '512',
  awsRequestId: randomUUID(),
  logGroupName: '/aws/lambda/opinion-desk-bench-cold',
  logStreamName: 'bench',
  getRemainingTimeInMillis: () => 10_000,
  done: () => {},
  fail: () => {},
  succeed: () => {},
};

const t0 = performance.now();
// The source has no bundled config (esbuild inlines it into a bundle): hand it
// the config as CDK would, loaded here so its cost counts in the import.
if (target.endsWith('.ts')) {
  const { loadAppConfig } = await import('#infra/config/index');
  Object.assign(globalThis, { __OPINION_DESK_CONFIG__: loadAppConfig(process.env.APP_ENV as 'dev') });
}
const mod = (await import(target)) as HandlerModule;
const t1 = performance.now();
const response = await mod.handler(event, context);
const t2 = performance.now();
console.log(
  `BENCH ${JSON.stringify({
    processStartToImportMs: t0,
    importMs: t1 - t0,
    firstRequestMs: t2 - t1,
    coldMs: t2 - t0,
    sinceProcessStartMs: t2,
    status: response.statusCode,
  })}`,
);
process.exit(0);
