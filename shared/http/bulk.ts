// The body of POST /reports/actions: one result per requested report, each
// done (200 and the report) or refused (its problem, as the single-report
// request would have answered it). A per-report fault that is a bug of ours
// is rethrown, so the request answers 500 as any other bug does.
import { toProblem } from './problem';

type Item = { id: string; report: unknown } | { id: string; error: unknown };

export const bulkResultsBody = (outcome: { results: Item[]; case?: unknown }) => ({
  results: outcome.results.map((r) => {
    if ('report' in r) return { id: r.id, status: 200, report: r.report };
    const { problem, unknown } = toProblem(r.error);
    if (unknown) throw r.error;
    return { id: r.id, status: problem.status, problem };
  }),
  ...(outcome.case === undefined ? {} : { case: outcome.case }),
});
