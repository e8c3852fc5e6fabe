// Benchmark: the POST /reports handler in-process (the middy stack, validation,
// duplicate lookup, the submission transaction with its idempotency record)
// against DynamoDB Local, one request at a time, against one bare PutItem of a
// report item of the same shape to the same DynamoDB Local. The two are
// interleaved in blocks, so drift in the machine's load hits both alike. The
// calls per request are counted, not assumed (capacity.byCommand).
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createHandler } from '#functions/http/reports';
import { lambdaContext } from '#infra/local/server';
import type { Deps } from '#shared/deps';
import { type CapacityTotals, meterCapacity } from './support/capacity';
import { benchTable } from './support/ddb';
import { idempotencyKeyOf, postReportEvent, submissionBody } from './support/fixtures';
import { reportItemOf } from './support/seed';
import { type LatencySummary, latencySummary, round } from './support/stats';

export interface PerCall {
  calls: number;
  byCommand: Record<string, number>;
  /** Capacity units per call, table and indexes. */
  capacityUnits: number;
  readUnits: number;
  writeUnits: number;
  tableUnits: number;
  indexUnits: number;
}

export interface SubmitResult {
  request: string;
  ours: LatencySummary;
  bare: LatencySummary;
  /** ours p50 / bare p50 */
  ratioP50: number;
  ratioP99: number;
  /** No Idempotency-Key, no source URL: validation + one conditional PutItem. */
  minimal: LatencySummary;
  /** Answers other than 201, by status (their times are in the samples too). */
  failures: Record<string, number>;
  capacity: { ours: PerCall; bare: PerCall; minimal: PerCall };
}

const perCall = (t: CapacityTotals, n: number): PerCall => ({
  calls: round(t.calls / n, 2),
  byCommand: Object.fromEntries(Object.entries(t.byCommand).map(([k, v]) => [k, round(v / n, 2)])),
  capacityUnits: round(t.capacityUnits / n, 2),
  readUnits: round(t.readUnits / n, 2),
  writeUnits: round(t.writeUnits / n, 2),
  tableUnits: round(t.tableUnits / n, 2),
  indexUnits: round(t.indexUnits / n, 2),
});

export const benchSubmit = async (
  endpoint: string,
  o: { rounds?: number; perRound?: number; warmup?: number } = {},
): Promise<SubmitResult> => {
  const { rounds = 8, perRound = 150, warmup = 100 } = o;
  const { deps } = await benchTable(endpoint, 'submit');
  const handler = createHandler(deps);
  const meter = meterCapacity(deps.db);
  const failures: Record<string, number> = {};
  let n = 0;
  const ours = async (withExtras = true): Promise<number> => {
    const i = n++;
    const body = JSON.stringify(submissionBody(i, new Date(), { withUrl: withExtras }));
    const event = postReportEvent(body, withExtras ? idempotencyKeyOf(i) : undefined);
    // A fresh context per invocation: its remaining time counts down from API Gateway's 29 s.
    const context = lambdaContext('reports', deps.config.region);
    const t0 = performance.now();
    const res = await handler(event, context);
    const dt = performance.now() - t0;
    const status = typeof res === 'object' ? res.statusCode : undefined;
    if (status !== 201) {
      failures[String(status)] = (failures[String(status)] ?? 0) + 1;
      if (Object.values(failures).reduce((a, b) => a + b, 0) > 20)
        throw new Error(
          `POST /reports failed too often: ${JSON.stringify(failures)}; last: ${JSON.stringify(res)}`,
        );
    }
    return dt;
  };
  let m = 0;
  const day = new Date().toISOString().slice(0, 10);
  const bare = async (d: Deps): Promise<number> => {
    const item = reportItemOf(d.config, day, m++, 1_000_000);
    const t0 = performance.now();
    await d.db.send(new PutCommand({ TableName: d.tableName, Item: item }));
    return performance.now() - t0;
  };

  for (let i = 0; i < warmup; i++) {
    await ours();
    await bare(deps);
  }
  const samples = { ours: [] as number[], bare: [] as number[], minimal: [] as number[] };
  const cap: Record<'ours' | 'bare' | 'minimal', { totals: CapacityTotals[]; n: number }> = {
    ours: { totals: [], n: 0 },
    bare: { totals: [], n: 0 },
    minimal: { totals: [], n: 0 },
  };
  const block = async (kind: 'ours' | 'bare' | 'minimal') => {
    meter.reset();
    for (let i = 0; i < perRound; i++) {
      samples[kind].push(kind === 'bare' ? await bare(deps) : await ours(kind === 'ours'));
    }
    cap[kind].totals.push(meter.totals());
    cap[kind].n += perRound;
  };
  for (let r = 0; r < rounds; r++) {
    // Alternate which goes first in a round.
    if (r % 2 === 0) {
      await block('ours');
      await block('bare');
    } else {
      await block('bare');
      await block('ours');
    }
  }
  await block('minimal');
  await block('minimal');
  meter.detach();
  deps.db.destroy();

  const sum = (ts: CapacityTotals[]): CapacityTotals =>
    ts.reduce(
      (a, t) => {
        a.calls += t.calls;
        for (const [k, v] of Object.entries(t.unitsByCommand))
          a.unitsByCommand[k] = (a.unitsByCommand[k] ?? 0) + v;
        a.capacityUnits += t.capacityUnits;
        a.readUnits += t.readUnits;
        a.writeUnits += t.writeUnits;
        a.tableUnits += t.tableUnits;
        a.indexUnits += t.indexUnits;
        for (const [k, v] of Object.entries(t.byCommand)) a.byCommand[k] = (a.byCommand[k] ?? 0) + v;
        return a;
      },
      {
        calls: 0,
        byCommand: {},
        unitsByCommand: {},
        capacityUnits: 0,
        readUnits: 0,
        writeUnits: 0,
        tableUnits: 0,
        indexUnits: 0,
      } as CapacityTotals,
    );
  const oursL = latencySummary(samples.ours);
  const bareL = latencySummary(samples.bare);
  return {
    request: 'POST /reports, reporter, one source URL, Idempotency-Key (as in the README), sequential',
    ours: oursL,
    bare: bareL,
    ratioP50: round(oursL.p50Ms / bareL.p50Ms, 2),
    ratioP99: round(oursL.p99Ms / bareL.p99Ms, 2),
    minimal: latencySummary(samples.minimal),
    failures,
    capacity: {
      ours: perCall(sum(cap.ours.totals), cap.ours.n),
      bare: perCall(sum(cap.bare.totals), cap.bare.n),
      minimal: perCall(sum(cap.minimal.totals), cap.minimal.n),
    },
  };
};
