// Given/when/then steps for tests, from one import:
// - given: aReport() (a valid report body), aSubmittedReport(), anOpenCase(), anAssignedCase();
// - when: startApi() and api.when(method, path, who, body, headers), by TEST_MODE;
// - then: storedItem(), storedReportCount(), emailsTo().
export { type Answer, apiClient, type Call, type Json, type Who } from './api-client';
export {
  A_DESK,
  A_REPORTER,
  anAssignedCase,
  anOpenCase,
  aSubmittedReport,
  type GivenCase,
  type Via,
} from './given';
export { A_CATEGORY, AN_AREA, aReport, type ReportBody } from './report-body';
export { storedItem, storedReportCount, type TableRef } from './stored';
export { emailsTo } from './then';
export { type Api, startApi, type TestMode, testMode } from './when';
