// What the desk does to several reports at once, through the API: open a case
// from them, link them to an existing case, dismiss them. Each answers a result
// per report. Linking and dismissing use the bulk route (POST /reports/actions),
// which answers a result per report itself. Opening is all-or-nothing in the
// API (one report that is no longer `new` refuses the lot, 409), so its
// refusal is narrowed down here: the reports that changed meanwhile are named,
// and the rest go ahead.
import { ApiProblem, api, call, type paths } from '../../api/client';
import { forEach, type ItemResult } from './selection';

/** A report that someone else linked or dismissed since the list was loaded. */
export class NoLongerNew extends Error {
  constructor(
    readonly status: string,
    readonly caseId: string | null,
  ) {
    super(`report is ${status}`);
    this.name = 'NoLongerNew';
  }
}

const isProblem = (err: unknown, status: number): err is ApiProblem =>
  err instanceof ApiProblem && err.status === status;

/** Which of `ids` are no longer `new`, read again one by one. */
const recheck = async (ids: readonly string[]): Promise<Map<string, unknown>> => {
  const gone = new Map<string, unknown>();
  await forEach(ids, async (id) => {
    try {
      const { data } = await call(api().GET('/reports/{id}', { params: { path: { id } } }));
      if (data.status !== 'new') gone.set(id, new NoLongerNew(data.status, data.caseId));
    } catch (err) {
      gone.set(id, err);
    }
  });
  return gone;
};

/**
 * Tries `attempt` with all ids; on a 409 (some report no longer new) names the
 * ones that changed and tries once more with the rest.
 */
const narrowing = async <T>(
  ids: readonly string[],
  attempt: (ids: string[]) => Promise<T>,
): Promise<{ value?: T; results: ItemResult[] }> => {
  let rest = [...ids];
  const refused: ItemResult[] = [];
  for (let round = 0; round < 2 && rest.length > 0; round++) {
    try {
      const value = await attempt(rest);
      return { value, results: [...refused, ...rest.map((id) => ({ id, ok: true as const }))] };
    } catch (err) {
      if (!isProblem(err, 409) || round > 0) {
        return { results: [...refused, ...rest.map((id) => ({ id, ok: false as const, error: err }))] };
      }
      const gone = await recheck(rest);
      if (gone.size === 0) {
        // The refusal is about something else (the case's state): every report shares it.
        return { results: rest.map((id) => ({ id, ok: false as const, error: err })) };
      }
      for (const [id, error] of gone) refused.push({ id, ok: false, error });
      rest = rest.filter((id) => !gone.has(id));
    }
  }
  return { results: refused };
};

/** Opens a case from the reports; `caseId` is set when it was opened. */
export const openCase = async (
  ids: readonly string[],
): Promise<{ caseId?: string; results: ItemResult[] }> => {
  const { value, results } = await narrowing(ids, async (reportIds) => {
    const { data } = await call(api().POST('/cases', { body: { reportIds } }));
    return data.id;
  });
  return value ? { caseId: value, results } : { results };
};

/** The API's per-request cap of POST /reports/actions. */
export const BULK_MAX = 100;

type BulkBody = paths['/reports/actions']['post']['requestBody']['content']['application/json'];
type BulkResult = { id: string; status: number; problem?: Record<string, unknown> };

/** One report's refusal as the inbox names it: no longer new (someone acted meanwhile), or the API's words. */
const refusalOf = (r: BulkResult): unknown => {
  const current = r.problem?.currentStatus;
  if (r.status === 409 && typeof current === 'string' && current !== 'new') {
    return new NoLongerNew(current, typeof r.problem?.caseId === 'string' ? r.problem.caseId : null);
  }
  return new ApiProblem(r.status, r.problem);
};

/**
 * POST /reports/actions, 100 reports a request: each report done or refused
 * on its own (its result says why). A request refused as a whole (the case
 * closed, the write limit) gives every report of it that refusal.
 */
const bulk = async (ids: readonly string[], body: (ids: string[]) => BulkBody): Promise<ItemResult[]> => {
  const results: ItemResult[] = [];
  for (let i = 0; i < ids.length; i += BULK_MAX) {
    const chunk = ids.slice(i, i + BULK_MAX);
    try {
      const { data } = await call(api().POST('/reports/actions', { body: body(chunk) }));
      const byId = new Map((data.results as BulkResult[]).map((r) => [r.id, r]));
      for (const id of chunk) {
        const r = byId.get(id);
        results.push(
          r?.status === 200
            ? { id, ok: true }
            : { id, ok: false, error: r ? refusalOf(r) : new ApiProblem(500, undefined) },
        );
      }
    } catch (error) {
      results.push(...chunk.map((id) => ({ id, ok: false as const, error })));
    }
  }
  return results;
};

/** Links the reports to an open case in one bulk request: the ones no longer new are named, the rest linked. */
export const linkToCase = async (
  caseId: string,
  ids: readonly string[],
): Promise<{ results: ItemResult[] }> => ({
  results: await bulk(ids, (chunk) => ({ action: 'link', caseId, ids: chunk })),
});

/** Dismisses the reports with the reason in one bulk request; one refusal does not stop the others. */
export const dismissAll = (ids: readonly string[], reason: string): Promise<ItemResult[]> =>
  bulk(ids, (chunk) => ({ action: 'dismiss', reason, ids: chunk }));

/** The cases a report can still be linked to: not closed, newest first. */
export const linkableCases = async () => {
  const pages = await Promise.all(
    (['open', 'verifying', 'responded'] as const).map((status) =>
      call(api().GET('/cases', { params: { query: { status, limit: 100 } } })),
    ),
  );
  return pages
    .flatMap((p) => p.data.items)
    .sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0));
};
export type LinkableCase = Awaited<ReturnType<typeof linkableCases>>[number];
