// The request kinds whose DynamoDB write units the benchmark measures
// (write-units.bench.ts), their budget and the figures before issue 16: apart
// from the measurement so that the report (report.ts) can read them without
// importing the benchmark.

export const WRITE_KINDS = [
  'plainReport',
  'readmeReport',
  'caseOpen',
  'caseAssign',
  'caseRespond',
  'caseClose',
] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

export const WRITE_KIND_LABELS: Record<WriteKind, string> = {
  plainReport: 'POST /reports, no source URL, no Idempotency-Key',
  readmeReport: 'POST /reports as in the README (one source URL, Idempotency-Key)',
  caseOpen: 'POST /cases (one report linked)',
  caseAssign: 'POST /cases/{id}/actions assign (with its notification)',
  caseRespond: 'POST /cases/{id}/actions respond (agency, with its notification)',
  caseClose: 'POST /cases/{id}/actions close (with its notification)',
};

/** The budget of issue 16 (§3), rate-limit counter included. */
export const WRITE_UNITS_BUDGET = { plainReport: 5, readmeReport: 10 } as const;

/**
 * The same measurement (write-units.bench.ts) run against the code of 5876fd2, the
 * commit before issue 16's index pass (eight GSIs, seven projecting every attribute,
 * URL entries inside the report's transaction). The issue's 17 and 36 are the first
 * two without the rate-limit counter, which the older submit benchmark did not count.
 */
export const WRITE_UNITS_BEFORE: Record<WriteKind, number> = {
  plainReport: 18,
  readmeReport: 37,
  caseOpen: 53,
  caseAssign: 39,
  caseRespond: 41,
  caseClose: 37,
};
