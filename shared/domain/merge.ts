// Merging one case into another (docs/cases.md): the merged case closes with
// outcome `merged` and points at the survivor; the survivor gains its reports
// and remembers it (`mergedCaseIds`), so its timeline can show the merged
// case's history, read at read time rather than copied. Pure: both versions
// are checked here against what the caller read; the store makes the write
// conditional on them.
import { type Case, type CaseAction, type HistoryEntry, transition } from './case';
import { BadRequest, Conflict, Forbidden, PreconditionFailed } from './errors';

export type MergeAction = Extract<CaseAction, { action: 'merge' }>;

export interface MergeResult {
  merged: { next: Case; entry: HistoryEntry };
  survivor: { next: Case; entry: HistoryEntry };
}

const OPEN_STATES: readonly Case['status'][] = ['open', 'verifying', 'responded'];

/**
 * Both cases after the merge of `from` into `into`, each with one history
 * entry. Throws BadRequest (into itself), Forbidden (not the desk), Conflict
 * (either case closed or already merged) or PreconditionFailed naming the
 * side whose version is stale (`case: 'merged' | 'survivor'`).
 */
export const applyMerge = (
  from: Case,
  into: Case,
  action: MergeAction,
  ctx: { actor: 'desk' | 'assigned-agency'; by: string; now: Date; expectedVersion: number },
): MergeResult => {
  if (from.id === into.id) {
    throw new BadRequest('A case cannot be merged into itself.', [
      { path: '/intoCaseId', message: 'must be another case' },
    ]);
  }
  const t = transition(from.status, 'merge', ctx.actor);
  if (!t.ok) {
    if (t.error.kind === 'forbidden') throw new Forbidden('Your role may not merge cases.');
    throw new Conflict(`Cannot merge a case that is ${from.status}.`, {
      currentStatus: from.status,
      allowedActions: t.error.allowed,
    });
  }
  if (!OPEN_STATES.includes(into.status)) {
    throw new Conflict(
      into.outcome === 'merged'
        ? 'The case to merge into was itself merged; merge into the case it points at.'
        : `Cannot merge into a case that is ${into.status}.`,
      { intoCaseId: into.id, intoStatus: into.status, mergedInto: into.mergedInto ?? null },
    );
  }
  if (from.version !== ctx.expectedVersion) {
    throw new PreconditionFailed(
      `The case is at version ${from.version}, not ${ctx.expectedVersion}; read it again and retry.`,
      { case: 'merged', caseId: from.id, currentVersion: from.version },
      { etag: `"${from.version}"` },
    );
  }
  if (into.version !== action.intoVersion) {
    throw new PreconditionFailed(
      `The case to merge into is at version ${into.version}, not ${action.intoVersion}; read it again and retry.`,
      { case: 'survivor', caseId: into.id, currentVersion: into.version },
    );
  }
  const at = ctx.now.toISOString();
  const note = action.note ?? null;
  const mergedNext: Case = {
    ...from,
    status: 'closed',
    outcome: 'merged',
    evidenceUrl: null,
    closedAt: at,
    mergedInto: into.id,
    // Its reports now belong to the survivor; the entry below keeps which they were.
    reportIds: [],
    reportCount: 0,
    updatedAt: at,
    version: from.version + 1,
  };
  const reportIds = [...into.reportIds, ...from.reportIds.filter((id) => !into.reportIds.includes(id))];
  const survivorNext: Case = {
    ...into,
    reportIds,
    reportCount: reportIds.length,
    mergedCaseIds: [...(into.mergedCaseIds ?? []), from.id],
    updatedAt: at,
    version: into.version + 1,
  };
  const entry = (c: Case, next: Case, details: Record<string, unknown>): HistoryEntry => ({
    at,
    by: ctx.by,
    role: 'desk',
    action: 'merge',
    from: c.status,
    to: next.status,
    note,
    details,
    version: next.version,
  });
  return {
    merged: {
      next: mergedNext,
      // `outcome` as a close records it, so summaries count the merge among closures; no
      // `agencyId`, so it does not count as the agency's answered case in response times.
      entry: entry(from, mergedNext, {
        outcome: 'merged',
        intoCaseId: into.id,
        reportIds: from.reportIds,
        previousAgencyId: from.agencyId,
      }),
    },
    survivor: {
      next: survivorNext,
      entry: entry(into, survivorNext, { mergedCaseId: from.id, reportIds: from.reportIds }),
    },
  };
};
