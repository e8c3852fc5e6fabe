// Child process of the HTTP benchmark: the local API (infra/local/server.ts,
// as `npm start` serves it) on a free port against a benchmark table, with a
// throwaway signing key. Prints one JSON line with its URL and a reporter's
// token, then serves until SIGTERM.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalApi } from '#infra/local/server';
import { TokenKeys } from '#infra/local/token';
import { benchDeps } from '#test/bench/support/settings';

const { endpoint, tableName } = JSON.parse(process.argv[2] ?? '{}') as {
  endpoint: string;
  tableName: string;
};
const dataDir = await mkdtemp(join(tmpdir(), 'opinion-desk-bench-'));
const keys = await TokenKeys.forDataDir(dataDir);
const deps = benchDeps(endpoint, tableName);
const api = await startLocalApi({ port: 0, deps, verifier: keys });
const token = await keys.issueToken({ role: 'reporter', user: 'bench-reporter' });
console.log(`BENCH ${JSON.stringify({ url: api.url, token })}`);

process.once('SIGTERM', () => {
  void api
    .stop()
    .then(() => rm(dataDir, { recursive: true, force: true }))
    .finally(() => process.exit(0));
});
