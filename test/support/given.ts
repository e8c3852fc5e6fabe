// Given steps: a stored report, an open case, an assigned case, reached either
// through the services (pass the file's deps) or through the API (pass an Api
// from ./when.ts). They return ids and the case's version (its ETag's number).
import type { Principal } from '#domain/principal';
import { actOnCase, openCaseFor } from '#service/cases';
import { submitReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import type { Who } from './api-client';
import { aReport, type ReportBody } from './report-body';
import type { Api } from './when';

export type Via = Deps | Api;

const isApi = (via: Via): via is Api => 'when' in via;

export const A_REPORTER: Principal = { sub: 'reporter-steps', roles: ['reporter'] };
export const A_DESK: Principal = { sub: 'desk-steps', roles: ['desk'] };

export interface ReportOptions {
  /** Who submits it: a principal for the service, a caller for the API (default: a reporter). */
  by?: Principal | Who;
  idempotencyKey?: string;
}

/** Submits aReport(overrides) and returns its id. */
export const aSubmittedReport = async (
  via: Via,
  overrides: Partial<ReportBody> = {},
  { by, idempotencyKey }: ReportOptions = {},
): Promise<string> => {
  if (isApi(via)) {
    const res = await via.when(
      'POST',
      '/reports',
      (by as Who | undefined) ?? 'reporter',
      aReport(overrides),
      idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
    );
    if (res.status !== 201)
      throw new Error(`POST /reports answered ${res.status}: ${JSON.stringify(res.json)}`);
    return res.json.id as string;
  }
  const res = await submitReport(
    via,
    (by as Principal | undefined) ?? A_REPORTER,
    aReport(overrides, { now: via.clock() }),
    idempotencyKey,
  );
  return (res.body as { id: string }).id;
};

export interface GivenCase {
  caseId: string;
  reportIds: string[];
  /** The case's version: send it as If-Match `"<version>"`. */
  version: number;
}

export interface CaseOptions {
  /** The reports to put on the case (default: one aReport()). */
  reportIds?: string[];
  /** The rest of the POST /cases body (title, priority, ...). */
  body?: Record<string, unknown>;
  /** The desk user who opens it (default: a desk user). */
  desk?: Principal | Who;
}

/** A case opened by the desk on one new report (or on `reportIds`). */
export const anOpenCase = async (via: Via, options: CaseOptions = {}): Promise<GivenCase> => {
  const reportIds = options.reportIds ?? [await aSubmittedReport(via)];
  const body = { reportIds, ...options.body };
  if (isApi(via)) {
    const res = await via.when('POST', '/cases', (options.desk as Who | undefined) ?? 'desk', body);
    if (res.status !== 201)
      throw new Error(`POST /cases answered ${res.status}: ${JSON.stringify(res.json)}`);
    return { caseId: res.json.id as string, reportIds, version: res.json.version as number };
  }
  const opened = await openCaseFor(via, (options.desk as Principal | undefined) ?? A_DESK, body);
  return { caseId: opened.id, reportIds, version: opened.version };
};

export interface AssignOptions extends CaseOptions {
  /** Default: the API's agency, or transport-dept. */
  agencyId?: string;
  /** Default: two days after now (the service's clock, or the wall clock for the API). */
  dueAt?: string;
}

/** An open case, then assigned by the desk to an agency with a deadline. */
export const anAssignedCase = async (via: Via, options: AssignOptions = {}): Promise<GivenCase> => {
  const opened = await anOpenCase(via, options);
  const now = isApi(via) ? new Date() : via.clock();
  const assign = {
    action: 'assign',
    agencyId: options.agencyId ?? (isApi(via) ? via.agencyId : 'transport-dept'),
    dueAt: options.dueAt ?? new Date(now.getTime() + 2 * 86_400_000).toISOString(),
  };
  const ifMatch = `"${opened.version}"`;
  if (isApi(via)) {
    const res = await via.when(
      'POST',
      `/cases/${opened.caseId}/actions`,
      (options.desk as Who | undefined) ?? 'desk',
      assign,
      { 'if-match': ifMatch },
    );
    if (res.status !== 200) throw new Error(`assign answered ${res.status}: ${JSON.stringify(res.json)}`);
    return { ...opened, version: res.json.version as number };
  }
  const next = await actOnCase(
    via,
    (options.desk as Principal | undefined) ?? A_DESK,
    { id: opened.caseId },
    ifMatch,
    assign,
  );
  return { ...opened, version: next.version };
};
