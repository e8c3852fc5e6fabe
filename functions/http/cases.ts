// HTTP adapter for the case routes.

import { runtimeDeps } from '#functions/runtime-deps';
import { httpHandler, type RouteImpls } from '#http/handler';
import { withRateLimit } from '#http/rate-limit';
import { actOnCase, browseCases, etagOf, openCaseFor, readCase } from '#service/cases';
import { exportCases } from '#service/export';
import type { Deps } from '#shared/deps';
import { csvPartResult } from './csv-response';
import { templateRoutes } from './templates';

export const caseRoutes: RouteImpls = {
  'POST /cases': async (req, deps) => {
    const opened = await openCaseFor(deps, req.principal!, req.body);
    return { status: 201, body: opened, headers: { location: `/cases/${opened.id}`, etag: etagOf(opened) } };
  },
  'GET /cases': async (req, deps) => ({
    status: 200,
    body: await browseCases(deps, req.principal!, req.query),
  }),
  'GET /cases.csv': async (req, deps) =>
    csvPartResult(req, await exportCases(deps, req.principal!, req.query, req.headers['accept-language'])),
  'GET /cases/{id}': async (req, deps) => {
    const detail = await readCase(deps, req.principal!, req.params);
    return { status: 200, body: detail, headers: { etag: etagOf(detail) } };
  },
  'POST /cases/{id}/actions': async (req, deps) => {
    const updated = await actOnCase(deps, req.principal!, req.params, req.headers['if-match'], req.body);
    return { status: 200, body: updated, headers: { etag: etagOf(updated) } };
  },
  // Response templates share the case function (functions/http/templates.ts).
  ...templateRoutes,
};

/** Its writes count against the caller's hourly limit. */
const limited = { rateLimit: withRateLimit };

export const createHandler = (deps: Deps) => httpHandler('cases', caseRoutes, () => deps, limited);
export const handler = httpHandler('cases', caseRoutes, runtimeDeps, limited);
