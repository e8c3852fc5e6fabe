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
import type { DuplicateHint, Report, ReportListQuery, ReportStatus } from '#domain/report';
import { addDays, epochSeconds, localDayHour } from '#domain/time';
import type { Deps } from '#shared/deps';
import { cancellationCodes } from './errors';
import { batchGetAll, equals, type Filter, type Page, queryIndexPage, type TransactItem } from './query';
import type { GsiName } from './table';

export const reportKey = (id: string) => ({ pk: `REPORT#${id}`, sk: 'REPORT' });
export const urlHash = (normalized: string): string =>
  createHash('sha256').update(normalized).digest('hex').slice(0, 32);
const urlKey = (hash: string, reportId: string) => ({ pk: `URL#${hash}`, sk: `REPORT#${reportId}` });

interface ReportItem extends Report {
  pk: string;
  sk: string;
  entity: 'report';
  localDay: string;
  urlHashes: string[];
  /** The reporter's address, kept only to tell them how their report's case ended. */
  reporterEmail?: string;
  expiresAt?: number;
  [gsi: `gsi${number}${'pk' | 'sk'}`]: string;
}

const SERVER_ONLY = ['pk', 'sk', 'entity', 'localDay', 'urlHashes', 'reporterEmail', 'expiresAt'] as const;

/** Every report index sorts by time, then id: `<submittedAt>#<id>`. */
const indexSortKey = (r: Pick<Report, 'submittedAt' | 'id'>) => `${r.submittedAt}#${r.id}`;

/** The daily summary's slim index partition: one per local hour (table.ts, gsi8). */
export const dayHourPartition = (day: string, hour: string) => `RHOUR#${day}#${hour}`;

/** The partition of each report list index (gsi8 is the summary's, keyed by hour). */
const reportPartitions = (
  r: Pick<Report, 'status' | 'category' | 'area' | 'urgency' | 'submittedBy'>,
  day: string,
  hour: string,
) =>
  ({
    gsi1: `RDAY#${day}`,
    gsi2: `RBY#${r.submittedBy}`,
    gsi3: `RSTATUS#${r.status}`,
    gsi4: `RCAT#${r.category}`,
    gsi5: `RAREA#${r.area}`,
    gsi6: `RURG#${r.urgency}`,
    gsi7: 'REPORT',
    gsi8: dayHourPartition(day, hour),
  }) satisfies Record<GsiName, string>;

export const toReportItem = (
  r: Report,
  timeZone: string,
  extra: { urlHashes: string[]; reporterEmail?: string },
): ReportItem => {
  const { day, hour } = localDayHour(new Date(r.submittedAt), timeZone);
  const sortKey = indexSortKey(r);
  const item: ReportItem = {
    ...r,
    ...reportKey(r.id),
    entity: 'report',
    localDay: day,
    urlHashes: extra.urlHashes,
  };
  if (extra.reporterEmail) item.reporterEmail = extra.reporterEmail;
  for (const [gsi, pk] of Object.entries(reportPartitions(r, day, hour))) {
    item[`${gsi}pk` as `gsi1pk`] = pk;
    item[`${gsi}sk` as `gsi1sk`] = sortKey;
  }
  return item;
};

export const fromItem = (item: Record<string, unknown>): Report => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (/^gsi\d+(pk|sk)$/.test(k) || (SERVER_ONLY as readonly string[]).includes(k)) continue;
    out[k] = v;
  }
  return out as unknown as Report;
};

export interface NewReportWrite {
  report: Report;
  urlHashes: string[];
  reporterEmail?: string;
  /** The idempotency record's Put (idempotency.ts): the first item of the same transaction. */
  idempotencyItem?: TransactItem;
}

/**
 * `key-taken`: the transaction was cancelled on the idempotency record: another
 * request with the same key has committed (its record exists) or is committing
 * (a conflict). Nothing was written.
 */
export type NewReportOutcome = 'stored' | 'key-taken';

