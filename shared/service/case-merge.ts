// Merge and the merged timeline: the use case behind the `merge` case action
// and what `GET /cases/{id}` adds for a case others were merged into.
import type { Case, HistoryEntry } from '#domain/case';
import { BadRequest } from '#domain/errors';
import { applyMerge, type MergeAction } from '#domain/merge';
import { mergeNotice } from '#domain/notifications';
import type { Deps } from '#shared/deps';
import { MERGE_MOVES_IN_TRANSACTION, saveMerge } from '#store/case-merge';
import { getCase, getCaseWithHistory } from '#store/cases';
import { outboxPut } from '#store/outbox';
import { actionEventFor } from './webhook-events';

/**
 * Merges `from` (read by the caller at `expectedVersion`) into the case the
 * action names (at `intoVersion`). One transaction; its outbox item tells
 * the agencies, gives the merged case's history its expiry, and moves the
 * reports that did not fit in the transaction.
 */
export const mergeCases = async (
  deps: Deps,
  from: Case,
  action: MergeAction,
  ctx: { actor: 'desk' | 'assigned-agency'; by: string; expectedVersion: number },
): Promise<Case> => {
  const into = action.intoCaseId === from.id ? from : await getCase(deps, action.intoCaseId);
  if (!into) {
    throw new BadRequest('No such case to merge into.', [{ path: '/intoCaseId', message: 'no such case' }]);
  }
  const now = deps.clock();
  const { merged, survivor } = applyMerge(from, into, action, { ...ctx, now });
  const moved = from.reportIds;
  const inTransaction = moved.length <= MERGE_MOVES_IN_TRANSACTION;
  // Webhooks hear of the merged case's end as `case.closed` (outcome `merged`, docs/webhooks.md).
  const outbox = outboxPut(
    deps,
    deps.newId(),
    mergeNotice(from, into),
    now,
    from.id,
    actionEventFor(deps, 'close', merged.next, now),
  );
  if (!inTransaction && outbox.Put)
    outbox.Put.Item = { ...outbox.Put.Item, moveReports: { from: from.id, to: into.id, reportIds: moved } };
  await saveMerge(deps, {
    merged: { before: from, ...merged },
    survivor: { before: into, ...survivor },
    outbox,
    movedReportIds: inTransaction ? moved : [],
  });
  return merged.next;
};

/** How deep a chain of merges (A into B, B into C) the timeline follows. */
const MAX_MERGE_DEPTH = 5;

/**
 * The case's history with the histories of the cases merged into it (and
 * into those), oldest first; every entry names its case (`caseId`).
 */
export const mergedTimeline = async (
  deps: Deps,
  c: Case,
  own: HistoryEntry[],
  depth = 0,
): Promise<HistoryEntry[]> => {
  const entries = own.map((h) => ({ ...h, caseId: c.id }));
  if (!c.mergedCaseIds?.length || depth >= MAX_MERGE_DEPTH) return entries;
  const others = await Promise.all(
    c.mergedCaseIds.map(async (id) => {
      // A merged case past its retention is gone: the survivor's merge entry still names it.
      const found = await getCaseWithHistory(deps, id);
      return found ? mergedTimeline(deps, found.case, found.history, depth + 1) : [];
    }),
  );
  return [...entries, ...others.flat()].sort(
    (a, b) =>
      a.at.localeCompare(b.at) || (a.caseId ?? '').localeCompare(b.caseId ?? '') || a.version - b.version,
  );
};
