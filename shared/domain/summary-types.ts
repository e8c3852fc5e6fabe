// The shape of the daily summary and of an agency digest: what GET
// /summaries/daily returns and what the emails are rendered from. The zod
// schemas document the response in OpenAPI; the types are inferred from them.
import * as z from 'zod';
import { CASE_STATUSES, OUTCOMES, PRIORITIES } from './case';
import { TREND_MARKS } from './topics';

export const countBySchema = z.object({ id: z.string(), count: z.number().int() });
export type CountBy = z.infer<typeof countBySchema>;

export const reportLineSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The first ~200 characters of the summary, as submitted (escape and mask when rendering). */
  excerpt: z.string(),
  urgency: z.enum(['high', 'critical']),
  category: z.string(),
  area: z.string(),
  submittedAt: z.string(),
  /** When the reporter saw it (the report's `observedAt`, UTC); null if the text was not read. */
  observedAt: z.string().nullable(),
  caseId: z.string().nullable(),
  /** The status of the report's case as of the run (null: on no case, or the case is gone). */
  caseStatus: z.enum(CASE_STATUSES).nullable(),
});
export type ReportLine = z.infer<typeof reportLineSchema>;

export const hotReasonSchema = z.enum(['most-reported', 'widest-reach']);
export type HotReason = z.infer<typeof hotReasonSchema>;

export const hotIssueSchema = z.object({
  /** What groups the reports: their case, a shared source URL, or category × area. */
  kind: z.enum(['case', 'source', 'topic']),
  key: z.string(),
  title: z.string(),
  category: z.string(),
  area: z.string(),
  reportCount: z.number().int(),
  reach: z.number().int(),
  reasons: z.array(hotReasonSchema),
  caseId: z.string().nullable(),
});
export type HotIssue = z.infer<typeof hotIssueSchema>;

export const caseLineSchema = z.object({
  id: z.string(),
  title: z.string(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  /** Null only for a case stored without one. */
  priority: z.enum(PRIORITIES).nullable(),
  dueAt: z.string().nullable(),
});
export type CaseLine = z.infer<typeof caseLineSchema>;

/**
 * `daysOverdue`: whole days completed past the deadline, floor(hours late / 24)
 * (`daysOverdue` in time.ts); 0 while it is less than a day late.
 */
export const overdueCaseSchema = caseLineSchema.extend({ daysOverdue: z.number().int().min(0) });
export type OverdueCase = z.infer<typeof overdueCaseSchema>;

export const agencyOverdueSchema = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  cases: z.array(overdueCaseSchema),
});
export type AgencyOverdue = z.infer<typeof agencyOverdueSchema>;

export const agencyResponseTimeSchema = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  closedCount: z.number().int(),
  medianResponseSeconds: z.number().int().nullable(),
});
export type AgencyResponseTime = z.infer<typeof agencyResponseTimeSchema>;

export const briefingLineSchema = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  location: z.string(),
  kind: z.enum(['regular', 'ad-hoc']),
});
export type BriefingLine = z.infer<typeof briefingLineSchema>;

/**
 * A topic of the day and how it moves (docs/jobs.md, "Topics and trends"):
 * its reports and reach that day against its daily average over the previous
 * `trends.baselineDays` days, and its mark.
 */
export const topicTrendSchema = z.object({
  /** `case`: reports on one case; `source`: a shared source URL; `group`: similar reports; `area`: a category in an area. */
  kind: z.enum(['case', 'source', 'group', 'area']),
  /** The case id, URL hash, similarity group id, or `<category>/<area>`. */
  key: z.string(),
  /** The case's title for a case; else the title of its widest-reach report that day. */
  title: z.string(),
  category: z.string(),
  area: z.string(),
  caseId: z.string().nullable(),
  reports: z.number().int(),
  reach: z.number().int(),
  /** Its daily average over the baseline days (a day without it counts as zero), two decimals. */
  baseline: z.object({ reports: z.number(), reach: z.number() }),
  mark: z.enum(TREND_MARKS),
});
export type TopicTrend = z.infer<typeof topicTrendSchema>;

