// Which zod schema documents each route's query, body and success response.
// The OpenAPI document is generated from this map and the route manifest; a
// manifest row without an entry here fails the OpenAPI test.
import * as z from 'zod';
import type { AppConfig } from '#config/schema';
import {
  briefingActionSchema,
  briefingDetailSchema,
  briefingListQuerySchema,
  briefingSchema,
  newBriefingSchema,
} from '#domain/briefing';
import { bulkReportActionSchema, bulkReportAnswerSchema } from '#domain/bulk';
import {
  caseActionSchema,
  caseDetailSchema,
  caseListQuerySchema,
  caseViewSchema,
  OUTCOMES,
  openCaseSchema,
} from '#domain/case';
import { caseExportQuerySchema, reportExportQuerySchema } from '#domain/export';
import { fileListSchema, fileViewSchema, uploadFormSchema, uploadRequestSchema } from '#domain/files';
import { monthlyQuerySchema, periodicSummarySchema, weeklyQuerySchema } from '#domain/periodic';
import {
  duplicateHintSchema,
  reportActionSchema,
  reportListQuerySchema,
  reportSchema,
  reportSubmissionSchema,
} from '#domain/report';
import { similarReportsSchema } from '#domain/similar-report';
import { summaryQuerySchema } from '#domain/summary-query';
import { dailySummarySchema } from '#domain/summary-types';
import {
  newTemplateSchema,
  templateActionSchema,
  templateDetailSchema,
  templateListQuerySchema,
  templateSchema,
} from '#domain/template';
import { reporterReportSchema } from '#domain/views';
import { webhooksQuerySchema, webhooksViewSchema } from '#domain/webhooks';

/** Problem statuses that only some routes' own rules answer; the rest follow from the route's shape (openapi.ts). */
export type RouteProblemStatus = 409 | 412 | 422 | 428;

export interface RouteSchemas {
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status: number;
  /** Request headers the route reads. */
  headers?: { name: string; description: string; required: boolean }[];
  /** The success response carries the resource's version as `ETag`. */
  etag?: true;
  /** False for a route that answers without reading the store (so never 503). */
  store?: false;
  /** The route-specific problems it can answer, each with what causes it. */
  problems?: Partial<Record<RouteProblemStatus, string>>;
  /** A 201 route that answers a replay of a done request with this status and the same body. */
  replayStatus?: 200;
  /** The success response's media type when it is not JSON (`response` is then its text). */
  mediaType?: 'text/html' | 'text/csv';
}

const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
const localized = z.object({ vi: z.string(), en: z.string() });
/** The desk reads the whole report; a reporter reads their own view of it (domain/views.ts). */
const reportFor = (desk: z.ZodObject) => z.union([desk, reporterReportSchema]);

/** The CSV export's column names: `lang=` wins, then this, then the default language. */
const ACCEPT_LANGUAGE = {
  name: 'Accept-Language',
  required: false,
  description: 'vi or en for the column names when `lang` is not given; default vi.',
};

/** The evidence file routes (docs/files.md): the same shapes on reports and cases. */
const fileRouteSchemas = (kind: 'report' | 'case'): Record<string, RouteSchemas> => {
  const base = kind === 'report' ? '/reports/{id}/files' : '/cases/{id}/files';
  const closed =
    kind === 'report'
      ? 'the report is dismissed or its case closed (code `owner-closed`, currentStatus)'
      : 'the case is closed, or (an agency) not verifying or responded (code `owner-closed`, currentStatus)';
  return {
    [`POST ${base}`]: {
      status: 201,
      body: uploadRequestSchema,
      response: uploadFormSchema,
      problems: {
        409: `The ${kind} has its files.maxPer${kind === 'report' ? 'Report' : 'Case'} files already (code \`file-limit\`, limit); or ${closed}.`,
        422: 'The type is not one of files.types (code `file-type-not-allowed`) or the size is over files.maxBytes (code `file-too-large`); errors name the field.',
      },
    },
    [`POST ${base}/{fileId}/confirm`]: {
      status: 201,
      replayStatus: 200,
      response: fileViewSchema,
      problems: {
        409: `Nothing uploaded with the form yet (code \`upload-missing\`); the limit reached meanwhile (code \`file-limit\`, limit); ${closed}; or a concurrent write, retry after Retry-After. 200 with the file when it was confirmed already.`,
        422: 'The upload is refused and removed: more bytes than declared (`file-too-large`), not a kind taken (`file-type-not-allowed`), not the type declared (`file-type-mismatch`, detectedType, declaredType), or unreadable (`file-damaged`).',
      },
    },
    [`GET ${base}`]: { status: 200, response: fileListSchema },
  };
};

