// POST /reports/actions against DynamoDB Local: each report done or refused
// on its own, in the request's order; links to a case in chunk transactions
// that race safely with other case actions and other bulk requests.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '#domain/principal';
import { actOnReports, type BulkItem } from '#service/bulk-reports';
import { actOnCase, readCase } from '#service/cases';
import { actOnReport, readReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { testTable } from '#test/support/aws';
import { anOpenCase, aSubmittedReport } from '#test/support/given';

const desk: Principal = { sub: 'desk-bulk', roles: ['desk'] };
const UNKNOWN = '01JZ0000000000000000000000';
let deps: Deps;

beforeAll(async () => {
  deps = (await testTable()).deps();
});

/** `n` new reports, ten submissions at a time (DynamoDB Local is slow with more). */
const reports = async (n: number) => {
  const ids: string[] = [];
  while (ids.length < n)
    ids.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(10, n - ids.length) }, () => aSubmittedReport(deps)),
      )),
    );
  return ids;
};
const statusOf = (r: BulkItem) => ('report' in r ? 200 : (r.error as { status: number }).status);

describe('bulk dismiss and restore', { timeout: 120_000 }, () => {
  it('does each report on its own: done, not found or refused, in the request’s order', async () => {
    const [a, b, c] = await reports(3);
    await actOnReport(deps, desk, { id: b }, { action: 'dismiss', reason: 'spam' });
    const out = await actOnReports(deps, desk, undefined, {
      action: 'dismiss',
      reason: 'Quảng cáo',
      ids: [a, UNKNOWN, b, c],
    });
    expect(out.results.map((r) => r.id)).toEqual([a, UNKNOWN, b, c]);
    expect(out.results.map(statusOf)).toEqual([200, 404, 409, 200]);
    expect((out.results[2] as { error: { extensions: unknown } }).error.extensions).toMatchObject({
      currentStatus: 'dismissed',
      allowedActions: ['restore'],
    });
    for (const id of [a, c])
      expect(await readReport(deps, desk, { id })).toMatchObject({
        status: 'dismissed',
        dismissReason: 'Quảng cáo',
      });

    const back = await actOnReports(deps, desk, undefined, { action: 'restore', ids: [a, b, c] });
    expect(back.results.map(statusOf)).toEqual([200, 200, 200]);
    for (const id of [a, b, c]) expect((await readReport(deps, desk, { id })).status).toBe('new');
  });

  it('handles 100 reports, at most 10 writes at a time', async () => {
    const ids = await reports(100);
    let inFlight = 0;
    let most = 0;
    const send = deps.db.send.bind(deps.db);
    const counting = Object.create(deps.db) as Deps['db'];
    counting.send = (async (command: never) => {
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        return await send(command);
      } finally {
        inFlight--;
      }
    }) as Deps['db']['send'];
    const out = await actOnReports({ ...deps, db: counting }, desk, undefined, {
      action: 'dismiss',
      reason: 'x',
      ids,
    });
    expect(out.results.every((r) => statusOf(r) === 200)).toBe(true);
    expect(most).toBeLessThanOrEqual(10);
    expect(most).toBeGreaterThan(1);
  });

  it('refuses a bad request as a whole and writes nothing: >100 ids, a repeated id, a non-ULID, an unknown action', async () => {
    const [a] = await reports(1);
    const many = Array.from({ length: 101 }, (_, i) => `01JZ${String(i).padStart(22, '0')}`);
    for (const body of [
      { action: 'dismiss', reason: 'x', ids: many },
      { action: 'dismiss', reason: 'x', ids: [a, a] },
      { action: 'dismiss', reason: 'x', ids: [a, 'not-a-ulid'] },
      { action: 'archive', ids: [a] },
      { action: 'dismiss', ids: [a] },
      { action: 'restore', ids: [] },
      { action: 'link', ids: [a] },
    ]) {
      await expect(actOnReports(deps, desk, undefined, body)).rejects.toMatchObject({ status: 400 });
    }
    expect((await readReport(deps, desk, { id: a })).status).toBe('new');
  });

  it('two bulk dismissals of the same reports at once: each report dismissed once, the loser refused per report', async () => {
    const ids = await reports(20);
    const [one, two] = await Promise.all([
      actOnReports(deps, desk, undefined, { action: 'dismiss', reason: 'first', ids }),
      actOnReports(deps, desk, undefined, { action: 'dismiss', reason: 'second', ids }),
    ]);
    for (let i = 0; i < ids.length; i++) {
      const pair = [statusOf(one!.results[i]!), statusOf(two!.results[i]!)].sort();
      expect(pair).toEqual([200, 409]);
      const stored = await readReport(deps, desk, { id: ids[i]! });
      const winner = statusOf(one!.results[i]!) === 200 ? 'first' : 'second';
      expect(stored).toMatchObject({ status: 'dismissed', dismissReason: winner, version: 2 });
    }
  });
});

