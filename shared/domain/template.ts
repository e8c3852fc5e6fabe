// Response templates (docs/cases.md, "Response templates"): approved lines the
// desk keeps per category in Vietnamese and English. Versioned like a case
// (the ETag is the version, every action needs If-Match) with a history of who
// changed what. Pure: the rules, the schemas, one action's effect.
import * as z from 'zod';
import type { AppConfig } from '#config/schema';
import { BadRequest, Conflict } from './errors';
import { multiLineText, oneLineText } from './text';

export const TEMPLATE_STATUSES = ['active', 'retired'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];
export const TEMPLATE_ACTIONS = ['edit', 'retire', 'restore'] as const;
export type TemplateActionName = (typeof TEMPLATE_ACTIONS)[number];

const categoryOf = (config: AppConfig) => z.enum(config.categories.map((c) => c.id) as [string, ...string[]]);
const templateText = z.strictObject({ vi: multiLineText(1, 8000), en: multiLineText(1, 8000) });

export const newTemplateSchema = (config: AppConfig) =>
  z.strictObject({ category: categoryOf(config), title: oneLineText(3, 200), text: templateText });
export type NewTemplateInput = z.output<ReturnType<typeof newTemplateSchema>>;

export const templateActionSchema = (config: AppConfig) =>
  z.discriminatedUnion('action', [
    z
      .strictObject({
        action: z.literal('edit'),
        title: oneLineText(3, 200).optional(),
        text: templateText.optional(),
        category: categoryOf(config).optional(),
      })
      .refine((a) => a.title !== undefined || a.text !== undefined || a.category !== undefined, {
        message: 'name at least one of title, text, category',
      }),
    z.strictObject({ action: z.literal('retire'), reason: oneLineText(1, 1000) }),
    z.strictObject({ action: z.literal('restore') }),
  ]);
export type TemplateAction = z.output<ReturnType<typeof templateActionSchema>>;

export const templateListQuerySchema = (config: AppConfig) =>
  z.strictObject({
    category: categoryOf(config).optional(),
    status: z.enum(TEMPLATE_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2048).optional(),
  });
export type TemplateListQuery = z.output<ReturnType<typeof templateListQuerySchema>>;

/** Which template (and version) a response or closing note came from. */
export const templateRefSchema = z.strictObject({ id: z.ulid(), version: z.number().int().min(1).max(1e9) });
export type TemplateRef = z.output<typeof templateRefSchema>;

export const templateSchema = z.object({
  id: z.string(),
  category: z.string(),
  title: z.string(),
  text: z.object({ vi: z.string(), en: z.string() }),
  status: z.enum(TEMPLATE_STATUSES),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Template = z.infer<typeof templateSchema>;

/** One change: who, when, what, and each changed field before and after. */
export const templateHistoryEntrySchema = z.object({
  at: z.string(),
  by: z.string(),
  action: z.enum(['create', ...TEMPLATE_ACTIONS]),
  version: z.number().int(),
  reason: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export type TemplateHistoryEntry = z.infer<typeof templateHistoryEntrySchema>;
export const templateDetailSchema = templateSchema.extend({ history: z.array(templateHistoryEntrySchema) });

export const createTemplate = (
  input: NewTemplateInput,
  ctx: { id: string; by: string; now: Date },
): { created: Template; entry: TemplateHistoryEntry } => {
  const at = ctx.now.toISOString();
  const created: Template = {
    id: ctx.id,
    category: input.category,
    title: input.title,
    text: { vi: input.text.vi, en: input.text.en },
    status: 'active',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const changes = Object.fromEntries(
    (['category', 'title', 'text'] as const).map((f) => [f, { before: null, after: created[f] }]),
  );
  return { created, entry: { at, by: ctx.by, action: 'create', version: 1, reason: null, changes } };
};

/** The template after one action and its history entry; Conflict when the status does not allow it. */
export const applyTemplateAction = (
  t: Template,
  action: TemplateAction,
  ctx: { by: string; now: Date },
): { next: Template; entry: TemplateHistoryEntry } => {
  const at = ctx.now.toISOString();
  const next: Template = { ...t, version: t.version + 1, updatedAt: at };
  const changes: TemplateHistoryEntry['changes'] = {};
  let reason: string | null = null;
  const illegal = () =>
    new Conflict(`Cannot ${action.action} a template that is ${t.status}.`, {
      currentStatus: t.status,
      allowedActions: t.status === 'active' ? ['edit', 'retire'] : ['restore'],
    });
  switch (action.action) {
    case 'edit': {
      // A retired template is restored before it is edited: its text stays as it was retired.
      if (t.status !== 'active') throw illegal();
      for (const f of ['title', 'category', 'text'] as const) {
        const after = action[f];
        if (after === undefined || JSON.stringify(after) === JSON.stringify(t[f])) continue;
        changes[f] = { before: t[f], after };
        Object.assign(next, { [f]: after });
      }
      if (Object.keys(changes).length === 0) {
        throw new BadRequest('The edit changes nothing.', [
          { path: '', message: 'every field is as it was' },
        ]);
      }
      break;
    }
    case 'retire':
      if (t.status !== 'active') throw illegal();
      next.status = 'retired';
      changes.status = { before: 'active', after: 'retired' };
      reason = action.reason;
      break;
    case 'restore':
      if (t.status !== 'retired') throw illegal();
      next.status = 'active';
      changes.status = { before: 'retired', after: 'active' };
      break;
  }
  return { next, entry: { at, by: ctx.by, action: action.action, version: next.version, reason, changes } };
};

/** A response or note may cite a template only while it is active and at the version cited. */
export const templateRefProblem = (t: Template | undefined, ref: TemplateRef): string | null => {
  if (!t) return 'no such template';
  if (t.status !== 'active') return 'the template is retired';
  if (t.version !== ref.version) return `the template is at version ${t.version}`;
  return null;
};
