// The role views as allow-lists: a reporter's view of their own report has an
// exact key set in each of its states; an agency's view of a case masks
// contacts; a closure email never names a case by another reporter's title.
import { describe, expect, it } from 'vitest';
import type { Case, HistoryEntry } from '#domain/case';
import { MASKED_EMAIL, MASKED_PHONE } from '#domain/mask';
import type { Report } from '#domain/report';
import {
  agencyCaseView,
  agencyHistoryView,
  type CaseOutcome,
  caseTitleIsOthersReport,
  reporterReportSchema,
  reporterViewOf,
  reporterViewOfStored,
} from '#domain/views';

const report = (over: Partial<Report> = {}): Report => ({
  id: '01JZ0000000000000000000001',
  title: 'Tin đồn cấm đường',
  summary: 'Gọi 0912 345 678',
  category: 'transport',
  area: 'district-3',
  channel: 'social',
  sentiment: 'negative',
  urgency: 'high',
  sourceUrls: ['https://example.org/a'],
  observedAt: '2026-11-26T01:00:00.000Z',
  reach: 1200,
  status: 'new',
  caseId: null,
  submittedBy: 'alice',
  submittedAt: '2026-11-26T02:00:00.000Z',
  updatedAt: '2026-11-26T02:00:00.000Z',
  version: 1,
  ...over,
});

const SUBMITTED = [
  'title',
  'summary',
  'category',
  'area',
  'channel',
  'sentiment',
  'urgency',
  'sourceUrls',
  'observedAt',
  'reach',
];
const BASE = [...SUBMITTED, 'id', 'submittedAt', 'status', 'caseId', 'fileCount'].sort();
const CLOSED = [...BASE, 'outcome', 'response', 'evidenceUrl'].sort();
const keys = (o: object) => Object.keys(o).sort();

const CASE_ID = '01JZ00000000000000000000C1';
const closedCase: CaseOutcome = {
  id: CASE_ID,
  status: 'closed',
  outcome: 'clarified',
  response: 'Sở đã thông báo lịch thi công',
  evidenceUrl: 'https://example.org/thong-cao',
};

describe("a reporter's view of their report", () => {
  it('new: what they submitted, id, submittedAt, status, caseId — nothing else', () => {
    expect(keys(reporterViewOf(report()))).toEqual(BASE);
  });

  it('on submission: plus the duplicate hints', () => {
    const hints = [
      { id: '01JZ0000000000000000000002', status: 'new' as const, caseId: null, reason: 'sameUrl' as const },
    ];
    const view = reporterViewOf(report(), undefined, hints);
    expect(keys(view)).toEqual([...BASE, 'possibleDuplicates'].sort());
    expect(view.possibleDuplicates).toEqual(hints);
  });

  it('on submission: each hint’s id, status, case, reason and score only, never another report’s text or group', () => {
    const hint = {
      id: '01JZ0000000000000000000003',
      status: 'linked' as const,
      caseId: '01JZ0000000000000000000009',
      reason: 'similarText' as const,
      score: 0.72,
    };
    const leaky = {
      ...hint,
      title: 'Another reporter’s words',
      similarityGroup: '01JZ0000000000000000000001',
    };
    const view = reporterViewOf(report(), undefined, [leaky]);
    expect(view.possibleDuplicates).toEqual([hint]);
  });

  it('dismissed: the status, never the dismiss reason', () => {
    const view = reporterViewOf(report({ status: 'dismissed', dismissReason: 'trùng lặp', version: 2 }));
    expect(keys(view)).toEqual(BASE);
    expect(view.status).toBe('dismissed');
    expect(JSON.stringify(view)).not.toContain('trùng lặp');
  });

  it('linked to an open case: no outcome yet', () => {
    const linked = report({ status: 'linked', caseId: CASE_ID });
    const open: CaseOutcome = { ...closedCase, status: 'responded', outcome: null, evidenceUrl: null };
    expect(keys(reporterViewOf(linked, open))).toEqual(BASE);
    expect(reporterViewOf(linked, open).caseId).toBe(CASE_ID);
  });

  it("linked to a closed case: plus the case's outcome, public response and evidence link", () => {
    const view = reporterViewOf(report({ status: 'linked', caseId: CASE_ID }), closedCase);
    expect(keys(view)).toEqual(CLOSED);
    expect(view).toMatchObject({
      outcome: 'clarified',
      response: closedCase.response,
      evidenceUrl: closedCase.evidenceUrl,
    });
    // another case's outcome is never attached
    expect(keys(reporterViewOf(report({ status: 'linked', caseId: 'other' }), closedCase))).toEqual(BASE);
  });

  it('leaves out reach when none was submitted, and always fits the response schema', () => {
    const { reach: _r, ...noReach } = report();
    expect(keys(reporterViewOf(noReach))).toEqual(BASE.filter((k) => k !== 'reach'));
    const closed = reporterViewOf(report({ status: 'linked', caseId: CASE_ID }), closedCase);
    expect(reporterReportSchema.safeParse(closed).success).toBe(true);
  });

  it('cuts a stored full response (a replay of an older first response) down to the allow-list', () => {
    const stored = { ...report({ dismissReason: 'x', fileCount: 0 }), possibleDuplicates: [] };
    expect(keys(reporterViewOfStored(stored) as object)).toEqual([...BASE, 'possibleDuplicates'].sort());
  });
});

describe("an agency's view of a case", () => {
  it('masks phone numbers and addresses in the title, the summary and desk notes', () => {
    const c = {
      title: 'Gọi 0912 345 678 hoặc a.b@mail.vn',
      summary: 'Liên hệ 028 3829 1234, email x@y.vn',
      finding: 'kept as the agency wrote it',
    } as Pick<Case, 'title' | 'summary' | 'finding'>;
    const view = agencyCaseView(c);
    expect(view.title).toBe(`Gọi ${MASKED_PHONE} hoặc ${MASKED_EMAIL}`);
    expect(view.summary).toBe(`Liên hệ ${MASKED_PHONE}, email ${MASKED_EMAIL}`);
    expect(view.finding).toBe(c.finding);
    const entry: HistoryEntry = {
      at: '2026-11-26T02:00:00.000Z',
      by: 'desk-1',
      role: 'desk',
      action: 'comment',
      from: 'open',
      to: 'open',
      note: 'người báo tin: 0912345678',
      details: {},
      version: 2,
    };
    expect(agencyHistoryView(entry).note).toBe(`người báo tin: ${MASKED_PHONE}`);
  });
});

describe('the case title in a closure email', () => {
  it("is hidden from a reporter when it is another reporter's report title", () => {
    expect(caseTitleIsOthersReport('Tin A', ['Tin B'], ['Tin A'])).toBe(true);
    expect(caseTitleIsOthersReport(' tin  a ', ['Tin B'], ['Tin A'])).toBe(true);
    // their own words, or the desk's own title, are shown
    expect(caseTitleIsOthersReport('Tin A', ['Tin A'], ['Tin A'])).toBe(false);
    expect(caseTitleIsOthersReport('Ngập nước', ['Tin B'], ['Tin A'])).toBe(false);
  });
});
