// The case repository. A case is an item collection: the case item
// (`CASE#<id>` / `CASE`) and one history item per version (`HIST#<version>`),
// so one Query reads a case with its whole history. A state change, its
// history entry and any linked reports are one transaction, conditional on the
// version the caller read. See README.md here for the access patterns.
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from '#config/schema';
import type { Case, CaseListQuery, HistoryEntry } from '#domain/case';
import { Conflict, PreconditionFailed } from '#domain/errors';
import { addDays, epochSeconds, localDay } from '#domain/time';
import type { CaseOutcome } from '#domain/views';
import type { CaseEvent } from '#domain/webhooks';
import type { Deps } from '#shared/deps';
import { cancellationCodes } from './errors';
import { FILE_SK_PREFIX } from './file-retention';
import { outboxPut } from './outbox';
import {
  batchGetAll,
  equals,
  type Filter,
  type Page,
  queryAll,
  queryIndexPage,
  type TransactItem,
} from './query';
import { reportRetentionKeys } from './reports';
import { type IndexName, indexKeys, isIndexKeyAttribute } from './table';
import { tagFilter, tagKeysAttribute } from './tags';

export const caseKey = (id: string) => ({ pk: `CASE#${id}`, sk: 'CASE' });
const historySk = (version: number) => `HIST#${String(version).padStart(8, '0')}`;
const INTERNAL = new Set(['pk', 'sk', 'entity', 'expiresAt', 'tagKeys']);

/**
 * A closed case, its history and its reports are kept for
 * `retention.closedCaseDays` after closing (the table's TTL); an open case
 * has no expiry.
 */
export const caseExpiry = (c: Pick<Case, 'status' | 'closedAt'>, config: AppConfig): number | undefined =>
  c.status === 'closed' && c.closedAt
    ? epochSeconds(addDays(new Date(c.closedAt), config.retention.closedCaseDays))
    : undefined;

/**
 * A case is listed by every case (casesNewest) and its status (casesByStatus);
 * sparse keys add it to its agency's list once assigned, to the deadline index
 * while it waits for the agency, and to a briefing's agenda while flagged.
 * Category and area are filters on casesNewest, not indexes of their own.
 */
export const caseToItem = (c: Case, config: AppConfig): Record<string, unknown> => {
  const sortKey = `${c.openedAt}#${c.id}`;
  const expiresAt = caseExpiry(c, config);
  // No tags and no template are left out (caseFromItem reads them back): a case
  // near 1 KB would otherwise cost one more unit on every item and index entry.
  const { tags, responseTemplate, fileCount, ...rest } = c;
  return {
    ...rest,
    // No files, no count (README.md here, "Evidence files").
    ...(fileCount ? { fileCount } : {}),
    ...(tags && tags.length > 0 ? { tags } : {}),
    ...(responseTemplate ? { responseTemplate } : {}),
    ...caseKey(c.id),
    ...(expiresAt === undefined ? {} : { expiresAt }),
    entity: 'case',
    ...tagKeysAttribute(c.tags),
    ...indexKeys('casesNewest', 'CASE', sortKey),
    ...indexKeys('casesByStatus', `CSTATUS#${c.status}`, sortKey),
    ...(c.agencyId ? indexKeys('casesByAgency', `CAGENCY#${c.agencyId}`, sortKey) : {}),
    ...(c.briefingId ? indexKeys('casesOnAgenda', `CBRIEF#${c.briefingId}`, sortKey) : {}),
    ...(c.status === 'verifying' && c.dueAt ? indexKeys('casesDue', 'CDUE', `${c.dueAt}#${c.id}`) : {}),
  };
};

const strip = <T>(item: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !INTERNAL.has(k) && !isIndexKeyAttribute(k))) as T;

export const caseFromItem = (item: Record<string, unknown>): Case => {
  const { caseId: _c, ...rest } = strip<Case & { caseId?: string }>(item);
  // Cases stored before tags and templates existed read as having none.
  return {
    ...rest,
    tags: rest.tags ?? [],
    responseTemplate: rest.responseTemplate ?? null,
    fileCount: rest.fileCount ?? 0,
  };
};

export const historyItem = (caseId: string, entry: HistoryEntry, timeZone: string, expiresAt?: number) => ({
  ...entry,
  ...(expiresAt === undefined ? {} : { expiresAt }),
  pk: `CASE#${caseId}`,
  sk: historySk(entry.version),
  entity: 'case-history',
  caseId,
  // What happened to cases on one local day (daily summary).
  ...indexKeys(
    'caseHistoryByDay',
    `CHIST#${localDay(new Date(entry.at), timeZone)}`,
    `${entry.at}#${caseId}#${entry.version}`,
  ),
});

