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
