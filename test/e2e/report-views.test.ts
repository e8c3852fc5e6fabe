// Who reads what, over HTTP: a reporter's own report has an exact key set in
// each of its states (new, dismissed, linked to an open case, linked to a
// closed one), on POST, its replay, GET by id and the list; the desk reads the
// whole report; an agency reads report text with contacts masked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MASKED_EMAIL, MASKED_PHONE } from '#domain/mask';
import { type Api, aReport, type Json, startApi } from '#test/support/steps';

let api: Api;
const who = {
  reporter: { role: 'reporter', user: 'field-9' },
  desk: { role: 'desk', user: 'desk-9' },
  health: { role: 'agency', user: 'health-9', agency: 'health-dept' },
} as const;
const call = (
  method: string,
  path: string,
  as: keyof typeof who,
  body?: unknown,
  headers?: Record<string, string>,
) => api.when(method, path, who[as], body, headers);

const PHONE = '0912 345 678';
const EMAIL = 'nguoi.bao.tin@example.org';
const body = (title: string) =>
  aReport({
    title,
    summary: `Liên hệ ${PHONE} hoặc ${EMAIL} để biết thêm.`,
    category: 'health',
    urgency: 'high',
    sourceUrls: [`https://zalo.example/post/${Math.random().toString(36).slice(2)}`],
    observedAt: new Date(Date.now() - 600_000).toISOString(),
    reach: 300,
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
// `fileCount`: how many evidence files the report carries (docs/files.md); 0 when none.
const BASE = [...SUBMITTED, 'id', 'submittedAt', 'status', 'caseId', 'fileCount'].sort();
const CLOSED = [...BASE, 'outcome', 'response', 'evidenceUrl'].sort();
const keys = (o: unknown) => Object.keys(o as Json).sort();

const submit = async (title: string, key?: string) => {
  const res = await call('POST', '/reports', 'reporter', body(title), key ? { 'idempotency-key': key } : {});
  expect(res.status).toBe(201);
  return res;
};
const mine = async (id: string) => {
  const one = await call('GET', `/reports/${id}`, 'reporter');
  expect(one.status).toBe(200);
  const list = await call('GET', '/reports?limit=100', 'reporter');
  const listed = (list.json.items as Json[]).find((r) => r.id === id);
  return { one: one.json, listed };
};
const act = (id: string, as: keyof typeof who, version: number, action: unknown) =>
  call('POST', `/cases/${id}/actions`, as, action, { 'if-match': `"${version}"` });

beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.stop());

describe("a reporter's view of their own report", () => {
  it('new: on POST with the duplicate hints, on GET and in the list', async () => {
    const first = await submit('Tin đồn đóng cửa trường', `views-${Date.now()}`);
    expect(keys(first.json)).toEqual([...BASE, 'possibleDuplicates'].sort());
    const { one, listed } = await mine(first.json.id as string);
    expect(keys(one)).toEqual(BASE);
    expect(keys(listed)).toEqual(BASE);
    // the desk reads the whole report
    const desk = await call('GET', `/reports/${first.json.id}`, 'desk');
    expect(desk.json).toMatchObject({ submittedBy: 'field-9', version: 1 });
  });

  it('the replay of a submission answers the same view', async () => {
    const key = `replay-${Date.now()}`;
    const b = body('Tin đồn phát lại');
    const first = await call('POST', '/reports', 'reporter', b, { 'idempotency-key': key });
    const again = await call('POST', '/reports', 'reporter', b, { 'idempotency-key': key });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    expect(keys(again.json)).toEqual([...BASE, 'possibleDuplicates'].sort());
  });

  it('dismissed: the status, never the reason', async () => {
    const r = await submit('Tin đồn bị loại');
    const reason = 'Trùng với tin đã xử lý — lý do nội bộ';
    expect(
      (await call('POST', `/reports/${r.json.id}/actions`, 'desk', { action: 'dismiss', reason })).status,
    ).toBe(200);
    const { one, listed } = await mine(r.json.id as string);
    expect(keys(one)).toEqual(BASE);
    expect(keys(listed)).toEqual(BASE);
    expect(one.status).toBe('dismissed');
    expect(JSON.stringify([one, listed])).not.toContain(reason);
    expect((await call('GET', `/reports/${r.json.id}`, 'desk')).json.dismissReason).toBe(reason);
  });

  it('linked to an open case, then closed: the outcome, public response and evidence appear; desk notes never', async () => {
    const r = await submit('Tin đồn dịch sốt xuất huyết');
    const opened = await call('POST', '/cases', 'desk', {
      reportIds: [r.json.id],
      title: 'Dịch sốt xuất huyết',
    });
    expect(opened.status).toBe(201);
    const caseId = opened.json.id as string;
    let view = await mine(r.json.id as string);
    expect(keys(view.one)).toEqual(BASE);
    expect(keys(view.listed)).toEqual(BASE);
    expect(view.one).toMatchObject({ status: 'linked', caseId });

    const deskNote = 'Ghi chú nội bộ của bộ phận';
    expect((await act(caseId, 'desk', 1, { action: 'comment', note: deskNote })).status).toBe(200);
    expect(
      (
        await act(caseId, 'desk', 2, {
          action: 'assign',
          agencyId: 'health-dept',
          dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await act(caseId, 'health', 3, {
          action: 'respond',
          finding: 'Không có ổ dịch',
          response: 'Sở Y tế đã thông tin chính thức',
        })
      ).status,
    ).toBe(200);
    view = await mine(r.json.id as string);
    expect(keys(view.one)).toEqual(BASE); // responded, not closed: nothing yet
    const closed = await act(caseId, 'desk', 4, {
      action: 'close',
      outcome: 'clarified',
      note: 'Ghi chú đóng hồ sơ',
      evidenceUrl: 'https://example.org/thong-cao',
    });
    expect(closed.status).toBe(200);

    view = await mine(r.json.id as string);
    expect(keys(view.one)).toEqual(CLOSED);
    expect(keys(view.listed)).toEqual(CLOSED);
    expect(view.one).toMatchObject({
      outcome: 'clarified',
      response: 'Sở Y tế đã thông tin chính thức',
      evidenceUrl: 'https://example.org/thong-cao',
    });
    expect(JSON.stringify(view)).not.toContain(deskNote);
    expect(JSON.stringify(view)).not.toContain('Không có ổ dịch'); // the finding is internal
  });
});

describe("an agency's view of report text", () => {
  it('masks phone numbers and email addresses in the case it reads, its history and the briefing agenda', async () => {
    const r = await submit(`Gọi ${PHONE} hoặc ${EMAIL} về dịch`);
    const opened = await call('POST', '/cases', 'desk', { reportIds: [r.json.id] }); // title and summary from the report
    const caseId = opened.json.id as string;
    expect(opened.json.title).toContain(PHONE); // the desk reads it as written
    await act(caseId, 'desk', 1, { action: 'comment', note: `Người báo tin để lại số ${PHONE}` });
    const briefing = await call('POST', '/briefings', 'desk', {
      title: 'Họp báo về dịch',
      startsAt: new Date(Date.now() + 20 * 3_600_000).toISOString(),
    });
    expect(briefing.status).toBe(201);
    await act(caseId, 'desk', 2, {
      action: 'assign',
      agencyId: 'health-dept',
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(
      (await act(caseId, 'desk', 3, { action: 'flag-briefing', briefingId: briefing.json.id })).status,
    ).toBe(200);

    const read = await call('GET', `/cases/${caseId}`, 'health');
    const list = await call('GET', '/cases?limit=100', 'health');
    const agenda = await call('GET', `/briefings/${briefing.json.id}`, 'health');
    const acted = await act(caseId, 'health', 4, { action: 'comment', note: 'Đã nhận' });
    expect([read.status, list.status, agenda.status, acted.status]).toEqual([200, 200, 200, 200]);
    expect(read.json.title).toBe(`Gọi ${MASKED_PHONE} hoặc ${MASKED_EMAIL} về dịch`);
    expect(read.json.summary).toBe(`Liên hệ ${MASKED_PHONE} hoặc ${MASKED_EMAIL} để biết thêm.`);
    for (const seen of [read.json, list.json, agenda.json, acted.json]) {
      const text = JSON.stringify(seen);
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain(EMAIL);
    }
    expect(JSON.stringify(agenda.json)).toContain(MASKED_PHONE);
    expect(JSON.stringify(read.json)).toContain(`Người báo tin để lại số ${MASKED_PHONE}`);
  });
});
