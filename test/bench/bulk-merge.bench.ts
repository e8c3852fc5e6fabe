// What bulk triage, merge and unlink cost in write units (DynamoDB Local's
// ReturnConsumedCapacity, a count, not a timing): the figures of
// shared/store/README.md "Bulk triage, merge and unlink".
// Run: npx tsx test/bench/bulk-merge.bench.ts
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Principal } from '#domain/principal';
import { actOnReports } from '#service/bulk-reports';
import { actOnCase } from '#service/cases';
import type { Deps } from '#shared/deps';
import { anOpenCase, aSubmittedReport } from '#test/support/given';
import { meterCapacity } from './support/capacity';
import { benchTable } from './support/ddb';

const desk: Principal = { sub: 'desk-bench', roles: ['desk'] };

const reports = async (deps: Deps, n: number) => {
  const ids: string[] = [];
  while (ids.length < n)
    ids.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(10, n - ids.length) }, () => aSubmittedReport(deps)),
      )),
    );
  return ids;
};

export const benchBulkMerge = async (deps: Deps) => {
  const meter = meterCapacity(deps.db);
  const measure = async (label: string, fn: () => Promise<unknown>) => {
    meter.reset();
    await fn();
    const t = meter.totals();
    return {
      label,
      writeUnits: Math.round(t.writeUnits * 10) / 10,
      readUnits: Math.round(t.readUnits * 10) / 10,
      calls: t.byCommand,
    };
  };
  const rows = [];
  const hundred = await reports(deps, 100);
  rows.push(
    await measure('bulk dismiss, 100 reports', () =>
      actOnReports(deps, desk, undefined, { action: 'dismiss', reason: 'spam', ids: hundred }),
    ),
  );
  const c = await anOpenCase(deps, { desk });
  const toLink = await reports(deps, 100);
  rows.push(
    await measure('bulk link, 100 reports (2 chunks)', () =>
      actOnReports(deps, desk, undefined, { action: 'link', caseId: c.caseId, ids: toLink }),
    ),
  );
  const small = await anOpenCase(deps, { desk, reportIds: await reports(deps, 2) });
  rows.push(
    await measure('unlink-report (a 2-report case)', () =>
      actOnCase(deps, desk, { id: small.caseId }, '"1"', {
        action: 'unlink-report',
        reportId: small.reportIds[1],
        reason: 'x',
      }),
    ),
  );
  const from = await anOpenCase(deps, { desk, reportIds: await reports(deps, 5) });
  const into = await anOpenCase(deps, { desk });
  rows.push(
    await measure('merge a 5-report case', () =>
      actOnCase(deps, desk, { id: from.caseId }, '"1"', {
        action: 'merge',
        intoCaseId: into.caseId,
        intoVersion: 1,
      }),
    ),
  );
  meter.detach();
  return rows;
};

// `npx tsx test/bench/bulk-merge.bench.ts`: these rows, on their own DynamoDB Local.
if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const { startBenchDynamo } = await import('./support/ddb');
  const ddb = await startBenchDynamo();
  try {
    console.table(await benchBulkMerge((await benchTable(ddb.endpoint, 'bulk')).deps));
  } finally {
    await ddb.stop();
  }
}
