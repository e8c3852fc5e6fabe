// The report repository: one item per report, with its GSI keys, and one small
// item per normalized source URL for the duplicate hint. See README.md here
// for the access patterns.
import { createHash } from 'node:crypto';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { Conflict, NotFound } from '#domain/errors';
import type { Report, ReportListQuery } from '#domain/report';
import { addDays, dayRange, epochSeconds } from '#domain/time';
import type { Deps } from '#shared/deps';
import { batchWriteAll, deleteRequests } from './batch-write';
import { cancellationCodes } from './errors';
import { fileExpiryUpdates, fileItemsOf } from './file-retention';
import {
  batchGetAll,
  equals,
  type Filter,
  fullItemsOf,
  type Page,
  queryIndexPage,
  type TransactItem,
} from './query';
import { type IndexName, indexKeys, isIndexKeyAttribute } from './table';

export const reportKey = (id: string) => ({ pk: `REPORT#${id}`, sk: 'REPORT' });
export const urlHash = (normalized: string): string =>
  createHash('sha256').update(normalized).digest('hex').slice(0, 32);
const urlKey = (hash: string, reportId: string) => ({ pk: `URL#${hash}`, sk: `REPORT#${reportId}` });

interface ReportItem extends Report {
  pk: string;
  sk: string;
  entity: 'report';
  urlHashes: string[];
  /** The reporter's address, kept only to tell them how their report's case ended. */
  reporterEmail?: string;
  expiresAt?: number;
  [indexKey: string]: unknown;
}

/** `localDay` was stored by versions before issue 16 (the date filter is now a sort-key range). */
const SERVER_ONLY = ['pk', 'sk', 'entity', 'localDay', 'urlHashes', 'reporterEmail', 'expiresAt'] as const;

/** Every report index sorts by time, then id: `<submittedAt>#<id>`. */
const indexSortKey = (r: Pick<Report, 'submittedAt' | 'id'>) => `${r.submittedAt}#${r.id}`;

/** The partition of all reports on the reportsNewest index. */
const ALL_REPORTS = 'REPORT';
/** A reporter's partition on the reportsByReporter index. */
const reporterPartition = (sub: string) => `RBY#${sub}`;

/**
 * A report carries two index keys, both on slim indexes (table.ts): every list
 * filter and the daily summary are served by them, so a new report costs the
 * table write and two small index writes, whatever the length of its text.
 */
export const toReportItem = (
  r: Report,
  extra: { urlHashes: string[]; reporterEmail?: string },
): ReportItem => {
  const sortKey = indexSortKey(r);
  const item: ReportItem = {
    ...r,
    ...reportKey(r.id),
    entity: 'report',
    urlHashes: extra.urlHashes,
    ...indexKeys('reportsNewest', ALL_REPORTS, sortKey),
    ...indexKeys('reportsByReporter', reporterPartition(r.submittedBy), sortKey),
  };
  if (extra.reporterEmail) item.reporterEmail = extra.reporterEmail;
  // No files, no count: the item keeps its size (write units) and `attribute_not_exists(fileCount)` holds.
  if (!item.fileCount) delete item.fileCount;
  return item;
};

export const fromItem = (item: Record<string, unknown>): Report => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (isIndexKeyAttribute(k) || (SERVER_ONLY as readonly string[]).includes(k)) continue;
    out[k] = v;
  }
  // Reports without files store no count (README.md here, "Evidence files").
  out.fileCount ??= 0;
  return out as unknown as Report;
};

export interface NewReportWrite {
  report: Report;
  urlHashes: string[];
  reporterEmail?: string;
  /** The idempotency record's Put (idempotency.ts): the first item of the same transaction. */
  idempotencyItem?: TransactItem;
  /** The keys of its band items (similar.ts), deleted with its URL entries if the key was taken. */
  bandItemKeys?: { pk: string; sk: string }[];
}

/**
 * `key-taken`: the transaction was cancelled on the idempotency record: another
 * request with the same key has committed (its record exists) or is committing
 * (a conflict). The report was not written.
 */
