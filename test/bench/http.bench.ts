// Benchmark: the local HTTP stack (infra/local/server.ts as `npm start` runs
// it: route matching, JWT verification, the API Gateway event, the handler)
// under POST /reports from 10 and 50 concurrent keep-alive clients, against a
// bare node:http server doing one PutItem per request. Each server runs in
// its own process (under tsx, like `npm start`); the load comes from this one.
import { PROJECT_ROOT } from './support/bundle';
import { type ServerChild, startServerChild, tsxArgs } from './support/child';
import { benchTable } from './support/ddb';
import { idempotencyKeyOf, submissionBody } from './support/fixtures';
import { type LoadResult, runLoad } from './support/load';
import { round } from './support/stats';

export interface HttpLevel {
  concurrency: number;
  /** The README's request: one source URL and an Idempotency-Key (a Query and a transaction). */
  ours: LoadResult;
  /** A plain report: no source URL, no Idempotency-Key (one conditional PutItem). */
  oursPlain?: LoadResult;
  bare: LoadResult;
  /** Diagnostic: a bare server writing our three items in one TransactWriteItems. */
  bareTransact?: LoadResult;
  /** ours req/s ÷ bare req/s */
  throughputRatio: number;
  /** oursPlain req/s ÷ bare req/s */
  plainThroughputRatio?: number;
}

export interface HttpResult {
  request: string;
  durationMs: number;
  warmupMs: number;
  levels: HttpLevel[];
}

export const benchHttp = async (
  endpoint: string,
  o: { levels?: number[]; durationMs?: number; warmupMs?: number } = {},
): Promise<HttpResult> => {
  const { levels = [10, 50], durationMs = 6000, warmupMs = 1500 } = o;
  const { tableName, deps } = await benchTable(endpoint, 'http');
  deps.db.destroy();
  const arg = JSON.stringify({ endpoint, tableName });
  const servers: ServerChild<{ url: string; token?: string }>[] = [];
  try {
    const api = await startServerChild<{ url: string; token: string }>(
      process.execPath,
      tsxArgs('test/bench/children/api-server.ts', arg),
      { cwd: PROJECT_ROOT, timeoutMs: 60_000 },
    );
    servers.push(api);
    const bare = await startServerChild<{ url: string }>(
      process.execPath,
      tsxArgs('test/bench/children/bare-server.ts', arg),
      { cwd: PROJECT_ROOT, timeoutMs: 60_000 },
    );
    servers.push(bare);
    const transact = await startServerChild<{ url: string }>(
      process.execPath,
      tsxArgs(
        'test/bench/children/bare-server.ts',
        JSON.stringify({ endpoint, tableName, mode: 'transact' }),
      ),
      { cwd: PROJECT_ROOT, timeoutMs: 60_000 },
    );
    servers.push(transact);

    let n = 2_000_000;
    const next = () => {
      const i = n++;
      return {
        headers: {
          authorization: `Bearer ${api.info.token}`,
          'content-type': 'application/json',
          'idempotency-key': idempotencyKeyOf(i),
        },
        body: JSON.stringify(submissionBody(i, new Date())),
      };
    };
    const plain = () => {
      const i = n++;
      return {
        headers: { authorization: `Bearer ${api.info.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(submissionBody(i, new Date(), { withUrl: false })),
      };
    };
    const load = (
      url: string,
      concurrency: number,
      request: () => { headers: Record<string, string>; body: string } = next,
    ) => runLoad({ url, path: '/reports', concurrency, durationMs, warmupMs, next: request });

    const out: HttpLevel[] = [];
    for (const [i, c] of levels.entries()) {
      // Alternate which server goes first.
      let ours: LoadResult;
      let bareResult: LoadResult;
      if (i % 2 === 0) {
        ours = await load(api.info.url, c);
        bareResult = await load(bare.info.url, c);
      } else {
        bareResult = await load(bare.info.url, c);
        ours = await load(api.info.url, c);
      }
      const oursPlain = await load(api.info.url, c, plain);
      const bareTransact = await load(transact.info.url, c);
      out.push({
        concurrency: c,
        ours,
        oursPlain,
        bare: bareResult,
        bareTransact,
        throughputRatio: round(ours.requestsPerSecond / bareResult.requestsPerSecond, 2),
        plainThroughputRatio: round(oursPlain.requestsPerSecond / bareResult.requestsPerSecond, 2),
      });
    }
    return {
      request:
        'POST /reports, reporter token, one source URL, a unique Idempotency-Key per request; and a plain report (no URL, no key)',
      durationMs,
      warmupMs,
      levels: out,
    };
  } finally {
    for (const s of servers) await s.stop();
  }
};
