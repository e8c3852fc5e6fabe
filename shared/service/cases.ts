// Case use cases: open, list, read, act. Access is decided here from the
// caller and the case (desk: all; agency: its own cases, others are "not
// found"); the transition rules are shared/domain/case.ts.

import {
  actorFor,
  applyCaseAction,
  type Case,
  type CaseAction,
  type CaseListQuery,
  caseActionSchema,
  caseListQuerySchema,
  type HistoryEntry,
  isOverdue,
  openCase,
  openCaseSchema,
} from '#domain/case';
import {
  BadRequest,
  Conflict,
  Forbidden,
  NotFound,
  PreconditionFailed,
  PreconditionRequired,
} from '#domain/errors';
import { idParamsSchema } from '#domain/ids';
import { noticeFor } from '#domain/notifications';
import type { Principal } from '#domain/principal';
import { assertMaySearch } from '#domain/search';
import { validate } from '#domain/validate';
import { agencyCaseView, agencyHistoryView } from '#domain/views';
import { withWorkingDayDeadline } from '#domain/working-days';
import { mergeCases, mergedTimeline } from '#service/case-merge';
import type { Deps } from '#shared/deps';
import { briefingStillScheduled } from '#store/briefing-check';
import { getBriefing } from '#store/briefings';
import { unlinkReportItem } from '#store/case-merge';
import {
  type CaseActionWrite,
  getCase,
  getCaseWithHistory,
  listCases,
  putNewCase,
  saveCaseAction,
} from '#store/cases';
import { outboxPut } from '#store/outbox';
import type { Page } from '#store/query';
import { getReportsByIds } from '#store/reports';
import { deleteCasePostings, putCasePostings, putResponsePostings, searchCases } from '#store/search';
import { citedTemplateCheck } from './template-ref';
import { actionEventFor, openedEventFor } from './webhook-events';

export type CaseView = Case & { overdue: boolean };
export type CaseDetail = CaseView & { history: HistoryEntry[] };

export const viewOf = (c: Case, now: Date): CaseView => ({ ...c, overdue: isOverdue(c, now) });
/** The desk reads a case as it is; an agency with contacts masked in report-derived text and desk notes. */
const viewFor = (actor: 'desk' | 'agency', c: Case, now: Date): CaseView =>
  actor === 'desk' ? viewOf(c, now) : agencyCaseView(viewOf(c, now));
export const etagOf = (c: Pick<Case, 'version'>) => `"${c.version}"`;

const notFound = () => new NotFound('No such case.');

/** The reports to link must exist and be new; names the ones that are not. */
const reportsToLink = async (deps: Deps, ids: string[]) => {
  const found = await getReportsByIds(deps, ids);
  const missing = ids.map((id, i) => [id, i] as const).filter(([id]) => !found.has(id));
  if (missing.length > 0) {
    throw new BadRequest(
      'Some reports do not exist.',
      missing.map(([, i]) => ({ path: `/reportIds/${i}`, message: 'no such report' })),
    );
  }
  const notNew = ids.filter((id) => found.get(id)?.status !== 'new');
  if (notNew.length > 0) {
    throw new Conflict('Some reports are not new: they are linked to a case or dismissed.', {
      reportIds: notNew,
      reports: notNew.map((id) => ({
        id,
        status: found.get(id)?.status,
        caseId: found.get(id)?.caseId ?? null,
      })),
    });
  }
  return ids.map((id) => found.get(id)!);
};

export const openCaseFor = async (deps: Deps, principal: Principal, body: unknown): Promise<CaseView> => {
  const input = validate(openCaseSchema(deps.config), body, 'case');
  const reports = await reportsToLink(deps, input.reportIds);
  const now = deps.clock();
  const { opened, entry } = openCase(deps.config, input, reports, {
    id: deps.newId(),
    by: principal.sub,
    now,
  });
  // Its search postings precede it (store/search.ts).
  await putCasePostings(deps, opened);
  try {
    await putNewCase(deps, opened, entry, now, openedEventFor(deps, opened, now));
  } catch (err) {
    await deleteCasePostings(deps, opened);
    throw err;
  }
  return viewOf(opened, now);
};

export const browseCases = async (
  deps: Deps,
  principal: Principal,
  query: unknown,
): Promise<Page<CaseView>> => {
  const q = validate(caseListQuerySchema(deps.config), query, 'query');
  if (q.q !== undefined) return searchCasesFor(deps, principal, { ...q, q: q.q });
  const isDesk = principal.roles.includes('desk');
  if (!isDesk && !principal.agencyId) throw new Forbidden('Your account is not attached to an agency.');
  const now = deps.clock();
  const page = await listCases(deps, isDesk ? {} : { agencyId: principal.agencyId }, q, now);
  return {
    items: page.items.map((c) => viewFor(isDesk ? 'desk' : 'agency', c, now)),
    nextCursor: page.nextCursor,
  };
};

