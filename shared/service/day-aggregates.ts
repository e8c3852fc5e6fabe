// Day aggregates for baselines and trajectories (docs/jobs.md): the stored
// items, with a missed day rebuilt from the day index.

import { dayStanding } from '#domain/time';
import { aggregateDay, type DayAggregate } from '#domain/topics';
import type { Deps } from '#shared/deps';
import { getDayAggregates, putDayAggregate } from '#store/day-aggregates';
import { reportsOfDay } from '#store/summary';

/** Missing days rebuilt at once (each is 24 Queries of the day index, 8 in flight). */
const REBUILD_CONCURRENCY = 2;

/**
 * The aggregates of `days`: one BatchGetItem, then each missing day that has
 * ended (`past` in the configured zone) rebuilt from the day index
 * (`reportsOfDay`), marked `rebuilt`. `rebuildMissing`:
 * - `store`: the rebuilt day is stored if still absent (`attribute_not_exists`),
 *   so it is rebuilt once; when another run stored it first, that item is used.
 *   The daily summary job does this.
 * - `memory`: computed, not stored. `GET /summaries/daily` does this: a GET
 *   writes nothing, so it may read a missed day's reports again until the job
 *   has run (at most `trends.baselineDays` days of reports).
 * A day that has not ended (today, or later) is never rebuilt: it is absent.
 */
export const dayAggregates = async (
  deps: Deps,
  days: string[],
  o: { now: Date; rebuildMissing: 'store' | 'memory' },
): Promise<Map<string, DayAggregate>> => {
  const found = days.length ? await getDayAggregates(deps, days) : new Map<string, DayAggregate>();
  const missing = [...new Set(days)].filter(
    (d) => !found.has(d) && dayStanding(d, o.now, deps.config.timeZone) === 'past',
  );
  const worker = async () => {
    for (let day = missing.shift(); day !== undefined; day = missing.shift()) {
      const agg = aggregateDay(day, await reportsOfDay(deps, day), o.now, true);
      if (o.rebuildMissing === 'memory' || (await putDayAggregate(deps, agg, 'ifAbsent'))) {
        found.set(day, agg);
      } else {
        // Another run stored it between our read and our write: theirs is the one kept.
        const theirs = (await getDayAggregates(deps, [day])).get(day);
        found.set(day, theirs ?? agg);
      }
    }
  };
  await Promise.all(Array.from({ length: REBUILD_CONCURRENCY }, worker));
  return found;
};