/**
 * The report, its URL index entries and the idempotency record, all or nothing,
 * in one TransactWriteItems. With neither a record nor URL entries it is one
 * conditional PutItem instead (cheaper and faster than a one-item transaction).
 * Any failure other than the idempotency record's condition is rethrown: a
 * cancellation on the report itself (an id collision) is not "key taken".
 */
export const putNewReport = async (deps: Deps, w: NewReportWrite): Promise<NewReportOutcome> => {
  const item = toReportItem(w.report, deps.config.timeZone, {
    urlHashes: w.urlHashes,
    reporterEmail: w.reporterEmail,
  });
  const reportPut = {
    TableName: deps.tableName,
    Item: item,
    ConditionExpression: 'attribute_not_exists(pk)',
  };
  if (!w.idempotencyItem && w.urlHashes.length === 0) {
    await deps.db.send(new PutCommand(reportPut));
    return 'stored';
  }
  try {
    await deps.db.send(
      new TransactWriteCommand({
        TransactItems: [
          // First, so that its cancellation reason is at index 0.
          ...(w.idempotencyItem ? [w.idempotencyItem] : []),
          { Put: reportPut },
          ...w.urlHashes.map((h) => ({
            Put: {
              TableName: deps.tableName,
              Item: { ...urlKey(h, w.report.id), entity: 'report-url', reportId: w.report.id },
            },
          })),
        ],
      }),
    );
  } catch (err) {
    const onRecord = w.idempotencyItem ? cancellationCodes(err)?.[0] : undefined;
    if (onRecord === 'ConditionalCheckFailed' || onRecord === 'TransactionConflict') return 'key-taken';
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

/** Other reports sharing any of the URL hashes, with their current status. */
export const findDuplicates = async (
  deps: Deps,
  hashes: string[],
  excludeId?: string,
): Promise<DuplicateHint[]> => {
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
  if (ids.size === 0) return [];
  const items = await batchGetAll(deps, [...ids].slice(0, 100).map(reportKey), {
    projection: 'id, #s, caseId',
    names: { '#s': 'status' },
  });
  const found: DuplicateHint[] = items.map((i) => ({
    id: String(i.id),
    status: i.status as ReportStatus,
    caseId: (i.caseId as string | null) ?? null,
  }));
  return found.sort((a, b) => (a.id < b.id ? -1 : 1));
};

/** Saves a report's new status, conditional on the version it was read at. */
export const saveReportTransition = async (deps: Deps, before: Report, after: Report): Promise<void> => {
  const expiresAt =
    after.status === 'dismissed'
      ? epochSeconds(addDays(new Date(after.updatedAt), deps.config.retention.dismissedReportDays))
      : undefined;
  const item = await getReportItem(deps, before.id);
  if (!item) throw new NotFound(`No report ${before.id}.`);
  const hashes = (item.urlHashes as string[] | undefined) ?? [];
  const next = toReportItem(after, deps.config.timeZone, {
    urlHashes: hashes,
    ...(typeof item.reporterEmail === 'string' ? { reporterEmail: item.reporterEmail } : {}),
  });
  if (expiresAt !== undefined) next.expiresAt = expiresAt;
  try {
    await deps.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: deps.tableName,
              Item: next,
              ConditionExpression: 'attribute_exists(pk) AND version = :v',
              ExpressionAttributeValues: { ':v': before.version },
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
        ],
      }),
    );
  } catch (err) {
    if (cancellationCodes(err)?.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict')) {
      throw new Conflict('The report changed while you were acting on it; read it again and retry.', {
        currentStatus: (await getReport(deps, before.id))?.status,
      });
    }
    throw err;
  }
};

export interface ReportScope {
  /** Set for a reporter: only their own reports. */
  submittedBy?: string;
}

/**
 * One index per filter; with several filters the first in this order serves the
 * Query and the others are applied as a filter on it: own reports (reporter),
 * date, status, category, area, urgency, else the all-reports index. Newest first.
 */
