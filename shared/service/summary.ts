// The daily summary and the agency digests: read the day through its indexes,
// build with the pure builder.

import { BadRequest } from '#domain/errors';
import {
  buildAgencyDigests,
  buildDailySummary,
  DUE_SOON_HOURS,
  planDay,
  type ReportText,
} from '#domain/summary';
import { summaryQuerySchema } from '#domain/summary-query';
import type { AgencyDigest, DailySummary } from '#domain/summary-types';
import { addDays, dayRange, dayStanding, localDay, previousLocalDay } from '#domain/time';
import { aggregateDay, type DayAggregate, daysBefore, topicId, topicsOfDay } from '#domain/topics';
import {
  CLARIFICATION_DAYS,
  type ClarifiedCase,
  claimDays,
  clarificationEffect,
  topicTrends,
} from '#domain/trends';
import { validate } from '#domain/validate';
import type { Deps } from '#shared/deps';
import {
  briefingsBetween,
  caseEventsOfDay,
  casesByIds,
  casesDueBetween,
  casesForEffect,
  openCaseCounts,
  reportMoments,
  reportsOfDay,
  reportTexts,
} from '#store/summary';
import { type AggregatesOf, readDayAggregates } from './day-aggregates';

export const BRIEFINGS_AHEAD_DAYS = 7;

export interface GatheredDay {
  summary: DailySummary;
  digests: AgencyDigest[];
  /** The day's aggregate, as the job stores it (built from the same reports). */
  aggregate: DayAggregate;
}

const isClarifying = (o: unknown): o is ClarifiedCase['outcome'] => o === 'clarified' || o === 'corrected';

/**
 * Day sections (reports, cases opened and closed, assignments, topics) are for
 * `date`; state sections (open by status, overdue, due soon, briefings) are as
 * of `now`. Topics are marked against the stored aggregates of the previous
 * `trends.baselineDays` days; a missing one is rebuilt from the day index
 * (`aggregatesOf`: `storedDayAggregates` for the job, `readDayAggregates`, the default, for a GET,
 * which writes nothing).
 */