export type NewReportOutcome = 'stored' | 'key-taken';

/**
 * A report's URL entry: one per distinct normalized source URL. Written with
 * its band items before the report (similar.ts, putLookupEntries; not in the
 * report's transaction: a transaction bills every write twice), so a stored
 * report always has them; the submission sends them alongside its lookup, so
 * they cost no round trip of their own. An entry whose report never commits
 * names a report that does not exist, and the lookup reads the reports it
 * names, so it shows nothing; putNewReport deletes them when the
 * Idempotency-Key turns out taken.
 */
export const urlEntryItem = (hash: string, reportId: string): Record<string, unknown> => ({
  ...urlKey(hash, reportId),
  entity: 'report-url',
  reportId,
});

/**
 * The report, after its lookup entries (similar.ts). With an idempotency
 * record, both in one TransactWriteItems (all or nothing: "key seen" and
 * "report stored" never disagree); without, one conditional PutItem. When the
 * transaction is cancelled on the record, the report's URL entries and band
 * items are deleted (they name this request's new id, so they are nobody
 * else's). Any
 * other failure is rethrown: a cancellation on the report itself (an id
 * collision) is not "key taken".
 */
export const putNewReport = async (deps: Deps, w: NewReportWrite): Promise<NewReportOutcome> => {
  const item = toReportItem(w.report, {
    urlHashes: w.urlHashes,
    reporterEmail: w.reporterEmail,
  });
  const reportPut = {
    TableName: deps.tableName,
    Item: item,
    ConditionExpression: 'attribute_not_exists(pk)',
  };
  if (!w.idempotencyItem) {
    await deps.db.send(new PutCommand(reportPut));
    return 'stored';
  }
  try {
    await deps.db.send(
      new TransactWriteCommand({
        // The record first, so that its cancellation reason is at index 0.
        TransactItems: [w.idempotencyItem, { Put: reportPut }],
      }),
    );
  } catch (err) {
    const onRecord = cancellationCodes(err)?.[0];
    if (onRecord === 'ConditionalCheckFailed' || onRecord === 'TransactionConflict') {
      const keys = [...w.urlHashes.map((h) => urlKey(h, w.report.id)), ...(w.bandItemKeys ?? [])];
      if (keys.length > 0) await batchWriteAll(deps, deleteRequests(keys));
      return 'key-taken';
    }
    throw err;
  }
  return 'stored';
};

export const getReportItem = async (deps: Deps, id: string): Promise<Record<string, unknown> | undefined> => {
  const out = await deps.db.send(
    new GetCommand({ TableName: deps.tableName, Key: reportKey(id), ConsistentRead: true }),
  );
  return out.Item;
};

export const getReport = async (deps: Deps, id: string): Promise<Report | undefined> => {
  const item = await getReportItem(deps, id);
  return item ? fromItem(item) : undefined;
};

/** The ids of other reports sharing any of the URL hashes (at most 50 a URL; whether they exist is the caller's read). */
export const urlMatchIds = async (deps: Deps, hashes: string[], excludeId?: string): Promise<string[]> => {
  const ids = new Set<string>();
  await Promise.all(
    [...new Set(hashes)].map(async (h) => {
      const out = await deps.db.send(
        new QueryCommand({
          TableName: deps.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `URL#${h}` },
          ProjectionExpression: 'reportId',
          Limit: 50,
        }),
      );
      for (const i of out.Items ?? [])
        if (typeof i.reportId === 'string' && i.reportId !== excludeId) ids.add(i.reportId);
    }),
  );
  return [...ids].slice(0, 50);
};

/** Tries of a transition when only a file arriving meanwhile (`fileCount`) failed it: the first, and one more. */
const TRANSITION_TRIES = 2;

/**
 * Saves a report's new status, conditional on the version it was read at.
 * The report's URL entries and FILE items get its new expiry in the same
 * transaction (at most 1 + 10 URLs + `files.maxPerReport` ≤ 20 items: far
 * under DynamoDB's 100). Attaching a file does not change the version, so the
 * report's condition also pins `fileCount` as read: a file confirmed between
 * the read of the FILE items and the write fails it, and the transition is
 * read again and retried once (the desk never gets a 409 for a file it did
 * not touch); the confirm, for its part, refuses a report with an expiry.
 */