/** GET /cases?q=… (desk only): the list's filters on top of the words. */
const searchCasesFor = async (
  deps: Deps,
  principal: Principal,
  q: CaseListQuery & { q: string },
): Promise<Page<CaseView>> => {
  assertMaySearch(principal);
  const now = deps.clock();
  const page = await searchCases(deps, q, now);
  return { items: page.items.map((c) => viewOf(c, now)), nextCursor: page.nextCursor };
};

const caseId = (params: unknown): string => {
  const parsed = idParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data.id;
};

export const readCase = async (deps: Deps, principal: Principal, params: unknown): Promise<CaseDetail> => {
  const found = await getCaseWithHistory(deps, caseId(params));
  const actor = found && actorFor(principal, found.case);
  if (!found || !actor) throw notFound();
  if (actor === 'desk')
    return {
      ...viewOf(found.case, deps.clock()),
      history: await mergedTimeline(deps, found.case, found.history),
    };
  return {
    ...viewFor('agency', found.case, deps.clock()),
    history: found.history.map(agencyHistoryView),
  };
};

/** `If-Match: "3"` (or `3`, or a weak `W/"3"`) → 3. */
export const parseIfMatch = (header: string | undefined): number => {
  if (header === undefined || header.trim() === '') {
    throw new PreconditionRequired('Send If-Match with the case version (its ETag) you read.');
  }
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) {
    throw new BadRequest('If-Match is not a case version.', [
      { path: '/headers/if-match', message: 'must be the ETag of the case, such as "3"' },
    ]);
  }
  return Number(m[1]);
};

/** The briefing to flag a case for must exist and be scheduled; checked again inside the transaction. */
const briefingCheck = async (deps: Deps, briefingId: string) => {
  const briefing = await getBriefing(deps, briefingId);
  if (!briefing)
    throw new BadRequest('No such briefing.', [{ path: '/briefingId', message: 'no such briefing' }]);
  if (briefing.status !== 'scheduled') throw new Conflict(`The briefing is ${briefing.status}.`);
  return briefingStillScheduled(deps, briefingId);
};

export const actOnCase = async (
  deps: Deps,
  principal: Principal,
  params: unknown,
  ifMatch: string | undefined,
  body: unknown,
): Promise<CaseView> => {
  const id = caseId(params);
  const expected = parseIfMatch(ifMatch);
  const action: CaseAction = validate(caseActionSchema(deps.config), body, 'action');
  const before = await getCase(deps, id);
  const actor = before && actorFor(principal, before);
  if (!before || !actor) throw notFound();
  // A merge checks both cases' versions itself, naming the stale one (service/case-merge.ts).
  if (action.action === 'merge') {
    const merged = await mergeCases(deps, before, action, {
      actor,
      by: principal.sub,
      expectedVersion: expected,
    });
    return viewFor('desk', merged, deps.clock());
  }
  if (before.version !== expected) {
    throw new PreconditionFailed(
      `The case is at version ${before.version}, not ${expected}; read it again and retry.`,
      { currentVersion: before.version },
      { etag: etagOf(before) },
    );
  }
  const now = deps.clock();
  const { next, entry } = applyCaseAction(before, withWorkingDayDeadline(deps.config, action, now), {
    actor,
    by: principal.sub,
    now,
  });
  const linked =
    action.action === 'link-reports' ? (await reportsToLink(deps, action.reportIds)).map((r) => r.id) : [];
  const extra: NonNullable<CaseActionWrite['extra']> =
    action.action === 'flag-briefing' && action.briefingId
      ? [await briefingCheck(deps, action.briefingId)]
      : [];
  // The report returns to `new` in the same transaction, only if still linked to this case.
  if (action.action === 'unlink-report') extra.push(unlinkReportItem(deps, next.id, action.reportId, now));
  extra.push(...(await citedTemplateCheck(deps, action)));
  // The notification is written with the state change: no change, no email; a change, always an email.
  // A close or reopen changes the case's expiry: the same outbox item carries the follow-up that
  // gives its history and reports the new expiry (more items than one transaction may hold).
  const notice = noticeFor(action, next);
  const syncRetention = action.action === 'close' || action.action === 'reopen';
  const event = actionEventFor(deps, action.action, next, now);
  if (notice || syncRetention || event)
    extra.push(outboxPut(deps, deps.newId(), notice, now, syncRetention ? next.id : null, event));
  if (action.action === 'respond') await putResponsePostings(deps, next);
  await saveCaseAction(deps, { before, next, entry, linkedReportIds: linked, extra });
  return viewFor(actor === 'desk' ? 'desk' : 'agency', next, now);
};
