// Benchmark: case actions under contention. 20 writers comment on one case,
// each re-reading the case and retrying with jitter whenever its If-Match
// version was stale (412), until every action has gone through; what a desk
// of 20 people hammering one hot case would see.

import { PreconditionFailed } from '#domain/errors';
import type { Principal } from '#http/principal';
import { actOnCase, openCaseFor, readCase } from '#service/cases';
import { submitReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { meterCapacity } from './support/capacity';
import { benchTable } from './support/ddb';
import { type LatencySummary, latencySummary, round } from './support/stats';

const desk: Principal = { sub: 'desk-bench', roles: ['desk'] };

export interface ContentionResult {
  writers: number;
  actionsPerWriter: number;
  successes: number;
  elapsedMs: number;
  actionsPerSecond: number;
  retries: number;
  retriesPerSuccess: number;
  maxRetriesForOneAction: number;
  /** From the first attempt to the success, retries included. */
  actionLatency: LatencySummary;
  finalVersion: number;
  historyEntries: number;
  allSucceeded: boolean;
  /** Per successful action, retries' reads and failed writes included. */
  capacityUnitsPerSuccess: number;
  callsPerSuccess: number;
}

const openOne = async (d: Deps) => {
  const r = await submitReport(
    d,
    { sub: 'rep-bench', roles: ['reporter'] },
    {
      title: 'Một phản ánh để đo tranh chấp',
      summary: 'Nội dung.',
      category: 'other',
      area: 'citywide',
      channel: 'other',
      sentiment: 'neutral',
      urgency: 'normal',
      observedAt: new Date(Date.now() - 60_000).toISOString(),
    },
    undefined,
  );
  return openCaseFor(d, desk, { reportIds: [(r.body as { id: string }).id] });
};

export const benchContention = async (
  endpoint: string,
  o: { writers?: number; actionsPerWriter?: number } = {},
): Promise<ContentionResult> => {
  const { writers = 20, actionsPerWriter = 10 } = o;
  const { deps } = await benchTable(endpoint, 'contention');
  const c = await openOne(deps);
  const meter = meterCapacity(deps.db);
  const latencies: number[] = [];
  let maxRetries = 0;
  const worker = async (w: number): Promise<number> => {
    let retries = 0;
    for (let i = 0; i < actionsPerWriter; i++) {
      const t0 = performance.now();
      for (let attempt = 0; ; attempt++) {
        if (attempt > 1000) throw new Error('an action did not get through in 1000 attempts');
        const { version } = await readCase(deps, desk, { id: c.id });
        try {
          await actOnCase(deps, desk, { id: c.id }, `"${version}"`, {
            action: 'comment',
            note: `w${w}-a${i}`,
          });
          maxRetries = Math.max(maxRetries, attempt);
          break;
        } catch (e) {
          // 412: someone wrote first; 409: DynamoDB cancelled the transaction on a conflict in flight.
          if (!(e instanceof PreconditionFailed) && (e as { status?: number }).status !== 409) throw e;
          retries++;
          await new Promise((r) => setTimeout(r, Math.random() * 20));
        }
      }
      latencies.push(performance.now() - t0);
    }
    return retries;
  };
  const t0 = performance.now();
  const retries = (await Promise.all(Array.from({ length: writers }, (_, w) => worker(w)))).reduce(
    (a, b) => a + b,
    0,
  );
  const elapsedMs = performance.now() - t0;
  const totals = meter.totals();
  meter.detach();
  const final = await readCase(deps, desk, { id: c.id });
  deps.db.destroy();
  const successes = writers * actionsPerWriter;
  return {
    writers,
    actionsPerWriter,
    successes,
    elapsedMs: round(elapsedMs, 0),
    actionsPerSecond: round(successes / (elapsedMs / 1000), 1),
    retries,
    retriesPerSuccess: round(retries / successes, 2),
    maxRetriesForOneAction: maxRetries,
    actionLatency: latencySummary(latencies),
    finalVersion: final.version,
    historyEntries: final.history.length,
    allSucceeded: final.version === 1 + successes && final.history.length === 1 + successes,
    capacityUnitsPerSuccess: round(totals.capacityUnits / successes, 2),
    callsPerSuccess: round(totals.calls / successes, 2),
  };
};
