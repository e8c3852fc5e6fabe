// The weekly and monthly report (docs/jobs.md, "periodic-summary"): its
// periods (ISO weeks `YYYY-Www`, months `YYYY-MM`, made of local days in the
// configured zone) and its figures, built from what the store read. Pure.
//
// Definitions (the email, GET /summaries/weekly|monthly and the CSV share them):
// - reports: the day aggregates of the period's days (dismissed reports are not counted);
// - cases opened: cases whose `openedAt` falls in the period, by category and area;
// - cases closed: distinct cases with a `close` in the period, by the outcome of their last close in it;
// - response time: every `respond` made in the period, from the assignment it answers to the response,
//   per agency (median and 90th percentile, nearest rank);
// - let go overdue: distinct cases assigned to the agency whose deadline fell in the period and passed
//   before the agency responded (a late response, a reassignment or closure after the deadline, or still
//   waiting now);
// - topics: the top topics of the period by reports, with their reports per day;
// - clarifications: cases whose last close in the period was `clarified` or `corrected`, evaluated by
//   the daily summary's rule (`clarificationEffect` in trends.ts) as of the end of the period's last
//   day: the case's linked reports in the (up to) 7 days before the word; after it, those reports and
//   the reports on the claim's similarity groups and source URLs (`claimDays`) from the period's day
//   aggregates, up to the end of the period or 7 days; verdicts `landed`, `spreading`, `too-early`.
import * as z from 'zod';
import type { AppConfig } from '#config/schema';
import { type Case, type HistoryEntry, OUTCOMES, type Outcome } from './case';
import { median } from './summary';
import { clarificationSchema, countBySchema } from './summary-types';
import { countTags } from './tags';
import { dayRange, isCalendarDay, localDay } from './time';
import type { DayAggregate, TopicKind } from './topics';
import { claimDays, clarificationEffect, type LinkedReport } from './trends';

// ------------------------------------------------------------------ periods

export const PERIOD_KINDS = ['week', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const periodSchema = z.object({
  kind: z.enum(PERIOD_KINDS),
  /** `2026-W49` or `2026-11`. */
  id: z.string(),
  /** First and last local day, inclusive (YYYY-MM-DD). */
  from: z.string(),
  to: z.string(),
  days: z.array(z.string()),
});
export type Period = z.infer<typeof periodSchema>;

const DAY_MS = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const utcOf = (day: string): Date => new Date(`${day}T00:00:00Z`);
const dayOfUtc = (d: Date): string => d.toISOString().slice(0, 10);

/** A calendar day plus `n` days (no zone: calendar arithmetic). */
export const shiftDay = (day: string, n: number): string =>
  dayOfUtc(new Date(utcOf(day).getTime() + n * DAY_MS));
/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string): number => ((utcOf(day).getUTCDay() + 6) % 7) + 1;
/** The days from `from` to `to`, both included. */
export const daysBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = shiftDay(d, 1)) out.push(d);
  return out;
};

const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** The Monday of ISO week 1 of `year` (the week with 4 January). */
const week1Monday = (year: number): string => {
  const jan4 = `${year}-01-04`;
  return shiftDay(jan4, 1 - isoWeekday(jan4));
};

/** `2026-W49` for a day in that ISO week. */
export const isoWeekOf = (day: string): string => {
  const thursday = shiftDay(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const week =
    Math.floor((utcOf(thursday).getTime() - utcOf(week1Monday(year)).getTime()) / (7 * DAY_MS)) + 1;
  return `${year}-W${pad(week)}`;
};

const periodFrom = (kind: PeriodKind, id: string, from: string, to: string): Period => ({
  kind,
  id,
  from,
  to,
  days: daysBetween(from, to),
});

/** The ISO week `YYYY-Www`, or undefined when it is not one (week 53 only in the years that have it). */
export const weekPeriod = (id: string): Period | undefined => {
  const m = WEEK_RE.exec(id);
  if (!m) return undefined;
  const [year, week] = [Number(m[1]), Number(m[2])];
  if (week < 1 || week > 53) return undefined;
  const from = shiftDay(week1Monday(year), (week - 1) * 7);
  if (isoWeekOf(from) !== id) return undefined;
  return periodFrom('week', id, from, shiftDay(from, 6));
};

/** The month `YYYY-MM`, or undefined when it is not one. */
export const monthPeriod = (id: string): Period | undefined => {
  const m = MONTH_RE.exec(id);
  if (!m) return undefined;
  const [year, month] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12 || year < 1) return undefined;
  const from = `${m[1]}-${m[2]}-01`;
  const next = month === 12 ? `${pad(year + 1, 4)}-01-01` : `${m[1]}-${pad(month + 1)}-01`;
  return periodFrom('month', id, from, shiftDay(next, -1));
};

