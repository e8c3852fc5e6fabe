// The daily summary and the agency digests: read the day through its indexes,
// build with the pure builder.

import { BadRequest } from '#domain/errors';
import { buildAgencyDigests, buildDailySummary, DUE_SOON_HOURS, planDay } from '#domain/summary';
import { summaryQuerySchema } from '#domain/summary-query';
import type { AgencyDigest, DailySummary } from '#domain/summary-types';
import { addDays, dayStanding, previousLocalDay } from '#domain/time';
import { validate } from '#domain/validate';
import type { Deps } from '#shared/deps';
import {
  briefingsBetween,
  caseEventsOfDay,
  casesByIds,
  casesDueBetween,
  openCaseCounts,
  reportsOfDay,
  reportTexts,
} from '#store/summary';

export const BRIEFINGS_AHEAD_DAYS = 7;

/**
 * Day sections (reports, cases opened and closed, assignments) are for `date`;
 * state sections (open by status, overdue, due soon, briefings) are as of `now`.
 */
export const gatherDaily = async (
  deps: Deps,
  date: string,
  now: Date,
): Promise<{ summary: DailySummary; digests: AgencyDigest[] }> => {
  const soon = new Date(now.getTime() + DUE_SOON_HOURS * 3600_000);
  const [reports, events, openByStatus, overdue, dueSoon, briefings] = await Promise.all([
    reportsOfDay(deps, date),
    caseEventsOfDay(deps, date),
    openCaseCounts(deps),
    casesDueBetween(deps, null, now),
    casesDueBetween(deps, now, soon),
    briefingsBetween(deps, now, addDays(now, BRIEFINGS_AHEAD_DAYS)),
  ]);
  const assignedIds = events.filter((e) => e.action === 'assign').map((e) => e.caseId);
  const plan = planDay(reports);
  // The cases the urgent reports are on, for their state ("on a case, being verified", "closed").
  const urgentCaseIds = [...new Set(plan.urgent.top.flatMap((r) => (r.caseId ? [r.caseId] : [])))];
  const [assigned, texts, urgentCases] = await Promise.all([
    assignedIds.length ? casesByIds(deps, assignedIds) : [],
    plan.show.length ? reportTexts(deps, plan.show) : new Map(),
    urgentCaseIds.length ? casesByIds(deps, urgentCaseIds) : [],
  ]);
  // Still waiting on the agency it was assigned to that day.
  const newlyAssigned = assigned.filter(
    (c) =>
      c.status === 'verifying' &&
      events.some((e) => e.caseId === c.id && e.action === 'assign' && e.details.agencyId === c.agencyId),
  );
  const summary = buildDailySummary(deps.config, {
    date,
    now,
    reports,
    plan,
    texts,
    caseStatuses: new Map(urgentCases.map((c) => [c.id, c.status])),
    events,
    openByStatus,
    overdue,
    dueSoon,
    briefings,
  });
  const digests = buildAgencyDigests(deps.config, { date, now, overdue, dueSoon, newlyAssigned });
  return { summary, digests };
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
