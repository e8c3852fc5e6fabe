// Bulk triage (docs/api.md "Bulk triage"): one request dismisses, restores or
// links up to 100 reports, each done or refused on its own. Pure: the request
// and answer schemas, and the per-report rule of linking.
import * as z from 'zod';
import type { Case } from './case';
import { caseViewSchema } from './case';
import { Conflict, NotFound } from './errors';
import { type Report, reportSchema } from './report';
import { oneLineText } from './text';

export const MAX_BULK_IDS = 100;
/** Per-report writes in flight at once (dismiss, restore): the table's and the Lambda's breathing room. */
export const BULK_CONCURRENCY = 10;
/** Reports linked per case transaction (as `link-reports` allows in one request). */
export const BULK_LINK_CHUNK = 50;

const ids = z
  .array(z.ulid())
  .min(1)
  .max(MAX_BULK_IDS)
  .refine((list) => new Set(list).size === list.length, 'must not repeat an id');

export const bulkReportActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('dismiss'), reason: oneLineText(1, 1000), ids }),
  z.strictObject({ action: z.literal('restore'), ids }),
  z.strictObject({ action: z.literal('link'), caseId: z.ulid(), ids }),
]);
export type BulkReportAction = z.output<typeof bulkReportActionSchema>;

/** An RFC 9457 problem, as one refused report carries it. */
export const itemProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
  })
  .loose();

export const bulkReportResultSchema = z.object({
  id: z.string(),
  /** 200: done; otherwise the status the single-report request would have answered. */
  status: z.number().int(),
  report: reportSchema.optional(),
  problem: itemProblemSchema.optional(),
});

export const bulkReportAnswerSchema = z.object({
  /** One per requested id, in the request's order. */
  results: z.array(bulkReportResultSchema),
  /** `link`: the case after the links (its `version` is its new ETag). */
  case: caseViewSchema.optional(),
});

/** Whether one report may be linked to `c`: refused on its own (404, 409) when not. */
export const linkRefusal = (id: string, report: Report | undefined, c: Pick<Case, 'id' | 'reportIds'>) => {
  if (!report) return new NotFound('No such report.');
  if (c.reportIds.includes(id) || report.caseId === c.id)
    return new Conflict('The report is already linked to this case.', {
      currentStatus: report.status,
      caseId: c.id,
    });
  if (report.status !== 'new')
    return new Conflict(`Cannot link a report that is ${report.status}.`, {
      currentStatus: report.status,
      caseId: report.caseId,
    });
  return null;
};
