// How many evidence files a reader can open from an email (docs/emails.md):
// read from the owners' `fileCount` (the number of their FILE items, kept by
// the confirm transaction; absent = 0), never by listing FILE items. A case's
// page shows its own files and its reports'.
import type { Deps } from '#shared/deps';
import { caseKey } from './cases';
import { batchGetAll } from './query';
import { reportKey } from './reports';

const countOf = (item: Record<string, unknown>): number =>
  typeof item.fileCount === 'number' && item.fileCount > 0 ? item.fileCount : 0;

/** Each report's file count (0 for one without files or gone); one BatchGet per 100 reports. */
export const reportFileCounts = async (deps: Deps, reportIds: string[]): Promise<Map<string, number>> => {
  const counts = new Map(reportIds.map((id) => [id, 0]));
  if (reportIds.length === 0) return counts;
  const items = await batchGetAll(deps, reportIds.map(reportKey), {
    projection: 'id, fileCount',
    consistent: true,
  });
  for (const item of items) counts.set(String(item.id), countOf(item));
  return counts;
};

/**
 * Each case's file count as its page lists them: the case's own plus those of
 * the reports it holds now (0 for a case gone). Two BatchGets whatever the
 * number of cases: the cases, then all their reports.
 */
export const caseFileCounts = async (deps: Deps, caseIds: string[]): Promise<Map<string, number>> => {
  const counts = new Map(caseIds.map((id) => [id, 0]));
  if (caseIds.length === 0) return counts;
  const cases = await batchGetAll(deps, caseIds.map(caseKey), {
    projection: 'id, fileCount, reportIds',
    consistent: true,
  });
  const reportsOf = new Map(
    cases.map((c) => [String(c.id), Array.isArray(c.reportIds) ? c.reportIds.map(String) : []]),
  );
  const reports = await reportFileCounts(deps, [...new Set([...reportsOf.values()].flat())]);
  for (const c of cases) {
    const id = String(c.id);
    const ofReports = (reportsOf.get(id) ?? []).reduce((sum, r) => sum + (reports.get(r) ?? 0), 0);
    counts.set(id, countOf(c) + ofReports);
  }
  return counts;
};