export const parsePeriod = (kind: PeriodKind, id: string): Period | undefined =>
  kind === 'week' ? weekPeriod(id) : monthPeriod(id);

/** The week or month that contains local day `day`. */
export const periodContaining = (kind: PeriodKind, day: string): Period => {
  if (!isCalendarDay(day)) throw new Error(`not a calendar day: ${day}`);
  return kind === 'week' ? weekPeriod(isoWeekOf(day))! : monthPeriod(day.slice(0, 7))!;
};

/** The last complete period before the one `day` is in: the week before its week, the month before its month. */
export const previousPeriod = (kind: PeriodKind, day: string): Period =>
  periodContaining(kind, shiftDay(periodContaining(kind, day).from, -1));

/**
 * The periods whose report a scheduled run on local day `day` sends: a run on
 * a Monday sends the week that ended on Sunday, a run on the 1st the month that
 * ended the day before (both on a Monday the 1st). Other days: none.
 */
export const periodsEndingBefore = (day: string): Period[] => [
  ...(isoWeekday(day) === 1 ? [previousPeriod('week', day)] : []),
  ...(day.endsWith('-01') ? [previousPeriod('month', day)] : []),
];

/** Where a period stands at `now`: `past` once its last local day has ended. */
export const periodStanding = (p: Period, now: Date, timeZone: string): 'past' | 'current' | 'future' => {
  const today = localDay(now, timeZone);
  return p.to < today ? 'past' : p.from <= today ? 'current' : 'future';
};

/** The instants [start, end) of a period's local days. */
export const periodRange = (p: Period, timeZone: string): { start: Date; end: Date } => ({
  start: dayRange(p.from, timeZone).start,
  end: dayRange(p.to, timeZone).end,
});

/** The sent-marker period of a report: `week:2026-W49`, `month:2026-11`. */
export const markerPeriod = (p: Period): string => `${p.kind}:${p.id}`;
export const PERIODIC_SUMMARY_MARKER_JOB = 'periodic-summary';

/** Topics shown per report. */
export const PERIODIC_TOPICS_MAX = 10;
/** Days after a period whose case history is read (a deadline of the period answered later is still seen). */
export const HISTORY_DAYS_AFTER = 31;

/**
 * The days whose aggregates the report reads: the period's own. The
 * clarifications are judged as of the period's end, so no later day counts,
 * and their "before" comes from the cases' linked reports, not the aggregates.
 */
export const aggregateDaysOf = (p: Period): string[] => p.days;

/** The days whose case history the report reads: the period and the days after it, up to today. */
export const historyDaysOf = (p: Period, today: string): string[] => {
  const last = [shiftDay(p.to, HISTORY_DAYS_AFTER), today].sort()[0]!;
  return daysBetween(p.from, [last, p.to].sort()[1]!);
};

/** GET /summaries/weekly and /summaries/monthly: the period (default: the last complete one). */
export const weeklyQuerySchema = z.strictObject({
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/, 'must be an ISO week YYYY-Www')
    .optional(),
});
export const monthlyQuerySchema = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'must be a month YYYY-MM')
    .optional(),
});

// ------------------------------------------------------------------ the summary's shape

const dayPointSchema = z.object({ date: z.string(), reports: z.number().int(), reach: z.number() });
export type DayPoint = z.infer<typeof dayPointSchema>;

export const agencyPeriodSchema = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  /** Responses made in the period. */
  responses: z.number().int(),
  medianResponseSeconds: z.number().int().nullable(),
  p90ResponseSeconds: z.number().int().nullable(),
  /** Cases whose deadline fell in the period and passed before the agency responded. */
  overdue: z.number().int(),
});
export type AgencyPeriod = z.infer<typeof agencyPeriodSchema>;

