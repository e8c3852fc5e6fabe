// Day aggregates for baselines and trajectories (docs/jobs.md): the stored
// items, with a missed day rebuilt from the day index.

import { dayStanding } from '#domain/time';
import { aggregateDay, type DayAggregate } from '#domain/topics';
import type { Deps } from '#shared/deps';
import { getDayAggregates, putDayAggregate } from '#store/day-aggregates';
import { reportsOfDay } from '#store/summary';

/** Missing days rebuilt at once (each is 24 Queries of the day index, 8 in flight). */
const REBUILD_CONCURRENCY = 2;

/** How a reader gets its day aggregates: the job's loader stores a rebuilt day, a GET's only reads. */
export type AggregatesOf = (deps: Deps, days: string[], now: Date) => Promise<Map<string, DayAggregate>>;

/**
 * The aggregates of `days`: one BatchGetItem, then each missing day that has
 * ended (`past` in the configured zone) rebuilt from the day index
 * (`reportsOfDay`), marked `rebuilt`, and handed to `keep` (which may store it
 * and answers the aggregate to use). A day that has not ended (today, or
 * later) is never rebuilt: it is absent.
 */
const load = async (
  deps: Deps,
  days: string[],
  now: Date,
  keep: (agg: DayAggregate) => Promise<DayAggregate>,
): Promise<Map<string, DayAggregate>> => {
  const found = days.length ? await getDayAggregates(deps, days) : new Map<string, DayAggregate>();
  const missing = [...new Set(days)].filter(
    (d) => !found.has(d) && dayStanding(d, now, deps.config.timeZone) === 'past',
  );
  const worker = async () => {
    for (let day = missing.shift(); day !== undefined; day = missing.shift()) {
      found.set(day, await keep(aggregateDay(day, await reportsOfDay(deps, day), now, true)));
    }
  };
  await Promise.all(Array.from({ length: REBUILD_CONCURRENCY }, worker));
  return found;
};

/**
 * A GET's loader (`GET /summaries/daily`, `/weekly`, `/monthly`, and dry runs):
 * a missed day is built in memory, never stored. A GET writes nothing, and the
 * summaries function holds no write permission (this path references no write,
 * so none is bundled); it may read a missed day's reports again until the job
 * has run.
 */
export const readDayAggregates: AggregatesOf = (deps, days, now) => load(deps, days, now, async (agg) => agg);

/**
 * The jobs' loader: a rebuilt day is stored if still absent
 * (`attribute_not_exists`), so it is rebuilt once; when another run stored it
 * first, that item is used.
 */
export const storedDayAggregates: AggregatesOf = (deps, days, now) =>
  load(deps, days, now, async (agg) => {
    if (await putDayAggregate(deps, agg, 'ifAbsent')) return agg;
    // Another run stored it between our read and our write: theirs is the one kept.
    return (await getDayAggregates(deps, [agg.date])).get(agg.date) ?? agg;
  });

/** `store`: the jobs' loader; `memory`: a GET's. */
export const dayAggregates = (
  deps: Deps,
  days: string[],
  o: { now: Date; rebuildMissing: 'store' | 'memory' },
): Promise<Map<string, DayAggregate>> =>
  (o.rebuildMissing === 'store' ? storedDayAggregates : readDayAggregates)(deps, days, o.now);