export const historyFromItem = (item: Record<string, unknown>): HistoryEntry => {
  const { caseId: _c, ...rest } = strip<HistoryEntry & { caseId?: string }>(item);
  return rest;
};

/** Marks reports linked to a case, each only if it is still `new`. */
export const linkReportItems = (deps: Deps, caseId: string, reportIds: string[], now: Date): TransactItem[] =>
  reportIds.map((id) => ({
    Update: {
      TableName: deps.tableName,
      Key: { pk: `REPORT#${id}`, sk: 'REPORT' },
      UpdateExpression: 'SET #s = :linked, caseId = :case, updatedAt = :now, version = version + :one',
      ConditionExpression: 'attribute_exists(pk) AND #s = :new',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':linked': 'linked',
        ':new': 'new',
        ':case': caseId,
        ':now': now.toISOString(),
        ':one': 1,
      },
    },
  }));

/** Rethrows a cancelled case transaction as the domain error it means. */
const explainCancellation = async (
  deps: Deps,
  err: unknown,
  layout: { caseIndex: number | null; reportIds: string[]; reportsFrom: number; extraFrom: number },
  caseId: string,
): Promise<never> => {
  const codes = cancellationCodes(err);
  if (!codes) throw err;
  const failed = (i: number) => codes[i] === 'ConditionalCheckFailed' || codes[i] === 'TransactionConflict';
  if (layout.caseIndex !== null && failed(layout.caseIndex)) {
    const current = await getCase(deps, caseId);
    throw new PreconditionFailed(
      'The case has changed since you read it; read it again and retry.',
      {
        currentVersion: current?.version ?? null,
      },
      current ? { etag: `"${current.version}"` } : {},
    );
  }
  const reportsInConflict = layout.reportIds.filter((_, i) => failed(layout.reportsFrom + i));
  if (reportsInConflict.length > 0) {
    throw new Conflict('Some reports are not new: they are linked to a case, dismissed or unknown.', {
      reportIds: reportsInConflict,
    });
  }
  if (codes.slice(layout.extraFrom).some((_, i) => failed(layout.extraFrom + i))) {
    throw new Conflict('Something this action depends on changed; read it again and retry.');
  }
  // Only a conflict with another transaction is left: the caller may retry.
  throw new Conflict('The case is busy; retry shortly.', {}, { 'retry-after': '1' });
};

/** A new case, its first history entry and its reports' links: all or nothing. */
export const putNewCase = async (
  deps: Deps,
  opened: Case,
  entry: HistoryEntry,
  now: Date,
  opening: CaseEvent | null = null,
): Promise<void> => {
  const items: TransactItem[] = [
    {
      Put: {
        TableName: deps.tableName,
        Item: caseToItem(opened, deps.config),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    { Put: { TableName: deps.tableName, Item: historyItem(opened.id, entry, deps.config.timeZone) } },
    ...linkReportItems(deps, opened.id, opened.reportIds, now),
    // case.opened for the webhooks, only when an endpoint takes it (docs/webhooks.md).
    ...(opening ? [outboxPut(deps, deps.newId(), null, now, null, opening)] : []),
  ];
  try {
    await deps.db.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (err) {
    await explainCancellation(
      deps,
      err,
      { caseIndex: null, reportIds: opened.reportIds, reportsFrom: 2, extraFrom: items.length },
      opened.id,
    );
  }
};

/**
 * One action: the new case state (conditional on the version read), its
 * history entry, and the action's other items (report links, checks, outbox),
 * in one transaction.
 */
export interface CaseActionWrite {
  /** The case as read: the write is conditional on its version. */
  before: Case;
  /** The case after the action (version + 1). */
  next: Case;
  /** The action's history entry. */
  entry: HistoryEntry;
  /** Reports the action links to the case (link-reports), each conditional on being `new`. */
  linkedReportIds?: string[];
  /** The action's other items in the same transaction: checks, outbox. */
  extra?: TransactItem[];
}

export const saveCaseAction = async (deps: Deps, write: CaseActionWrite): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await saveCaseActionOnce(deps, write);
    } catch (err) {
      // A file attached meanwhile (no version change, docs/files.md): the same action on the new count.
      const current =
        attempt < 3 && err instanceof PreconditionFailed && (await getCase(deps, write.before.id));
      if (!current || current.version !== write.before.version) throw err;
      write = {
        ...write,
        before: { ...write.before, fileCount: current.fileCount },
        next: { ...write.next, fileCount: current.fileCount },
      };
    }
  }
};

