// The writes of unlinking a report from a case and of merging one case into
// another (store/README.md: "Merge and unlink"). A merge is one transaction:
// both cases (each conditional on the version the caller read), an entry on
// each history, the outbox item and, when they fit, the moved reports'
// `caseId`s; a case of more reports hands the moves to the outbox item.
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Case, HistoryEntry } from '#domain/case';
import { Conflict, PreconditionFailed } from '#domain/errors';
import type { Deps } from '#shared/deps';
import { caseExpiry, caseToItem, fileCountUnchanged, getCase, historyItem } from './cases';
import { cancellationCodes, isConditionalCheckFailed } from './errors';
import type { TransactItem } from './query';

/** Report moves a merge transaction carries itself: 100 items, less the 5 of the merge. */
export const MERGE_MOVES_IN_TRANSACTION = 90;

const reportKey = (id: string) => ({ pk: `REPORT#${id}`, sk: 'REPORT' });

/** A linked report back to `new`, only if it is still linked to this case. */
export const unlinkReportItem = (deps: Deps, caseId: string, reportId: string, now: Date): TransactItem => ({
  Update: {
    TableName: deps.tableName,
    Key: reportKey(reportId),
    UpdateExpression: 'SET #s = :new, caseId = :null, updatedAt = :now, version = version + :one',
    ConditionExpression: 'attribute_exists(pk) AND #s = :linked AND caseId = :case',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: {
      ':new': 'new',
      ':linked': 'linked',
      ':null': null,
      ':case': caseId,
      ':now': now.toISOString(),
      ':one': 1,
    },
  },
});

const moveReport = (deps: Deps, from: string, to: string, reportId: string, now: Date) => ({
  TableName: deps.tableName,
  Key: reportKey(reportId),
  UpdateExpression: 'SET caseId = :to, updatedAt = :now, version = version + :one',
  ConditionExpression: 'attribute_exists(pk) AND #s = :linked AND caseId = :from',
  ExpressionAttributeNames: { '#s': 'status' },
  ExpressionAttributeValues: {
    ':linked': 'linked',
    ':from': from,
    ':to': to,
    ':now': now.toISOString(),
    ':one': 1,
  },
});

export interface MergeWrite {
  merged: { before: Case; next: Case; entry: HistoryEntry };
  survivor: { before: Case; next: Case; entry: HistoryEntry };
  /** The outbox item (notice, the merged case's retention, and the moves that did not fit). */
  outbox: TransactItem;
  /** Reports moved in this transaction; the rest are moved by the outbox item's follow-up. */
  movedReportIds: string[];
}

/** Pins the version and the file count as read (a file confirmed meanwhile changes only the count). */
const casePut = (deps: Deps, before: Case, next: Case): TransactItem => {
  const files = fileCountUnchanged(before);
  return {
    Put: {
      TableName: deps.tableName,
      Item: caseToItem(next, deps.config),
      ConditionExpression: `version = :v AND ${files.expression}`,
      ExpressionAttributeValues: { ':v': before.version, ...files.values },
    },
  };
};

/** Either side with the count it has now, when a file arrived on it after the read. */
const withCurrentFileCount = (side: MergeWrite['merged'], current: Case): MergeWrite['merged'] => ({
  ...side,
  before: { ...side.before, fileCount: current.fileCount },
  next: { ...side.next, fileCount: current.fileCount },
});

const historyPut = (deps: Deps, next: Case, entry: HistoryEntry): TransactItem => ({
  Put: {
    TableName: deps.tableName,
    Item: historyItem(next.id, entry, deps.config.timeZone, caseExpiry(next, deps.config)),
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** Writes a merge, all or nothing; a cancelled one is explained as 412 naming the stale case, or 409. */
export const saveMerge = async (deps: Deps, w: MergeWrite, attempt = 1): Promise<void> => {
  const now = new Date(w.merged.entry.at);
  const items: TransactItem[] = [
    casePut(deps, w.merged.before, w.merged.next),
    historyPut(deps, w.merged.next, w.merged.entry),
    casePut(deps, w.survivor.before, w.survivor.next),
    historyPut(deps, w.survivor.next, w.survivor.entry),
    w.outbox,
    ...w.movedReportIds.map((id) => ({
      Update: moveReport(deps, w.merged.before.id, w.survivor.before.id, id, now),
    })),
  ];
  try {
    await deps.db.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (err) {
    const codes = cancellationCodes(err);
    if (!codes) throw err;
    const failed = (i: number) => codes[i] === 'ConditionalCheckFailed';
    for (const [i, side] of [
      [0, 'merged'],
      [2, 'survivor'],
    ] as const) {
      if (!failed(i)) continue;
      const c = side === 'merged' ? w.merged.before : w.survivor.before;
      const current = await getCase(deps, c.id);
      // Only a file arrived (same version): the same merge on the new count, once more.
      if (current && current.version === c.version && attempt < 3) {
        const [merged, survivor] = await Promise.all([
          getCase(deps, w.merged.before.id),
          getCase(deps, w.survivor.before.id),
        ]);
        if (merged && survivor)
          return saveMerge(
            deps,
            {
              ...w,
              merged: withCurrentFileCount(w.merged, merged),
              survivor: withCurrentFileCount(w.survivor, survivor),
            },
            attempt + 1,
          );
      }
      throw new PreconditionFailed(
        side === 'merged'
          ? 'The case has changed since you read it; read it again and retry.'
          : 'The case to merge into has changed since you read it; read it again and retry.',
        { case: side, caseId: c.id, currentVersion: current?.version ?? null },
        side === 'merged' && current ? { etag: `"${current.version}"` } : {},
      );
    }
    if (codes.slice(5).some((_, i) => failed(5 + i))) {
      throw new Conflict('A report of the merged case changed meanwhile; read the case again and retry.');
    }
    throw new Conflict('The cases are busy; retry shortly.', {}, { 'retry-after': '1' });
  }
};

/**
 * The outbox follow-up of a merge too large for one transaction: each report
 * still on the merged case now points at the survivor. Idempotent; a report
 * moved or unlinked meanwhile is left as it is.
 */
export const moveMergedReports = async (
  deps: Deps,
  move: { from: string; to: string; reportIds: string[] },
  now: Date,
): Promise<void> => {
  for (const id of move.reportIds) {
    try {
      await deps.db.send(new UpdateCommand(moveReport(deps, move.from, move.to, id, now)));
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
    }
  }
};
