// GET /summaries/daily, /summaries/weekly and /summaries/monthly over HTTP: the same
// objects the emails are built from.
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

describe('GET /summaries/weekly and /summaries/monthly', () => {
  it('reports the last complete week and month by default, and the one asked for', async () => {
    const week = await get('/summaries/weekly', 'desk');
    expect(week.status).toBe(200);
    expect(week.json).toMatchObject({
      period: { kind: 'week', id: '2026-W47', from: '2026-11-16', to: '2026-11-22' },
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    const month = await get('/summaries/monthly?month=2026-09', 'desk');
    expect(month.status).toBe(200);
    expect(month.json).toMatchObject({
      period: { kind: 'month', id: '2026-09', from: '2026-09-01', to: '2026-09-30' },
    });
    expect((await get('/summaries/monthly', 'desk')).json).toMatchObject({ period: { id: '2026-10' } });
  });

  it.each([
    ['weekly?week=2026-W48', 400], // this week: not ended
    ['weekly?week=2026-W50', 400], // future
    ['weekly?week=2026-W60', 400],
    ['weekly?week=2026-48', 400],
    ['weekly?month=2026-10', 400],
    ['monthly?month=2026-11', 400], // this month: not ended
    ['monthly?month=2026-13', 400],
    ['monthly?month=11-2026', 400],
  ])('answers %s with %i problem+json', async (qs, status) => {
    const res = await get(`/summaries/${qs}`, 'desk');
    expect(res.status).toBe(status);
    expect(res.type).toContain('application/problem+json');
  });

  it('is for the desk only', async () => {
    for (const path of ['/summaries/weekly', '/summaries/monthly']) {
      expect((await get(path)).status).toBe(401);
      expect((await get(path, 'reporter')).status).toBe(403);
      expect((await get(path, { role: 'agency', agency: 'police' })).status).toBe(403);
    }
  });
});
