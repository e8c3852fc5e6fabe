// Day aggregates (shared/domain/topics.ts): the trends lane owns this module
// (stored items per day, a missing day rebuilt once from the day index). Until
// its version is merged, this stand-in rebuilds every day from the day index in
// memory, with the same signature, so the periodic report can be built on it.
import type { DayReport } from '#domain/summary';
import type { DayAggregate, TopicDay, TopicKind } from '#domain/topics';
import type { Deps } from '#shared/deps';
import { reportsOfDay } from '#store/summary';

const topicsOf = (reports: DayReport[]): TopicDay[] => {
  const by = new Map<string, { kind: TopicKind; key: string; reports: DayReport[] }>();
  const add = (kind: TopicKind, key: string, r: DayReport) => {
    const id = `${kind}\n${key}`;
    const t = by.get(id) ?? { kind, key, reports: [] };
    t.reports.push(r);
    by.set(id, t);
  };
  for (const r of reports) {
    if (r.caseId) add('case', r.caseId, r);
    for (const h of r.urlHashes ?? []) add('source', h, r);
    add('area', `${r.category}/${r.area}`, r);
  }
  const top = (values: string[]) => {
    const n = new Map<string, number>();
    for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
    return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
  };
  return [...by.values()].map((t) => ({
    kind: t.kind,
    key: t.key,
    reports: t.reports.length,
    reach: t.reports.reduce((n, r) => n + (r.reach ?? 0), 0),
    category: top(t.reports.map((r) => r.category)),
    area: top(t.reports.map((r) => r.area)),
  }));
};

export const aggregateOf = (date: string, all: DayReport[], now: Date): DayAggregate => {
  const reports = all.filter((r) => r.status !== 'dismissed');
  const byCategory: Record<string, number> = {};
  const byArea: Record<string, number> = {};
  for (const r of reports) {
    byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
    byArea[r.area] = (byArea[r.area] ?? 0) + 1;
  }
  return {
    date,
    reports: reports.length,
    reach: reports.reduce((n, r) => n + (r.reach ?? 0), 0),
    byCategory,
    byArea,
    topics: topicsOf(reports),
    builtAt: now.toISOString(),
    rebuilt: true,
  };
};

/** The aggregates of `days`, in their order. */
export const dayAggregates = async (
  deps: Deps,
  days: readonly string[],
  o: { now: Date; rebuildMissing: 'store' | 'memory' },
): Promise<DayAggregate[]> => {
  const out: DayAggregate[] = [];
  for (const date of days) out.push(aggregateOf(date, await reportsOfDay(deps, date), o.now));
  return out;
};
