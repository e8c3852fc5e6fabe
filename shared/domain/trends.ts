// How each topic moves (docs/jobs.md, "Topics and trends"): the day's topics
// against their daily average over the previous days' stored aggregates, and
// what followed each clarification. Pure.
import type { AppConfig } from '#config/schema';
import type { Clarification, EffectWindow, TopicTrend } from './summary-types';
import { dayRange, localDay } from './time';
import { type DayAggregate, type DayTopic, shiftDay, type TrendMark, topicId } from './topics';

export type TrendsConfig = AppConfig['trends'];

/** The summary lists at most this many topics. */
export const TOPICS_MAX = 30;
/** Clarifications and corrections closed within this many days up to the summary's day. */
export const CLARIFICATION_DAYS = 14;
/** The windows before and after the official word span at most this many days. */
export const EFFECT_WINDOW_DAYS = 7;

const DAY_MS = 86_400_000;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * A topic's mark from its reports that day and its daily average over the
 * baseline (`avg`, a day without it counting as zero):
 * - **new**: no report of it in the baseline (`avg` = 0);
 * - **rising**: at least `minReports` reports and at least `risingRatio` × `avg`;
 * - **cooling**: at most `coolingRatio` × `avg`;
 * - **steady**: otherwise.
 * Reports decide, not reach: reach is one reporter's estimate and swings by
 * orders of magnitude; it is shown beside them.
 */
export const markOf = (reports: number, avg: number, c: TrendsConfig): TrendMark => {
  if (avg === 0) return 'new';
  if (reports >= c.minReports && reports >= c.risingRatio * avg) return 'rising';
  if (reports <= c.coolingRatio * avg) return 'cooling';
  return 'steady';
};

/** Each topic's summed reports and reach over the baseline days' aggregates, by topic id. */
export const baselineSums = (
  baseline: Iterable<DayAggregate>,
): Map<string, { reports: number; reach: number }> => {
  const sums = new Map<string, { reports: number; reach: number }>();
  for (const day of baseline) {
    for (const t of day.topics) {
      const id = topicId(t);
      const s = sums.get(id) ?? { reports: 0, reach: 0 };
      s.reports += t.reports;
      s.reach += t.reach;
      sums.set(id, s);
    }
  }
  return sums;
};

const MARK_ORDER: Record<TrendMark, number> = { new: 0, rising: 1, cooling: 2, steady: 3 };

/**
 * The day's topics with their marks, as the summary lists them. A topic is
 * listed when it has at least `minReports` reports that day, or averaged that
 * many over the baseline (so a big topic that is cooling is shown; a lone
 * report is in the counts, not a topic to watch). New first, then rising,
 * cooling, steady; within a mark the most reported, then the widest reach.
 * `baseline`: the stored aggregates of the previous `baselineDays` days (a
 * missing day counts as zero); `titles`: by topic id (else the lead report's id).
 */
export const topicTrends = (
  c: TrendsConfig,
  today: readonly DayTopic[],
  baseline: Iterable<DayAggregate>,
  titles: ReadonlyMap<string, string>,
  max = TOPICS_MAX,
): TopicTrend[] => {
  const sums = baselineSums(baseline);
  return today
    .map((t) => {
      const id = topicId(t);
      const sum = sums.get(id) ?? { reports: 0, reach: 0 };
      const avg = {
        reports: round2(sum.reports / c.baselineDays),
        reach: round2(sum.reach / c.baselineDays),
      };
      return {
        kind: t.kind,
        key: t.key,
        title: titles.get(id) ?? '',
        category: t.category,
        area: t.area,
        caseId: t.kind === 'case' ? t.key : null,
        reports: t.reports,
        reach: t.reach,
        baseline: avg,
        mark: markOf(t.reports, sum.reports / c.baselineDays, c),
      };
    })
    .filter((t) => t.reports >= c.minReports || t.baseline.reports >= c.minReports)
    .sort(
      (a, b) =>
        MARK_ORDER[a.mark] - MARK_ORDER[b.mark] ||
        b.reports - a.reports ||
        b.reach - a.reach ||
        `${a.kind}:${a.key}`.localeCompare(`${b.kind}:${b.key}`),
    )
    .slice(0, max);
};

// ------------------------------------------------------------------ the clarification effect

/** A case closed `clarified` or `corrected`, as the effect needs it. */
export interface ClarifiedCase {
  id: string;
  title: string;
  outcome: 'clarified' | 'corrected';
  agencyId: string | null;
  evidenceUrl: string | null;
  /** The official word: the closure. */
  closedAt: string;
}

/** One of the case's linked reports. */
export interface LinkedReport {
  id: string;
  submittedAt: string;
  observedAt?: string;
  reach?: number;
  status: string;
  similarityGroup?: string;
  urlHashes?: string[];
}

/**
 * The topics the claim lives on once its case is closed (a closed case takes
 * no more reports): the similarity groups and shared source URLs of its
 * linked reports. A new report saying the same thing joins one of these.
 */
export const claimTopicIds = (reports: readonly LinkedReport[]): Set<string> => {
  const ids = new Set<string>();
  for (const r of reports) {
    ids.add(`group:${r.similarityGroup ?? r.id}`);
    for (const h of r.urlHashes ?? []) ids.add(`source:${h}`);
  }
  return ids;
};

