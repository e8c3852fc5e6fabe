// The daily summary builder: the day's reports and case events plus the state
// of open cases → the summary object (docs/jobs.md). Pure: the store reads the data,
// this decides what it means.
import type { AppConfig } from '#config/schema';
import { type CaseStatus, OUTCOMES, type Outcome, type Priority } from './case';
import type {
  AgencyDigest,
  AgencyOverdue,
  AgencyResponseTime,
  BriefingLine,
  CaseLine,
  Clarification,
  CountBy,
  DailySummary,
  HotIssue,
  HotReason,
  OverdueCase,
  ReportLine,
  TopicTrend,
} from './summary-types';
import { daysOverdue } from './time';

/**
 * A report of the day, as the summary counts and groups it: the fields of the
 * slim report index (shared/store/table.ts, reportsNewest). Its text is not on it:
 * the few reports the summary shows are read afterwards (`planDay`).
 */
export interface DayReport {
  id: string;
  /** Present when the caller has it already (tests); otherwise given in `SummaryInput.texts`. */
  title?: string;
  summary?: string;
  observedAt?: string;
  category: string;
  area: string;
  sentiment: 'positive' | 'neutral' | 'negative';
  urgency: 'normal' | 'high' | 'critical';
  status: 'new' | 'linked' | 'dismissed';
  reach?: number;
  urlHashes?: string[];
  caseId: string | null;
  /** The report's similarity group (absent on reports stored before similarity existed). */
  similarityGroup?: string;
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
  priority?: Priority;
}

/** The text of a report the summary shows. */
export interface ReportText {
  title: string;
  summary: string;
  observedAt?: string;
}

export interface SummaryInput {
  date: string;
  now: Date;
  reports: DayReport[];
  /** Title and summary of the reports in `planDay(reports).show`, by id. */
  texts?: ReadonlyMap<string, ReportText>;
  /** The status of the cases the urgent reports are on, by case id, as of `now`. */
  caseStatuses?: ReadonlyMap<string, CaseStatus>;
  /** `planDay(reports)`, when the caller has it already (it is not worked out twice). */
  plan?: DayPlan;
  events: CaseEvent[];
  openByStatus: { open: number; verifying: number; responded: number };
  /** Verifying cases whose deadline has passed. */
  overdue: OpenCase[];
  /** Verifying cases due within the next 48 hours. */
  dueSoon: OpenCase[];
  briefings: BriefingLine[];
  /** The day's topics with their marks (`topicTrends`) and the recent clarifications' effect. */
  topics?: TopicTrend[];
  clarifications?: Clarification[];
}

export const DUE_SOON_HOURS = 48;
export const HOT_ISSUES_MAX = 6;
/** The urgent list names at most this many reports (critical first, newest first); `urgentCount` has them all. */
export const URGENT_LIST_MAX = 50;
const EXCERPT_CHARS = 200;

const countBy = <T>(items: T[], key: (t: T) => string, order: readonly string[]): CountBy[] => {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || order.indexOf(a.id) - order.indexOf(b.id));
};

const sentimentCounts = (reports: DayReport[]) => {
  const counts = { positive: 0, neutral: 0, negative: 0 };
  for (const r of reports) counts[r.sentiment]++;
  return counts;
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
  priority: c.priority ?? null,
  dueAt: c.dueAt,
});

/** Longest overdue first; within the same whole day, the earlier deadline first. */
const longestOverdueFirst = (a: OverdueCase, b: OverdueCase): number =>
  b.daysOverdue - a.daysOverdue || (a.dueAt ?? '').localeCompare(b.dueAt ?? '');

const overdueLine = (config: AppConfig, c: OpenCase, now: Date): OverdueCase => ({
  ...caseLine(config, c),
  daysOverdue: daysOverdue(c.dueAt!, now),
});

export interface HotGroup {
  kind: HotIssue['kind'];
  key: string;
  reports: DayReport[];
  reach: number;
  reasons: HotReason[];
}