describe('bulk link to a case', { timeout: 120_000 }, () => {
  it('links the new reports, refuses the others on their own, one history entry per chunk', async () => {
    const c = await anOpenCase(deps, { desk });
    const [a, b, d] = await reports(3);
    await actOnReport(deps, desk, { id: d }, { action: 'dismiss', reason: 'spam' });
    const out = await actOnReports(deps, desk, `"${c.version}"`, {
      action: 'link',
      caseId: c.caseId,
      ids: [a, c.reportIds[0], UNKNOWN, b, d],
    });
    expect(out.results.map(statusOf)).toEqual([200, 409, 404, 200, 409]);
    expect(out.case).toMatchObject({ version: 2, reportCount: 3 });
    const after = await readCase(deps, desk, { id: c.caseId });
    expect(after.reportIds).toEqual([c.reportIds[0], a, b]);
    expect(after.history.map((h) => h.action)).toEqual(['open', 'link-reports']);
    expect((await readReport(deps, desk, { id: a })).caseId).toBe(c.caseId);
  });

  it('links 100 reports in two transactions of 50', async () => {
    const c = await anOpenCase(deps, { desk });
    const ids = await reports(100);
    const out = await actOnReports(deps, desk, undefined, { action: 'link', caseId: c.caseId, ids });
    expect(out.results.every((r) => statusOf(r) === 200)).toBe(true);
    const after = await readCase(deps, desk, { id: c.caseId });
    expect(after).toMatchObject({ reportCount: 101, version: 3 });
    expect(after.history.map((h) => (h.details.reportIds as string[] | undefined)?.length)).toEqual([
      1, 50, 50,
    ]);
  });

  it('refuses as a whole, writing nothing: a stale If-Match (412), a closed case (409), an unknown case (400)', async () => {
    const c = await anOpenCase(deps, { desk });
    const [a] = await reports(1);
    const body = { action: 'link', caseId: c.caseId, ids: [a] };
    await expect(actOnReports(deps, desk, '"7"', body)).rejects.toMatchObject({ status: 412 });
    await expect(actOnReports(deps, desk, undefined, { ...body, caseId: UNKNOWN })).rejects.toMatchObject({
      status: 400,
    });
    await actOnCase(deps, desk, { id: c.caseId }, '"1"', {
      action: 'close',
      outcome: 'no-action',
      note: 'xong',
    });
    await expect(actOnReports(deps, desk, undefined, body)).rejects.toMatchObject({ status: 409 });
    expect((await readReport(deps, desk, { id: a })).status).toBe('new');
  });

  it('races: a bulk link and 10 comments on the case at once lose nothing; versions stay contiguous', async () => {
    const c = await anOpenCase(deps, { desk });
    const ids = await reports(60);
    const comment = async (i: number) => {
      for (;;) {
        const { version } = await readCase(deps, desk, { id: c.caseId });
        try {
          return await actOnCase(deps, desk, { id: c.caseId }, `"${version}"`, {
            action: 'comment',
            note: `c${i}`,
          });
        } catch (e) {
          if (![409, 412].includes((e as { status?: number }).status ?? 0)) throw e;
        }
      }
    };
    const [linked] = await Promise.all([
      actOnReports(deps, desk, undefined, { action: 'link', caseId: c.caseId, ids }),
      ...Array.from({ length: 10 }, (_, i) => comment(i)),
    ]);
    expect(linked.results.every((r) => statusOf(r) === 200)).toBe(true);
    const after = await readCase(deps, desk, { id: c.caseId });
    expect(after.reportCount).toBe(61);
    expect(after.history.filter((h) => h.action === 'comment')).toHaveLength(10);
    expect(after.history.map((h) => h.version)).toEqual(
      Array.from({ length: after.version }, (_, i) => i + 1),
    );
  });

  it('races: two bulk links of the same reports to two cases: each report on exactly one case', async () => {
    const [c1, c2] = await Promise.all([anOpenCase(deps, { desk }), anOpenCase(deps, { desk })]);
    const ids = await reports(30);
    const [one, two] = await Promise.all([
      actOnReports(deps, desk, undefined, { action: 'link', caseId: c1.caseId, ids }),
      actOnReports(deps, desk, undefined, { action: 'link', caseId: c2.caseId, ids }),
    ]);
    const [k1, k2] = await Promise.all([
      readCase(deps, desk, { id: c1.caseId }),
      readCase(deps, desk, { id: c2.caseId }),
    ]);
    for (let i = 0; i < ids.length; i++) {
      expect([statusOf(one.results[i]!), statusOf(two.results[i]!)].sort()).toEqual([200, 409]);
      const stored = await readReport(deps, desk, { id: ids[i]! });
      const onOne = k1.reportIds.includes(ids[i]!);
      const onTwo = k2.reportIds.includes(ids[i]!);
      expect(onOne !== onTwo).toBe(true);
      expect(stored.caseId).toBe(onOne ? c1.caseId : c2.caseId);
    }
  });
});
