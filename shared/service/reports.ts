// Report use cases: what the handlers call. Each combines the pure rules of
// shared/domain/report.ts with the store, and speaks only in domain errors.

import { setTimeout as sleep } from 'node:timers/promises';
import { BadRequest, Conflict, NotFound, UnprocessableContent } from '#domain/errors';
import { idParamsSchema } from '#domain/ids';
import type { Principal } from '#domain/principal';
import {
  applyReportAction,
  newReport,
  type Report,
  reportActionSchema,
  reportListQuerySchema,
  reportSubmissionSchema,
} from '#domain/report';
import { assertMaySearch } from '#domain/search';
import { groupOf, hintsOf, type SimilarReport, similarReportsOf } from '#domain/similar-report';
import { bandKeys, fingerprint, reportText } from '#domain/similarity';
import { normalizeUrl } from '#domain/url';
import { validate } from '#domain/validate';
import { type ReporterReportView, reporterViewOf, reporterViewOfStored } from '#domain/views';
import type { Deps } from '#shared/deps';
import { getCaseOutcomes } from '#store/cases';
import {
  canonicalHash,
  getIdempotencyRecord,
  type IdempotencyRecord,
  idempotencyItemKey,
  idempotencyPut,
  type StoredResponse,
} from '#store/idempotency';
import type { Page } from '#store/query';
import { getReport, listReports, putNewReport, saveReportTransition, urlHash } from '#store/reports';
import { indexedByTable, postingItems, postingKeys, reportPostings, searchReports } from '#store/search';
import { bandItemKeys, findSimilar, putLookupEntries, submissionWindow, windowAround } from '#store/similar';

const IDEMPOTENCY_KEY = /^[\x21-\x7E]{1,128}$/;
/** How long a duplicate waits for the first request with its key to commit before answering 409. */
const IN_FLIGHT_WAITS_MS = [25, 50, 100, 200, 400];

const isDesk = (p: Principal) => p.roles.includes('desk');

const replay = (record: IdempotencyRecord, bodyHash: string, principal: Principal): StoredResponse => {
  if (record.bodyHash !== bodyHash) {
    throw new UnprocessableContent('This Idempotency-Key was used with a different body.');
  }
  return {
    ...record.response,
    // A first response stored before reporters had their own view is cut down to it.
    body: isDesk(principal) ? record.response.body : reporterViewOfStored(record.response.body),
    headers: { ...record.response.headers, 'idempotent-replayed': 'true' },
  };
};

/** What a report is looked up by: its normalized URLs' hashes, its text's fingerprint and band keys. */
const lookupOf = (deps: Deps, r: Pick<Report, 'title' | 'summary' | 'sourceUrls'>) => {
  const fp = fingerprint(reportText(r));
  return {
    urlHashes: [...new Set(r.sourceUrls.map((u) => urlHash(normalizeUrl(u))))],
    fingerprint: fp,
    bandKeys: bandKeys(fp, deps.config.similarity),
  };
};

/**
 * A new report, answered 201 with the duplicate hint: reports sharing a
 * source URL (`sameUrl`) and recent reports saying nearly the same thing
 * (`similarText`, with a score); a report in both is `sameUrl`. The report
 * joins the similarity group of its best hint (domain/similar-report.ts).
 * With an Idempotency-Key the record is not read up front: the write
 * transaction carries it with a condition (absent or expired), so a fresh
 * request makes three round trips (the URL and band Queries beside the
 * lookup entries' BatchWriteItem, the BatchGetItem of the candidates when
 * there are any, the transaction). Only when the transaction is cancelled on
 * that record (the key was used before, or is being used right now) is the
 * record read and its first response replayed.
 */
