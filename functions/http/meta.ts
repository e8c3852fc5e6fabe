// HTTP adapter for /, /health, /reference, /openapi.json and /docs (and the
// 405 of API Gateway's `ANY <path>` routes, answered in shared/http/handler.ts).

import { referenceData } from '#domain/reference';
import { runtimeDeps } from '#functions/runtime-deps';
import { type HttpRequest, httpHandler, type RouteImpls } from '#http/handler';
import { buildOpenApi } from '#http/openapi';
import { REFERENCE_PAGE_CSP, renderReferencePage } from '#http/reference-page';
import type { Deps } from '#shared/deps';
import { pingTable } from '#store/health';

/** Per config and origin: the document and the page are built once per Lambda instance. */
const documents = new WeakMap<object, Map<string, { doc: object; page?: string }>>();

/**
 * The URL the caller reached this API at, for the document's `servers`:
 * API Gateway (and the local server) pass the Host header and
 * X-Forwarded-Proto. Anything that does not look like a host is ignored.
 */
const originOf = (req: HttpRequest): string | undefined => {
  const host = req.headers.host;
  const proto = req.headers['x-forwarded-proto'] ?? 'https';
  if (!host || !/^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/.test(host) || !/^https?$/.test(proto)) return undefined;
  return `${proto}://${host}`;
};

const documentFor = (deps: Deps, req: HttpRequest): { doc: object; page?: string } => {
  let byOrigin = documents.get(deps.config);
  if (!byOrigin) {
    byOrigin = new Map();
    documents.set(deps.config, byOrigin);
  }
  const origin = originOf(req);
  const key = origin ?? '';
  let entry = byOrigin.get(key);
  if (!entry) {
    // A few origins per instance at most (the API's domains); bound it all the same.
    if (byOrigin.size >= 16) byOrigin.clear();
    entry = { doc: buildOpenApi(deps.config, origin) };
    byOrigin.set(key, entry);
  }
  return entry;
};

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
  'GET /': async () => ({
    status: 200,
    body: {
      name: 'opinion-desk',
      description: 'Public-opinion desk API. Start with the reference page.',
      links: { docs: '/docs', openapi: '/openapi.json', health: '/health' },
    },
  }),
  'GET /health': async (_req, deps) => {
    // The table answers or we are down (503); the answer is reused for HEALTH_CACHE_MS, failures too.
    await probeTable(deps);
    return { status: 200, body: { status: 'ok' } };
  },
  'GET /reference': async (_req, deps) => ({ status: 200, body: referenceData(deps.config) }),
  'GET /openapi.json': async (req, deps) => ({
    status: 200,
    body: documentFor(deps, req).doc,
    headers: { 'cache-control': 'public, max-age=300' },
  }),
  'GET /docs': async (req, deps) => {
    const entry = documentFor(deps, req);
    entry.page ??= renderReferencePage(entry.doc);
    return {
      status: 200,
      text: entry.page,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': REFERENCE_PAGE_CSP },
    };
  },
};

export const createHandler = (deps: Deps) => httpHandler('meta', metaRoutes, () => deps);
export const handler = httpHandler('meta', metaRoutes, runtimeDeps);
