// The write budget of issue 16 (§3), pinned: what one request costs in DynamoDB
// write units, as DynamoDB Local reports it with ReturnConsumedCapacity (a
// count, not a timing). A plain report ≤ 5, the README's request (a source URL
// and an Idempotency-Key) ≤ 10, rate-limit counter included. A new index key on
// reports, an ALL projection, a bigger stored response or a write moved into a
// transaction shows up here before it shows up on the bill. The same
// measurement prints in `npm run bench` (test/bench/write-units.bench.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchWriteUnits, type WriteUnitsResult } from '#test/bench/write-units.bench';
import { testTable } from '#test/support/aws';

let t: Awaited<ReturnType<typeof testTable>>;
let units: WriteUnitsResult;

beforeAll(async () => {
  t = await testTable('units');
  units = await benchWriteUnits(t.endpoint, { samples: 2, deps: t.deps() });
}, 60_000);
afterAll(async () => {
  await t?.drop();
});

describe('write units per request', () => {
  it('a plain report: the counter, then one PutItem of the report and its two slim index entries', () => {
    expect(units.plainReport.byCommand).toEqual({ UpdateItemCommand: 1, PutItemCommand: 1 });
    expect(units.plainReport.writeUnits).toBeLessThanOrEqual(5);
    expect(units.plainReport.writeUnits).toBe(4);
  });

  it("the README's request: the counter, the URL entry, then the record and the report in one transaction", () => {
    expect(units.readmeReport.byCommand).toMatchObject({
      UpdateItemCommand: 1,
      PutItemCommand: 1,
      TransactWriteItemsCommand: 1,
    });
    expect(units.readmeReport.writeUnits).toBeLessThanOrEqual(10);
  });

  it('case actions stay well below what eight full indexes cost (open 53, assign 39, respond 41, close 37)', () => {
    for (const kind of ['caseOpen', 'caseAssign', 'caseRespond', 'caseClose'] as const)
      expect(units[kind].writeUnits, kind).toBeLessThanOrEqual(28);
  });
});