export const gatherDaily = async (
  deps: Deps,
  date: string,
  now: Date,
  o: { aggregatesOf: AggregatesOf } = { aggregatesOf: readDayAggregates },
): Promise<GatheredDay> => {
  const { config } = deps;
  const soon = new Date(now.getTime() + DUE_SOON_HOURS * 3600_000);
  // Close events of the 13 days before `date` (its own come with `events`).
  const earlierDays = daysBefore(date, CLARIFICATION_DAYS - 1);
  const [reports, events, openByStatus, overdue, dueSoon, briefings, baseline, earlierEvents] =
    await Promise.all([
      reportsOfDay(deps, date),
      caseEventsOfDay(deps, date),
      openCaseCounts(deps),
      casesDueBetween(deps, null, now),
      casesDueBetween(deps, now, soon),
      briefingsBetween(deps, now, addDays(now, BRIEFINGS_AHEAD_DAYS)),
      o.aggregatesOf(deps, daysBefore(date, config.trends.baselineDays), now),
      Promise.all(earlierDays.map((d) => caseEventsOfDay(deps, d))),
    ]);
  const assignedIds = events.filter((e) => e.action === 'assign').map((e) => e.caseId);
  const plan = planDay(reports);
  const dayTopics = topicsOfDay(plan.kept);
  const aggregate = aggregateDay(date, plan.kept, now, false, dayTopics);
  const listed = topicTrends(config.trends, dayTopics, baseline.values(), new Map());
  const leads = new Map(dayTopics.map((t) => [topicId(t), t.leadId]));
  const topicCaseIds = listed.flatMap((t) => (t.caseId ? [t.caseId] : []));
  const leadIds = listed.map((t) => leads.get(`${t.kind}:${t.key}`)!);
  // The latest clarifying close of each case in the 14 days.
  const closes = new Map<string, string>();
  for (const e of [...earlierEvents.flat(), ...events]) {
    if (e.action === 'close' && isClarifying(e.details.outcome)) closes.set(e.caseId, e.at);
  }
  // The cases the urgent reports are on, for their state ("on a case, being verified", "closed").
  const urgentCaseIds = [...new Set(plan.urgent.top.flatMap((r) => (r.caseId ? [r.caseId] : [])))];
  const caseIds = [...new Set([...assignedIds, ...urgentCaseIds, ...topicCaseIds])];
  const textIds = [...new Set([...plan.show, ...leadIds])];
  const [cases, texts, clarified] = await Promise.all([
    caseIds.length ? casesByIds(deps, caseIds) : [],
    textIds.length ? reportTexts(deps, textIds) : new Map<string, ReportText>(),
    closes.size ? casesForEffect(deps, [...closes.keys()]) : [],
  ]);
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const assigned = assignedIds.flatMap((id) => caseById.get(id) ?? []);
  // Still waiting on the agency it was assigned to that day.
  const newlyAssigned = [...new Set(assigned)].filter(
    (c) =>
      c.status === 'verifying' &&
      events.some((e) => e.caseId === c.id && e.action === 'assign' && e.details.agencyId === c.agencyId),
  );
  const topics = listed.map((t) => ({
    ...t,
    title:
      (t.caseId ? caseById.get(t.caseId)?.title : undefined) ??
      texts.get(leads.get(`${t.kind}:${t.key}`)!)?.title ??
      '',
  }));
  // A case reopened since (or closed again otherwise) is left out: its word no longer stands.
  const standing = clarified.filter((c) => c.status === 'closed' && isClarifying(c.outcome) && c.closedAt);
  const linked = await Promise.all(
    standing.map((c) => (c.reportIds?.length ? reportMoments(deps, c.reportIds) : [])),
  );
  // After the word the claim lives on its reports' groups and source URLs: the
  // days after the word's day are read from the day aggregates (today's from memory).
  const laterDayIds = [
    ...new Set(
      standing.flatMap((c) => {
        const from = localDay(new Date(c.closedAt!), config.timeZone);
        return daysBefore(date, CLARIFICATION_DAYS).filter((d) => d > from);
      }),
    ),
  ].filter((d) => !baseline.has(d));
  const later = new Map(baseline);
  if (laterDayIds.length) {
    for (const [d, a] of await o.aggregatesOf(deps, laterDayIds, now)) later.set(d, a);
  }
  later.set(date, aggregate);
  const clarifications = standing
    .map((c, i) =>
      clarificationEffect(config, {
        date,
        closed: {
          id: c.id,
          title: c.title,
          outcome: c.outcome as ClarifiedCase['outcome'],
          agencyId: c.agencyId ?? null,
          evidenceUrl: c.evidenceUrl ?? null,
          closedAt: c.closedAt!,
        },
        reports: linked[i]!,
        laterDays: claimDays(later.values(), linked[i]!),
      }),
    )
    .filter((c) => c.officialAt < dayRange(date, config.timeZone).end.toISOString())
    .sort((a, b) => b.officialAt.localeCompare(a.officialAt));
  const summary = buildDailySummary(config, {
    date,
    now,
    reports,
    plan,
    texts,
    caseStatuses: new Map(
      urgentCaseIds.flatMap((id) => (caseById.has(id) ? [[id, caseById.get(id)!.status]] : [])),
    ),
    events,
    openByStatus,
    overdue,
    dueSoon,
    briefings,
    topics,
    clarifications,
  });
  const digests = buildAgencyDigests(config, { date, now, overdue, dueSoon, newlyAssigned });
  return { summary, digests, aggregate };
};

/** GET /summaries/daily: `date` defaults to yesterday (local), like the 07:00 email. */
export const dailySummaryFor = async (deps: Deps, query: unknown): Promise<DailySummary> => {
  const q = validate(summaryQuerySchema, query, 'query');
  const now = deps.clock();
  const date = q.date ?? previousLocalDay(now, deps.config.timeZone);
  if (dayStanding(date, now, deps.config.timeZone) === 'future') {
    throw new BadRequest('The date is in the future.', [
      { path: '/date', message: 'must not be after today' },
    ]);
  }
  return (await gatherDaily(deps, date, now)).summary;
};
