// Reads for the daily summary. Each is a Query on an index keyed by the day or
// by the deadline, so the cost grows with that day's reports and the open
// cases, never with the table.
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { CaseEvent, DayReport, OpenCase, ReportText } from '#domain/summary';
import type { BriefingLine } from '#domain/summary-types';
import { DAY_HOURS } from '#domain/time';
import type { Deps } from '#shared/deps';
import { caseKey } from './cases';
import { batchGetAll, QUERY_ALL_PAGE, queryAll } from './query';
import { dayHourPartition, reportKey } from './reports';

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

/** Hour partitions read at once. */
const DAY_READ_CONCURRENCY = 8;
/**
 * Items per Query page of the day index. On DynamoDB a page of slim items is
 * then ~75 KB (a 100,000-report day: ~200 Queries, 8 in flight). DynamoDB Local
 * sizes an index page by the full report item (a 1 MB page holds ~800 reports,
 * whatever the projection) and its time per page grows faster than the page:
 * reading a 100,000-report day took 4.5–9 s with pages of 500 against 11–16 s
 * with 1 MB pages (.local probes on this 2-core machine, under load).
 */
const DAY_PAGE = 500;

/**
 * The reports submitted on local day `date`, as the summary counts them: the
 * day's 24 hour partitions of the slim index (gsi8, `RHOUR#<date>#<hh>`),
 * several at once. Their text is read separately, only for the reports shown.
 */
export const reportsOfDay = async (deps: Deps, date: string): Promise<DayReport[]> => {
  const hours = [...DAY_HOURS];
  const out: DayReport[] = [];
  const worker = async () => {
    for (let hour = hours.shift(); hour !== undefined; hour = hours.shift()) {
      const items = await queryAll(deps, {
        IndexName: 'gsi8',
        KeyConditionExpression: 'gsi8pk = :pk',
        ExpressionAttributeValues: { ':pk': dayHourPartition(date, hour) },
        Limit: DAY_PAGE,
      });
      for (const item of items) out.push(dayReportOf(item));
    }
  };
  await Promise.all(Array.from({ length: DAY_READ_CONCURRENCY }, worker));
  return out;
};

/** An item of gsi8 → a DayReport: the id comes from the table key, the time from the index sort key. */
const dayReportOf = (item: Record<string, unknown>): DayReport => ({
  id: String(item.pk).slice('REPORT#'.length),
  submittedAt: String(item.gsi8sk).split('#')[0]!,
  category: item.category as string,
  area: item.area as string,
  sentiment: item.sentiment as DayReport['sentiment'],
  urgency: item.urgency as DayReport['urgency'],
  status: item.status as DayReport['status'],
  caseId: (item.caseId as string | null | undefined) ?? null,
  ...(typeof item.reach === 'number' ? { reach: item.reach } : {}),
  ...(Array.isArray(item.urlHashes) ? { urlHashes: item.urlHashes as string[] } : {}),
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

/** Case history entries of local day `date` (gsi1, `CHIST#<date>`). */
export const caseEventsOfDay = async (deps: Deps, date: string): Promise<CaseEvent[]> => {
  const items = await queryAll(deps, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': `CHIST#${date}` },
    ProjectionExpression: 'caseId, #a, #at, details',
    ExpressionAttributeNames: { '#a': 'action', '#at': 'at' },
  });
  return items as unknown as CaseEvent[];
};

/** How many cases are in each open status (gsi3 counts). */
export const openCaseCounts = async (deps: Deps) => {
  const count = (status: string) =>
    countAll(deps, {
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk',
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

/** Verifying cases with a deadline in [from, to) (gsi5, sparse, keyed by deadline). */
export const casesDueBetween = async (deps: Deps, from: Date | null, to: Date): Promise<OpenCase[]> => {
  const items = await queryAll(deps, {
    IndexName: 'gsi5',
    KeyConditionExpression: from
      ? 'gsi5pk = :pk AND gsi5sk BETWEEN :from AND :to'
      : 'gsi5pk = :pk AND gsi5sk < :to',
    ExpressionAttributeValues: {
      ':pk': 'CDUE',
      ':to': to.toISOString(),
      ...(from ? { ':from': from.toISOString() } : {}),
    },
    ...OPEN_CASE_PROJECTION,
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

/** Scheduled briefings starting in [from, to) (gsi7, `BRIEFING`, keyed by start). */
export const briefingsBetween = async (deps: Deps, from: Date, to: Date): Promise<BriefingLine[]> => {
  const items = await queryAll(deps, {
    IndexName: 'gsi7',
    KeyConditionExpression: 'gsi7pk = :pk AND gsi7sk BETWEEN :from AND :to',
    FilterExpression: '#s = :scheduled',
    ExpressionAttributeValues: {
      ':pk': 'BRIEFING',
      ':from': from.toISOString(),
      ':to': to.toISOString(),
      ':scheduled': 'scheduled',
    },
    ProjectionExpression: 'id, title, startsAt, #loc, kind',
    ExpressionAttributeNames: { '#s': 'status', '#loc': 'location' },
  });
  return items as unknown as BriefingLine[];
};
