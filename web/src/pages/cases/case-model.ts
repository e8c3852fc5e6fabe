// The case page's pure parts: which actions the caller may take (from
// `/reference` caseActions), what changed between two versions of a case (for
// the 412 message), the drafts kept per case and action, and the request body
// each action's form makes. No DOM, no fetch: web/test/case-model.test.ts.
import type { paths } from '../../api/client';
import type { Role } from '../../auth/session';
import type { Reference } from '../../reference';
import { fromLocalInput } from '../../time';

export type CaseDetail = paths['/cases/{id}']['get']['responses'][200]['content']['application/json'];
export type HistoryEntry = CaseDetail['history'][number];
export type CaseStatus = CaseDetail['status'];
export type ActionBody = paths['/cases/{id}/actions']['post']['requestBody']['content']['application/json'];
export type ActionName = ActionBody['action'];

/** The actions the console has a form for, in the order they are offered. */
export const ACTION_ORDER: readonly ActionName[] = [
  'assign',
  'respond',
  'close',
  'reopen',
  'flag-briefing',
  'link-reports',
  'unlink-report',
  'merge',
  'tag',
  'comment',
];

const isActionName = (a: string): a is ActionName => (ACTION_ORDER as readonly string[]).includes(a);

/**
 * The actions `/reference` caseActions allows in `status` for the caller. The
 * API names the agency actor `assigned-agency`: an agency user who can read the
 * case at all is the assigned one (the API answers 404 otherwise).
 */
export const allowedActions = (
  caseActions: Reference['caseActions'],
  status: CaseStatus,
  role: Role,
): ActionName[] => {
  const actor = role === 'desk' ? 'desk' : role === 'agency' ? 'assigned-agency' : null;
  if (!actor) return [];
  const allowed = new Set(
    caseActions.filter((r) => r.who.includes(actor) && r.from.includes(status)).map((r) => r.action),
  );
  return ACTION_ORDER.filter((a) => allowed.has(a) && isActionName(a));
};

/** What a 412 shows: the fields that differ and the history entries written since. */
export interface CaseChanges {
  fields: { field: ChangedField; before: string | null; after: string | null }[];
  entries: HistoryEntry[];
}

export const COMPARED_FIELDS = [
  'status',
  'agencyId',
  'dueAt',
  'priority',
  'title',
  'outcome',
  'evidenceUrl',
  'briefingId',
  'finding',
  'response',
  'reportCount',
] as const;
export type ChangedField = (typeof COMPARED_FIELDS)[number];

/** Compares the case the user was looking at with the one the API has now. */
export const caseChanges = (before: CaseDetail, after: CaseDetail): CaseChanges => {
  const norm = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  const fields = COMPARED_FIELDS.filter((f) => norm(before[f]) !== norm(after[f])).map((field) => ({
    field,
    before: norm(before[field]),
    after: norm(after[field]),
  }));
  const entries = after.history.filter((e) => e.version > before.version);
  return { fields, entries };
};

// Drafts: what the user typed into an action's form, per case and action, in
// session storage (it survives a reload, and is gone when the tab closes: no
// text left behind on a shared PC).
// A draft also notes the version of the case it was typed against (`_version`),
// so that a reload can say what changed since.
export type Draft = Record<string, string>;

const VERSION_KEY = '_version';

/** The draft with the version it is typed against. */
export const withVersion = (draft: Draft, version: number): Draft => ({
  ...draft,
  [VERSION_KEY]: String(version),
});

/**
 * What happened on the case since a restored draft was typed (its history
 * entries after the draft's version); empty when nothing did.
 */
export const changesSinceDraft = (c: CaseDetail, draft: Draft | undefined): CaseChanges => {
  const v = Number(draft?.[VERSION_KEY]);
  if (!Number.isInteger(v) || v >= c.version) return { fields: [], entries: [] };
  return { fields: [], entries: c.history.filter((e) => e.version > v) };
};

const DRAFT_PREFIX = 'od.case-draft:';

export const draftKey = (caseId: string, action: ActionName): string => `${DRAFT_PREFIX}${caseId}:${action}`;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
const storage = (): Store | undefined => (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);

export const readDraft = (caseId: string, action: ActionName, store = storage()): Draft | undefined => {
  try {
    const raw = store?.getItem(draftKey(caseId, action));
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    return Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return undefined;
  }
};

export const writeDraft = (caseId: string, action: ActionName, draft: Draft, store = storage()): void => {
  try {
    if (Object.entries(draft).some(([k, v]) => k !== VERSION_KEY && v.trim() !== '')) {
      store?.setItem(draftKey(caseId, action), JSON.stringify(draft));
    } else store?.removeItem(draftKey(caseId, action));
  } catch {
    // Storage full or off: the form still works, only without the copy.
  }
};

export const dropDraft = (caseId: string, action: ActionName, store = storage()): void => {
  try {
    store?.removeItem(draftKey(caseId, action));
  } catch {
    // Nothing to do.
  }
};

