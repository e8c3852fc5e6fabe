// What each role reads of a report or a case, as allow-lists. Pure: the
// services pick the view by the caller's role; the desk reads everything.
//
// A reporter reads their own report: what they submitted, its id, submittedAt,
// status and caseId (the case's id is the reference quoted in their closure
// email; it opens nothing, since reporters cannot read cases), their duplicate
// hints on submission (each other report's id, status, case, reason and score,
// never its text nor its similarity group), and once the case is closed its outcome, the agency's
// public response and the evidence link. Never desk notes, dismiss reasons,
// versions or anyone's submitter id.
//
// An agency reads a case with the phone numbers and email addresses masked in
// the text that comes from reports (the case's title and summary default to the
// first report's) and in the desk's notes, as the emails do.
import * as z from 'zod';
import { type Case, type HistoryEntry, OUTCOMES } from './case';
import { maskContacts } from './mask';
import {
  CHANNELS,
  type DuplicateHint,
  duplicateHintSchema,
  REPORT_STATUSES,
  type Report,
  SENTIMENTS,
  URGENCIES,
} from './report';

/** The report as its reporter sees it. */
export const reporterReportSchema = z.strictObject({
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
  submittedAt: z.string(),
  status: z.enum(REPORT_STATUSES),
  caseId: z.string().nullable(),
  /** Evidence files on the report (docs/files.md); 0 when none. */
  fileCount: z.number().int().optional(),
  /** On the submission's 201 (and its replay) only. */
  possibleDuplicates: z.array(duplicateHintSchema).optional(),
  /** Only once the report's case is closed. */
  outcome: z.enum(OUTCOMES).nullable().optional(),
  response: z.string().nullable().optional(),
  evidenceUrl: z.string().nullable().optional(),
});
export type ReporterReportView = z.infer<typeof reporterReportSchema>;

/** Every key a reporter's view may hold; anything else is left out. */
export const REPORTER_VIEW_KEYS = Object.keys(reporterReportSchema.shape) as (keyof ReporterReportView)[];

/** What a reporter may learn of the case their report is linked to. */
export type CaseOutcome = Pick<Case, 'id' | 'status' | 'outcome' | 'response' | 'evidenceUrl'>;

export const reporterViewOf = (
  r: Report,
  linkedCase?: CaseOutcome,
  possibleDuplicates?: DuplicateHint[],
): ReporterReportView => {
  const view: ReporterReportView = {
    id: r.id,
    title: r.title,
    summary: r.summary,
    category: r.category,
    area: r.area,
    channel: r.channel,
    sentiment: r.sentiment,
    urgency: r.urgency,
    sourceUrls: r.sourceUrls,
    observedAt: r.observedAt,
    ...(r.reach === undefined ? {} : { reach: r.reach }),
    submittedAt: r.submittedAt,
    status: r.status,
    caseId: r.caseId,
    fileCount: r.fileCount ?? 0,
  };
  // Each hint's id, status, case, reason and score: never another reporter's text.
  if (possibleDuplicates)
    view.possibleDuplicates = possibleDuplicates.map((h) => ({
      id: h.id,
      status: h.status,
      caseId: h.caseId,
      reason: h.reason,
      ...(h.score === undefined ? {} : { score: h.score }),
    }));
  // A merged case is not an outcome: the report now belongs to the survivor (its move may be pending).
  if (
    linkedCase &&
    r.status === 'linked' &&
    linkedCase.id === r.caseId &&
    linkedCase.status === 'closed' &&
    linkedCase.outcome !== 'merged'
  ) {
    view.outcome = linkedCase.outcome;
    view.response = linkedCase.response;
    view.evidenceUrl = linkedCase.evidenceUrl;
  }
  return view;
};

/** A stored response body cut down to the reporter's allow-list (a replay of an older first response). */
export const reporterViewOfStored = (body: unknown): unknown => {
  if (typeof body !== 'object' || body === null) return body;
  const allowed = new Set<string>(REPORTER_VIEW_KEYS);
  return Object.fromEntries(Object.entries(body).filter(([k]) => allowed.has(k)));
};

/** A case as an agency reads it: report-derived text and desk notes with contacts masked. */
export const agencyCaseView = <C extends Pick<Case, 'title' | 'summary'> & { tags?: string[] }>(c: C): C => ({
  ...c,
  title: maskContacts(c.title),
  summary: maskContacts(c.summary),
  // Tags are the desk's words too: masked like its notes.
  ...(c.tags ? { tags: c.tags.map((t) => maskContacts(t)) } : {}),
});

export const agencyHistoryView = (h: HistoryEntry): HistoryEntry =>
  h.role === 'desk' && h.note !== null ? { ...h, note: maskContacts(h.note) } : h;

const comparable = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Whether a closure email naming the case by its title would show this
 * reporter another reporter's report title: the case title defaults to the
 * first report's, so it may be someone else's words. The reporter's own title
 * (the same words) is no leak.
 */
export const caseTitleIsOthersReport = (caseTitle: string, own: string[], others: string[]): boolean => {
  const t = comparable(caseTitle);
  return others.some((o) => comparable(o) === t) && !own.some((o) => comparable(o) === t);
};
