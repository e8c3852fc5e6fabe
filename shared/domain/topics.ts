// Topics and their movement, day by day: the shapes shared by the daily
// summary (trend marks, clarification effect) and the weekly and monthly
// report (trajectories). Pure. A topic is what a set of reports is about: their
// case, a shared source URL, a group of similar reports, or a category in an area.

/** `case`: reports on one case; `source`: sharing a normalized source URL; `group`: a similarity group; `area`: a category in an area. */
export type TopicKind = 'case' | 'source' | 'group' | 'area';

/** One topic's figures on one local day. */
export interface TopicDay {
  kind: TopicKind;
  /** The case id, URL hash, similarity group id, or `<category>/<area>`. */
  key: string;
  reports: number;
  reach: number;
  /** The most frequent category and area of its reports that day. */
  category: string;
  area: string;
}

/**
 * One local day's aggregates, stored as one item after the daily summary runs
 * (or rebuilt once from the day index when that run was missed): the next
 * days' baselines and the periodic report read these, never the reports again.
 */
export interface DayAggregate {
  date: string;
  /** Reports counted that day (dismissed ones are not) and their summed reach. */
  reports: number;
  reach: number;
  byCategory: Record<string, number>;
  byArea: Record<string, number>;
  topics: TopicDay[];
  /** When it was built, and whether from the day index after a missed run. */
  builtAt: string;
  rebuilt: boolean;
}

export const TREND_MARKS = ['new', 'rising', 'steady', 'cooling'] as const;
export type TrendMark = (typeof TREND_MARKS)[number];

// ------------------------------------------------------------------ the day's topics

/**
 * What the aggregate reads of a report: the fields of the slim day index
 * (`DayReport` in ./summary satisfies it).
 */
export interface TopicReport {
  id: string;
  category: string;
  area: string;
  status: string;
  reach?: number;
  urlHashes?: string[];
  caseId: string | null;
  similarityGroup?: string;
}

/** Other topics than `area` kept in a stored day (the most reported first); every `area` topic is kept. */
export const MAX_OTHER_TOPICS = 300;

export const topicId = (t: { kind: TopicKind; key: string }): string => `${t.kind}:${t.key}`;

/** A topic of the day with the report that names it (the widest reach, then the smallest id). */
export interface DayTopic extends TopicDay {
  leadId: string;
}

const mostFrequent = (values: string[]): string => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount || (n === bestCount && v < best)) {
      best = v;
      bestCount = n;
    }
  }
  return best;
};

const countOf = <K>(keys: Iterable<K>): Map<K, number> => {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};

/** The most reported first, then the widest reach, then by kind and key (a stable order). */
export const byWeight = (a: TopicDay, b: TopicDay): number =>
  b.reports - a.reports || b.reach - a.reach || topicId(a).localeCompare(topicId(b));

/**
 * Each counted (not dismissed) report of the day goes to ONE topic, the most
 * specific that holds:
 * 1. its case (`case:<caseId>`), whatever the other reports do;
 * 2. else its similarity group, when at least two of the day's reports not on
 *    a case share it (`group:<similarityGroup>`);
 * 3. else the first of its source URLs that at least two of the day's
 *    remaining reports share (`source:<urlHash>`);
 * 4. else its category in its area (`area:<category>/<area>`).
 * "Shared" is counted among the reports still unplaced at that step, so a
 * group or source topic always has two reports or more. A report counts once,
 * so the topics' reports add up to the day's total.
 */
export const topicsOfDay = (reports: readonly TopicReport[]): DayTopic[] => {
  const kept = reports.filter((r) => r.status !== 'dismissed');
  const placed = new Map<TopicReport, { kind: TopicKind; key: string }>();
  for (const r of kept) if (r.caseId) placed.set(r, { kind: 'case', key: r.caseId });
  const left = () => kept.filter((r) => !placed.has(r));
  const groups = countOf(left().flatMap((r) => (r.similarityGroup ? [r.similarityGroup] : [])));
  for (const r of left()) {
    if (r.similarityGroup && (groups.get(r.similarityGroup) ?? 0) >= 2)
      placed.set(r, { kind: 'group', key: r.similarityGroup });
  }
  const sources = countOf(left().flatMap((r) => [...new Set(r.urlHashes ?? [])]));
  for (const r of left()) {
    const shared = r.urlHashes?.find((h) => (sources.get(h) ?? 0) >= 2);
    if (shared) placed.set(r, { kind: 'source', key: shared });
  }
  for (const r of left()) placed.set(r, { kind: 'area', key: `${r.category}/${r.area}` });

  const members = new Map<string, { kind: TopicKind; key: string; reports: TopicReport[] }>();
  for (const r of kept) {
    const t = placed.get(r)!;
    const id = topicId(t);
    const m = members.get(id) ?? { ...t, reports: [] };
    m.reports.push(r);
    members.set(id, m);
  }
  return [...members.values()]
    .map(({ kind, key, reports: rs }) => {
      let lead = rs[0]!;
      let reach = 0;
      for (const r of rs) {
        reach += r.reach ?? 0;
        if ((r.reach ?? 0) > (lead.reach ?? 0) || ((r.reach ?? 0) === (lead.reach ?? 0) && r.id < lead.id))
          lead = r;
      }
      return {
        kind,
        key,
        reports: rs.length,
        reach,
        category: mostFrequent(rs.map((r) => r.category)),
        area: mostFrequent(rs.map((r) => r.area)),
        leadId: lead.id,
      };
    })
    .sort(byWeight);
};

/**
 * Keeps a day's topics within a stored item's size (DynamoDB: 400 KB an item):
 * every `area` topic (bounded by the configured categories × areas) and the
 * `max` most reported others. A topic cut off a stored day reads as zero
 * reports that day in a later baseline; those are the day's smallest topics
 * (one or two reports), so this can only make a small topic look newer.
 */
export const boundTopics = <T extends TopicDay>(topics: readonly T[], max = MAX_OTHER_TOPICS): T[] => {
  const others = topics
    .filter((t) => t.kind !== 'area')
    .sort(byWeight)
    .slice(0, max);
  return [...topics.filter((t) => t.kind === 'area'), ...others].sort(byWeight);
};

/**
 * One local day's aggregate from its reports (the slim day index): totals and
 * counts by category and area over the counted (not dismissed) reports, and
 * their topics (`topicsOfDay`, bounded by `boundTopics`). Pure.
 */
export const aggregateDay = (
  date: string,
  reports: readonly TopicReport[],
  now: Date,
  rebuilt: boolean,
  /** `topicsOfDay(reports)`, when the caller has it already. */
  dayTopics?: readonly DayTopic[],
): DayAggregate => {
  const kept = reports.filter((r) => r.status !== 'dismissed');
  let reach = 0;
  for (const r of kept) reach += r.reach ?? 0;
  const topics = boundTopics(dayTopics ?? topicsOfDay(kept)).map(
    ({ kind, key, reports: n, reach: sum, category, area }): TopicDay => ({
      kind,
      key,
      reports: n,
      reach: sum,
      category,
      area,
    }),
  );
  return {
    date,
    reports: kept.length,
    reach,
    byCategory: Object.fromEntries(countOf(kept.map((r) => r.category))),
    byArea: Object.fromEntries(countOf(kept.map((r) => r.area))),
    topics,
    builtAt: now.toISOString(),
    rebuilt,
  };
};

/** The calendar day `n` days after `date` (negative: before); YYYY-MM-DD, zone-free. */
export const shiftDay = (date: string, n: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};

/** The `n` calendar days before `date`, oldest first (a baseline). */
export const daysBefore = (date: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => shiftDay(date, i - n));
