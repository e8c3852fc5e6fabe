// HTTP adapter for GET /summaries/daily.

import { runtimeDeps } from '#functions/runtime-deps';
import { httpHandler, type RouteImpls } from '#http/handler';
import { dailySummaryFor } from '#service/summary';
import type { Deps } from '#shared/deps';

export const summaryRoutes: RouteImpls = {
  'GET /summaries/daily': async (req, deps) => ({
    status: 200,
    body: await dailySummaryFor(deps, req.query),
  }),
};

export const createHandler = (deps: Deps) => httpHandler('summaries', summaryRoutes, () => deps);
export const handler = httpHandler('summaries', summaryRoutes, runtimeDeps);
