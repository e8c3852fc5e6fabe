// GET /summaries/daily over HTTP: the same object the email is built from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '#test/support/local-api';

let api: TestApi;
const NOW = new Date('2026-11-26T02:00:00.000Z'); // 09:00 local on the 26th

beforeAll(async () => {
  api = await startTestApi({ clock: () => NOW });
});
afterAll(async () => api?.stop());

const get = async (path: string, token?: string) => {
  const res = await fetch(`${api.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    json: (await res.json()) as Record<string, unknown>,
  };
};

describe('GET /summaries/daily', () => {
  it('summarizes the requested day for the desk, and yesterday by default', async () => {
    const reporter = await api.token('reporter', { user: 'field-2' });
    const body = {
      title: 'Phản ánh giá vé xe buýt tăng',
      summary: 'Nhiều người than phiền trên mạng xã hội.',
      category: 'transport',
      area: 'district-3',
      channel: 'social',
      sentiment: 'negative',
      urgency: 'high',
      observedAt: '2026-11-26T01:00:00Z',
    };
    const created = await fetch(`${api.url}/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${reporter}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(created.status).toBe(201);

    const desk = await api.token('desk');
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
    const res = await get(`/summaries/daily?${qs}`, await api.token('desk'));
    expect(res.status).toBe(status);
    expect(res.type).toContain('application/problem+json');
  });

  it('is for the desk only', async () => {
    expect((await get('/summaries/daily')).status).toBe(401);
    expect((await get('/summaries/daily', await api.token('reporter'))).status).toBe(403);
    expect((await get('/summaries/daily', await api.token('agency', { agency: 'police' }))).status).toBe(403);
  });
});