export const periodTopicSchema = z.object({
  kind: z.enum(['case', 'source', 'group', 'area']),
  key: z.string(),
  /** The case's title for a case topic; null for the others (named by category and area). */
  title: z.string().nullable(),
  category: z.string(),
  area: z.string(),
  reports: z.number().int(),
  reach: z.number(),
  days: z.array(dayPointSchema),
});
export type PeriodTopic = z.infer<typeof periodTopicSchema>;

export const periodCaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  area: z.string(),
  agencyId: z.string().nullable(),
  status: z.string(),
  outcome: z.enum(OUTCOMES).nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  respondedAt: z.string().nullable(),
  responseSeconds: z.number().int().nullable(),
  reports: z.number().int(),
  /** Opened in the period, closed in it, or both. */
  openedInPeriod: z.boolean(),
  closedInPeriod: z.boolean(),
  /** The case's tags as it stands now (display forms). */
  tags: z.array(z.string()),
});
export type PeriodCase = z.infer<typeof periodCaseSchema>;

export const periodicSummarySchema = z.object({
  period: periodSchema,
  timeZone: z.string(),
  generatedAt: z.string(),
  reports: z.object({
    total: z.number().int(),
    reach: z.number(),
    byCategory: z.array(countBySchema),
    byArea: z.array(countBySchema),
    perDay: z.array(dayPointSchema),
  }),
  cases: z.object({
    opened: z.object({
      total: z.number().int(),
      byCategory: z.array(countBySchema),
      byArea: z.array(countBySchema),
    }),
    closed: z.object({
      total: z.number().int(),
      byOutcome: z.record(z.enum(OUTCOMES), z.number().int()),
    }),
    /** The period's cases (caseList) per tag, matched by key, most used first. */
    byTag: z.array(z.object({ tag: z.string(), key: z.string(), cases: z.number().int() })),
  }),
  agencies: z.array(agencyPeriodSchema),
  topics: z.array(periodTopicSchema),
  clarifications: z.array(clarificationSchema),
  /** The rows of the CSV: cases opened or closed in the period, oldest first. */
  caseList: z.array(periodCaseSchema),
});
export type PeriodicSummary = z.infer<typeof periodicSummarySchema>;

// ------------------------------------------------------------------ figures

/** The nearest-rank percentile (p in 0..100) of a non-empty list; null for none. */
export const percentile = (values: number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
};

const countsOf = (m: Map<string, number>) =>
  [...m].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
const bump = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

export interface CaseWithHistory {
  case: Case;
  history: HistoryEntry[];
}

export interface PeriodicInput {
  period: Period;
  now: Date;
  timeZone: string;
  /** The day aggregates of `aggregateDaysOf(period, …)` (any order; days beyond them count as none). */
  aggregates: DayAggregate[];
  /** Cases opened in the period (casesNewest). */
  opened: Case[];
  /** Every case with history on the period's days and after, or waiting on a deadline in the period, with its whole history. */
  touched: CaseWithHistory[];
  /** Case titles for the case topics, by id. */
  caseTitles: ReadonlyMap<string, string>;
  /** The linked reports of each case closed clarified or corrected in the period, by case id. */
  linkedReports: ReadonlyMap<string, readonly LinkedReport[]>;
}

interface Assignment {
  agencyId: string;
  dueAt: string | null;
  assignedAt: string;
  /** When it stopped waiting: the response, a reassignment, a closure; null while it waits. */
  endedAt: string | null;
}

/** A close, or a merge on the merged case's side (it closes that case with outcome `merged`). */
const closes = (e: Pick<HistoryEntry, 'action' | 'details'>): boolean =>
  e.action === 'close' || (e.action === 'merge' && e.details.outcome === 'merged');

/** Each assignment of a case, in order, with when it stopped waiting. */
export const assignmentsOf = (history: HistoryEntry[]): Assignment[] => {
  const out: Assignment[] = [];
  let current: Assignment | undefined;
  for (const e of [...history].sort((a, b) => a.version - b.version)) {
    if (e.action === 'assign') {
      if (current && current.endedAt === null) current.endedAt = e.at;
      current = {
        agencyId: String(e.details.agencyId),
        dueAt: typeof e.details.dueAt === 'string' ? e.details.dueAt : null,
        assignedAt: e.at,
        endedAt: null,
      };
      out.push(current);
    } else if ((e.action === 'respond' || closes(e)) && current && current.endedAt === null) {
      current.endedAt = e.at;
    }
  }
  return out;
};

