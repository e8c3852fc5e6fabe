// Response template use cases: list, create, read, act. The desk owns them;
// an agency reads the active ones (it responds with them), never a retired
// one nor who changed what.
import { Forbidden, NotFound, PreconditionFailed } from '#domain/errors';
import { idParamsSchema } from '#domain/ids';
import type { Principal } from '#domain/principal';
import {
  applyTemplateAction,
  createTemplate,
  newTemplateSchema,
  type Template,
  type TemplateHistoryEntry,
  templateActionSchema,
  templateListQuerySchema,
} from '#domain/template';
import { validate } from '#domain/validate';
import type { Deps } from '#shared/deps';
import type { Page } from '#store/query';
import {
  getTemplate,
  getTemplateWithHistory,
  listTemplates,
  putNewTemplate,
  saveTemplateChange,
} from '#store/templates';
import { parseIfMatch } from './cases';

export type TemplateDetail = Template & { history: TemplateHistoryEntry[] };

const isDesk = (p: Principal) => p.roles.includes('desk');
const notFound = () => new NotFound('No such template.');
export const templateEtag = (t: Pick<Template, 'version'>) => `"${t.version}"`;

const templateId = (params: unknown): string => {
  const parsed = idParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data.id;
};

export const browseTemplates = async (
  deps: Deps,
  principal: Principal,
  query: unknown,
): Promise<Page<Template>> => {
  const q = validate(templateListQuerySchema(deps.config), query, 'query');
  if (!isDesk(principal)) {
    // An agency sees active templates only, whatever it asks for.
    if (q.status === 'retired') return { items: [], nextCursor: null };
    return listTemplates(deps, { ...q, status: 'active' });
  }
  return listTemplates(deps, q);
};

export const createTemplateFor = async (
  deps: Deps,
  principal: Principal,
  body: unknown,
): Promise<Template> => {
  if (!isDesk(principal)) throw new Forbidden('Only the desk keeps templates.');
  const input = validate(newTemplateSchema(deps.config), body, 'template');
  const { created, entry } = createTemplate(input, {
    id: deps.newId(),
    by: principal.sub,
    now: deps.clock(),
  });
  await putNewTemplate(deps, created, entry);
  return created;
};

export const readTemplate = async (
  deps: Deps,
  principal: Principal,
  params: unknown,
): Promise<TemplateDetail> => {
  const found = await getTemplateWithHistory(deps, templateId(params));
  if (!found) throw notFound();
  if (isDesk(principal)) return { ...found.template, history: found.history };
  if (found.template.status !== 'active') throw notFound();
  return { ...found.template, history: [] };
};

export const actOnTemplate = async (
  deps: Deps,
  principal: Principal,
  params: unknown,
  ifMatch: string | undefined,
  body: unknown,
): Promise<Template> => {
  if (!isDesk(principal)) throw new Forbidden('Only the desk keeps templates.');
  const id = templateId(params);
  const expected = parseIfMatch(ifMatch);
  const action = validate(templateActionSchema(deps.config), body, 'action');
  const before = await getTemplate(deps, id);
  if (!before) throw notFound();
  if (before.version !== expected) {
    throw new PreconditionFailed(
      `The template is at version ${before.version}, not ${expected}; read it again and retry.`,
      { currentVersion: before.version },
      { etag: templateEtag(before) },
    );
  }
  const { next, entry } = applyTemplateAction(before, action, { by: principal.sub, now: deps.clock() });
  await saveTemplateChange(deps, before, next, entry);
  return next;
};