/** The report that names a group: the widest reach, then the smallest id. */
const leadOf = (g: HotGroup): DayReport =>
  g.reports.reduce((best, r) =>
    (r.reach ?? 0) > (best.reach ?? 0) || ((r.reach ?? 0) === (best.reach ?? 0) && r.id < best.id) ? r : best,
  );

/**
 * Hot issues: the day's reports grouped by their case, else by a shared source
 * URL, else by category × area. A group is hot when it is among the most
 * reported (two or more reports) or has among the widest reach. Each group's
 * reach is summed once, so this stays linear in the day's reports.
 */
const hotGroups = (reports: DayReport[], max: number): HotGroup[] => {
  const groups = new Map<string, HotGroup>();
  for (const r of reports) {
    const [kind, key]: [HotIssue['kind'], string] = r.caseId
      ? ['case', r.caseId]
      : r.urlHashes?.[0]
        ? ['source', r.urlHashes[0]]
        : ['topic', `${r.category}/${r.area}`];
    const id = `${kind}:${key}`;
    let g = groups.get(id);
    if (!g) {
      g = { kind, key, reports: [], reach: 0, reasons: [] };
      groups.set(id, g);
    }
    g.reports.push(r);
    g.reach += r.reach ?? 0;
  }
  const all = [...groups.values()];
  const mostReported = all
    .filter((g) => g.reports.length >= 2)
    .sort((a, b) => b.reports.length - a.reports.length || b.reach - a.reach)
    .slice(0, max);
  const widestReach = all
    .filter((g) => g.reach > 0)
    .sort((a, b) => b.reach - a.reach || b.reports.length - a.reports.length)
    .slice(0, max);
  for (const g of mostReported) g.reasons.push('most-reported');
  for (const g of widestReach) g.reasons.push('widest-reach');
  return [...new Set([...mostReported, ...widestReach])]
    .sort((a, b) => b.reports.length - a.reports.length || b.reach - a.reach)
    .slice(0, max);
};

const hotIssuesOf = (groups: HotGroup[], texts?: ReadonlyMap<string, ReportText>): HotIssue[] =>
  groups.map((g) => {
    const lead = leadOf(g);
    return {
      kind: g.kind,
      key: g.key,
      title: textOf(lead, texts).title,
      category: countBy(g.reports, (r) => r.category, [])[0]!.id,
      area: countBy(g.reports, (r) => r.area, [])[0]!.id,
      reportCount: g.reports.length,
      reach: g.reach,
      reasons: g.reasons,
      caseId: g.kind === 'case' ? g.key : null,
    };
  });

export const hotIssues = (
  reports: DayReport[],
  max = HOT_ISSUES_MAX,
  texts?: ReadonlyMap<string, ReportText>,
): HotIssue[] => hotIssuesOf(hotGroups(reports, max), texts);

const textOf = (r: DayReport, texts?: ReadonlyMap<string, ReportText>): ReportText =>
  texts?.get(r.id) ?? { title: r.title ?? '', summary: r.summary ?? '' };

export type UrgentReport = DayReport & { urgency: 'high' | 'critical' };

const newestFirst = (a: DayReport, b: DayReport) =>
  a.submittedAt === b.submittedAt ? (a.id < b.id ? 1 : -1) : a.submittedAt < b.submittedAt ? 1 : -1;

/** Critical before high, newest first; `max` of them and how many there are. High ones are sorted only if needed. */
const urgentTop = (reports: DayReport[], max: number): { top: UrgentReport[]; count: number } => {
  const critical: UrgentReport[] = [];
  const high: UrgentReport[] = [];
  for (const r of reports) {
    if (r.urgency === 'critical') critical.push(r as UrgentReport);
    else if (r.urgency === 'high') high.push(r as UrgentReport);
  }
  const top = critical.sort(newestFirst).slice(0, max);
  if (top.length < max) top.push(...high.sort(newestFirst).slice(0, max - top.length));
  return { top, count: critical.length + high.length };
};

/** Reports left out of the summary: dismissed ones were triaged as not a public concern. */
const counted = (reports: DayReport[]) => reports.filter((r) => r.status !== 'dismissed');

