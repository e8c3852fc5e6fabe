// Reads for the weekly and monthly report (docs/jobs.md, "periodic-summary").
// Each is a Query on an index keyed by time or day, or a read by key: the cost
// grows with the period's cases, never with the table. No Scan.
import type { Case } from '#domain/case';
import type { CaseWithHistory } from '#domain/periodic';
import type { Deps } from '#shared/deps';
import { caseFromItem, getCaseWithHistory } from './cases';
import { onIndex as on, queryAll } from './query';

/** Queries or case reads in flight at once. */
const CONCURRENCY = 8;

/** `fn` over `items`, at most `limit` at a time, results in the items' order. */
export const mapBounded = async <T, R>(
  items: readonly T[],
  limit: number,
  fn: (t: T) => Promise<R>,
): Promise<R[]> => {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
};

/**
 * Cases opened in [start, end): a sort-key range of casesNewest (`<openedAt>#<id>`;
 * `BETWEEN <start> AND <end>` keeps [start, end) since a key sorts after the bare
 * instant it starts with). The index carries the whole case.
 */
export const casesOpenedBetween = async (deps: Deps, start: Date, end: Date): Promise<Case[]> => {
  const items = await queryAll(deps, {
    ...on('casesNewest'),
    KeyConditionExpression: '#ipk = :pk AND #isk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': 'CASE', ':from': start.toISOString(), ':to': end.toISOString() },
  });
  return items.map(caseFromItem);
};

/** The ids of the cases with a history entry on any of `days` (caseHistoryByDay, one Query per day, 8 at a time). */
export const caseIdsWithHistoryOn = async (deps: Deps, days: readonly string[]): Promise<string[]> => {
  const perDay = await mapBounded(days, CONCURRENCY, (day) =>
    queryAll(deps, {
      ...on('caseHistoryByDay', {}, false),
      KeyConditionExpression: '#ipk = :pk',
      ExpressionAttributeValues: { ':pk': `CHIST#${day}` },
      ProjectionExpression: 'caseId',
    }),
  );
  return [...new Set(perDay.flat().map((i) => String(i.caseId)))];
};

/** Cases with their whole history (the case partition, one Query each, 8 at a time); gone ones are left out. */
export const casesWithHistory = async (deps: Deps, ids: readonly string[]): Promise<CaseWithHistory[]> =>
  (await mapBounded(ids, CONCURRENCY, (id) => getCaseWithHistory(deps, id))).filter(
    (c): c is CaseWithHistory => c !== undefined,
  );
