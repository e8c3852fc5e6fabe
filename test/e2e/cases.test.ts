// The life of a case over HTTP, as desk and agency users drive it, and the
// access matrix for the case routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, aReport, type Json, startApi } from '#test/support/steps';

let api: Api;
const who = {
  reporter: { role: 'reporter', user: 'field-7' },
  desk: { role: 'desk', user: 'desk-2' },
  health: { role: 'agency', user: 'health-officer', agency: 'health-dept' },
  police: { role: 'agency', user: 'police-officer', agency: 'police' },
} as const;

const call = (
  method: string,
  path: string,
  as: keyof typeof who | null,
  body?: unknown,
  headers?: Record<string, string>,
) => api.when(method, path, as && who[as], body, headers);

const report = async (title = 'Tin đồn dịch sốt xuất huyết ở trường học') => {
  const res = await call(
    'POST',
    '/reports',
    'reporter',
    aReport({
      title,
      summary: 'Phụ huynh chia sẻ tin nhắn nói trường đóng cửa vì dịch.',
      category: 'health',
      urgency: 'high',
      sourceUrls: ['https://zalo.example/post/77'],
      observedAt: new Date(Date.now() - 600_000).toISOString(),
    }),
  );
  expect(res.status).toBe(201);
  return res.json.id as string;
};

const act = (id: string, as: keyof typeof who, version: number | null, body: unknown) =>
  call('POST', `/cases/${id}/actions`, as, body, version === null ? {} : { 'if-match': `"${version}"` });

beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api?.stop());

