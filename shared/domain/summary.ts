// The daily summary builder: the day's reports and case events plus the state
// of open cases → the summary object (SPEC §5). Pure: the store reads the data,
// this decides what it means.
import type { AppConfig } from '../config/schema';
import { type CaseStatus, OUTCOMES, type Outcome } from './case';
import type {
  AgencyDigest,
  AgencyOverdue,
  AgencyResponseTime,
  BriefingLine,
  CaseLine,
  CountBy,
  DailySummary,
  HotIssue,
  HotReason,
  OverdueCase,
  ReportLine,
} from './summary-types';

/** A report of the day, as the summary needs it. */
export interface DayReport {
  id: string;
  title: string;
  summary: string;
  category: string;
  area: string;
  sentiment: 'positive' | 'neutral' | 'negative';
  urgency: 'normal' | 'high' | 'critical';
  status: 'new' | 'linked' | 'dismissed';
  reach?: number;
  urlHashes?: string[];
  caseId: string | null;
  submittedAt: string;
}

/** A case history entry of the day. */
export interface CaseEvent {
  caseId: string;
  action: string;
  at: string;
  details: Record<string, unknown>;
}

/** An open case as the state sections need it. */
export interface OpenCase {
  id: string;
  title: string;
  status: CaseStatus;
  agencyId: string | null;
  dueAt: string | null;
}

export interface SummaryInput {
  date: string;
  now: Date;
  reports: DayReport[];
  events: CaseEvent[];
  openByStatus: { open: number; verifying: number; responded: number };
  /** Verifying cases whose deadline has passed. */
  overdue: OpenCase[];
  /** Verifying cases due within the next 48 hours. */
  dueSoon: OpenCase[];
  briefings: BriefingLine[];
}

export const DUE_SOON_HOURS = 48;
export const HOT_ISSUES_MAX = 6;
const EXCERPT_CHARS = 200;
const DAY_MS = 86_400_000;

const countBy = <T>(items: T[], key: (t: T) => string, order: readonly string[]): CountBy[] => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || order.indexOf(a.id) - order.indexOf(b.id));
};

const excerptOf = (s: string) => (s.length > EXCERPT_CHARS ? `${s.slice(0, EXCERPT_CHARS)}…` : s);

export const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
};

const agencyName = (config: AppConfig, id: string | null) =>
  id ? (config.agencies.find((a) => a.id === id)?.name ?? id) : null;

const caseLine = (config: AppConfig, c: OpenCase): CaseLine => ({
  id: c.id,
  title: c.title,
  agencyId: c.agencyId,
  agencyName: agencyName(config, c.agencyId),
  status: c.status,
  dueAt: c.dueAt,
});

export const daysOverdue = (dueAt: string, now: Date): number =>
  Math.max(1, Math.ceil((now.getTime() - new Date(dueAt).getTime()) / DAY_MS));

const overdueLine = (config: AppConfig, c: OpenCase, now: Date): OverdueCase => ({
  ...caseLine(config, c),
  daysOverdue: daysOverdue(c.dueAt!, now),
});

/**
 * Hot issues: the day's reports grouped by their case, else by a shared source
 * URL, else by category × area. A group is hot when it is among the most
 * reported (two or more reports) or has among the widest reach.
 */
export const hotIssues = (reports: DayReport[], max = HOT_ISSUES_MAX): HotIssue[] => {
  interface Group {
    kind: HotIssue['kind'];
    key: string;
    reports: DayReport[];
  }
  const groups = new Map<string, Group>();
  for (const r of reports) {
    const [kind, key]: [HotIssue['kind'], string] = r.caseId
      ? ['case', r.caseId]
      : r.urlHashes?.[0]
        ? ['source', r.urlHashes[0]]
        : ['topic', `${r.category}/${r.area}`];
    const id = `${kind}:${key}`;
    const g = groups.get(id) ?? { kind, key, reports: [] };
    g.reports.push(r);
    groups.set(id, g);
  }
  const reachOf = (g: Group) => g.reports.reduce((sum, r) => sum + (r.reach ?? 0), 0);
  const all = [...groups.values()];
  const mostReported = all
    .filter((g) => g.reports.length >= 2)
    .sort((a, b) => b.reports.length - a.reports.length || reachOf(b) - reachOf(a))
    .slice(0, max);
  const widestReach = all
    .filter((g) => reachOf(g) > 0)
    .sort((a, b) => reachOf(b) - reachOf(a) || b.reports.length - a.reports.length)
    .slice(0, max);
  const reasons = new Map<Group, HotReason[]>();
  for (const g of mostReported) reasons.set(g, ['most-reported']);
  for (const g of widestReach) reasons.set(g, [...(reasons.get(g) ?? []), 'widest-reach']);
  return [...reasons.entries()]
    .sort(([a], [b]) => b.reports.length - a.reports.length || reachOf(b) - reachOf(a))
    .slice(0, max)
    .map(([g, why]) => {
      const lead = [...g.reports].sort(
        (a, b) => (b.reach ?? 0) - (a.reach ?? 0) || (a.id < b.id ? -1 : 1),
      )[0]!;
      return {
        kind: g.kind,
        key: g.key,
        title: lead.title,
        category: countBy(g.reports, (r) => r.category, [])[0]!.id,
        area: countBy(g.reports, (r) => r.area, [])[0]!.id,
        reportCount: g.reports.length,
        reach: reachOf(g),
        reasons: why,
        caseId: g.kind === 'case' ? g.key : null,
      };
    });
};

