// HTTP adapter for the briefing routes.

import { runtimeDeps } from '#functions/runtime-deps';
import { httpHandler, type RouteImpls } from '#http/handler';
import { withRateLimit } from '#http/rate-limit';
import { actOnBriefing, browseBriefings, readBriefing, scheduleBriefing } from '#service/briefings';
import type { Deps } from '#shared/deps';

export const briefingRoutes: RouteImpls = {
  'GET /briefings': async (req, deps) => ({
    status: 200,
    body: await browseBriefings(deps, req.principal!, req.query),
  }),
  'GET /briefings/{id}': async (req, deps) => ({
    status: 200,
    body: await readBriefing(deps, req.principal!, req.params),
  }),
  'POST /briefings': async (req, deps) => {
    const b = await scheduleBriefing(deps, req.principal!, req.body);
    return { status: 201, body: b, headers: { location: `/briefings/${b.id}` } };
  },
  'POST /briefings/{id}/actions': async (req, deps) => ({
    status: 200,
    body: await actOnBriefing(deps, req.principal!, req.params, req.body),
  }),
};

/** Its writes count against the caller's hourly limit. */
const limited = { rateLimit: withRateLimit };

export const createHandler = (deps: Deps) => httpHandler('briefings', briefingRoutes, () => deps, limited);
export const handler = httpHandler('briefings', briefingRoutes, runtimeDeps, limited);