/**
 * The case Put also holds its `fileCount` as read: a file confirmed between
 * the read and this write adds to the count without changing the version, and
 * a Put of the older count would lose it.
 */
export const fileCountUnchanged = (before: Pick<Case, 'fileCount'>) =>
  before.fileCount
    ? { expression: 'fileCount = :fc', values: { ':fc': before.fileCount } }
    : { expression: '(attribute_not_exists(fileCount) OR fileCount = :fc)', values: { ':fc': 0 } };

const saveCaseActionOnce = async (
  deps: Deps,
  { before, next, entry, linkedReportIds = [], extra = [] }: CaseActionWrite,
): Promise<void> => {
  const files = fileCountUnchanged(before);
  const items: TransactItem[] = [
    {
      Put: {
        TableName: deps.tableName,
        Item: caseToItem(next, deps.config),
        ConditionExpression: `version = :v AND ${files.expression}`,
        ExpressionAttributeValues: { ':v': before.version, ...files.values },
      },
    },
    {
      Put: {
        TableName: deps.tableName,
        // Written with the case's expiry, so an entry added to a closed case expires with it.
        Item: historyItem(next.id, entry, deps.config.timeZone, caseExpiry(next, deps.config)),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...linkReportItems(deps, next.id, linkedReportIds, new Date(entry.at)),
    ...extra,
  ];
  try {
    await deps.db.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (err) {
    await explainCancellation(
      deps,
      err,
      { caseIndex: 0, reportIds: linkedReportIds, reportsFrom: 2, extraFrom: 2 + linkedReportIds.length },
      next.id,
    );
  }
};

export const getCase = async (deps: Deps, id: string): Promise<Case | undefined> => {
  const out = await deps.db.send(
    new GetCommand({ TableName: deps.tableName, Key: caseKey(id), ConsistentRead: true }),
  );
  return out.Item ? caseFromItem(out.Item) : undefined;
};

/** The case and its whole history, oldest entry first, in one (paged) Query. */
export const getCaseWithHistory = async (
  deps: Deps,
  id: string,
): Promise<{ case: Case; history: HistoryEntry[] } | undefined> => {
  let found: Case | undefined;
  const history: HistoryEntry[] = [];
  const items = await queryAll(deps, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `CASE#${id}` },
    ConsistentRead: true,
  });
  for (const item of items) {
    if (item.sk === 'CASE') found = caseFromItem(item);
    else if (typeof item.sk === 'string' && item.sk.startsWith('HIST#')) history.push(historyFromItem(item));
  }
  return found ? { case: found, history } : undefined;
};

export interface CaseScope {
  /** Set for an agency user: only its agency's cases, whatever the filters say. */
  agencyId?: string;
}

/**
 * The first of these serves the Query and the rest filter it: agency scope or
 * `agency` (casesByAgency) › `overdue=true` (casesDue, deadline before now) ›
 * `status` (casesByStatus) › all cases (casesNewest). Category, area and
 * `overdue=false` are always filters. Newest first, except overdue: oldest
 * deadline first.
 */
export const listCases = async (
  deps: Deps,
  scope: CaseScope,
  q: CaseListQuery,
  now: Date,
): Promise<Page<Case>> => {
  if (scope.agencyId && q.agency && q.agency !== scope.agencyId) return { items: [], nextCursor: null };
  const agency = scope.agencyId ?? q.agency;
  const nowIso = now.toISOString();
  const [index, partition]: [IndexName, string] = agency
    ? ['casesByAgency', `CAGENCY#${agency}`]
    : q.overdue === 'true'
      ? ['casesDue', 'CDUE']
      : q.status
        ? ['casesByStatus', `CSTATUS#${q.status}`]
        : ['casesNewest', 'CASE'];
  const filters: Filter[] = [];
  const overdue: Filter = {
    expression: '#ostatus = :overifying AND dueAt < :onow',
    names: { '#ostatus': 'status' },
    values: { ':overifying': 'verifying', ':onow': nowIso },
  };
  if (q.overdue === 'true' && index !== 'casesDue') filters.push(overdue);
  if (q.overdue === 'false') filters.push({ ...overdue, expression: `NOT (${overdue.expression})` });
  if (q.status && index !== 'casesByStatus') filters.push(equals('status', q.status, 'fstatus'));
  if (q.category) filters.push(equals('category', q.category, 'fcat'));
  if (q.area) filters.push(equals('area', q.area, 'farea'));
  if (q.tag) filters.push(tagFilter(q.tag));
  const page = await queryIndexPage(deps, {
    index,
    partition,
    filters,
    limit: q.limit,
    cursor: q.cursor,
    binding: {
      agency,
      overdue: q.overdue,
      status: q.status,
      category: q.category,
      area: q.area,
      ...(q.tag ? { tag: q.tag } : {}),
    },
    ...(index === 'casesDue' ? { sortKey: { before: nowIso }, newestFirst: false } : {}),
  });
  return { items: page.items.map(caseFromItem), nextCursor: page.nextCursor };
};

/** What a reporter may learn of these cases (their status and, once closed, how they ended). */
export const getCaseOutcomes = async (deps: Deps, ids: string[]): Promise<Map<string, CaseOutcome>> => {
  if (ids.length === 0) return new Map();
  const items = await batchGetAll(deps, ids.map(caseKey), {
    projection: 'id, #s, outcome, #r, evidenceUrl',
    names: { '#s': 'status', '#r': 'response' },
    consistent: true,
  });
  return new Map(
    items.map((i) => [
      String(i.id),
      {
        id: String(i.id),
        status: i.status as Case['status'],
        outcome: (i.outcome as Case['outcome']) ?? null,
        response: (i.response as string | null) ?? null,
        evidenceUrl: (i.evidenceUrl as string | null) ?? null,
      },
    ]),
  );
};

/** Items per retention transaction besides the check on the case (DynamoDB allows 100 in all). */
const RETENTION_BATCH = 99;

/**
 * Gives the case's history items and FILE items, its reports, their URL
 * entries and their FILE items the case's own expiry (set on close, absent
 * once reopened), in transactions of at most 100 items, each conditional on
 * the case still having that expiry. A file confirmed on the case or one of
 * its reports checks that the case has no expiry, so once the close has
 * committed none arrives that this read could miss.
 * The close or reopen that changed the expiry wrote an outbox item in its own
 * transaction, and delivering that item runs this, so it is never lost; it
 * is idempotent. `stale`: the case's expiry changed meanwhile (closed again,
 * or reopened), and that later action's own follow-up sets the items instead.
 */
export const syncCaseRetention = async (
  deps: Deps,
  caseId: string,
): Promise<'synced' | 'stale' | 'absent'> => {
  const items = await queryAll(deps, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `CASE#${caseId}` },
    ProjectionExpression: 'pk, sk, expiresAt, reportIds',
    ConsistentRead: true,
  });
  const caseItem = items.find((i) => i.sk === 'CASE');
  if (!caseItem) return 'absent';
  const target = typeof caseItem.expiresAt === 'number' ? caseItem.expiresAt : undefined;
  // The case's own FILE items (FILE#, beside HIST#) expire with it too; pending uploads keep their own TTL.
  const history = items
    .filter(
      (i) =>
        typeof i.sk === 'string' &&
        (i.sk.startsWith('HIST#') || i.sk.startsWith(FILE_SK_PREFIX)) &&
        i.expiresAt !== target,
    )
    .map((i) => ({ pk: String(i.pk), sk: String(i.sk) }));
  const reports = await reportRetentionKeys(deps, (caseItem.reportIds as string[] | undefined) ?? []);
  const keys = [...history, ...reports];
  const check: TransactItem = {
    ConditionCheck: {
      TableName: deps.tableName,
      Key: caseKey(caseId),
      ConditionExpression: target === undefined ? 'attribute_not_exists(expiresAt)' : 'expiresAt = :e',
      ...(target === undefined ? {} : { ExpressionAttributeValues: { ':e': target } }),
    },
  };
  for (let i = 0; i < keys.length; i += RETENTION_BATCH) {
    const updates: TransactItem[] = keys.slice(i, i + RETENTION_BATCH).map((Key) => ({
      Update: {
        TableName: deps.tableName,
        Key,
        UpdateExpression: target === undefined ? 'REMOVE expiresAt' : 'SET expiresAt = :e',
        ConditionExpression: 'attribute_exists(pk)',
        ...(target === undefined ? {} : { ExpressionAttributeValues: { ':e': target } }),
      },
    }));
    try {
      await deps.db.send(new TransactWriteCommand({ TransactItems: [check, ...updates] }));
    } catch (err) {
      if (cancellationCodes(err)?.[0] === 'ConditionalCheckFailed') return 'stale';
      throw err;
    }
  }
  return 'synced';
};