export const saveReportTransition = async (deps: Deps, before: Report, after: Report): Promise<void> => {
  const expiresAt =
    after.status === 'dismissed'
      ? epochSeconds(addDays(new Date(after.updatedAt), deps.config.retention.dismissedReportDays))
      : undefined;
  for (let attempt = 1; ; attempt++) {
    const item = await getReportItem(deps, before.id);
    if (!item) throw new NotFound(`No report ${before.id}.`);
    const hashes = (item.urlHashes as string[] | undefined) ?? [];
    const fileCount = typeof item.fileCount === 'number' ? item.fileCount : undefined;
    // No count, no file: a FILE item is only ever put with the ADD to fileCount (the confirm's transaction).
    const files = fileCount ? await fileItemsOf(deps, reportKey(before.id).pk) : [];
    const next = toReportItem(after, {
      urlHashes: hashes,
      ...(typeof item.reporterEmail === 'string' ? { reporterEmail: item.reporterEmail } : {}),
    });
    if (expiresAt !== undefined) next.expiresAt = expiresAt;
    // The count as stored now, not as the caller read it: the Put must not undo a confirm.
    if (fileCount === undefined) delete next.fileCount;
    else next.fileCount = fileCount;
    try {
      await deps.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: deps.tableName,
                Item: next,
                ConditionExpression: `attribute_exists(pk) AND version = :v AND ${
                  fileCount === undefined ? 'attribute_not_exists(fileCount)' : 'fileCount = :fc'
                }`,
                ExpressionAttributeValues: {
                  ':v': before.version,
                  ...(fileCount === undefined ? {} : { ':fc': fileCount }),
                },
              },
            },
            // The URL entries live and die with their report (retention drops both).
            ...hashes.map((h) => ({
              Update: {
                TableName: deps.tableName,
                Key: urlKey(h, before.id),
                UpdateExpression: expiresAt === undefined ? 'REMOVE expiresAt' : 'SET expiresAt = :e',
                ...(expiresAt === undefined ? {} : { ExpressionAttributeValues: { ':e': expiresAt } }),
              },
            })),
            // So do its files (file-retention.ts).
            ...fileExpiryUpdates(deps, files, expiresAt),
          ],
        }),
      );
      return;
    } catch (err) {
      if (
        cancellationCodes(err)?.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict')
      ) {
        const current = await getReportItem(deps, before.id);
        // Still at the version read: what moved was a file (or a confirm in flight), not the report.
        if (current && current.version === before.version && attempt < TRANSITION_TRIES) continue;
        throw new Conflict('The report changed while you were acting on it; read it again and retry.', {
          currentStatus: current ? fromItem(current).status : undefined,
        });
      }
      throw err;
    }
  }
};

export interface ReportScope {
  /** Set for a reporter: only their own reports. */
  submittedBy?: string;
}

/** The sort-key range of a local day on a report index: `[start, end)` as instants. */
export const daySortRange = (day: string, timeZone: string): { between: readonly [string, string] } => {
  const { start, end } = dayRange(day, timeZone);
  // `<end>#<id>` sorts after `<end>`, `<start>#<id>` after `<start>`: BETWEEN keeps exactly the day.
  return { between: [start.toISOString(), end.toISOString()] };
};

/**
 * Two slim indexes serve every list: a reporter's own reports (reportsByReporter)
 * or all reports (reportsNewest), newest first. A date is a range of the sort
 * key; status, category, area and urgency are filters on the index's slim
 * items. The page's whole reports are then read with one BatchGetItem.
 */