/** The action a draft was left open for, if any (the first in the order offered). */
export const draftedAction = (
  caseId: string,
  actions: readonly ActionName[],
  store = storage(),
): ActionName | undefined => actions.find((a) => readDraft(caseId, a, store) !== undefined);

/** The form's starting values: the draft, else what the case suggests. */
export const initialFields = (action: ActionName, c: CaseDetail, draft?: Draft): Draft => {
  const base = ((): Draft => {
    switch (action) {
      case 'assign':
        return { agencyId: c.suggestedAgencyId ?? c.agencyId ?? '', dueAt: '', note: '' };
      case 'respond':
        return { finding: c.finding ?? '', response: c.response ?? '', note: '', ...NO_TEMPLATE };
      case 'close':
        return { outcome: '', evidenceUrl: '', note: '', ...NO_TEMPLATE };
      case 'reopen':
        return { reason: '' };
      case 'flag-briefing':
        return { briefingId: c.briefingId ?? '' };
      case 'link-reports':
        return { reportIds: '' };
      case 'comment':
        return { note: '' };
      case 'unlink-report':
        return { reportId: '', reason: '' };
      case 'merge':
        return { intoCaseId: '', intoVersion: '', note: '' };
      case 'tag':
        return { add: '', remove: '' };
    }
  })();
  return { ...base, ...draft };
};

const optional = (v: string | undefined): string | undefined => (v?.trim() ? v.trim() : undefined);

/** The template a respond or close form's text was chosen from: none yet. */
const NO_TEMPLATE = { templateId: '', templateVersion: '' };

/** `template: { id, version }` when the form's text was chosen from one. */
const templateOf = (f: Draft): { template?: { id: string; version: number } } =>
  f.templateId && Number(f.templateVersion) > 0
    ? { template: { id: f.templateId, version: Number(f.templateVersion) } }
    : {};

/** Tags typed as a comma- or semicolon-separated list (a tag may hold spaces). */
export const tagList = (s: string | undefined): string[] =>
  (s ?? '')
    .split(/[,;\n]/)
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * The request body a form's values make. Empty optional fields are left out;
 * empty required ones are sent empty so that the API names them (its words, at
 * the field). The due date is the zone's wall-clock time turned into an instant.
 */
export const actionBody = (action: ActionName, f: Draft, zone: string): ActionBody => {
  const text = (k: string) => (f[k] ?? '').trim();
  switch (action) {
    case 'assign': {
      const note = optional(f.note);
      return {
        action,
        agencyId: text('agencyId') as Extract<ActionBody, { action: 'assign' }>['agencyId'],
        // A deadline in working days, when given, is the server's to compute (it replaces the date).
        ...(text('dueInWorkingDays')
          ? { dueInWorkingDays: Number(text('dueInWorkingDays')) }
          : { dueAt: fromLocalInput(text('dueAt'), zone) ?? text('dueAt') }),
        ...(note ? { note } : {}),
      };
    }
    case 'respond': {
      const note = optional(f.note);
      return {
        action,
        finding: text('finding'),
        response: text('response'),
        ...(note ? { note } : {}),
        ...templateOf(f),
      };
    }
    case 'close': {
      const evidenceUrl = optional(f.evidenceUrl);
      return {
        action,
        outcome: text('outcome') as Extract<ActionBody, { action: 'close' }>['outcome'],
        note: text('note'),
        ...(evidenceUrl ? { evidenceUrl } : {}),
        ...templateOf(f),
      };
    }
    case 'reopen':
      return { action, reason: text('reason') };
    case 'comment':
      return { action, note: text('note') };
    case 'link-reports':
      return {
        action,
        reportIds: text('reportIds')
          .split(/[\s,;]+/)
          .filter(Boolean),
      };
    case 'flag-briefing':
      return { action, briefingId: text('briefingId') || null };
    case 'unlink-report':
      return { action, reportId: text('reportId'), reason: text('reason') };
    case 'merge': {
      const note = optional(f.note);
      // The version of the chosen case as the form read it: the API checks it (412 when it moved on).
      return {
        action,
        intoCaseId: text('intoCaseId'),
        intoVersion: Number(text('intoVersion')) || 0,
        ...(note ? { note } : {}),
      };
    }
    case 'tag': {
      const add = tagList(f.add);
      const remove = tagList(f.remove);
      return { action, ...(add.length > 0 ? { add } : {}), ...(remove.length > 0 ? { remove } : {}) };
    }
  }
};

/** The outcomes the close form offers: `merged` comes from the merge action only. */
export const closeOutcomes = <O extends string>(outcomes: readonly O[]): O[] =>
  outcomes.filter((o) => o !== 'merged');

/** Overdue as the API counts it: verifying and past the deadline. */
export const isOverdue = (c: Pick<CaseDetail, 'status' | 'dueAt'>, now = Date.now()): boolean =>
  c.status === 'verifying' && c.dueAt !== null && Date.parse(c.dueAt) < now;
