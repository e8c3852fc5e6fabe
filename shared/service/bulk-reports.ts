// POST /reports/actions: dismiss, restore or link up to 100 reports, each done
// or refused on its own in its own conditional write (the single-report rules
// of domain/report.ts; the link rules of domain/case.ts). Nothing is written
// for a request refused as a whole (a bad body, a stale If-Match, a closed or
// unknown case).
import {
  BULK_CONCURRENCY,
  BULK_LINK_CHUNK,
  type BulkReportAction,
  bulkReportActionSchema,
  linkRefusal,
} from '#domain/bulk';
import { applyCaseAction } from '#domain/case';
import { BadRequest, Conflict, NotFound, PreconditionFailed } from '#domain/errors';
import type { Principal } from '#domain/principal';
import { applyReportAction, type Report, type ReportAction } from '#domain/report';
import { validate } from '#domain/validate';
import { type CaseView, parseIfMatch, viewOf } from '#service/cases';
import type { Deps } from '#shared/deps';
import { getCase, saveCaseAction } from '#store/cases';
import { getReport, getReportsByIds, saveReportTransition } from '#store/reports';

/** One report's result: done (the report as it now is) or refused (why). */
export type BulkItem = { id: string; report: Report } | { id: string; error: unknown };

export interface BulkOutcome {
  results: BulkItem[];
  case?: CaseView;
}

/** `fn` over `items`, at most `limit` at a time, results in the items' order. */
const mapLimit = async <T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> => {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
};

/** Dismiss or restore each report as POST /reports/{id}/actions would, on its own. */
const triageEach = (deps: Deps, action: Extract<BulkReportAction, { action: 'dismiss' | 'restore' }>) =>
  mapLimit(action.ids, BULK_CONCURRENCY, async (id): Promise<BulkItem> => {
    try {
      const before = await getReport(deps, id);
      if (!before) throw new NotFound('No such report.');
      const single: ReportAction =
        action.action === 'dismiss' ? { action: 'dismiss', reason: action.reason } : { action: 'restore' };
      const after = applyReportAction(before, single, deps.clock());
      await saveReportTransition(deps, before, after);
      return { id, report: after };
    } catch (error) {
      return { id, error };
    }
  });

/** How often a chunk is retried when another write moved the case on meanwhile. */
const LINK_ATTEMPTS = 6;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const linkedCopy = (r: Report, caseId: string, at: string): Report => ({
  ...r,
  status: 'linked',
  caseId,
  updatedAt: at,
  version: r.version + 1,
});

/**
 * Links the new reports among `ids` to the case, in chunks of 50, each chunk
 * one `link-reports` transaction with one history entry (conditional on the
 * case's version and on each report being `new`). A report another writer
 * took meanwhile is refused on its own and the chunk retried without it; a
 * case moved on by another action is read again and the chunk retried.
 */
const linkEach = async (
  deps: Deps,
  principal: Principal,
  action: Extract<BulkReportAction, { action: 'link' }>,
  ifMatch: string | undefined,
): Promise<BulkOutcome> => {
  let current = await getCase(deps, action.caseId);
  if (!current) throw new BadRequest('No such case.', [{ path: '/caseId', message: 'no such case' }]);
  // Checked once, before anything is written: the batch's own writes then move the version on.
  if (ifMatch !== undefined) {
    const expected = parseIfMatch(ifMatch);
    if (current.version !== expected) {
      throw new PreconditionFailed(
        `The case is at version ${current.version}, not ${expected}; read it again and retry.`,
        { currentVersion: current.version },
        { etag: `"${current.version}"` },
      );
    }
  }
  if (current.status === 'closed') {
    throw new Conflict('Cannot link reports to a case that is closed.', {
      currentStatus: current.status,
      ...(current.mergedInto ? { mergedInto: current.mergedInto } : {}),
    });
  }
  const found = await getReportsByIds(deps, action.ids);
  const outcome = new Map<string, BulkItem>();
  const candidates: string[] = [];
  for (const id of action.ids) {
    const refusal = linkRefusal(id, found.get(id), current);
    if (refusal) outcome.set(id, { id, error: refusal });
    else candidates.push(id);
  }
  for (let i = 0; i < candidates.length; i += BULK_LINK_CHUNK) {
    let chunk = candidates.slice(i, i + BULK_LINK_CHUNK);
    for (let attempt = 0; chunk.length > 0; attempt++) {
      if (attempt > 0) current = (await getCase(deps, action.caseId)) ?? current;
      if (current.status === 'closed') {
        for (const id of chunk)
          outcome.set(id, {
            id,
            error: new Conflict('The case was closed meanwhile.', { caseStatus: 'closed' }),
          });
        break;
      }
      if (attempt >= LINK_ATTEMPTS) {
        for (const id of chunk)
          outcome.set(id, {
            id,
            error: new Conflict('The case is busy; retry shortly.', {}, { 'retry-after': '1' }),
          });
        break;
      }
      const now = deps.clock();
      try {
        const { next, entry } = applyCaseAction(
          current,
          { action: 'link-reports', reportIds: chunk },
          { actor: 'desk', by: principal.sub, now },
        );
        await saveCaseAction(deps, { before: current, next, entry, linkedReportIds: chunk });
        for (const id of chunk)
          outcome.set(id, { id, report: linkedCopy(found.get(id)!, next.id, entry.at) });
        current = next;
        break;
      } catch (err) {
        if (err instanceof PreconditionFailed) continue;
        const taken =
          err instanceof Conflict ? (err.extensions.reportIds as string[] | undefined) : undefined;
        if (taken?.length) {
          // Taken by another writer since we read them: refused on their own, as they now are.
          const reread = await getReportsByIds(deps, taken);
          for (const id of taken)
            outcome.set(id, { id, error: linkRefusal(id, reread.get(id), current) ?? err });
          chunk = chunk.filter((id) => !taken.includes(id));
          continue;
        }
        if (err instanceof Conflict && err.headers['retry-after']) {
          await pause(10 + Math.random() * 40);
          continue;
        }
        throw err;
      }
    }
  }
  return {
    results: action.ids.map((id) => outcome.get(id)!),
    case: viewOf(current, deps.clock()),
  };
};

export const actOnReports = async (
  deps: Deps,
  principal: Principal,
  ifMatch: string | undefined,
  body: unknown,
): Promise<BulkOutcome> => {
  const action = validate(bulkReportActionSchema, body, 'action');
  if (action.action === 'link') return linkEach(deps, principal, action, ifMatch);
  return { results: await triageEach(deps, action) };
};
