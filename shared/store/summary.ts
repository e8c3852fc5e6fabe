// Reads for the daily summary. Each is a Query on an index keyed by the day or
// by the deadline, so the cost grows with that day's reports and the open
// cases, never with the table.
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { CaseEvent, DayReport, OpenCase, ReportText } from '#domain/summary';
import type { BriefingLine } from '#domain/summary-types';
import { dayRange } from '#domain/time';
import type { LinkedReport } from '#domain/trends';
import type { Deps } from '#shared/deps';
import { caseKey } from './cases';
import { batchGetAll, onIndex as on, QUERY_ALL_PAGE, queryAll } from './query';
import { reportKey } from './reports';
import { indexOf } from './table';

const countAll = async (deps: Deps, input: Omit<QueryCommandInput, 'TableName'>): Promise<number> => {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await deps.db.send(
      new QueryCommand({
        Limit: QUERY_ALL_PAGE,
        ...input,
        TableName: deps.tableName,
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += out.Count ?? 0;
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return count;
};

/** Slices of the day read at once. */
const DAY_READ_CONCURRENCY = 8;
/** The day is read as this many sort-key ranges of reportsNewest (one local hour each on most days). */
const DAY_SLICES = 24;
/**
 * Items per Query page of the day's ranges. On DynamoDB a page of slim items is
 * then ~75 KB (a 100,000-report day: ~200 Queries, 8 in flight). DynamoDB Local
 * sizes an index page by the full report item (a 1 MB page holds ~800 reports,
 * whatever the projection) and its time per page grows faster than the page:
 * reading a 100,000-report day took 4.5–9 s with pages of 500 against 11–16 s
 * with 1 MB pages (.local probes on this 2-core machine, under load).
 */
const DAY_PAGE = 500;

/** `[start, end)` cut into `n` consecutive ranges, as ISO instants. */
const slicesOf = (start: Date, end: Date, n: number): [string, string][] => {
  const at = (i: number) =>
    new Date(start.getTime() + Math.round(((end.getTime() - start.getTime()) * i) / n)).toISOString();
  return Array.from({ length: n }, (_, i) => [at(i), at(i + 1)]);
};

/**
 * The reports submitted on local day `date`, as the summary counts them: the
 * day's sort-key range of the slim reportsNewest index, cut into 24 ranges read
 * several at once. `BETWEEN <from> AND <to>` keeps `[from, to)`: a sort key is
 * `<submittedAt>#<id>`, so it sorts after the bare instant it starts with. Their
 * text is read separately, only for the reports shown.
 */
export const reportsOfDay = async (deps: Deps, date: string): Promise<DayReport[]> => {
  const { start, end } = dayRange(date, deps.config.timeZone);
  const slices = slicesOf(start, end, DAY_SLICES);
  const sortKey = indexOf('reportsNewest').sortKey;
  const out: DayReport[] = [];
  const worker = async () => {
    for (let slice = slices.shift(); slice !== undefined; slice = slices.shift()) {
      const items = await queryAll(deps, {
        ...on('reportsNewest'),
        KeyConditionExpression: '#ipk = :pk AND #isk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': 'REPORT', ':from': slice[0], ':to': slice[1] },
        Limit: DAY_PAGE,
      });
      for (const item of items) out.push(dayReportOf(item, sortKey));
    }
  };
  await Promise.all(Array.from({ length: DAY_READ_CONCURRENCY }, worker));
  return out;
};

/** A slim index item → a DayReport: the id comes from the table key, the time from the index sort key. */
const dayReportOf = (item: Record<string, unknown>, sortKey: string): DayReport => ({
  id: String(item.pk).slice('REPORT#'.length),
  submittedAt: String(item[sortKey]).split('#')[0]!,
  category: item.category as string,
  area: item.area as string,
  sentiment: item.sentiment as DayReport['sentiment'],
  urgency: item.urgency as DayReport['urgency'],
  status: item.status as DayReport['status'],
  caseId: (item.caseId as string | null | undefined) ?? null,
  ...(typeof item.reach === 'number' ? { reach: item.reach } : {}),
  ...(Array.isArray(item.urlHashes) ? { urlHashes: item.urlHashes as string[] } : {}),
  ...(typeof item.similarityGroup === 'string' ? { similarityGroup: item.similarityGroup } : {}),
});

/** Title and summary of the reports the summary shows (BatchGetItem, 100 a request). */
export const reportTexts = async (deps: Deps, ids: string[]): Promise<Map<string, ReportText>> => {
  const items = await batchGetAll(deps, ids.map(reportKey), { projection: 'id, title, summary, observedAt' });
  return new Map(
    items.map((i) => [
      String(i.id),
      {
        title: String(i.title ?? ''),
        summary: String(i.summary ?? ''),
        ...(typeof i.observedAt === 'string' ? { observedAt: i.observedAt } : {}),
      },
    ]),
  );
};

/** Case history entries of local day `date` (caseHistoryByDay, `CHIST#<date>`). */
export const caseEventsOfDay = async (deps: Deps, date: string): Promise<CaseEvent[]> => {
  const items = await queryAll(deps, {
    ...on('caseHistoryByDay', { '#a': 'action', '#at': 'at' }, false),
    KeyConditionExpression: '#ipk = :pk',
    ExpressionAttributeValues: { ':pk': `CHIST#${date}` },
    ProjectionExpression: 'caseId, #a, #at, details',
  });
  return items as unknown as CaseEvent[];
};

/** How many cases are in each open status (casesByStatus counts). */
export const openCaseCounts = async (deps: Deps) => {
  const count = (status: string) =>
    countAll(deps, {
      ...on('casesByStatus', {}, false),
      KeyConditionExpression: '#ipk = :pk',
      ExpressionAttributeValues: { ':pk': `CSTATUS#${status}` },
    });
  const [open, verifying, responded] = await Promise.all([
    count('open'),
    count('verifying'),
    count('responded'),
  ]);
  return { open, verifying, responded };
};

const OPEN_CASE_PROJECTION = {
  ProjectionExpression: 'id, title, #s, agencyId, dueAt, #p',
  ExpressionAttributeNames: { '#s': 'status', '#p': 'priority' },
};

/** Verifying cases with a deadline in [from, to) (casesDue, sparse, keyed by deadline). */
export const casesDueBetween = async (deps: Deps, from: Date | null, to: Date): Promise<OpenCase[]> => {
  const items = await queryAll(deps, {
    ...on('casesDue', OPEN_CASE_PROJECTION.ExpressionAttributeNames),
    KeyConditionExpression: from ? '#ipk = :pk AND #isk BETWEEN :from AND :to' : '#ipk = :pk AND #isk < :to',
    ExpressionAttributeValues: {
      ':pk': 'CDUE',
      ':to': to.toISOString(),
      ...(from ? { ':from': from.toISOString() } : {}),
    },
    ProjectionExpression: OPEN_CASE_PROJECTION.ProjectionExpression,
  });
  return items as unknown as OpenCase[];
};

/** Cases by id (for the day's assignments), strongly consistent. */
export const casesByIds = async (deps: Deps, ids: string[]): Promise<OpenCase[]> =>
  (await batchGetAll(deps, ids.map(caseKey), {
    consistent: true,
    projection: OPEN_CASE_PROJECTION.ProjectionExpression,
    names: OPEN_CASE_PROJECTION.ExpressionAttributeNames,
  })) as unknown as OpenCase[];

/** Scheduled briefings starting in [from, to) (briefingsByStart, `BRIEFING`, keyed by start). */
export const briefingsBetween = async (deps: Deps, from: Date, to: Date): Promise<BriefingLine[]> => {
  const items = await queryAll(deps, {
    ...on('briefingsByStart', { '#s': 'status', '#loc': 'location' }),
    KeyConditionExpression: '#ipk = :pk AND #isk BETWEEN :from AND :to',
    FilterExpression: '#s = :scheduled',
    ExpressionAttributeValues: {
      ':pk': 'BRIEFING',
      ':from': from.toISOString(),
      ':to': to.toISOString(),
      ':scheduled': 'scheduled',
    },
    ProjectionExpression: 'id, title, startsAt, #loc, kind',
  });
  return items as unknown as BriefingLine[];
};

/** What the clarification effect reads of a case (BatchGetItem), strongly consistent. */
export const casesForEffect = async (
  deps: Deps,
  ids: string[],
): Promise<
  {
    id: string;
    title: string;
    status: string;
    outcome: string | null;
    evidenceUrl: string | null;
    agencyId: string | null;
    closedAt: string | null;
    reportIds: string[];
  }[]
> =>
  (await batchGetAll(deps, ids.map(caseKey), {
    consistent: true,
    projection: 'id, title, #s, outcome, evidenceUrl, agencyId, closedAt, reportIds',
    names: { '#s': 'status' },
  })) as never;

/** The time, reach and status of reports by id (a case's linked reports; BatchGetItem, 100 a request). */
export const reportMoments = async (deps: Deps, ids: string[]): Promise<LinkedReport[]> =>
  (await batchGetAll(deps, ids.map(reportKey), {
    projection: 'id, submittedAt, observedAt, reach, #s, similarityGroup, urlHashes',
    names: { '#s': 'status' },
  })) as never;
