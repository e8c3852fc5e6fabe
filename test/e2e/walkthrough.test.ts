// The client walk-through, given/when/then, in three modes (test/support/when.ts):
// against the local stack in-process (default, in npm test), the Lambda handlers
// directly (TEST_MODE=handler), or against a deployed stage with
// `TEST_MODE=http API_URL=https://... TOKEN_REPORTER=... TOKEN_DESK=...
// TOKEN_AGENCY=... AGENCY_ID=... npm run test:e2e` (Cognito ID tokens: see
// infra/aws/README.md "Operators"). Only the public HTTP API is used here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, aReport, type Json, startApi } from '#test/support/steps';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.stop());

const who = {
  reporter: { role: 'reporter', user: 'walk-reporter' },
  desk: { role: 'desk', user: 'walk-desk' },
  agency: { role: 'agency', user: 'walk-agency', agency: 'transport-dept' },
} as const;
const when = (
  method: string,
  path: string,
  as: keyof typeof who | null,
  body?: unknown,
  headers?: Record<string, string>,
) => api.when(method, path, as && who[as], body, headers);

describe('a field report becomes a closed case', () => {
  const key = `walk-${Date.now()}`;
  const report = aReport({
    title: 'Tin đồn tăng giá vé xe buýt từ tháng sau',
    summary: 'Bài đăng lan truyền trên mạng xã hội.',
    area: 'district-1',
    urgency: 'high',
    sourceUrls: ['https://social.example/post/walkthrough'],
    observedAt: new Date(Date.now() - 600_000).toISOString(),
    reach: 1000,
  });
  let reportId: string;
  let caseId: string;

  it('given the API is up, /health answers without a token and /reference needs one', async () => {
    expect((await when('GET', '/health', null)).status).toBe(200);
    expect((await when('GET', '/reference', null)).status).toBe(401);
    expect((await when('GET', '/reference', 'reporter')).json.timeZone).toBe('Asia/Ho_Chi_Minh');
  });

  it('when a collaborator submits a report, retries it, and reads it back', async () => {
    const first = await when('POST', '/reports', 'reporter', report, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    reportId = first.json.id as string;
    const retry = await when('POST', '/reports', 'reporter', report, { 'idempotency-key': key });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.json.id).toBe(reportId);
    expect((await when('GET', `/reports/${reportId}`, 'reporter')).json).toMatchObject({
      id: reportId,
      status: 'new',
    });
    expect((await when('POST', '/reports', 'reporter', { ...report, title: 'x' })).status).toBe(400);
  });

  it('then the desk opens a case, assigns it, the agency answers, the desk closes it', async () => {
    const opened = await when('POST', '/cases', 'desk', { reportIds: [reportId] });
    expect(opened.status).toBe(201);
    caseId = opened.json.id as string;
    const dueAt = new Date(Date.now() + 2 * 86400_000).toISOString();
    const act = (who: 'desk' | 'agency', version: number, body: unknown) =>
      when('POST', `/cases/${caseId}/actions`, who, body, { 'if-match': `"${version}"` });
    expect((await act('desk', 1, { action: 'assign', agencyId: api.agencyId, dueAt })).status).toBe(200);
    expect((await when('GET', `/cases/${caseId}`, 'agency')).status).toBe(200);
    expect(
      (
        await act('agency', 2, {
          action: 'respond',
          finding: 'Không có kế hoạch tăng giá',
          response: 'Đã đăng thông tin chính thức',
        })
      ).status,
    ).toBe(200);
    expect((await act('desk', 2, { action: 'comment', note: 'stale' })).status).toBe(412);
    const closed = await act('desk', 3, {
      action: 'close',
      outcome: 'clarified',
      note: 'Đã đính chính',
      evidenceUrl: 'https://example.org/thong-cao',
    });
    expect(closed.json).toMatchObject({ status: 'closed', outcome: 'clarified' });
    const detail = await when('GET', `/cases/${caseId}`, 'desk');
    expect((detail.json.history as Json[]).map((h) => h.action)).toEqual([
      'open',
      'assign',
      'respond',
      'close',
    ]);
  });
});
