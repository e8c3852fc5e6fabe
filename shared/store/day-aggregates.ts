// Day aggregates: one item per local day (`DAYAGG#<date>`), the day's counts
// and reach per topic (shared/domain/topics.ts). The daily summary job writes
// the day it summarizes; a day it missed is rebuilt from the day index once.
// Later baselines and the periodic report read these items, never the
// reports again. Kept AGGREGATE_RETENTION_DAYS after the day (TTL).
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, dayRange, epochSeconds } from '#domain/time';
import type { DayAggregate } from '#domain/topics';
import type { Deps } from '#shared/deps';
import { isConditionalCheckFailed } from './errors';
import { batchGetAll } from './query';

/**
 * How long a day's aggregate is kept after the day: a year and a month, so a
 * monthly report can set a month against the same month a year before.
 */
export const AGGREGATE_RETENTION_DAYS = 400;

export const dayAggregateKey = (date: string) => ({ pk: `DAYAGG#${date}`, sk: 'DAYAGG' });

const STORED_ONLY = ['pk', 'sk', 'entity', 'expiresAt'] as const;

/**
 * Stores a day's aggregate. `replace`: the daily summary job's own run for the
 * day, the freshest count, replaces what is there (a rerun, or a rebuild).
 * `ifAbsent`: a rebuild of a missed day, written only if no item exists, so a
 * day is rebuilt once however many runs race; false when one was there.
 */
export const putDayAggregate = async (
  deps: Deps,
  agg: DayAggregate,
  mode: 'replace' | 'ifAbsent',
): Promise<boolean> => {
  try {
    await deps.db.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: {
          ...dayAggregateKey(agg.date),
          entity: 'day-aggregate',
          ...agg,
          expiresAt: epochSeconds(
            addDays(dayRange(agg.date, deps.config.timeZone).end, AGGREGATE_RETENTION_DAYS),
          ),
        },
        ...(mode === 'ifAbsent' ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
      }),
    );
    return true;
  } catch (err) {
    if (mode === 'ifAbsent' && isConditionalCheckFailed(err)) return false;
    throw err;
  }
};

/** The stored aggregates of these days (BatchGetItem, 100 a request); a day without one is absent. */
export const getDayAggregates = async (deps: Deps, dates: string[]): Promise<Map<string, DayAggregate>> => {
  const items = await batchGetAll(deps, dates.map(dayAggregateKey));
  return new Map(
    items.map((item) => {
      const agg = { ...item };
      for (const k of STORED_ONLY) delete agg[k];
      return [String(item.date), agg as unknown as DayAggregate];
    }),
  );
};