/**
 * The claim's reports by local day once its case is closed: each day's
 * aggregate topics that are among `claimTopicIds(reports)`, summed. The
 * daily summary and the weekly/monthly report pass it to
 * `clarificationEffect` as `laterDays`.
 */
export const claimDays = (
  aggregates: Iterable<DayAggregate>,
  reports: readonly LinkedReport[],
): Map<string, { reports: number; reach: number }> => {
  const ids = claimTopicIds(reports);
  const out = new Map<string, { reports: number; reach: number }>();
  for (const a of aggregates) {
    for (const t of a.topics) {
      if (!ids.has(topicId(t))) continue;
      const e = out.get(a.date) ?? { reports: 0, reach: 0 };
      e.reports += t.reports;
      e.reach += t.reach;
      out.set(a.date, e);
    }
  }
  return out;
};

const windowOf = (reports: LinkedReport[], from: number, to: number): EffectWindow => {
  const inside = reports.filter((r) => {
    const at = Date.parse(r.submittedAt);
    return at >= from && at < to;
  });
  const reach = inside.reduce((s, r) => s + (r.reach ?? 0), 0);
  const days = Math.max(0, to - from) / DAY_MS;
  const per = Math.max(1, days);
  return {
    days: round2(days),
    reports: inside.length,
    reach,
    reportsPerDay: round2(inside.length / per),
    reachPerDay: round2(reach / per),
  };
};

/**
 * What followed one clarification, from the case's linked (not dismissed)
 * reports, by when the desk received them (`submittedAt`):
 * - before: from the first report (at most EFFECT_WINDOW_DAYS earlier) to the word;
 * - after: from the word to the end of the summary's day (at most EFFECT_WINDOW_DAYS);
 * - per day: reports and reach divided by the window's days (at least one);
 * - `landed` when reports per day after are at most `coolingRatio` × before,
 *   `spreading` otherwise, `too-early` when less than a day has passed.
 * Reports on the claim that were never linked to the case are not seen.
 */
export const clarificationEffect = (
  config: AppConfig,
  input: {
    date: string;
    closed: ClarifiedCase;
    reports: readonly LinkedReport[];
    /** Reports on the claim's topics (`claimTopicIds`) on whole local days after the word's day, by day. */
    laterDays?: ReadonlyMap<string, { reports: number; reach: number }>;
  },
): Clarification => {
  const { closed, date } = input;
  const zone = config.timeZone;
  const word = Date.parse(closed.closedAt);
  const kept = input.reports.filter((r) => r.status !== 'dismissed');
  const firsts = kept.flatMap((r) =>
    [r.submittedAt, ...(r.observedAt ? [r.observedAt] : [])].map(Date.parse),
  );
  const first = firsts.length ? Math.min(...firsts) : null;
  const from = Math.max(word - EFFECT_WINDOW_DAYS * DAY_MS, Math.min(first ?? word, word));
  const to = Math.max(word, Math.min(dayRange(date, zone).end.getTime(), word + EFFECT_WINDOW_DAYS * DAY_MS));
  const before = windowOf(kept, from, word);
  const after = windowOf(kept, word, to);
  const wordDay = localDay(new Date(word), zone);
  const byDay = new Map<string, { reports: number; reach: number }>();
  if (to > from) {
    const last = localDay(new Date(to - 1), zone);
    for (let d = localDay(new Date(from), zone); d <= last; d = shiftDay(d, 1)) {
      byDay.set(d, { reports: 0, reach: 0 });
    }
  }
  for (const r of kept) {
    const at = Date.parse(r.submittedAt);
    const e = at >= from && at < to ? byDay.get(localDay(new Date(at), zone)) : undefined;
    if (!e) continue;
    e.reports++;
    e.reach += r.reach ?? 0;
  }
  for (const [d, v] of input.laterDays ?? []) {
    const e = d > wordDay ? byDay.get(d) : undefined;
    if (!e) continue;
    e.reports += v.reports;
    e.reach += v.reach;
    after.reports += v.reports;
    after.reach += v.reach;
  }
  const per = Math.max(1, (to - word) / DAY_MS);
  after.reportsPerDay = round2(after.reports / per);
  after.reachPerDay = round2(after.reach / per);
  const verdict =
    to - word < DAY_MS
      ? 'too-early'
      : after.reportsPerDay <= config.trends.coolingRatio * before.reportsPerDay
        ? 'landed'
        : 'spreading';
  return {
    caseId: closed.id,
    title: closed.title,
    outcome: closed.outcome,
    agencyId: closed.agencyId,
    agencyName: closed.agencyId
      ? (config.agencies.find((a) => a.id === closed.agencyId)?.name ?? closed.agencyId)
      : null,
    evidenceUrl: closed.evidenceUrl,
    officialAt: closed.closedAt,
    firstReportAt: first === null ? null : new Date(first).toISOString(),
    secondsToOfficialWord: first === null ? null : Math.max(0, Math.round((word - first) / 1000)),
    before,
    after,
    days: [...byDay.entries()].map(([d, v]) => ({ date: d, ...v })),
    verdict,
  };
};
