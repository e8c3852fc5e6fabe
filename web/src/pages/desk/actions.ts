// What the desk does to several reports at once, through the API: open a case
// from them, link them to an existing case, dismiss them. Each answers a result
// per report. Opening and linking are all-or-nothing in the API (one report
// that is no longer `new` refuses the lot, 409), so a refusal is narrowed down
// here: the reports that changed meanwhile are named, and the rest go ahead.
import { ApiProblem, api, call, versionOf } from '../../api/client';
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

/** Links the reports to an open case, with If-Match; re-reads the version once when it moved on (412). */
export const linkToCase = async (
  caseId: string,
  ids: readonly string[],
): Promise<{ results: ItemResult[] }> => {
  const path = { id: caseId };
  const linkOnce = async (reportIds: string[]) => {
    for (let tries = 0; ; tries++) {
      const read = await call(api().GET('/cases/{id}', { params: { path } }));
      const version = versionOf(read.response) ?? read.data.version;
      try {
        await call(
          api().POST('/cases/{id}/actions', {
            params: { path, header: { 'If-Match': `"${version}"` } },
            body: { action: 'link-reports', reportIds },
          }),
        );
        return;
      } catch (err) {
        if (!isProblem(err, 412) || tries >= 2) throw err;
      }
    }
  };
  const { results } = await narrowing(ids, linkOnce);
  return { results };
};

/** Dismisses each report with the reason; one refusal does not stop the others. */
export const dismissAll = (ids: readonly string[], reason: string): Promise<ItemResult[]> =>
  forEach(ids, (id) =>
    call(
      api().POST('/reports/{id}/actions', {
        params: { path: { id } },
        body: { action: 'dismiss', reason },
      }),
    ),
  );

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