export const routeSchemas = (config: AppConfig): Record<string, RouteSchemas> => ({
  'GET /': {
    response: z.object({
      name: z.string(),
      description: z.string(),
      links: z.object({
        docs: z.string().describe('The API reference page (HTML).'),
        openapi: z.string().describe('The OpenAPI 3.1 document.'),
        health: z.string().describe('Liveness.'),
      }),
    }),
    status: 200,
    store: false,
  },
  'GET /health': { response: z.object({ status: z.literal('ok') }), status: 200 },
  'GET /docs': { response: z.string(), status: 200, store: false, mediaType: 'text/html' },
  'GET /openapi.json': { response: z.object({ openapi: z.string() }).loose(), status: 200, store: false },
  'GET /reference': {
    status: 200,
    store: false,
    response: z.object({
      timeZone: z.string(),
      defaultLocale: z.string(),
      categories: z.array(z.object({ id: z.string(), name: localized })),
      areas: z.array(z.object({ id: z.string(), name: localized })),
      agencies: z.array(z.object({ id: z.string(), name: z.string() })),
      channels: z.array(z.string()),
      sentiments: z.array(z.string()),
      urgencies: z.array(z.string()),
      reportStatuses: z.array(z.string()),
      outcomes: z.array(z.enum(OUTCOMES)),
      caseStatuses: z.array(z.string()),
      priorities: z.array(z.string()),
      caseActions: z.array(
        z.object({
          action: z.string(),
          who: z.array(z.string()),
          from: z.array(z.string()),
          to: z.string().nullable(),
        }),
      ),
      calendar: z.object({
        weekend: z.array(z.string()),
        endOfWorkingDay: z.string(),
        years: z.record(
          z.string(),
          z.object({
            source: z.string(),
            daysOff: z.array(z.object({ date: z.string(), name: z.string() })),
            workingDays: z.array(z.object({ date: z.string(), reason: z.string() })),
          }),
        ),
      }),
      escalation: z.object({
        steps: z.array(
          z.object({
            id: z.string(),
            at: z.object({ workingDays: z.number().int() }),
            to: z.array(z.enum(['agency', 'agencyHead', 'deskLead'])),
          }),
        ),
      }),
      files: z.object({
        maxPerReport: z.number().int(),
        maxPerCase: z.number().int(),
        maxBytes: z.number().int(),
        types: z.array(z.string()),
      }),
    }),
  },
  'POST /reports': {
    status: 201,
    body: reportSubmissionSchema(config),
    response: reportFor(reportSchema.extend({ possibleDuplicates: z.array(duplicateHintSchema) })),
    headers: [
      {
        name: 'Idempotency-Key',
        required: false,
        description:
          'Up to 128 visible ASCII characters. A retry with the same key and body replays the first response (Idempotent-Replayed: true); a different body → 422.',
      },
    ],
    problems: {
      409: 'A request with this Idempotency-Key is still being stored; retry after Retry-After.',
      422: 'This Idempotency-Key was used with a different body.',
    },
  },
  'GET /reports': {
    status: 200,
    query: reportListQuerySchema(config),
    response: page(reportFor(reportSchema)),
  },
  'GET /reports.csv': {
    status: 200,
    query: reportExportQuerySchema(config),
    response: z.string(),
    mediaType: 'text/csv',
    headers: [ACCEPT_LANGUAGE],
  },
  'GET /reports/{id}': { status: 200, response: reportFor(reportSchema) },
  'GET /reports/{id}/similar': { status: 200, response: similarReportsSchema },
  'POST /reports/{id}/actions': {
    status: 200,
    body: reportActionSchema,
    response: reportSchema,
    problems: {
      409: 'The report’s status does not allow the action (currentStatus, allowedActions), it is linked to a case, or it changed meanwhile.',
    },
  },
  'POST /reports/actions': {
    status: 200,
    body: bulkReportActionSchema,
    response: bulkReportAnswerSchema,
    headers: [
      {
        name: 'If-Match',
        required: false,
        description:
          'link only, optional: the ETag (version) of the case; checked once before anything is written (412 when the case has moved on).',
      },
    ],
    problems: {
      409: 'link: the case is closed (currentStatus, mergedInto when merged). Each report’s own refusals are in its result, not here.',
      412: 'link with If-Match: the case is at currentVersion (also in ETag); nothing was written.',
    },
  },
  'POST /cases': {
    status: 201,
    body: openCaseSchema(config),
    response: caseViewSchema,
    etag: true,
    problems: {
      409: 'Some reports are not new: linked to a case or dismissed (reportIds, reports); or a concurrent write, retry after Retry-After.',
    },
  },
  'GET /cases': { status: 200, query: caseListQuerySchema(config), response: page(caseViewSchema) },
  'GET /cases.csv': {
    status: 200,
    query: caseExportQuerySchema(config),
    response: z.string(),
    mediaType: 'text/csv',
    headers: [ACCEPT_LANGUAGE],
  },
  'GET /cases/{id}': { status: 200, response: caseDetailSchema, etag: true },
  'POST /cases/{id}/actions': {
    status: 200,
    body: caseActionSchema(config),
    response: caseViewSchema,
    etag: true,
    problems: {
      409: 'The case’s status does not allow the action (currentStatus, allowedActions); reports already on the case or not new (reportIds); the briefing is not scheduled; the cited template is retired or at another version (templateStatus, templateVersion); or a concurrent write, retry after Retry-After. unlink-report: the report is not on the case, or is its last report (close or merge instead). merge: either case closed or merged (intoStatus, mergedInto); a merged case cannot be reopened.',
      412: 'If-Match names an older version: the case is at currentVersion (also in ETag). merge: `case` says which side is stale (merged: If-Match; survivor: intoVersion), with its currentVersion.',
      428: 'If-Match is missing.',
    },
    headers: [
      {
        name: 'If-Match',
        required: true,
        description:
          'The ETag (version) of the case you read: 428 without it, 412 when the case has moved on.',
      },
    ],
  },
  'GET /templates': { status: 200, query: templateListQuerySchema(config), response: page(templateSchema) },
  'POST /templates': { status: 201, body: newTemplateSchema(config), response: templateSchema, etag: true },
  'GET /templates/{id}': { status: 200, response: templateDetailSchema, etag: true },
  'POST /templates/{id}/actions': {
    status: 200,
    body: templateActionSchema(config),
    response: templateSchema,
    etag: true,
    problems: {
      409: 'The template’s status does not allow the action (currentStatus, allowedActions), or a concurrent write, retry after Retry-After.',
      412: 'If-Match names an older version: the template is at currentVersion (also in ETag).',
      428: 'If-Match is missing.',
    },
    headers: [
      {
        name: 'If-Match',
        required: true,
        description: 'The ETag (version) of the template you read: 428 without it, 412 when it has moved on.',
      },
    ],
  },
  'GET /summaries/daily': { status: 200, query: summaryQuerySchema, response: dailySummarySchema },
  'GET /summaries/weekly': { status: 200, query: weeklyQuerySchema, response: periodicSummarySchema },
  'GET /summaries/monthly': { status: 200, query: monthlyQuerySchema, response: periodicSummarySchema },
  'GET /webhooks': { status: 200, query: webhooksQuerySchema, response: webhooksViewSchema },
  'GET /briefings': { status: 200, query: briefingListQuerySchema, response: page(briefingSchema) },
  'POST /briefings': { status: 201, body: newBriefingSchema, response: briefingSchema },
  'GET /briefings/{id}': { status: 200, response: briefingDetailSchema },
  'POST /briefings/{id}/actions': {
    status: 200,
    body: briefingActionSchema,
    response: briefingSchema,
    problems: {
      409: 'The briefing is cancelled or has started (currentStatus), or it changed meanwhile.',
    },
  },
  ...fileRouteSchemas('report'),
  ...fileRouteSchemas('case'),
});