const inRange = (iso: string, r: { start: Date; end: Date }) => {
  const t = new Date(iso).getTime();
  return t >= r.start.getTime() && t < r.end.getTime();
};

const topicSeries = (byDay: Map<string, DayAggregate>, days: string[], kind: TopicKind, key: string) =>
  days.map((date) => {
    const t = byDay.get(date)?.topics.find((x) => x.kind === kind && x.key === key);
    return { date, reports: t?.reports ?? 0, reach: t?.reach ?? 0 };
  });

export const buildPeriodicSummary = (config: AppConfig, input: PeriodicInput): PeriodicSummary => {
  const { period, timeZone, now } = input;
  const range = periodRange(period, timeZone);
  const byDay = new Map(input.aggregates.map((a) => [a.date, a]));
  const agencyName = (id: string | null) =>
    id ? (config.agencies.find((a) => a.id === id)?.name ?? id) : null;

  // Reports: the aggregates of the period's days.
  const byCategory = new Map<string, number>();
  const byArea = new Map<string, number>();
  const perDay = period.days.map((date) => {
    const a = byDay.get(date);
    for (const [k, n] of Object.entries(a?.byCategory ?? {})) bump(byCategory, k, n);
    for (const [k, n] of Object.entries(a?.byArea ?? {})) bump(byArea, k, n);
    return { date, reports: a?.reports ?? 0, reach: a?.reach ?? 0 };
  });

  // Topics: summed over the period, the top ones with their days.
  const topicTotals = new Map<string, { kind: TopicKind; key: string; reports: number; reach: number }>();
  const topicWhere = new Map<string, Map<string, number>>();
  for (const date of period.days) {
    for (const t of byDay.get(date)?.topics ?? []) {
      const id = `${t.kind}\n${t.key}`;
      const sum = topicTotals.get(id) ?? { kind: t.kind, key: t.key, reports: 0, reach: 0 };
      sum.reports += t.reports;
      sum.reach += t.reach;
      topicTotals.set(id, sum);
      const where = topicWhere.get(id) ?? new Map<string, number>();
      bump(where, `${t.category}\n${t.area}`, t.reports);
      topicWhere.set(id, where);
    }
  }
  const topics = [...topicTotals.entries()]
    .sort(([ia, a], [ib, b]) => b.reports - a.reports || b.reach - a.reach || ia.localeCompare(ib))
    .slice(0, PERIODIC_TOPICS_MAX)
    .map(([id, t]) => {
      const [category, area] = (countsOf(topicWhere.get(id)!)[0]?.id ?? '\n').split('\n') as [string, string];
      return {
        kind: t.kind,
        key: t.key,
        title: t.kind === 'case' ? (input.caseTitles.get(t.key) ?? null) : null,
        category,
        area,
        reports: t.reports,
        reach: t.reach,
        days: topicSeries(byDay, period.days, t.kind, t.key),
      };
    });

  // Cases opened in the period.
  const openedByCategory = new Map<string, number>();
  const openedByArea = new Map<string, number>();
  const opened = input.opened.filter((c) => inRange(c.openedAt, range));
  for (const c of opened) {
    bump(openedByCategory, c.category);
    bump(openedByArea, c.area);
  }

  // Closures, responses and deadlines from each touched case's whole history.
  const lastClose = new Map<string, HistoryEntry>();
  const responses = new Map<string, number[]>();
  const overdue = new Map<string, Set<string>>();
  const touched = new Map<string, CaseWithHistory>();
  for (const t of input.touched) touched.set(t.case.id, t);
  for (const { case: c, history } of touched.values()) {
    for (const e of history) {
      if (!inRange(e.at, range)) continue;
      if (closes(e)) {
        const prev = lastClose.get(c.id);
        if (!prev || prev.version < e.version) lastClose.set(c.id, e);
      }
      if (e.action === 'respond' && typeof e.details.agencyId === 'string') {
        const seconds = e.details.responseSeconds;
        if (typeof seconds === 'number') {
          const list = responses.get(e.details.agencyId) ?? [];
          list.push(seconds);
          responses.set(e.details.agencyId, list);
        }
      }
    }
    for (const a of assignmentsOf(history)) {
      if (!a.dueAt || !inRange(a.dueAt, range)) continue;
      const due = new Date(a.dueAt).getTime();
      if (due >= now.getTime()) continue;
      const late = a.endedAt === null || new Date(a.endedAt).getTime() > due;
      if (!late) continue;
      const set = overdue.get(a.agencyId) ?? new Set<string>();
      set.add(c.id);
      overdue.set(a.agencyId, set);
    }
  }
  const byOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const e of lastClose.values()) {
    const o = e.details.outcome as Outcome;
    if (o in byOutcome) byOutcome[o]++;
  }

  const agencyIds = [
    ...new Set([...config.agencies.map((a) => a.id), ...responses.keys(), ...overdue.keys()]),
  ];
  const agencies = agencyIds
    .map((id) => {
      const seconds = responses.get(id) ?? [];
      return {
        agencyId: id,
        agencyName: agencyName(id)!,
        responses: seconds.length,
        medianResponseSeconds: median(seconds),
        p90ResponseSeconds: percentile(seconds, 90),
        overdue: overdue.get(id)?.size ?? 0,
      };
    })
    .filter((a) => a.responses > 0 || a.overdue > 0)
    .sort(
      (a, b) => b.overdue - a.overdue || b.responses - a.responses || a.agencyId.localeCompare(b.agencyId),
    );

  // Clarifications: the daily summary's rule, as of the end of the period's last day.
  const periodAggregates = period.days.flatMap((d) => byDay.get(d) ?? []);
  const clarifications = [...lastClose.entries()]
    .filter(([, e]) => e.details.outcome === 'clarified' || e.details.outcome === 'corrected')
    .map(([caseId, e]) => {
      const reports = input.linkedReports.get(caseId) ?? [];
      return clarificationEffect(config, {
        date: period.to,
        closed: {
          id: caseId,
          title: touched.get(caseId)!.case.title,
          outcome: e.details.outcome as 'clarified' | 'corrected',
          agencyId: (e.details.agencyId as string | null) ?? null,
          evidenceUrl: (e.details.evidenceUrl as string | null) ?? null,
          closedAt: e.at,
        },
        reports,
        laterDays: claimDays(periodAggregates, reports),
      });
    })
    .sort((a, b) => a.officialAt.localeCompare(b.officialAt));

  // The CSV's cases: opened or closed in the period, as they stand now.
  const rows = new Map<string, Case>();
  for (const c of opened) rows.set(c.id, touched.get(c.id)?.case ?? c);
  for (const id of lastClose.keys()) rows.set(id, touched.get(id)!.case);
  const caseList = [...rows.values()]
    .sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.id.localeCompare(b.id))
    .map((c) => ({
      id: c.id,
      title: c.title,
      category: c.category,
      area: c.area,
      agencyId: c.agencyId,
      status: c.status,
      outcome: c.outcome,
      openedAt: c.openedAt,
      closedAt: c.closedAt,
      dueAt: c.dueAt,
      respondedAt: c.respondedAt,
      responseSeconds: c.responseSeconds,
      reports: c.reportCount,
      openedInPeriod: inRange(c.openedAt, range),
      closedInPeriod: lastClose.has(c.id),
      tags: c.tags ?? [],
    }));

  return {
    period,
    timeZone,
    generatedAt: now.toISOString(),
    reports: {
      total: perDay.reduce((n, d) => n + d.reports, 0),
      reach: perDay.reduce((n, d) => n + d.reach, 0),
      byCategory: countsOf(byCategory),
      byArea: countsOf(byArea),
      perDay,
    },
    cases: {
      opened: {
        total: opened.length,
        byCategory: countsOf(openedByCategory),
        byArea: countsOf(openedByArea),
      },
      closed: { total: lastClose.size, byOutcome },
      byTag: countTags(caseList),
    },
    agencies,
    topics,
    clarifications,
    caseList,
  };
};
