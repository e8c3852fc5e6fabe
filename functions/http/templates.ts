// HTTP adapter for the response template routes. They are served by the case
// function (handler group `cases`): respond and close read templates there
// anyway, and the grants they need are the ones it has (functions/permissions.ts).
import type { RouteImpls } from '#http/handler';
import {
  actOnTemplate,
  browseTemplates,
  createTemplateFor,
  readTemplate,
  templateEtag,
} from '#service/templates';

export const templateRoutes: RouteImpls = {
  'GET /templates': async (req, deps) => ({
    status: 200,
    body: await browseTemplates(deps, req.principal!, req.query),
  }),
  'POST /templates': async (req, deps) => {
    const created = await createTemplateFor(deps, req.principal!, req.body);
    return {
      status: 201,
      body: created,
      headers: { location: `/templates/${created.id}`, etag: templateEtag(created) },
    };
  },
  'GET /templates/{id}': async (req, deps) => {
    const detail = await readTemplate(deps, req.principal!, req.params);
    return { status: 200, body: detail, headers: { etag: templateEtag(detail) } };
  },
  'POST /templates/{id}/actions': async (req, deps) => {
    const updated = await actOnTemplate(deps, req.principal!, req.params, req.headers['if-match'], req.body);
    return { status: 200, body: updated, headers: { etag: templateEtag(updated) } };
  },
};
