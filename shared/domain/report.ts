// Reports: what a field collaborator submits, what the desk may do with one,
// and the rules that need no I/O. Schemas here are the single source for
// validation, the TypeScript types and the OpenAPI document.
import * as z from 'zod';
import type { AppConfig } from '#config/schema';
import { BadRequest, Conflict } from './errors';
import { describedSearchQuery } from './search';
import { multiLineText, oneLineText } from './text';
import { isCalendarDay } from './time';

export const CHANNELS = ['social', 'press', 'community', 'hotline', 'other'] as const;
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const URGENCIES = ['normal', 'high', 'critical'] as const;
export const REPORT_STATUSES = ['new', 'linked', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const OBSERVED_MAX_FUTURE_MS = 5 * 60_000;
export const OBSERVED_MAX_AGE_MS = 30 * 86_400_000;

export const httpUrl = z
  .url({ protocol: /^https?$/, hostname: z.regexes.hostname })
  .max(2048)
  .refine((s) => s.isWellFormed(), 'must be well-formed Unicode');

const rfc3339 = z.iso.datetime({ offset: true });

export const reportSubmissionSchema = (config: AppConfig) =>
  z.strictObject({
    title: oneLineText(3, 200),
    summary: multiLineText(1, 5000),
    category: z.enum(config.categories.map((c) => c.id) as [string, ...string[]]),
    area: z.enum(config.areas.map((a) => a.id) as [string, ...string[]]),
    channel: z.enum(CHANNELS),
    sentiment: z.enum(SENTIMENTS),
    urgency: z.enum(URGENCIES),
    sourceUrls: z.array(httpUrl).max(10).default([]),
    observedAt: rfc3339,
    reach: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  });
export type ReportSubmission = z.output<ReturnType<typeof reportSubmissionSchema>>;

export const reportActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('dismiss'), reason: oneLineText(1, 1000) }),
  z.strictObject({ action: z.literal('restore') }),
]);
export type ReportAction = z.output<typeof reportActionSchema>;
export type ReportActionName = ReportAction['action'];

export const reportListQuerySchema = (config: AppConfig) =>
  z.strictObject({
    date: z.string().refine(isCalendarDay, 'must be a calendar date YYYY-MM-DD').optional(),
    status: z.enum(REPORT_STATUSES).optional(),
    category: z.enum(config.categories.map((c) => c.id) as [string, ...string[]]).optional(),
    area: z.enum(config.areas.map((a) => a.id) as [string, ...string[]]).optional(),
    urgency: z.enum(URGENCIES).optional(),
    q: describedSearchQuery.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(2048).optional(),
  });
export type ReportListQuery = z.output<ReturnType<typeof reportListQuerySchema>>;

/** A report as the API shows it. */
export const reportSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  category: z.string(),
  area: z.string(),
  channel: z.enum(CHANNELS),
  sentiment: z.enum(SENTIMENTS),
  urgency: z.enum(URGENCIES),
  sourceUrls: z.array(z.string()),
  observedAt: z.string(),
  reach: z.number().int().optional(),
  status: z.enum(REPORT_STATUSES),
  caseId: z.string().nullable(),
  dismissReason: z.string().optional(),
  /**
   * The similarity group: the id of the earliest report this one was found
   * similar to at submission (by text or source URL), else its own id. Absent on
   * reports stored before similarity existed (read it as the report's own id).
   */
  similarityGroup: z.string().optional(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** Evidence files attached (docs/files.md); 0 when none. Not part of `version`. */
  fileCount: z.number().int().optional(),
});
export type Report = z.infer<typeof reportSchema>;

export const HINT_REASONS = ['sameUrl', 'similarText'] as const;

export const duplicateHintSchema = z.object({
  id: z.string(),
  status: z.enum(REPORT_STATUSES),
  caseId: z.string().nullable(),
  /** `sameUrl`: a normalized source URL in common (wins when both hold); `similarText`: title and summary say nearly the same. */
  reason: z.enum(HINT_REASONS),
  /** The text similarity, 0–1 with two decimals (`similarText` only). */
  score: z.number().min(0).max(1).optional(),
});
export type DuplicateHint = z.infer<typeof duplicateHintSchema>;

/** The observation must be recent and not in the future (a little clock skew is allowed). */
export const checkObservedAt = (observedAt: string, now: Date): string => {
  const t = new Date(observedAt);
  if (t.getTime() > now.getTime() + OBSERVED_MAX_FUTURE_MS) {
    throw new BadRequest('The report is not valid.', [
      { path: '/observedAt', message: 'must not be more than 5 minutes in the future' },
    ]);
  }
  if (t.getTime() < now.getTime() - OBSERVED_MAX_AGE_MS) {
    throw new BadRequest('The report is not valid.', [
      { path: '/observedAt', message: 'must not be older than 30 days' },
    ]);
  }
  return t.toISOString();
};

/** A new report from a valid submission: the server fields are ours alone. */
export const newReport = (
  input: ReportSubmission,
  ctx: { id: string; submittedBy: string; now: Date },
): Report => {
  const at = ctx.now.toISOString();
  return {
    id: ctx.id,
    title: input.title,
    summary: input.summary,
    category: input.category,
    area: input.area,
    channel: input.channel,
    sentiment: input.sentiment,
    urgency: input.urgency,
    sourceUrls: input.sourceUrls,
    observedAt: checkObservedAt(input.observedAt, ctx.now),
    ...(input.reach === undefined ? {} : { reach: input.reach }),
    status: 'new',
    caseId: null,
    submittedBy: ctx.submittedBy,
    submittedAt: at,
    updatedAt: at,
    version: 1,
  };
};

const REPORT_TRANSITIONS: Record<ReportActionName, { from: readonly ReportStatus[]; to: ReportStatus }> = {
  dismiss: { from: ['new'], to: 'dismissed' },
  restore: { from: ['dismissed'], to: 'new' },
};

export const allowedReportActions = (status: ReportStatus): ReportActionName[] =>
  (Object.keys(REPORT_TRANSITIONS) as ReportActionName[]).filter((a) =>
    REPORT_TRANSITIONS[a].from.includes(status),
  );

/** The report after `action`, or a Conflict naming the current status and what is allowed. */
export const applyReportAction = (report: Report, action: ReportAction, now: Date): Report => {
  const rule = REPORT_TRANSITIONS[action.action];
  if (!rule.from.includes(report.status)) {
    const allowed = allowedReportActions(report.status);
    throw new Conflict(`Cannot ${action.action} a report that is ${report.status}.`, {
      currentStatus: report.status,
      allowedActions: allowed,
    });
  }
  const { dismissReason: _previous, ...rest } = report;
  return {
    ...rest,
    status: rule.to,
    ...(action.action === 'dismiss' ? { dismissReason: action.reason } : {}),
    updatedAt: now.toISOString(),
    version: report.version + 1,
  };
};