export const listReports = async (
  deps: Deps,
  scope: ReportScope,
  q: ReportListQuery,
): Promise<Page<Report>> => {
  const [index, partition]: [IndexName, string] = scope.submittedBy
    ? ['reportsByReporter', reporterPartition(scope.submittedBy)]
    : ['reportsNewest', ALL_REPORTS];
  const filters: Filter[] = [];
  if (q.status) filters.push(equals('status', q.status, 'fstatus'));
  if (q.category) filters.push(equals('category', q.category, 'fcat'));
  if (q.area) filters.push(equals('area', q.area, 'farea'));
  if (q.urgency) filters.push(equals('urgency', q.urgency, 'furg'));
  const page = await queryIndexPage(deps, {
    index,
    partition,
    filters,
    limit: q.limit,
    cursor: q.cursor,
    binding: { date: q.date, status: q.status, category: q.category, area: q.area, urgency: q.urgency },
    ...(q.date ? { sortKey: daySortRange(q.date, deps.config.timeZone) } : {}),
    // Its items are ~150 bytes: a selective filter (a rare area, dismissed reports) reads further
    // ahead per Query, so a page fills in fewer round trips than with the case indexes' full items.
    readAhead: 100,
  });
  return { items: (await fullItemsOf(deps, page.items)).map(fromItem), nextCursor: page.nextCursor };
};

/** Reports by id (strongly consistent); missing ones are absent from the map. */
export const getReportsByIds = async (deps: Deps, ids: string[]): Promise<Map<string, Report>> => {
  const items = await batchGetAll(deps, ids.map(reportKey), { consistent: true });
  return new Map(items.map((item) => [String(item.id), fromItem(item)]));
};

/** A case's report as closure feedback needs it: its reporter's address (if still held) and its title. */
export interface ClosureReport {
  reportId: string;
  submittedBy: string;
  email: string | null;
  title: string;
}

/** The reports of a closed case with their reporters' addresses, for closure feedback only. */
export const getClosureReports = async (deps: Deps, ids: string[]): Promise<ClosureReport[]> =>
  (
    await batchGetAll(deps, ids.map(reportKey), {
      projection: 'id, submittedBy, reporterEmail, #t',
      names: { '#t': 'title' },
      consistent: true,
    })
  ).map((item) => ({
    reportId: String(item.id),
    submittedBy: String(item.submittedBy),
    email:
      typeof item.reporterEmail === 'string' && item.reporterEmail.length > 0 ? item.reporterEmail : null,
    title: String(item.title ?? ''),
  }));

/**
 * Forgets the reporter's address once their closure email is sent. Conditional
 * on the report still holding that very address, so it never removes another.
 */
export const removeReporterEmail = async (deps: Deps, reportId: string, email: string): Promise<void> => {
  try {
    await deps.db.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: reportKey(reportId),
        UpdateExpression: 'REMOVE reporterEmail',
        ConditionExpression: 'reporterEmail = :email',
        ExpressionAttributeValues: { ':email': email },
      }),
    );
  } catch (err) {
    // Already removed (a rerun, or another sender): nothing to do.
    if (!(err instanceof Error && err.name === 'ConditionalCheckFailedException')) throw err;
  }
};

/**
 * The keys of these reports, of their URL entries and of their FILE items:
 * what expires with a closed case. Their band items (similar.ts) are not among
 * them: they expire on their own TTL, the similarity window after submission.
 * FILE items are read (one Query each) only for reports whose `fileCount` says
 * they have any.
 */
export const reportRetentionKeys = async (
  deps: Deps,
  ids: string[],
): Promise<{ pk: string; sk: string }[]> => {
  const items = await batchGetAll(deps, ids.map(reportKey), {
    projection: 'id, urlHashes, fileCount',
    consistent: true,
  });
  return (
    await Promise.all(
      items.map(async (item) => {
        const id = String(item.id);
        const hashes = (item.urlHashes as string[] | undefined) ?? [];
        const files =
          typeof item.fileCount === 'number' && item.fileCount > 0
            ? (await fileItemsOf(deps, reportKey(id).pk)).map(({ pk, sk }) => ({ pk, sk }))
            : [];
        return [reportKey(id), ...hashes.map((h) => urlKey(h, id)), ...files];
      }),
    )
  ).flat();
};
