// HTTP adapter for /health, /reference and /openapi.json.
import { type Deps, runtimeDeps } from '../../shared/deps';
import { referenceData } from '../../shared/domain/reference';
import { httpHandler, type RouteImpls } from '../../shared/http/handler';
import { buildOpenApi } from '../../shared/http/openapi';
import { pingTable } from '../../shared/store/health';

let openApi: { config: unknown; doc: unknown } | undefined;

/** How long one answer of the table serves /health: it is public, so callers cannot make it hit the store. */
export const HEALTH_CACHE_MS = 5_000;
/** The last probe per deps (one per Lambda instance): when it ran and what it found, ok or not. */
const lastProbe = new WeakMap<Deps, { at: number; result: Promise<void> }>();

const probeTable = (deps: Deps): Promise<void> => {
  const now = deps.clock().getTime();
  const last = lastProbe.get(deps);
  if (last && now >= last.at && now - last.at < HEALTH_CACHE_MS) return last.result;
  const result = pingTable(deps);
  result.catch(() => {}); // awaited by every caller within the window; this only marks it handled
  lastProbe.set(deps, { at: now, result });
  return result;
};

export const metaRoutes: RouteImpls = {
  'GET /health': async (_req, deps) => {
    // The table answers or we are down (503); the answer is reused for HEALTH_CACHE_MS, failures too.
    await probeTable(deps);
    return { status: 200, body: { status: 'ok' } };
  },
  'GET /reference': async (_req, deps) => ({ status: 200, body: referenceData(deps.config) }),
  'GET /openapi.json': async (_req, deps) => {
    if (openApi?.config !== deps.config) openApi = { config: deps.config, doc: buildOpenApi(deps.config) };
    return { status: 200, body: openApi.doc, headers: { 'cache-control': 'public, max-age=300' } };
  },
};

export const createHandler = (deps: Deps) => httpHandler('meta', metaRoutes, () => deps);
export const handler = httpHandler('meta', metaRoutes, runtimeDeps);
