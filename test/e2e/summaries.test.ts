// GET /summaries/daily over HTTP: the same object the email is built from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, aReport, startApi, type Who } from '#test/support/steps';

let api: Api;
const NOW = new Date('2026-11-26T02:00:00.000Z'); // 09:00 local on the 26th

beforeAll(async () => {
  api = await startApi({ clock: () => NOW });
});
afterAll(async () => api?.stop());

const get = async (path: string, who: Who = null) => {
  const res = await api.when('GET', path, who);
  return { status: res.status, type: res.headers.get('content-type'), json: res.json };
};

describe('GET /summaries/daily', () => {
  it('summarizes the requested day for the desk, and yesterday by default', async () => {
    const body = aReport({
      title: 'Phản ánh giá vé xe buýt tăng',
      summary: 'Nhiều người than phiền trên mạng xã hội.',
      area: 'district-3',
      urgency: 'high',
      observedAt: '2026-11-26T01:00:00Z',
    });
    const created = await api.when('POST', '/reports', { role: 'reporter', user: 'field-2' }, body);
    expect(created.status).toBe(201);

    const desk = 'desk';
    const today = await get('/summaries/daily?date=2026-11-26', desk);
    expect(today.status).toBe(200);
    expect(today.json).toMatchObject({
      date: '2026-11-26',
      timeZone: 'Asia/Ho_Chi_Minh',
      quiet: false,
      reports: {
        total: 1,
        byCategory: [{ id: 'transport', count: 1 }],
        urgent: [{ title: body.title, urgency: 'high' }],
      },
    });
    const yesterday = await get('/summaries/daily', desk);
    expect(yesterday.json).toMatchObject({ date: '2026-11-25', quiet: true, reports: { total: 0 } });
  });

  it.each([
    ['date=2026-11-27', 400],
    ['date=26/11/2026', 400],
    ['date=2026-02-30', 400],
    ['day=2026-11-25', 400],
  ])('answers %s with %i', async (qs, status) => {
    const res = await get(`/summaries/daily?${qs}`, 'desk');
    expect(res.status).toBe(status);
    expect(res.type).toContain('application/problem+json');
  });

  it('is for the desk only', async () => {
    expect((await get('/summaries/daily')).status).toBe(401);
    expect((await get('/summaries/daily', 'reporter')).status).toBe(403);
    expect((await get('/summaries/daily', { role: 'agency', agency: 'police' })).status).toBe(403);
  });
});
