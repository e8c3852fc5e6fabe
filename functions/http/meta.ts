// HTTP adapter for /health, /reference and /openapi.json.
import { type Deps, runtimeDeps } from '../../shared/deps';
import { referenceData } from '../../shared/domain/reference';
import { httpHandler, type RouteImpls } from '../../shared/http/handler';
import { buildOpenApi } from '../../shared/http/openapi';
import { pingTable } from '../../shared/store/health';

let openApi: { config: unknown; doc: unknown } | undefined;

/** How long one answer of the table serves /health: it is public, so callers cannot make it hit the store. */
export const HEALTH_CACHE_MS = 5_000;
/**
 * The last probe per deps (one per Lambda instance): its outcome, ok or not,
 * and when it settled. Callers while it runs share it; the window counts from
 * its answer, so a probe that timed out after seconds is still reused.
 */
const lastProbe = new WeakMap<Deps, { result: Promise<void>; settledAt?: number }>();

const probeTable = (deps: Deps): Promise<void> => {
  const now = deps.clock().getTime();
  const last = lastProbe.get(deps);
  if (
    last &&
    (last.settledAt === undefined || (now >= last.settledAt && now - last.settledAt < HEALTH_CACHE_MS))
  )
    return last.result;
  const probe: { result: Promise<void>; settledAt?: number } = { result: pingTable(deps) };
  const settle = () => {
    probe.settledAt = deps.clock().getTime();
  };
  probe.result.then(settle, settle);
  lastProbe.set(deps, probe);
  return probe.result;
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