export const CLARIFICATION_VERDICTS = ['landed', 'spreading', 'too-early'] as const;

/** Reports and reach in a window before or after the official word. */
export const effectWindowSchema = z.object({
  /** The window's length in days (fractional; the rates divide by at least one day). */
  days: z.number(),
  reports: z.number().int(),
  reach: z.number().int(),
  reportsPerDay: z.number(),
  reachPerDay: z.number(),
});
export type EffectWindow = z.infer<typeof effectWindowSchema>;

/**
 * Did the clarification work: a case closed `clarified` or `corrected` in the
 * 14 days up to the summary's day, its linked reports before and after the
 * official word (the closure), and how long that word took.
 */
export const clarificationSchema = z.object({
  caseId: z.string(),
  title: z.string(),
  outcome: z.enum(['clarified', 'corrected']),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  /** The official word: when the case was closed with its evidence. */
  officialAt: z.string(),
  /** The earliest `observedAt` or `submittedAt` of its reports (null: no report). */
  firstReportAt: z.string().nullable(),
  secondsToOfficialWord: z.number().int().nullable(),
  /** Up to 7 days before the official word (from the first report), and after it up to the summary's day's end. */
  before: effectWindowSchema,
  after: effectWindowSchema,
  /** The reports by local day of submission over both windows. */
  days: z.array(z.object({ date: z.string(), reports: z.number().int(), reach: z.number().int() })),
  /** `landed`: after the word, reports per day fell to `trends.coolingRatio` of before or below; `too-early`: less than a day since. */
  verdict: z.enum(CLARIFICATION_VERDICTS),
});
export type Clarification = z.infer<typeof clarificationSchema>;

export const dailySummarySchema = z.object({
  /** The local day summarized (YYYY-MM-DD in `timeZone`). */
  date: z.string(),
  timeZone: z.string(),
  generatedAt: z.string(),
  reports: z.object({
    total: z.number().int(),
    byCategory: z.array(countBySchema),
    byArea: z.array(countBySchema),
    bySentiment: z.object({
      positive: z.number().int(),
      neutral: z.number().int(),
      negative: z.number().int(),
    }),
    /** How many of the day's reports are critical or high. */
    urgentCount: z.number().int(),
    /** Critical first, then high; newest first within each; at most 50 (see `urgentCount`). */
    urgent: z.array(reportLineSchema),
  }),
  hotIssues: z.array(hotIssueSchema),
  cases: z.object({
    opened: z.number().int(),
    closed: z.object({ total: z.number().int(), byOutcome: z.record(z.enum(OUTCOMES), z.number().int()) }),
    openByStatus: z.object({
      open: z.number().int(),
      verifying: z.number().int(),
      responded: z.number().int(),
    }),
    overdueByAgency: z.array(agencyOverdueSchema),
    dueSoon: z.array(caseLineSchema),
    responseTimeByAgency: z.array(agencyResponseTimeSchema),
  }),
  briefings: z.array(briefingLineSchema),
  /** The day's topics worth watching, new and rising first (docs/jobs.md); at most 30. */
  topics: z.array(topicTrendSchema),
  /** Clarifications and corrections of the last 14 days and what followed them, the latest first. */
  clarifications: z.array(clarificationSchema),
  /** Nothing new that day: no reports, no case opened or closed. */
  quiet: z.boolean(),
});
export type DailySummary = z.infer<typeof dailySummarySchema>;

export interface AgencyDigest {
  date: string;
  timeZone: string;
  agencyId: string;
  agencyName: string;
  /** Each case is in one list only, the most urgent it belongs to: overdue, due soon, newly assigned. */
  overdue: OverdueCase[];
  dueSoon: CaseLine[];
  newlyAssigned: CaseLine[];
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
