// The weekly and monthly report (docs/jobs.md, "periodic-summary"): read the
// period through its indexes and the day aggregates, build with the pure
// builder (shared/domain/periodic.ts). GET /summaries/weekly|monthly and the
// job's email share it.
import { BadRequest } from '#domain/errors';
import {
  aggregateDaysOf,
  buildPeriodicSummary,
  historyDaysOf,
  monthlyQuerySchema,
  type Period,
  type PeriodicSummary,
  type PeriodKind,
  parsePeriod,
  periodRange,
  periodStanding,
  previousPeriod,
  weeklyQuerySchema,
} from '#domain/periodic';
import { localDay } from '#domain/time';
import { validate } from '#domain/validate';
import type { Deps } from '#shared/deps';
import { caseIdsWithHistoryOn, casesOpenedBetween, casesWithHistory } from '#store/periodic';
import { casesByIds, casesDueBetween, reportMoments } from '#store/summary';
import { type AggregatesOf, readDayAggregates } from './day-aggregates';

/** The period's figures as of `now`, the day aggregates from `aggregatesOf`. */
export const gatherPeriodic = async (
  deps: Deps,
  period: Period,
  o: { now: Date; aggregatesOf: AggregatesOf },
): Promise<PeriodicSummary> => {
  const { timeZone } = deps.config;
  const range = periodRange(period, timeZone);
  const [aggregates, opened, historyIds, waiting] = await Promise.all([
    o.aggregatesOf(deps, aggregateDaysOf(period), o.now).then((m) => [...m.values()]),
    casesOpenedBetween(deps, range.start, range.end),
    caseIdsWithHistoryOn(deps, historyDaysOf(period, localDay(o.now, timeZone))),
    // Still waiting on a deadline that fell in the period: no history entry need mark them.
    casesDueBetween(deps, range.start, range.end),
  ]);
  const touched = await casesWithHistory(deps, [...new Set([...historyIds, ...waiting.map((c) => c.id)])]);
  const touchedIds = new Set(touched.map((t) => t.case.id));
  const caseTopicIds = [
    ...new Set(aggregates.flatMap((a) => a.topics.filter((t) => t.kind === 'case').map((t) => t.key))),
  ].filter((id) => !touchedIds.has(id));
  // The cases that may have a clarifying close in the period: their linked
  // reports, as the daily summary reads them (reportMoments).
  const clarified = touched.filter((t) =>
    t.history.some(
      (e) =>
        e.action === 'close' &&
        (e.details.outcome === 'clarified' || e.details.outcome === 'corrected') &&
        e.at >= range.start.toISOString() &&
        e.at < range.end.toISOString(),
    ),
  );
  const [titled, moments] = await Promise.all([
    caseTopicIds.length ? casesByIds(deps, caseTopicIds) : [],
    Promise.all(clarified.map((t) => (t.case.reportIds.length ? reportMoments(deps, t.case.reportIds) : []))),
  ]);
  const caseTitles = new Map<string, string>([
    ...touched.map((t) => [t.case.id, t.case.title] as [string, string]),
    ...titled.map((c) => [c.id, c.title] as [string, string]),
  ]);
  return buildPeriodicSummary(deps.config, {
    period,
    now: o.now,
    timeZone,
    aggregates,
    opened,
    touched,
    caseTitles,
    linkedReports: new Map(clarified.map((t, i) => [t.case.id, moments[i]!])),
  });
};

/**
 * GET /summaries/weekly and /summaries/monthly: the period asked for, else the
 * last complete one (as the email of the last Monday or 1st). A period that is
 * not a real week or month, or has not ended yet, is a 400.
 */
export const periodicSummaryFor = async (
  deps: Deps,
  kind: PeriodKind,
  query: unknown,
): Promise<PeriodicSummary> => {
  const now = deps.clock();
  const { timeZone } = deps.config;
  const field = kind === 'week' ? 'week' : 'month';
  const q =
    kind === 'week'
      ? validate(weeklyQuerySchema, query, 'query')
      : validate(monthlyQuerySchema, query, 'query');
  const asked = (q as { week?: string; month?: string })[field];
  const period = asked ? parsePeriod(kind, asked) : previousPeriod(kind, localDay(now, timeZone));
  if (!period) {
    throw new BadRequest('The query is not valid.', [
      { path: `/${field}`, message: kind === 'week' ? 'no such ISO week' : 'no such month' },
    ]);
  }
  const standing = periodStanding(period, now, timeZone);
  if (standing !== 'past') {
    throw new BadRequest(`The ${kind} has not ended yet.`, [
      {
        path: `/${field}`,
        message: standing === 'future' ? 'must not be in the future' : `must be a ${kind} that has ended`,
      },
    ]);
  }
  return gatherPeriodic(deps, period, { now, aggregatesOf: readDayAggregates });
};
