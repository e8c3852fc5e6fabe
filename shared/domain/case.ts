// Cases: the state machine (state × action × actor → next state or a typed
// error) and the rules around it. Pure: the single source for the handler, the
// OpenAPI document and the tests.
import * as z from 'zod';
import type { AppConfig } from '#config/schema';
import { BadRequest, Conflict, Forbidden } from './errors';
import { httpUrl, URGENCIES } from './report';
import type { Role } from './roles';
import { describedSearchQuery } from './search';
import { applyTags, tagListSchema, tagSchema } from './tags';
import { type TemplateRef, templateRefSchema } from './template';
import { multiLineText, oneLineText } from './text';

/** How a case ends (docs/cases.md). */
export const OUTCOMES = ['clarified', 'corrected', 'resolved', 'unfounded', 'no-action', 'merged'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** `merged` is set by the merge action only, never chosen on close. */
export const CLOSE_OUTCOMES = OUTCOMES.filter((o) => o !== 'merged') as [
  Exclude<Outcome, 'merged'>,
  ...Exclude<Outcome, 'merged'>[],
];

export const CASE_STATUSES = ['open', 'verifying', 'responded', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const PRIORITIES = URGENCIES;
export type Priority = (typeof PRIORITIES)[number];

export const CASE_ACTIONS = [
  'assign',
  'respond',
  'close',
  'reopen',
  'comment',
  'link-reports',
  'flag-briefing',
  'unlink-report',
  'merge',
  'tag',
] as const;
export type CaseActionName = (typeof CASE_ACTIONS)[number];

/** Outcomes that need the link to the published clarification or correction. */
export const OUTCOMES_NEEDING_EVIDENCE: readonly Outcome[] = ['clarified', 'corrected'];
export const MAX_REPORTS_PER_REQUEST = 50;

/** Who may act: the desk, or the agency the case is assigned to. */
export type Actor = 'desk' | 'assigned-agency';

interface Rule {
  who: readonly Actor[];
  /** States it may start from; `any` includes closed. */
  from: readonly CaseStatus[];
  /** The state it leads to; `null` leaves the status as it is. */
  to: CaseStatus | null;
}

/** The state machine of docs/cases.md, as data. */
export const CASE_RULES: Record<CaseActionName, Rule> = {
  assign: { who: ['desk'], from: ['open', 'verifying', 'responded'], to: 'verifying' },
  respond: { who: ['assigned-agency', 'desk'], from: ['verifying'], to: 'responded' },
  close: { who: ['desk'], from: ['open', 'responded'], to: 'closed' },
  reopen: { who: ['desk'], from: ['closed'], to: 'open' },
  comment: { who: ['desk', 'assigned-agency'], from: CASE_STATUSES, to: null },
  'link-reports': { who: ['desk'], from: ['open', 'verifying', 'responded'], to: null },
  'flag-briefing': { who: ['desk'], from: ['open', 'verifying', 'responded'], to: null },
  'unlink-report': { who: ['desk'], from: ['open', 'verifying', 'responded'], to: null },
  merge: { who: ['desk'], from: ['open', 'verifying', 'responded'], to: 'closed' },
  tag: { who: ['desk'], from: CASE_STATUSES, to: null },
};

const reportIds = z
  .array(z.ulid())
  .min(1)
  .max(MAX_REPORTS_PER_REQUEST)
  .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an id');
const note = multiLineText(1, 4000);

export const caseActionSchema = (config: AppConfig) =>
  z.discriminatedUnion('action', [
    z
      .strictObject({
        action: z.literal('assign'),
        agencyId: z.enum(config.agencies.map((a) => a.id) as [string, ...string[]]),
        dueAt: z.iso.datetime({ offset: true }).optional(),
        /** The deadline as the end of the Nth working day from today (docs/cases.md); the server sets `dueAt`. */
        dueInWorkingDays: z.number().int().min(1).max(60).optional(),
        note: note.optional(),
      })
      .refine((a) => (a.dueAt === undefined) !== (a.dueInWorkingDays === undefined), {
        message: 'give either dueAt or dueInWorkingDays',
        path: ['dueAt'],
      }),
    z.strictObject({
      action: z.literal('respond'),
      finding: multiLineText(1, 4000),
      response: multiLineText(1, 8000),
      note: note.optional(),
      /** The response text came from this template (the text sent is still `response`). */
      template: templateRefSchema.optional(),
    }),
    z.strictObject({
      action: z.literal('close'),
      outcome: z.enum(CLOSE_OUTCOMES),
      note,
      evidenceUrl: httpUrl.optional(),
      /** The note came from this template. */
      template: templateRefSchema.optional(),
    }),
    z.strictObject({ action: z.literal('reopen'), reason: oneLineText(1, 4000) }),
    z.strictObject({ action: z.literal('comment'), note }),
    z.strictObject({ action: z.literal('link-reports'), reportIds }),
    z.strictObject({ action: z.literal('flag-briefing'), briefingId: z.ulid().nullable() }),
    z.strictObject({ action: z.literal('unlink-report'), reportId: z.ulid(), reason: oneLineText(1, 1000) }),
    z.strictObject({
      action: z.literal('merge'),
      intoCaseId: z.ulid(),
      intoVersion: z.number().int().min(1).max(999_999_999),
      note: note.optional(),
    }),
    z
      .strictObject({
        action: z.literal('tag'),
        add: tagListSchema.optional(),
        remove: tagListSchema.optional(),
      })
      .refine((a) => a.add !== undefined || a.remove !== undefined, {
        message: 'name tags to add or remove',
      }),
  ]);
export type CaseAction = z.output<ReturnType<typeof caseActionSchema>>;

export const openCaseSchema = (config: AppConfig) =>
  z.strictObject({
    reportIds,
    title: oneLineText(3, 200).optional(),
    summary: multiLineText(1, 5000).optional(),
    category: z.enum(config.categories.map((c) => c.id) as [string, ...string[]]).optional(),
    area: z.enum(config.areas.map((a) => a.id) as [string, ...string[]]).optional(),
    priority: z.enum(PRIORITIES).optional(),
  });
export type OpenCaseInput = z.output<ReturnType<typeof openCaseSchema>>;

export const caseListQuerySchema = (config: AppConfig) =>
  z.strictObject({
    status: z.enum(CASE_STATUSES).optional(),
    agency: z.enum(config.agencies.map((a) => a.id) as [string, ...string[]]).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    category: z.enum(config.categories.map((c) => c.id) as [string, ...string[]]).optional(),
    area: z.enum(config.areas.map((a) => a.id) as [string, ...string[]]).optional(),
    /** Cases carrying this tag, matched by its key (case- and mark-insensitive). */
    tag: tagSchema.optional(),
    q: describedSearchQuery.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(2048).optional(),
  });
export type CaseListQuery = z.output<ReturnType<typeof caseListQuerySchema>>;

export const historyEntrySchema = z.object({
  at: z.string(),
  by: z.string(),
  role: z.enum(['desk', 'agency']),
  action: z.enum(['open', ...CASE_ACTIONS]),
  from: z.enum(CASE_STATUSES).nullable(),
  to: z.enum(CASE_STATUSES),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  /** The case the entry belongs to: on a survivor's timeline, a merged case's entries name that case. */
  caseId: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const caseSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  category: z.string(),
  area: z.string(),
  priority: z.enum(PRIORITIES),
  status: z.enum(CASE_STATUSES),
  agencyId: z.string().nullable(),
  suggestedAgencyId: z.string().nullable(),
  dueAt: z.string().nullable(),
  assignedAt: z.string().nullable(),
  respondedAt: z.string().nullable(),
  /** Seconds from the latest assignment to the agency's response. */
  responseSeconds: z.number().int().nullable(),
  finding: z.string().nullable(),
  response: z.string().nullable(),
  briefingId: z.string().nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  evidenceUrl: z.string().nullable(),
  reportIds: z.array(z.string()),
  reportCount: z.number().int(),
  version: z.number().int(),
  openedAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  /** Set when the case was merged (outcome `merged`): the surviving case. Absent on cases never merged. */
  mergedInto: z.string().nullable().optional(),
  /** The cases merged into this one, whose histories its timeline shows. Absent when none. */
  mergedCaseIds: z.array(z.string()).optional(),
  /** Desk labels, display forms (shared/domain/tags.ts). */
  tags: z.array(z.string()),
  /** The template the current response came from, if any. */
  responseTemplate: templateRefSchema.nullable(),
  /** Evidence files attached to the case itself (docs/files.md); 0 when none. Not part of `version`. */
  fileCount: z.number().int().optional(),
});
export type Case = z.infer<typeof caseSchema>;

export const caseViewSchema = caseSchema.extend({ overdue: z.boolean() });
export const caseDetailSchema = caseViewSchema.extend({ history: z.array(historyEntrySchema) });

/** Overdue: verifying and past its deadline. */
export const isOverdue = (c: Pick<Case, 'status' | 'dueAt'>, now: Date): boolean =>
  c.status === 'verifying' && c.dueAt !== null && new Date(c.dueAt).getTime() < now.getTime();

/** The agency the routing table suggests: category × area, else the category's fallback. */
export const suggestAgency = (config: AppConfig, category: string, area: string): string | null =>
  config.routing.find((r) => r.category === category && r.area === area)?.agencyId ??
  config.routing.find((r) => r.category === category && r.area === undefined)?.agencyId ??
  null;

/** How the caller stands towards this case, or null if it may not see it at all. */
export const actorFor = (
  caller: { roles: readonly Role[]; agencyId?: string },
  c: Pick<Case, 'agencyId'>,
): Actor | null => {
  if (caller.roles.includes('desk')) return 'desk';
  if (caller.roles.includes('agency') && caller.agencyId && caller.agencyId === c.agencyId)
    return 'assigned-agency';
  return null;
};

/** The actions `actor` may take on a case in `status`. */
export const allowedActions = (status: CaseStatus, actor: Actor): CaseActionName[] =>
  CASE_ACTIONS.filter((a) => CASE_RULES[a].who.includes(actor) && CASE_RULES[a].from.includes(status));

export type TransitionError =
  | { kind: 'forbidden'; action: CaseActionName }
  | { kind: 'illegal'; action: CaseActionName; status: CaseStatus; allowed: CaseActionName[] };

/** A history entry's record of the template a text came from (none: nothing). */
const templateDetail = (ref: TemplateRef | undefined): Record<string, unknown> =>
  ref ? { template: { id: ref.id, version: ref.version } } : {};

/** The state machine itself: the next status (null: unchanged) or why not. */
export const transition = (
  status: CaseStatus,
  action: CaseActionName,
  actor: Actor,
): { ok: true; to: CaseStatus } | { ok: false; error: TransitionError } => {
  const rule = CASE_RULES[action];
  if (!rule.who.includes(actor)) return { ok: false, error: { kind: 'forbidden', action } };
  if (!rule.from.includes(status)) {
    return { ok: false, error: { kind: 'illegal', action, status, allowed: allowedActions(status, actor) } };
  }
  return { ok: true, to: rule.to ?? status };
};

export interface ActionContext {
  actor: Actor;
  by: string;
  now: Date;
}

/**
 * The case after one action and its history entry. Throws Forbidden, Conflict
 * (illegal transition, naming the current status and the allowed actions) or
 * BadRequest (a rule on the action's fields).
 */
export const applyCaseAction = (
  c: Case,
  action: CaseAction,
  ctx: ActionContext,
): { next: Case; entry: HistoryEntry } => {
  const t = transition(c.status, action.action, ctx.actor);
  if (!t.ok) {
    if (t.error.kind === 'forbidden') throw new Forbidden(`Your role may not ${action.action} this case.`);
    throw new Conflict(`Cannot ${action.action} a case that is ${c.status}.`, {
      currentStatus: c.status,
      allowedActions: t.error.allowed,
    });
  }
  const at = ctx.now.toISOString();
  const next: Case = { ...c, status: t.to, updatedAt: at, version: c.version + 1 };
  let entryNote: string | null = null;
  let details: Record<string, unknown> = {};

  switch (action.action) {
    case 'assign': {
      // dueInWorkingDays was turned into dueAt by the service (withWorkingDayDeadline).
      const due = new Date(action.dueAt ?? Number.NaN);
      if (Number.isNaN(due.getTime())) {
        throw new BadRequest('The action is not valid.', [{ path: '/dueAt', message: 'is required' }]);
      }
      if (due.getTime() <= ctx.now.getTime()) {
        throw new BadRequest('The action is not valid.', [
          { path: '/dueAt', message: 'must be in the future' },
        ]);
      }
      Object.assign(next, {
        agencyId: action.agencyId,
        dueAt: due.toISOString(),
        assignedAt: at,
        respondedAt: null,
        responseSeconds: null,
      });
      entryNote = action.note ?? null;
      details = {
        agencyId: action.agencyId,
        dueAt: next.dueAt,
        previousAgencyId: c.agencyId,
        ...(action.dueInWorkingDays ? { dueInWorkingDays: action.dueInWorkingDays } : {}),
      };
      break;
    }
    case 'respond': {
      const since = c.assignedAt
        ? Math.round((ctx.now.getTime() - new Date(c.assignedAt).getTime()) / 1000)
        : null;
      Object.assign(next, {
        finding: action.finding,
        response: action.response,
        respondedAt: at,
        responseSeconds: since,
        responseTemplate: action.template ?? null,
      });
      entryNote = action.note ?? null;
      details = {
        finding: action.finding,
        response: action.response,
        agencyId: c.agencyId,
        responseSeconds: since,
        ...templateDetail(action.template),
      };
      break;
    }
    case 'close': {
      if (OUTCOMES_NEEDING_EVIDENCE.includes(action.outcome) && !action.evidenceUrl) {
        throw new BadRequest('The action is not valid.', [
          { path: '/evidenceUrl', message: `required when the outcome is ${action.outcome}` },
        ]);
      }
      Object.assign(next, { outcome: action.outcome, evidenceUrl: action.evidenceUrl ?? null, closedAt: at });
      entryNote = action.note;
      // Who answered and how fast, kept with the closure for per-agency summaries.
      details = {
        outcome: action.outcome,
        evidenceUrl: action.evidenceUrl ?? null,
        agencyId: c.agencyId,
        responseSeconds: c.responseSeconds,
        ...templateDetail(action.template),
      };
      break;
    }
    case 'reopen':
      // Its reports now belong to the survivor: reopening would leave a case without them.
      if (c.outcome === 'merged') {
        throw new Conflict('A merged case cannot be reopened; act on the case it was merged into.', {
          currentStatus: c.status,
          mergedInto: c.mergedInto ?? null,
        });
      }
      Object.assign(next, { outcome: null, evidenceUrl: null, closedAt: null });
      entryNote = action.reason;
      details = { previousOutcome: c.outcome };
      break;
    case 'comment':
      entryNote = action.note;
      break;
    case 'link-reports': {
      const already = action.reportIds.filter((id) => c.reportIds.includes(id));
      if (already.length > 0) {
        throw new Conflict('Some reports are already linked to this case.', { reportIds: already });
      }
      next.reportIds = [...c.reportIds, ...action.reportIds];
      next.reportCount = next.reportIds.length;
      details = { reportIds: action.reportIds };
      break;
    }
    case 'flag-briefing':
      next.briefingId = action.briefingId;
      details = { briefingId: action.briefingId, previousBriefingId: c.briefingId };
      break;
    case 'unlink-report': {
      const unlinked = unlinkReport(c, action.reportId);
      next.reportIds = unlinked.reportIds;
      next.reportCount = unlinked.reportIds.length;
      entryNote = action.reason;
      details = { reportId: action.reportId };
      break;
    }
    case 'merge':
      // Both sides at once: shared/domain/merge.ts (it checks the survivor too).
      throw new BadRequest('A merge is applied to both cases together.');
    case 'tag': {
      const { tags, added, removed } = applyTags(c.tags ?? [], action.add, action.remove);
      next.tags = tags;
      details = { added, removed };
      break;
    }
  }
  const entry: HistoryEntry = {
    at,
    by: ctx.by,
    role: ctx.actor === 'desk' ? 'desk' : 'agency',
    action: action.action,
    from: c.status,
    to: next.status,
    note: entryNote,
    details,
    version: next.version,
  };
  return { next, entry };
};

export interface OpeningReport {
  id: string;
  title: string;
  summary: string;
  category: string;
  area: string;
  urgency: Priority;
}

/** A new case from its reports; omitted fields come from the first report, priority from the most urgent. */
export const openCase = (
  config: AppConfig,
  input: OpenCaseInput,
  reports: OpeningReport[],
  ctx: { id: string; by: string; now: Date },
): { opened: Case; entry: HistoryEntry } => {
  const first = reports[0];
  if (!first) throw new BadRequest('A case needs at least one report.');
  const at = ctx.now.toISOString();
  const category = input.category ?? first.category;
  const area = input.area ?? first.area;
  const priority =
    input.priority ?? PRIORITIES[Math.max(...reports.map((r) => PRIORITIES.indexOf(r.urgency)))] ?? 'normal';
  const opened: Case = {
    id: ctx.id,
    title: input.title ?? first.title,
    summary: input.summary ?? first.summary,
    category,
    area,
    priority,
    status: 'open',
    agencyId: null,
    suggestedAgencyId: suggestAgency(config, category, area),
    dueAt: null,
    assignedAt: null,
    respondedAt: null,
    responseSeconds: null,
    finding: null,
    response: null,
    briefingId: null,
    outcome: null,
    evidenceUrl: null,
    reportIds: reports.map((r) => r.id),
    reportCount: reports.length,
    version: 1,
    openedAt: at,
    updatedAt: at,
    closedAt: null,
    tags: [],
    responseTemplate: null,
  };
  const entry: HistoryEntry = {
    at,
    by: ctx.by,
    role: 'desk',
    action: 'open',
    from: null,
    to: 'open',
    note: null,
    details: { reportIds: opened.reportIds },
    version: 1,
  };
  return { opened, entry };
};

/** The case's reports without `reportId`; refused when it is not on the case or is its last report. */
export const unlinkReport = (
  c: Pick<Case, 'reportIds' | 'status'>,
  reportId: string,
): { reportIds: string[] } => {
  if (!c.reportIds.includes(reportId)) {
    throw new Conflict('The report is not linked to this case.', { reportId });
  }
  if (c.reportIds.length === 1) {
    throw new Conflict('This is the case’s last report: close the case or merge it instead.', {
      reportId,
      currentStatus: c.status,
    });
  }
  return { reportIds: c.reportIds.filter((id) => id !== reportId) };
};
