// Similar reports as the desk and the submission see them: the ranking, the
// hints a submission answers with, and the similarity group a new report
// takes. Pure; the candidates come from shared/store/similar.ts.
import * as z from 'zod';
import { type DuplicateHint, HINT_REASONS, REPORT_STATUSES, type ReportStatus } from './report';
import { roundScore } from './similarity';

/** A report found similar to another, with why (as the store finds it; `score` unrounded). */
export interface SimilarMatch {
  id: string;
  title: string;
  status: ReportStatus;
  caseId: string | null;
  /** Its similarity group (its own id when it has none). */
  similarityGroup: string;
  submittedAt: string;
  reason: DuplicateHint['reason'];
  /** The text similarity 0…1, `similarText` only. */
  score?: number;
}

/** One item of `GET /reports/{id}/similar`. */
export const similarReportSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(REPORT_STATUSES),
  caseId: z.string().nullable(),
  /** Its similarity group: the report it was first found similar to, or its own id. */
  similarityGroup: z.string(),
  submittedAt: z.string(),
  /** `sameUrl` wins when both hold. */
  reason: z.enum(HINT_REASONS),
  /** The text similarity, 0–1 with two decimals (`similarText` only). */
  score: z.number().min(0).max(1).optional(),
});
export type SimilarReport = z.infer<typeof similarReportSchema>;

export const similarReportsSchema = z.object({ items: z.array(similarReportSchema) });

/** At most this many hints on a submission's response (the route lists every match). */
export const MAX_HINTS = 20;

/** Best first: a shared URL, then the higher score, then the newer report. */
export const rankMatches = (a: SimilarMatch, b: SimilarMatch): number => {
  if (a.reason !== b.reason) return a.reason === 'sameUrl' ? -1 : 1;
  const byScore = (b.score ?? 0) - (a.score ?? 0);
  if (byScore !== 0) return byScore;
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? 1 : -1;
  return a.id < b.id ? 1 : -1;
};

/**
 * The group a new report joins: its best match's group (a shared URL first,
 * then the highest score; between equals, the earliest submitted, so a chain
 * C ~ B ~ A lands in A's group), or its own id when nothing matched.
 */
export const groupOf = (matches: SimilarMatch[], ownId: string): string => {
  let best: SimilarMatch | undefined;
  for (const m of matches) {
    if (!best) {
      best = m;
      continue;
    }
    const byReason = m.reason === best.reason ? 0 : m.reason === 'sameUrl' ? -1 : 1;
    const byScore = (best.score ?? 0) - (m.score ?? 0);
    const better =
      byReason < 0 ||
      (byReason === 0 && byScore < 0) ||
      (byReason === 0 && byScore === 0 && m.submittedAt < best.submittedAt);
    if (better) best = m;
  }
  return best?.similarityGroup ?? ownId;
};

/** The submission's `possibleDuplicates`: the best `MAX_HINTS`, with no text of anyone's report. */
export const hintsOf = (matches: SimilarMatch[]): DuplicateHint[] =>
  [...matches]
    .sort(rankMatches)
    .slice(0, MAX_HINTS)
    .map((m) => ({
      id: m.id,
      status: m.status,
      caseId: m.caseId,
      reason: m.reason,
      ...(m.score === undefined ? {} : { score: roundScore(m.score) }),
    }));

/** The route's items, best first. */
export const similarReportsOf = (matches: SimilarMatch[]): SimilarReport[] =>
  [...matches].sort(rankMatches).map((m) => ({
    id: m.id,
    title: m.title,
    status: m.status,
    caseId: m.caseId,
    similarityGroup: m.similarityGroup,
    submittedAt: m.submittedAt,
    reason: m.reason,
    ...(m.score === undefined ? {} : { score: roundScore(m.score) }),
  }));