export const submitReport = async (
  deps: Deps,
  principal: Principal,
  body: unknown,
  idempotencyKey: string | undefined,
): Promise<StoredResponse> => {
  const input = validate(reportSubmissionSchema(deps.config), body, 'report');
  const now = deps.clock();

  let idem: { key: { pk: string; sk: string }; bodyHash: string } | undefined;
  if (idempotencyKey !== undefined) {
    if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new BadRequest('The Idempotency-Key header is not valid.', [
        { path: '/headers/idempotency-key', message: 'must be 1–128 visible ASCII characters' },
      ]);
    }
    idem = { key: idempotencyItemKey(principal.sub, idempotencyKey), bodyHash: canonicalHash(body) };
  }

  const fresh = newReport(input, { id: deps.newId(), submittedBy: principal.sub, now });
  const lookup = lookupOf(deps, fresh);
  const postings = reportPostings(fresh);
  // With OpenSearch the pipeline indexes the report itself: no postings.
  if (!indexedByTable(deps)) postings.terms = [];
  // Part of the stored first response, so it is looked up before the write; the
  // report's URL entries and band items go out at the same time (they precede the
  // report, store/README.md).
  const [matches] = await Promise.all([
    findSimilar(deps, { ...lookup, excludeId: fresh.id, between: submissionWindow(deps, now) }),
    // Its search postings too (store/search.ts), in the same BatchWriteItem calls: they precede the
    // report like its band items.
    putLookupEntries(
      deps,
      fresh,
      lookup.urlHashes,
      lookup.bandKeys,
      postingItems('R', postings.doc, postings.terms),
    ),
  ]);
  const report: Report = { ...fresh, similarityGroup: groupOf(matches, fresh.id) };
  const possibleDuplicates = hintsOf(matches);
  const response: StoredResponse = {
    status: 201,
    body: isDesk(principal)
      ? { ...report, possibleDuplicates }
      : reporterViewOf(report, undefined, possibleDuplicates),
    headers: { location: `/reports/${report.id}` },
  };

  const outcome = await putNewReport(deps, {
    report,
    urlHashes: lookup.urlHashes,
    // Deleted, like the band items, when the key turns out taken.
    bandItemKeys: [
      ...bandItemKeys(fresh, lookup.bandKeys),
      ...postingKeys('R', postings.doc, postings.terms),
    ],
    ...(principal.email ? { reporterEmail: principal.email } : {}),
    ...(idem
      ? { idempotencyItem: idempotencyPut(deps, idem.key, { bodyHash: idem.bodyHash, response }, now) }
      : {}),
  });
  if (outcome === 'stored' || !idem) return response;

  // Another request with this key has committed, or is committing: wait for
  // its record, then answer with its response (nothing of ours was written).
  for (const wait of IN_FLIGHT_WAITS_MS) {
    const winner = await getIdempotencyRecord(deps, idem.key, now);
    if (winner) return replay(winner, idem.bodyHash, principal);
    await sleep(wait);
  }
  throw new Conflict(
    'A request with this Idempotency-Key is still in flight; retry shortly.',
    {},
    { 'retry-after': '1' },
  );
};

/** A report the caller may see; anything else is "not found", whether it exists or not. */
export const readReport = async (deps: Deps, principal: Principal, params: unknown): Promise<Report> => {
  const parsed = idParamsSchema.safeParse(params);
  if (!parsed.success) throw new NotFound('No such report.');
  const report = await getReport(deps, parsed.data.id);
  if (!report || (!isDesk(principal) && report.submittedBy !== principal.sub))
    throw new NotFound('No such report.');
  return report;
};

/**
 * GET /reports/{id}/similar (desk only): the reports sharing a source URL with
 * it, and those whose text is similar within the window either side of its
 * submission, best first. Reports whose band items have expired (submitted
 * more than the window and a day ago) are found by URL only.
 */
export const similarReports = async (
  deps: Deps,
  principal: Principal,
  params: unknown,
): Promise<{ items: SimilarReport[] }> => {
  const report = await readReport(deps, principal, params);
  const matches = await findSimilar(deps, {
    ...lookupOf(deps, report),
    excludeId: report.id,
    between: windowAround(deps, new Date(report.submittedAt)),
  });
  return { items: similarReportsOf(matches) };
};

/** Reporters' views of their reports, each with its case's outcome once that case is closed. */
const reporterViews = async (deps: Deps, reports: Report[]): Promise<ReporterReportView[]> => {
  const caseIds = [...new Set(reports.flatMap((r) => (r.status === 'linked' && r.caseId ? [r.caseId] : [])))];
  const cases = await getCaseOutcomes(deps, caseIds);
  return reports.map((r) => reporterViewOf(r, r.caseId ? cases.get(r.caseId) : undefined));
};

/** GET /reports/{id}: the desk reads the whole report; its reporter reads their view of it. */
export const viewReport = async (
  deps: Deps,
  principal: Principal,
  params: unknown,
): Promise<Report | ReporterReportView> => {
  const report = await readReport(deps, principal, params);
  if (isDesk(principal)) return report;
  const [view] = await reporterViews(deps, [report]);
  return view!;
};

export const browseReports = async (
  deps: Deps,
  principal: Principal,
  query: unknown,
): Promise<Page<Report> | Page<ReporterReportView>> => {
  const q = validate(reportListQuerySchema(deps.config), query, 'query');
  if (q.q !== undefined) {
    assertMaySearch(principal);
    return searchReports(deps, { ...q, q: q.q }, deps.clock());
  }
  if (isDesk(principal)) return listReports(deps, {}, q);
  const page = await listReports(deps, { submittedBy: principal.sub }, q);
  return { items: await reporterViews(deps, page.items), nextCursor: page.nextCursor };
};

export const actOnReport = async (
  deps: Deps,
  principal: Principal,
  params: unknown,
  body: unknown,
): Promise<Report> => {
  const action = validate(reportActionSchema, body, 'action');
  const before = await readReport(deps, principal, params);
  const after = applyReportAction(before, action, deps.clock());
  await saveReportTransition(deps, before, after);
  return after;
};
