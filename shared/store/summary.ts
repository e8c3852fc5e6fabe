// Reads for the daily summary. Each is a Query on an index keyed by the day or
// by the deadline, so the cost grows with that day's reports and the open
// cases, never with the table.
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../deps';
import type { CaseEvent, DayReport, OpenCase } from '../domain/summary';
import type { BriefingLine } from '../domain/summary-types';
import { caseKey } from './cases';
import { batchGetAll, queryAll } from './query';

const countAll = async (deps: Deps, input: Omit<QueryCommandInput, 'TableName'>): Promise<number> => {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await deps.db.send(
      new QueryCommand({ ...input, TableName: deps.tableName, Select: 'COUNT', ExclusiveStartKey: startKey }),
    );
    count += out.Count ?? 0;
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return count;
};

const REPORT_FIELDS = [
  'id',
  'title',
  'summary',
  'category',
  'area',
  'sentiment',
  'urgency',
  'reach',
  'urlHashes',
  'caseId',
  'submittedAt',
];

/** The reports submitted on local day `date` (gsi1, `RDAY#<date>`). */
export const reportsOfDay = async (deps: Deps, date: string): Promise<DayReport[]> => {
  const names = Object.fromEntries([...REPORT_FIELDS, 'status'].map((f, i) => [`#a${i}`, f]));
  const items = await queryAll(deps, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': `RDAY#${date}` },
    ProjectionExpression: Object.keys(names).join(', '),
    ExpressionAttributeNames: names,
  });
  return items as unknown as DayReport[];
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
  ProjectionExpression: 'id, title, #s, agencyId, dueAt',
  ExpressionAttributeNames: { '#s': 'status' },
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
