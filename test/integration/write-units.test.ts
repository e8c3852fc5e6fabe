// The write budget of issue 16 (§3), pinned: what one request costs in DynamoDB
// write units, as DynamoDB Local reports it with ReturnConsumedCapacity (a
// count, not a timing). A plain report ≤ 5, the README's request (a source URL
// and an Idempotency-Key) ≤ 10, rate-limit counter included. A new index key on
// reports, an ALL projection, a bigger stored response or a write moved into a
// transaction shows up here before it shows up on the bill. The same
// measurement prints in `npm run bench` (test/bench/write-units.bench.ts).
//
// Issue 17 adds to every submission its band items for similar reports
// (shared/store/similar.ts): one small item per band key (`similarity.bands`,
// 16), 1 unit each, in one BatchWriteItem with the URL entries. So a plain
// report is 4 + 16 = 20 units and the README's request 10 + 16 (+2 when its
// stored response carries hints enough to pass 1 KB); the lookup
// reads a few units (one Query per band, then one BatchGetItem of candidates).
//
// Issue 18 (§5) adds search postings (shared/store/search.ts): one ~60-byte
// item per distinct term of the report's title and summary (at most
// MAX_TERMS_PER_DOCUMENT), 1 unit each, in their own BatchWriteItem calls
// beside the band items. The bench's report has `reportTerms` of them (23).
// A case writes the postings of its title and summary when opened, and those
// of the words its finding and response add when answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseSearchParts, documentTerms, reportSearchParts } from '#domain/search';
import { submissionBody } from '#test/bench/support/fixtures';
import { benchWriteUnits, type WriteUnitsResult } from '#test/bench/write-units.bench';
import { testTable } from '#test/support/aws';

let t: Awaited<ReturnType<typeof testTable>>;
let units: WriteUnitsResult;
const report = submissionBody(1, new Date());
const reportTerms = documentTerms(reportSearchParts(report)).length;
/** The words the bench's response adds to its case's postings. */
const responseTerms =
  documentTerms(
    caseSearchParts({
      ...report,
      finding: 'The drain was blocked; cleared on Tuesday.',
      response: 'The drain on this street was cleared; the flooding should not recur.',
    }),
  ).length - reportTerms;

beforeAll(async () => {
  t = await testTable('units');
  units = await benchWriteUnits(t.endpoint, { samples: 2, deps: t.deps() });
}, 60_000);
afterAll(async () => {
  await t?.drop();
});

describe('write units per request', () => {
  it('a plain report: the counter, its band items, then one PutItem of the report and its two slim index entries', () => {
    const bands = t.deps().config.similarity.bands;
    expect(units.plainReport.byCommand).toMatchObject({
      UpdateItemCommand: 1,
      QueryCommand: bands,
      BatchWriteItemCommand: 1 + Math.ceil(reportTerms / 25),
      PutItemCommand: 1,
    });
    expect(reportTerms).toBe(23);
    expect(units.plainReport.writeUnits).toBeLessThanOrEqual(5 + bands + reportTerms);
    expect(units.plainReport.writeUnits).toBe(4 + bands + reportTerms);
  });

  it("the README's request: the counter, the URL entry and band items, then the record and the report in one transaction", () => {
    const bands = t.deps().config.similarity.bands;
    expect(units.readmeReport.byCommand).toMatchObject({
      UpdateItemCommand: 1,
      QueryCommand: 1 + bands,
      BatchWriteItemCommand: 1 + Math.ceil(reportTerms / 25),
      TransactWriteItemsCommand: 1,
    });
    expect(units.readmeReport.byCommand).not.toHaveProperty('PutItemCommand');
    // 10 + bands; the second sample's text is like the first's (the bench's bodies differ by a
    // number), so its stored first response carries a hint and its record crosses 1 KB: 2 units,
    // doubled by the transaction (+2). The average of the two samples is 10 + bands + 1.
    expect(units.readmeReport.writeUnits).toBeLessThanOrEqual(10 + bands + 1 + reportTerms);
  });

  it('case actions stay well below what eight full indexes cost (open 53, assign 39, respond 41, close 37)', () => {
    for (const kind of ['caseAssign', 'caseClose'] as const)
      expect(units[kind].writeUnits, kind).toBeLessThanOrEqual(28);
    // Plus their search postings: the case's title and summary on opening, the response's new words.
    expect(units.caseOpen.writeUnits).toBeLessThanOrEqual(28 + reportTerms);
    expect(units.caseRespond.writeUnits).toBeLessThanOrEqual(28 + responseTerms);
    expect(responseTerms).toBeGreaterThan(0);
  });
});
