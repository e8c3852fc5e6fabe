// HTTP adapter for the report routes.

import { runtimeDeps } from '#functions/runtime-deps';
import { bulkResultsBody } from '#http/bulk';
import { httpHandler, type RouteImpls } from '#http/handler';
import { withRateLimit } from '#http/rate-limit';
import { actOnReports } from '#service/bulk-reports';
import { exportReports } from '#service/export';
import { actOnReport, browseReports, similarReports, submitReport, viewReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { recordReportSubmitted } from '#shared/metrics';
import { csvPartResult } from './csv-response';

export const reportRoutes: RouteImpls = {
  'POST /reports': async (req, deps) => {
    const res = await submitReport(deps, req.principal!, req.body, req.headers['idempotency-key']);
    if (res.status === 201 && !res.headers['idempotent-replayed']) recordReportSubmitted();
    return { status: res.status, body: res.body, headers: res.headers };
  },
  'GET /reports': async (req, deps) => ({
    status: 200,
    body: await browseReports(deps, req.principal!, req.query),
  }),
  'GET /reports.csv': async (req, deps) =>
    csvPartResult(req, await exportReports(deps, req.principal!, req.query, req.headers['accept-language'])),
  'GET /reports/{id}': async (req, deps) => ({
    status: 200,
    body: await viewReport(deps, req.principal!, req.params),
  }),
  'GET /reports/{id}/similar': async (req, deps) => ({
    status: 200,
    body: await similarReports(deps, req.principal!, req.params),
  }),
  'POST /reports/actions': async (req, deps) => ({
    status: 200,
    body: bulkResultsBody(await actOnReports(deps, req.principal!, req.headers['if-match'], req.body)),
  }),
  'POST /reports/{id}/actions': async (req, deps) => ({
    status: 200,
    body: await actOnReport(deps, req.principal!, req.params, req.body),
  }),
};

/** Its writes count against the caller's hourly limit. */
const limited = { rateLimit: withRateLimit };

export const createHandler = (deps: Deps) => httpHandler('reports', reportRoutes, () => deps, limited);
export const handler = httpHandler('reports', reportRoutes, runtimeDeps, limited);
