// HTTP adapter for /health, /reference and /openapi.json.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type Deps, runtimeDeps } from '../../shared/deps';
import { referenceData } from '../../shared/domain/reference';
import { httpHandler, type RouteImpls } from '../../shared/http/handler';
import { buildOpenApi } from '../../shared/http/openapi';

let openApi: { config: unknown; doc: unknown } | undefined;

export const metaRoutes: RouteImpls = {
  'GET /health': async (_req, deps) => {
    // A strongly consistent read of a key that never exists: the table answers or we are down (503).
    await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: { pk: 'HEALTH', sk: 'HEALTH' } }));
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
