// The shared steps (test/support/steps.ts) do what they say, through the
// services and through the API in this run's TEST_MODE (local or handler):
// anOpenCase and anAssignedCase store the case at the version they return,
// storedReportCount counts each stored report once and nothing for a rejected one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseKey } from '#store/cases';
import { testTable } from '#test/support/aws';
import {
  type Api,
  anAssignedCase,
  anOpenCase,
  aReport,
  aSubmittedReport,
  startApi,
  storedItem,
  storedReportCount,
} from '#test/support/steps';

let t: Awaited<ReturnType<typeof testTable>>;
let api: Api;
beforeAll(async () => {
  t = await testTable();
  api = await startApi();
});
afterAll(async () => {
  await api?.stop();
  t?.db.destroy();
});

describe('through the services', () => {
  it('anOpenCase stores an open case at version 1 on one new report, now linked', async () => {
    const before = await storedReportCount(t);
    const c = await anOpenCase(t.deps());
    expect(c.version).toBe(1);
    expect(await storedItem(t, caseKey(c.caseId))).toMatchObject({ status: 'open', version: 1 });
    expect(await storedItem(t, { pk: `REPORT#${c.reportIds[0]}`, sk: 'REPORT' })).toMatchObject({
      status: 'linked',
      caseId: c.caseId,
    });
    expect(await storedReportCount(t)).toBe(before + 1);
  });

  it('anAssignedCase stores the agency and the version after the assignment', async () => {
    const c = await anAssignedCase(t.deps(), { agencyId: 'police' });
    expect(c.version).toBe(2);
    expect(await storedItem(t, caseKey(c.caseId))).toMatchObject({
      status: 'verifying',
      agencyId: 'police',
      version: 2,
    });
  });
});

describe(`through the API (TEST_MODE=${process.env.TEST_MODE ?? 'local'})`, () => {
  it('a rejected report stores nothing; a valid one is counted once', async () => {
    const local = api.local!;
    const before = await storedReportCount(local);
    expect((await api.when('POST', '/reports', 'reporter', aReport({ title: 'x' }))).status).toBe(400);
    expect(await storedReportCount(local)).toBe(before);
    await aSubmittedReport(api);
    expect(await storedReportCount(local)).toBe(before + 1);
  });

  it('anAssignedCase answers with the version the API holds', async () => {
    const c = await anAssignedCase(api);
    const read = await api.when('GET', `/cases/${c.caseId}`, 'desk');
    expect(read.json).toMatchObject({ status: 'verifying', agencyId: api.agencyId, version: c.version });
    expect(read.etag).toBe(`"${c.version}"`);
  });
});