export const buildDailySummary = (config: AppConfig, input: SummaryInput): DailySummary => {
  // Dismissed reports were triaged as not a public concern: they are left out.
  const reports = input.reports.filter((r) => r.status !== 'dismissed');
  const urgent: ReportLine[] = reports
    .filter((r): r is DayReport & { urgency: 'high' | 'critical' } => r.urgency !== 'normal')
    .sort((a, b) =>
      a.urgency === b.urgency ? (a.submittedAt < b.submittedAt ? 1 : -1) : a.urgency === 'critical' ? -1 : 1,
    )
    .map((r) => ({
      id: r.id,
      title: r.title,
      excerpt: excerptOf(r.summary),
      urgency: r.urgency,
      category: r.category,
      area: r.area,
      submittedAt: r.submittedAt,
      caseId: r.caseId,
    }));

  const opened = input.events.filter((e) => e.action === 'open');
  const closes = input.events.filter((e) => e.action === 'close');
  const byOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const e of closes) {
    const o = e.details.outcome as Outcome;
    if (o in byOutcome) byOutcome[o]++;
  }

  const responseTimes = new Map<string, { closed: number; seconds: number[] }>();
  for (const e of closes) {
    const agency = e.details.agencyId;
    if (typeof agency !== 'string') continue;
    const entry = responseTimes.get(agency) ?? { closed: 0, seconds: [] };
    entry.closed++;
    if (typeof e.details.responseSeconds === 'number') entry.seconds.push(e.details.responseSeconds);
    responseTimes.set(agency, entry);
  }
  const responseTimeByAgency: AgencyResponseTime[] = [...responseTimes.entries()]
    .map(([agencyId, v]) => ({
      agencyId,
      agencyName: agencyName(config, agencyId)!,
      closedCount: v.closed,
      medianResponseSeconds: median(v.seconds),
    }))
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName));

  const overdueByAgency = new Map<string, AgencyOverdue>();
  for (const c of input.overdue) {
    const id = c.agencyId ?? 'unassigned';
    const group = overdueByAgency.get(id) ?? { agencyId: id, agencyName: agencyName(config, id)!, cases: [] };
    group.cases.push(overdueLine(config, c, input.now));
    overdueByAgency.set(id, group);
  }
  const overdueGroups = [...overdueByAgency.values()]
    .map((g) => ({ ...g, cases: g.cases.sort((a, b) => b.daysOverdue - a.daysOverdue) }))
    .sort((a, b) => b.cases.length - a.cases.length || a.agencyName.localeCompare(b.agencyName));

  return {
    date: input.date,
    timeZone: config.timeZone,
    generatedAt: input.now.toISOString(),
    reports: {
      total: reports.length,
      byCategory: countBy(
        reports,
        (r) => r.category,
        config.categories.map((c) => c.id),
      ),
      byArea: countBy(
        reports,
        (r) => r.area,
        config.areas.map((a) => a.id),
      ),
      bySentiment: {
        positive: reports.filter((r) => r.sentiment === 'positive').length,
        neutral: reports.filter((r) => r.sentiment === 'neutral').length,
        negative: reports.filter((r) => r.sentiment === 'negative').length,
      },
      urgent,
    },
    hotIssues: hotIssues(reports),
    cases: {
      opened: opened.length,
      closed: { total: closes.length, byOutcome },
      openByStatus: input.openByStatus,
      overdueByAgency: overdueGroups,
      dueSoon: [...input.dueSoon]
        .sort((a, b) => (a.dueAt! < b.dueAt! ? -1 : 1))
        .map((c) => caseLine(config, c)),
      responseTimeByAgency,
    },
    briefings: input.briefings,
    quiet: reports.length === 0 && opened.length === 0 && closes.length === 0,
  };
};

/** Each agency's digest: overdue, due soon, newly assigned today; only agencies that have something. */
export const buildAgencyDigests = (
  config: AppConfig,
  input: { date: string; now: Date; overdue: OpenCase[]; dueSoon: OpenCase[]; newlyAssigned: OpenCase[] },
): AgencyDigest[] =>
  config.agencies
    .map((a) => ({
      date: input.date,
      timeZone: config.timeZone,
      agencyId: a.id,
      agencyName: a.name,
      overdue: input.overdue
        .filter((c) => c.agencyId === a.id)
        .map((c) => overdueLine(config, c, input.now))
        .sort((x, y) => y.daysOverdue - x.daysOverdue),
      dueSoon: input.dueSoon.filter((c) => c.agencyId === a.id).map((c) => caseLine(config, c)),
      newlyAssigned: input.newlyAssigned.filter((c) => c.agencyId === a.id).map((c) => caseLine(config, c)),
    }))
    .filter((d) => d.overdue.length + d.dueSoon.length + d.newlyAssigned.length > 0);