export const listReports = async (
  deps: Deps,
  scope: ReportScope,
  q: ReportListQuery,
): Promise<Page<Report>> => {
  const [index, partition]: [GsiName, string] = scope.submittedBy
    ? ['gsi2', `RBY#${scope.submittedBy}`]
    : q.date
      ? ['gsi1', `RDAY#${q.date}`]
      : q.status
        ? ['gsi3', `RSTATUS#${q.status}`]
        : q.category
          ? ['gsi4', `RCAT#${q.category}`]
          : q.area
            ? ['gsi5', `RAREA#${q.area}`]
            : q.urgency
              ? ['gsi6', `RURG#${q.urgency}`]
              : ['gsi7', 'REPORT'];
  const filters: Filter[] = [];
  if (q.date && index !== 'gsi1') filters.push(equals('localDay', q.date, 'fday'));
  if (q.status && index !== 'gsi3') filters.push(equals('status', q.status, 'fstatus'));
  if (q.category && index !== 'gsi4') filters.push(equals('category', q.category, 'fcat'));
  if (q.area && index !== 'gsi5') filters.push(equals('area', q.area, 'farea'));
  if (q.urgency && index !== 'gsi6') filters.push(equals('urgency', q.urgency, 'furg'));
  const page = await queryIndexPage(deps, {
    index,
    partition,
    filters,
    limit: q.limit,
    cursor: q.cursor,
    binding: { date: q.date, status: q.status, category: q.category, area: q.area, urgency: q.urgency },
  });
  return { items: page.items.map(fromItem), nextCursor: page.nextCursor };
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

/** The keys of these reports and of their URL entries: what expires with a closed case. */
export const reportRetentionKeys = async (
  deps: Deps,
  ids: string[],
): Promise<{ pk: string; sk: string }[]> => {
  const items = await batchGetAll(deps, ids.map(reportKey), {
    projection: 'id, urlHashes',
    consistent: true,
  });
  return items.flatMap((item) => {
    const id = String(item.id);
    const hashes = (item.urlHashes as string[] | undefined) ?? [];
    return [reportKey(id), ...hashes.map((h) => urlKey(h, id))];
  });
};

/**
 * Gives reports stored before the summary's day index (gsi8) their index keys:
 * every report from the all-reports index (gsi7, a Query, not a Scan) that
 * lacks them, each set only if still missing. Idempotent; resolves to how many
 * it set. Run once after gsi8 is added to a table that already holds reports.
 */
export const backfillDayIndex = async (deps: Deps): Promise<number> => {
  let updated = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.db.send(
      new QueryCommand({
        TableName: deps.tableName,
        IndexName: 'gsi7',
        KeyConditionExpression: 'gsi7pk = :all',
        FilterExpression: 'attribute_not_exists(gsi8pk)',
        ExpressionAttributeValues: { ':all': 'REPORT' },
        ProjectionExpression: 'pk, sk, gsi7pk, gsi7sk, id, submittedAt',
        Limit: 500,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const { day, hour } = localDayHour(new Date(String(item.submittedAt)), deps.config.timeZone);
      try {
        await deps.db.send(
          new UpdateCommand({
            TableName: deps.tableName,
            Key: { pk: item.pk, sk: item.sk },
            UpdateExpression: 'SET gsi8pk = :pk, gsi8sk = :sk',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(gsi8pk)',
            ExpressionAttributeValues: {
              ':pk': dayHourPartition(day, hour),
              ':sk': indexSortKey({ submittedAt: String(item.submittedAt), id: String(item.id) }),
            },
          }),
        );
        updated++;
      } catch (err) {
        // Set meanwhile (a concurrent backfill or a rewrite of the report): nothing to do.
        if (!(err instanceof Error && err.name === 'ConditionalCheckFailedException')) throw err;
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return updated;
};