describe('the life of a case', () => {
  it('open → assign → respond → close with evidence, visible to the assigned agency only', async () => {
    const r1 = await report();
    const r2 = await report('Tin nhắn về đóng cửa trường lan rộng');
    const opened = await call('POST', '/cases', 'desk', {
      reportIds: [r1, r2],
      title: 'Tin đồn đóng cửa trường vì dịch',
    });
    expect(opened.status).toBe(201);
    const id = opened.json.id as string;
    expect(opened.headers.get('location')).toBe(`/cases/${id}`);
    expect(opened.headers.get('etag')).toBe('"1"');
    expect(opened.json).toMatchObject({
      status: 'open',
      reportCount: 2,
      suggestedAgencyId: 'health-dept',
      overdue: false,
    });
    expect((await call('GET', `/reports/${r1}`, 'reporter')).json).toMatchObject({
      status: 'linked',
      caseId: id,
    });

    // the agency cannot see it before it is assigned
    expect((await call('GET', `/cases/${id}`, 'health')).status).toBe(404);

    const dueAt = new Date(Date.now() + 48 * 3600_000).toISOString();
    const noIfMatch = await act(id, 'desk', null, { action: 'assign', agencyId: 'health-dept', dueAt });
    expect(noIfMatch.status).toBe(428);
    const assigned = await act(id, 'desk', 1, {
      action: 'assign',
      agencyId: 'health-dept',
      dueAt,
      note: 'Xác minh trong 48 giờ',
    });
    expect(assigned.status).toBe(200);
    expect(assigned.headers.get('etag')).toBe('"2"');
    expect(assigned.json).toMatchObject({ status: 'verifying', agencyId: 'health-dept', version: 2 });

    const stale = await act(id, 'desk', 1, { action: 'comment', note: 'stale' });
    expect(stale.status).toBe(412);
    expect(stale.json).toMatchObject({ currentVersion: 2 });

    // the agency sees its case, may respond, may not close; another agency sees nothing
    const seen = await call('GET', `/cases/${id}`, 'health');
    expect(seen.status).toBe(200);
    expect(seen.headers.get('etag')).toBe('"2"');
    expect((await call('GET', `/cases/${id}`, 'police')).status).toBe(404);
    expect((await act(id, 'police', 2, { action: 'comment', note: 'x' })).status).toBe(404);
    expect((await act(id, 'health', 2, { action: 'close', outcome: 'resolved', note: 'x' })).status).toBe(
      403,
    );
    const responded = await act(id, 'health', 2, {
      action: 'respond',
      finding: 'Không có ca bệnh nào tại trường.',
      response: 'Sở Y tế đã đăng thông cáo bác bỏ.',
    });
    expect(responded.status).toBe(200);
    expect(responded.json).toMatchObject({ status: 'responded', responseSeconds: expect.any(Number) });

    const illegal = await act(id, 'desk', 3, { action: 'reopen', reason: 'x' });
    expect(illegal.status).toBe(409);
    expect(illegal.json).toMatchObject({
      currentStatus: 'responded',
      allowedActions: [
        'assign',
        'close',
        'comment',
        'link-reports',
        'flag-briefing',
        'unlink-report',
        'merge',
        'tag',
      ],
    });

    const noEvidence = await act(id, 'desk', 3, {
      action: 'close',
      outcome: 'clarified',
      note: 'Đã đính chính',
    });
    expect(noEvidence.status).toBe(400);
    expect((noEvidence.json.errors as Json[])[0]).toMatchObject({ path: '/evidenceUrl' });
    const closed = await act(id, 'desk', 3, {
      action: 'close',
      outcome: 'clarified',
      note: 'Đã đính chính',
      evidenceUrl: 'https://medinet.example.gov.vn/thong-cao-123',
    });
    expect(closed.json).toMatchObject({
      status: 'closed',
      outcome: 'clarified',
      closedAt: expect.any(String),
    });

    const detail = await call('GET', `/cases/${id}`, 'desk');
    expect((detail.json.history as Json[]).map((h) => h.action)).toEqual([
      'open',
      'assign',
      'respond',
      'close',
    ]);
    expect(detail.json.reportIds).toEqual([r1, r2]);
    expect((detail.json.history as Json[])[2]).toMatchObject({
      from: 'verifying',
      to: 'responded',
      role: 'agency',
    });
  });

  it('lists by filter, and an agency only ever its own cases', async () => {
    const id = (await call('POST', '/cases', 'desk', { reportIds: [await report()] })).json.id as string;
    await act(id, 'desk', 1, {
      action: 'assign',
      agencyId: 'police',
      dueAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    const all = await call('GET', '/cases?limit=100', 'desk');
    expect((all.json.items as Json[]).length).toBeGreaterThanOrEqual(2);
    const byAgency = await call('GET', '/cases?agency=police', 'desk');
    expect((byAgency.json.items as Json[]).map((c) => c.id)).toEqual([id]);
    const verifying = await call('GET', '/cases?status=verifying&category=health', 'desk');
    expect(
      (verifying.json.items as Json[]).every((c) => c.status === 'verifying' && c.category === 'health'),
    ).toBe(true);

    const police = await call('GET', '/cases', 'police');
    expect((police.json.items as Json[]).map((c) => c.id)).toEqual([id]);
    const policeAsksHealth = await call('GET', '/cases?agency=health-dept', 'police');
    expect(policeAsksHealth.json.items).toEqual([]);
    const healthCases = await call('GET', '/cases?status=verifying', 'health');
    expect((healthCases.json.items as Json[]).every((c) => c.agencyId === 'health-dept')).toBe(true);
    expect((await call('GET', '/cases?overdue=maybe', 'desk')).status).toBe(400);
    expect((await call('GET', '/cases?agency=nobody', 'desk')).status).toBe(400);
  });
});

describe('access matrix for the case routes', () => {
  let own: string;
  beforeAll(async () => {
    own = (await call('POST', '/cases', 'desk', { reportIds: [await report()] })).json.id as string;
    await act(own, 'desk', 1, {
      action: 'assign',
      agencyId: 'health-dept',
      dueAt: new Date(Date.now() + 86400_000).toISOString(),
    });
  });

  it.each([
    // route, caller, expected
    ['GET /cases', null, 401],
    ['GET /cases', 'reporter', 403],
    ['GET /cases', 'desk', 200],
    ['GET /cases', 'health', 200],
    ['GET /cases/{own}', null, 401],
    ['GET /cases/{own}', 'reporter', 403],
    ['GET /cases/{own}', 'desk', 200],
    ['GET /cases/{own}', 'health', 200],
    ['GET /cases/{own}', 'police', 404],
    ['POST /cases', null, 401],
    ['POST /cases', 'reporter', 403],
    ['POST /cases', 'health', 403],
    ['POST /cases/{own}/actions comment', null, 401],
    ['POST /cases/{own}/actions comment', 'reporter', 403],
    ['POST /cases/{own}/actions comment', 'police', 404],
    ['POST /cases/{own}/actions comment', 'health', 200],
    ['POST /cases/{own}/actions comment', 'desk', 200],
    ['POST /cases/{own}/actions flag-briefing', 'health', 403],
  ] as const)('%s as %s → %i', async (route, who, expected) => {
    const [method, rawPath, action] = route.split(' ') as [string, string, string | undefined];
    const path = rawPath.replace('{own}', own);
    let res: Awaited<ReturnType<typeof call>>;
    if (method === 'POST' && path === '/cases')
      res = await call('POST', path, who, { reportIds: ['01JZ0000000000000000000009'] });
    else if (method === 'POST') {
      const version = Number((await call('GET', `/cases/${own}`, 'desk')).json.version);
      const body =
        action === 'comment'
          ? { action: 'comment', note: 'ok' }
          : { action: 'flag-briefing', briefingId: null };
      res =
        who === null
          ? await call('POST', path, null, body, { 'if-match': `"${version}"` })
          : await act(own, who, version, body);
    } else res = await call(method, path, who);
    expect(res.status).toBe(expected);
    if (expected >= 400) expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 404 for malformed or unknown case ids, and 400 for a malformed If-Match', async () => {
    expect((await call('GET', '/cases/not-an-id', 'desk')).status).toBe(404);
    expect((await call('GET', '/cases/01JZ0000000000000000000009', 'desk')).status).toBe(404);
    expect(
      (
        await call(
          'POST',
          `/cases/${own}/actions`,
          'desk',
          { action: 'comment', note: 'x' },
          { 'if-match': 'abc' },
        )
      ).status,
    ).toBe(400);
  });
});
