// Merge and unlink against DynamoDB Local and the local SES: the merged case
// closes as `merged` and points at the survivor, which gains its reports and
// shows its history; both versions are checked; races leave one consistent
// outcome; the agencies hear of the merge once; unlink returns a report to new.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '#config/schema';
import type { Principal } from '#domain/principal';
import { actOnReports } from '#service/bulk-reports';
import { actOnCase, readCase } from '#service/cases';
import { drainOutbox } from '#service/notifications';
import { readReport, viewReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { MERGE_MOVES_IN_TRANSACTION, moveMergedReports } from '#store/case-merge';
import { testTable } from '#test/support/aws';
import { anAssignedCase, anOpenCase, aSubmittedReport } from '#test/support/given';
import { sentEmails } from '#test/support/mail';

const desk: Principal = { sub: 'desk-merge', roles: ['desk'] };
const tag = randomUUID().slice(0, 8);
const policeBox = `police-merge-${tag}@example.org`;
const healthBox = `health-merge-${tag}@example.org`;
let t: Awaited<ReturnType<typeof testTable>>;
let deps: Deps;

beforeAll(async () => {
  t = await testTable();
  const base = t.deps().config;
  const config: AppConfig = {
    ...base,
    agencies: base.agencies.map((a) =>
      a.id === 'police'
        ? { ...a, emails: [policeBox] }
        : a.id === 'health-dept'
          ? { ...a, emails: [healthBox] }
          : a,
    ),
  };
  deps = t.deps({ config });
});

const merge = (from: { caseId: string }, ifMatch: number, into: { caseId: string }, intoVersion: number) =>
  actOnCase(deps, desk, { id: from.caseId }, `"${ifMatch}"`, {
    action: 'merge',
    intoCaseId: into.caseId,
    intoVersion,
    note: 'Cùng một tin đồn',
  });

describe('merge', () => {
  it('closes the merged case as merged, moves its reports and shows its history on the survivor', async () => {
    const from = await anAssignedCase(deps, { desk, agencyId: 'police' });
    const into = await anOpenCase(deps, { desk });
    const merged = await merge(from, from.version, into, into.version);
    expect(merged).toMatchObject({
      status: 'closed',
      outcome: 'merged',
      mergedInto: into.caseId,
      reportCount: 0,
    });

    const survivor = await readCase(deps, desk, { id: into.caseId });
    expect(survivor).toMatchObject({
      version: into.version + 1,
      reportIds: [...into.reportIds, ...from.reportIds],
      reportCount: 2,
      mergedCaseIds: [from.caseId],
    });
    // Its own entries and the merged case's, each naming its case, oldest first.
    expect(survivor.history.map((h) => [h.caseId, h.action])).toEqual(
      expect.arrayContaining([
        [into.caseId, 'open'],
        [into.caseId, 'merge'],
        [from.caseId, 'open'],
        [from.caseId, 'assign'],
        [from.caseId, 'merge'],
      ]),
    );
    expect(survivor.history).toHaveLength(5);
    const ats = survivor.history.map((h) => h.at);
    expect([...ats].sort()).toEqual(ats);

    const mergedDetail = await readCase(deps, desk, { id: from.caseId });
    expect(mergedDetail.history.at(-1)).toMatchObject({
      action: 'merge',
      to: 'closed',
      details: { outcome: 'merged', intoCaseId: into.caseId, reportIds: from.reportIds },
    });
    // The report now belongs to the survivor; its reporter is not told "closed".
    expect(await readReport(deps, desk, { id: from.reportIds[0]! })).toMatchObject({
      status: 'linked',
      caseId: into.caseId,
    });
    const reporterView = await viewReport(
      deps,
      { sub: 'reporter-steps', roles: ['reporter'] },
      { id: from.reportIds[0]! },
    );
    expect(reporterView).toMatchObject({ caseId: into.caseId });
    expect(reporterView).not.toHaveProperty('outcome');

    // A merged case cannot be reopened; the survivor's reports can be unlinked as any other.
    await expect(
      actOnCase(deps, desk, { id: from.caseId }, `"${merged.version}"`, { action: 'reopen', reason: 'x' }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('tells the merged case’s agency and the survivor’s (once each), in their language, through the outbox', async () => {
    const since = new Date(Date.now() - 1000);
    const from = await anAssignedCase(deps, { desk, agencyId: 'police' });
    const into = await anAssignedCase(deps, { desk, agencyId: 'health-dept' });
    await merge(from, from.version, into, into.version);
    const now = deps.clock();
    await drainOutbox(deps, new Date(now.getTime() + 60_000), now);
    await drainOutbox(deps, new Date(now.getTime() + 60_000), now);
    const about = (e: { body: { text?: string } }) => e.body.text?.includes(from.caseId) ?? false;
    const police = (await sentEmails({ to: policeBox, since })).filter(
      (e) => e.subject.includes('gộp') && about(e),
    );
    const health = (await sentEmails({ to: healthBox, since })).filter(
      (e) => e.subject.includes('gộp') && about(e),
    );
    expect(police).toHaveLength(1);
    expect(health).toHaveLength(1);
    expect(police[0]!.body.text).toContain(into.caseId);
    expect(police[0]!.body.html).toContain('Gộp vào hồ sơ');
  });

  it('refuses: into itself (400), into a closed case or from a closed one (409), a stale version on either side (412 naming it)', async () => {
    const a = await anOpenCase(deps, { desk });
    const b = await anOpenCase(deps, { desk });
    await expect(merge(a, 1, a, 1)).rejects.toMatchObject({ status: 400 });
    await expect(merge(a, 2, b, 1)).rejects.toMatchObject({
      status: 412,
      extensions: { case: 'merged', currentVersion: 1 },
    });
    await expect(merge(a, 1, b, 3)).rejects.toMatchObject({
      status: 412,
      extensions: { case: 'survivor', caseId: b.caseId, currentVersion: 1 },
    });
    await actOnCase(deps, desk, { id: b.caseId }, '"1"', {
      action: 'close',
      outcome: 'no-action',
      note: 'xong',
    });
    await expect(merge(a, 1, b, 2)).rejects.toMatchObject({ status: 409 });
    await expect(merge(b, 2, a, 1)).rejects.toMatchObject({ status: 409 });
    // Nothing was written on either case.
    expect((await readCase(deps, desk, { id: a.caseId })).version).toBe(1);
    expect((await readCase(deps, desk, { id: b.caseId })).version).toBe(2);
  });

  it('races: A into B and B into A at once — exactly one wins, the other is refused', async () => {
    const a = await anOpenCase(deps, { desk });
    const b = await anOpenCase(deps, { desk });
    const results = await Promise.allSettled([merge(a, 1, b, 1), merge(b, 1, a, 1)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect([409, 412]).toContain(loser.reason.status);
    const [ka, kb] = await Promise.all([
      readCase(deps, desk, { id: a.caseId }),
      readCase(deps, desk, { id: b.caseId }),
    ]);
    expect([ka.outcome, kb.outcome].filter((o) => o === 'merged')).toHaveLength(1);
    const survivor = ka.outcome === 'merged' ? kb : ka;
    expect(survivor).toMatchObject({ status: 'open', reportCount: 2, version: 2 });
  });

  it('races: a merge and a comment on the survivor at once — never both on the version they read', async () => {
    const a = await anOpenCase(deps, { desk });
    const b = await anOpenCase(deps, { desk });
    const results = await Promise.allSettled([
      merge(a, 1, b, 1),
      actOnCase(deps, desk, { id: b.caseId }, '"1"', { action: 'comment', note: 'cùng lúc' }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    expect(ok).toBe(1);
    const kb = await readCase(deps, desk, { id: b.caseId });
    expect(kb.version).toBe(2);
    expect(kb.history.filter((h) => h.caseId === b.caseId).map((h) => h.version)).toEqual([1, 2]);
    const ka = await readCase(deps, desk, { id: a.caseId });
    expect(ka.status === 'closed').toBe(results[0].status === 'fulfilled');
  });

  it('a case of more reports than one transaction holds: the outbox follow-up moves them, idempotently', async () => {
    const batch = async (n: number) => {
      const ids: string[] = [];
      while (ids.length < n)
        ids.push(
          ...(await Promise.all(
            Array.from({ length: Math.min(10, n - ids.length) }, () => aSubmittedReport(deps)),
          )),
        );
      return ids;
    };
    const from = await anOpenCase(deps, { desk, reportIds: await batch(50) });
    const more = await actOnReports(deps, desk, undefined, {
      action: 'link',
      caseId: from.caseId,
      ids: await batch(41),
    });
    const into = await anOpenCase(deps, { desk });
    await merge(from, more.case!.version, into, 1);
    const all = [...from.reportIds, ...(more.results.map((r) => r.id) as string[])];
    expect(all.length).toBeGreaterThan(MERGE_MOVES_IN_TRANSACTION);
    expect((await readCase(deps, desk, { id: into.caseId })).reportCount).toBe(92);
    // Until the follow-up is delivered the reports still name the merged case ...
    expect((await readReport(deps, desk, { id: all[0]! })).caseId).toBe(from.caseId);
    const now = deps.clock();
    await drainOutbox(deps, new Date(now.getTime() + 60_000), now);
    // ... then the survivor; a second run changes nothing.
    await moveMergedReports(deps, { from: from.caseId, to: into.caseId, reportIds: all }, now);
    for (const id of [all[0]!, all[60]!, all.at(-1)!])
      expect(await readReport(deps, desk, { id })).toMatchObject({ caseId: into.caseId, status: 'linked' });
  }, 120_000);
});

describe('unlink a report', () => {
  it('returns the report to new and takes it off the case, with one history entry', async () => {
    const extra = await aSubmittedReport(deps);
    const c = await anOpenCase(deps, { desk, reportIds: [await aSubmittedReport(deps), extra] });
    const next = await actOnCase(deps, desk, { id: c.caseId }, '"1"', {
      action: 'unlink-report',
      reportId: extra,
      reason: 'Tin đồn khác',
    });
    expect(next).toMatchObject({ version: 2, reportCount: 1, reportIds: [c.reportIds[0]] });
    expect(await readReport(deps, desk, { id: extra })).toMatchObject({ status: 'new', caseId: null });
    const detail = await readCase(deps, desk, { id: c.caseId });
    expect(detail.history.at(-1)).toMatchObject({
      action: 'unlink-report',
      note: 'Tin đồn khác',
      details: { reportId: extra },
    });
    // The report can be linked again (here: a new case of its own).
    const again = await anOpenCase(deps, { desk, reportIds: [extra] });
    expect(again.version).toBe(1);
  });

  it('refuses the case’s last report (409: close or merge), a report not on the case (409)', async () => {
    const c = await anOpenCase(deps, { desk });
    await expect(
      actOnCase(deps, desk, { id: c.caseId }, '"1"', {
        action: 'unlink-report',
        reportId: c.reportIds[0],
        reason: 'x',
      }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/last report/) });
    const other = await aSubmittedReport(deps);
    await expect(
      actOnCase(deps, desk, { id: c.caseId }, '"1"', {
        action: 'unlink-report',
        reportId: other,
        reason: 'x',
      }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await readReport(deps, desk, { id: c.reportIds[0]! })).status).toBe('linked');
    expect((await readCase(deps, desk, { id: c.caseId })).version).toBe(1);
  });

  it('races: two unlinks of the two reports at once — one wins, the case keeps a report', async () => {
    const c = await anOpenCase(deps, {
      desk,
      reportIds: [await aSubmittedReport(deps), await aSubmittedReport(deps)],
    });
    const results = await Promise.allSettled(
      c.reportIds.map((reportId) =>
        actOnCase(deps, desk, { id: c.caseId }, '"1"', { action: 'unlink-report', reportId, reason: 'x' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const after = await readCase(deps, desk, { id: c.caseId });
    expect(after.reportCount).toBe(1);
    const statuses = await Promise.all(
      c.reportIds.map(async (id) => (await readReport(deps, desk, { id })).status),
    );
    expect(statuses.sort()).toEqual(['linked', 'new']);
  });
});
