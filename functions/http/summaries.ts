// HTTP adapter for GET /summaries/daily.
import { type Deps, runtimeDeps } from '../../shared/deps';
import { httpHandler, type RouteImpls } from '../../shared/http/handler';
import { dailySummaryFor } from '../../shared/service/summary';

export const summaryRoutes: RouteImpls = {
  'GET /summaries/daily': async (req, deps) => ({
    status: 200,
    body: await dailySummaryFor(deps, req.query),
  }),
};

export const createHandler = (deps: Deps) => httpHandler('summaries', summaryRoutes, () => deps);
export const handler = httpHandler('summaries', summaryRoutes, runtimeDeps);
