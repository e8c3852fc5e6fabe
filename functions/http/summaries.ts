// HTTP adapter for GET /summaries/daily, /summaries/weekly and /summaries/monthly, and GET /webhooks.

import { runtimeDeps } from '#functions/runtime-deps';
import { httpHandler, type RouteImpls } from '#http/handler';
import { periodicSummaryFor } from '#service/periodic-summary';
import { dailySummaryFor } from '#service/summary';
import { webhooksFor } from '#service/webhooks-view';
import type { Deps } from '#shared/deps';

export const summaryRoutes: RouteImpls = {
  'GET /summaries/daily': async (req, deps) => ({
    status: 200,
    body: await dailySummaryFor(deps, req.query),
  }),
  'GET /summaries/weekly': async (req, deps) => ({
    status: 200,
    body: await periodicSummaryFor(deps, 'week', req.query),
  }),
  'GET /summaries/monthly': async (req, deps) => ({
    status: 200,
    body: await periodicSummaryFor(deps, 'month', req.query),
  }),
  // The desk's read-only view of the webhook deliveries (docs/webhooks.md): a read like the reports here.
  'GET /webhooks': async (req, deps) => ({ status: 200, body: await webhooksFor(deps, req.query) }),
};

export const createHandler = (deps: Deps) => httpHandler('summaries', summaryRoutes, () => deps);
export const handler = httpHandler('summaries', summaryRoutes, runtimeDeps);