/**
 * What the summary takes from the day's reports, worked out once: those it
 * counts, its urgent list, its hot issues, and the ids of the reports whose
 * title and summary it shows (the store reads only these texts).
 */
export interface DayPlan {
  reports: DayReport[];
  kept: DayReport[];
  urgent: { top: UrgentReport[]; count: number };
  hot: HotGroup[];
  show: string[];
}

export const planDay = (reports: DayReport[]): DayPlan => {
  const kept = counted(reports);
  const urgent = urgentTop(kept, URGENT_LIST_MAX);
  const hot = hotGroups(kept, HOT_ISSUES_MAX);
  const show = [...new Set([...urgent.top.map((r) => r.id), ...hot.map((g) => leadOf(g).id)])];
  return { reports, kept, urgent, hot, show };
};

/** The ids of the reports whose title and summary the summary shows. */
export const reportsToShow = (reports: DayReport[]): string[] => planDay(reports).show;

export const buildDailySummary = (config: AppConfig, input: SummaryInput): DailySummary => {
  // The plan the caller read the texts by, when it is of these very reports.
  const plan = input.plan?.reports === input.reports ? input.plan : planDay(input.reports);
  const reports = plan.kept;
  const { top, count: urgentCount } = plan.urgent;
  const urgent: ReportLine[] = top.map((r) => {
    const text = textOf(r, input.texts);
    return {
      id: r.id,
      title: text.title,
      excerpt: excerptOf(text.summary),
      urgency: r.urgency,
      category: r.category,
      area: r.area,
      submittedAt: r.submittedAt,
      observedAt: text.observedAt ?? r.observedAt ?? null,
      caseId: r.caseId,
      caseStatus: (r.caseId && input.caseStatuses?.get(r.caseId)) || null,
    };
  });

  const opened = input.events.filter((e) => e.action === 'open');
  // A merge closes the merged case (its entry has outcome `merged`; the survivor's has none).
  const closes = input.events.filter(
    (e) => e.action === 'close' || (e.action === 'merge' && e.details.outcome === 'merged'),
  );
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
    .map((g) => ({ ...g, cases: g.cases.sort(longestOverdueFirst) }))
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
      bySentiment: sentimentCounts(reports),
      urgentCount,
      urgent,
    },
    hotIssues: hotIssuesOf(plan.hot, input.texts),
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
    topics: input.topics ?? [],
    clarifications: input.clarifications ?? [],
    quiet: reports.length === 0 && opened.length === 0 && closes.length === 0,
  };
};

/** Each agency's digest: overdue, due soon, newly assigned today; only agencies that have something. */
export const buildAgencyDigests = (
  config: AppConfig,
  input: { date: string; now: Date; overdue: OpenCase[]; dueSoon: OpenCase[]; newlyAssigned: OpenCase[] },
): AgencyDigest[] => {
  // A case goes in the most urgent list it belongs to, once: a case assigned that day with a
  // deadline in 48 hours is "due soon", not also "newly assigned".
  const overdueIds = new Set(input.overdue.map((c) => c.id));
  const dueSoon = input.dueSoon.filter((c) => !overdueIds.has(c.id));
  const earlier = new Set([...overdueIds, ...dueSoon.map((c) => c.id)]);
  const newlyAssigned = input.newlyAssigned.filter((c) => !earlier.has(c.id));
  return config.agencies
    .map((a) => ({
      date: input.date,
      timeZone: config.timeZone,
      agencyId: a.id,
      agencyName: a.name,
      overdue: input.overdue
        .filter((c) => c.agencyId === a.id)
        .map((c) => overdueLine(config, c, input.now))
        .sort(longestOverdueFirst),
      dueSoon: dueSoon.filter((c) => c.agencyId === a.id).map((c) => caseLine(config, c)),
      newlyAssigned: newlyAssigned.filter((c) => c.agencyId === a.id).map((c) => caseLine(config, c)),
    }))
    .filter((d) => d.overdue.length + d.dueSoon.length + d.newlyAssigned.length > 0);
};
