// Planning a briefing over HTTP: schedule ad hoc, flag two cases, run the
// reminders job, find the reminder with its agenda and invitation in the
// local SES store. And the briefing routes' bad input.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '#functions/jobs/briefing-reminders';
import { loadAppConfig } from '#infra/config/index';
import { startTestApi, type TestApi } from '#test/support/local-api';
import { sentEmails } from '#test/support/mail';
import { aReport, type Call, type Json } from '#test/support/steps';

const tag = randomUUID().slice(0, 8);
const press = `press-${tag}@example.org`;
const deskBox = `desk-${tag}@example.org`;

let api: TestApi;
const desk = { role: 'desk', user: 'desk-b' } as const;
const agency = { role: 'agency', user: 'health-b', agency: 'health-dept' } as const;
const call: Call = (...args) => api.call(...args);

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

beforeAll(async () => {
  const base = loadAppConfig('dev');
  api = await startTestApi({ deps: { config: { ...base, deskList: [{ email: deskBox, locale: 'vi' }] } } });
});
afterAll(async () => api?.stop());

const openCase = async (title: string) => {
  const reporter = { role: 'reporter', user: `rep-${title.length}` } as const;
  const r = await call(
    'POST',
    '/reports',
    reporter,
    aReport({
      title,
      summary: 'Nội dung đang lan truyền trên mạng xã hội.',
      category: 'health',
      area: 'citywide',
      urgency: 'high',
    }),
  );
  const c = await call('POST', '/cases', desk, { reportIds: [r.json.id] });
  await call(
    'POST',
    `/cases/${c.json.id}/actions`,
    desk,
    { action: 'assign', agencyId: 'health-dept', dueAt: inHours(24) },
    { 'if-match': '"1"' },
  );
  return c.json.id as string;
};

describe('planning a briefing', () => {
  it('schedule, flag two cases, run the job: the reminder carries the agenda and an invitation', async () => {
    const created = await call('POST', '/briefings', desk, {
      title: 'Họp báo về tin đồn dịch bệnh',
      startsAt: inHours(10),
      durationMinutes: 60,
      invitees: [press],
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      kind: 'ad-hoc',
      status: 'scheduled',
      sequence: 0,
      invitees: [press],
    });
    const id = created.json.id as string;

    const c1 = await openCase('Tin đồn dịch sốt xuất huyết');
    const c2 = await openCase('Tin đồn thiếu thuốc ở bệnh viện');
    for (const c of [c1, c2]) {
      const flagged = await call(
        'POST',
        `/cases/${c}/actions`,
        desk,
        { action: 'flag-briefing', briefingId: id },
        { 'if-match': '"2"' },
      );
      expect(flagged.status).toBe(200);
    }
    const detail = await call('GET', `/briefings/${id}`, desk);
    expect((detail.json.agenda as Json[]).map((a) => a.caseId).sort()).toEqual([c1, c2].sort());
    const forAgency = await call('GET', `/briefings/${id}`, agency);
    expect(forAgency.status).toBe(200);
    expect(forAgency.json).not.toHaveProperty('invitees'); // press contacts are the desk's
    const listed = await call('GET', '/briefings', agency);
    expect((listed.json.items as Json[]).some((b) => b.id === id)).toBe(true);

    const result = await run(api.deps, { now: new Date() });
    expect(result.failed).toBe(0);
    const [toDesk] = await sentEmails({ to: deskBox });
    expect(toDesk?.body.text).toContain('Tin đồn dịch sốt xuất huyết');
    expect(toDesk?.body.text).toContain('Tin đồn thiếu thuốc ở bệnh viện');
    expect(toDesk?.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
    const toPress = await sentEmails({ to: press });
    expect(toPress.length).toBeGreaterThanOrEqual(1);
    expect((await run(api.deps, { now: new Date() })).sent).toBe(0);
  });
});

describe('bad input on the briefing routes', () => {
  it.each([
    ['a start in the past', { title: 'Quá khứ', startsAt: '2020-01-01T00:00:00Z' }, 400],
    ['no title', { startsAt: inHours(5) }, 400],
    ['an unknown field', { title: 'Họp báo', startsAt: inHours(5), status: 'cancelled' }, 400],
    ['a bad invitee', { title: 'Họp báo', startsAt: inHours(5), invitees: ['not-an-email'] }, 400],
    ['too long', { title: 'Họp báo', startsAt: inHours(5), durationMinutes: 10_000 }, 400],
  ])('POST /briefings with %s → %i', async (_n, body, status) => {
    const res = await call('POST', '/briefings', desk, body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses to reschedule a cancelled briefing, flag a case for an unknown briefing, and non-desk writes', async () => {
    const b = await call('POST', '/briefings', desk, { title: 'Sẽ bị hủy', startsAt: inHours(30) });
    const path = `/briefings/${b.json.id}/actions`;
    expect((await call('POST', path, agency, { action: 'cancel', reason: 'x' })).status).toBe(403);
    expect((await call('POST', path, desk, { action: 'cancel', reason: 'Hoãn' })).json).toMatchObject({
      status: 'cancelled',
      sequence: 1,
    });
    const again = await call('POST', path, desk, { action: 'reschedule', startsAt: inHours(40) });
    expect(again.status).toBe(409);
    expect(
      (
        await call('POST', '/briefings/01JZ0000000000000000000000/actions', desk, {
          action: 'cancel',
          reason: 'x',
        })
      ).status,
    ).toBe(404);
    const c = await openCase('Một hồ sơ để gắn lịch');
    const flag = await call(
      'POST',
      `/cases/${c}/actions`,
      desk,
      { action: 'flag-briefing', briefingId: '01JZ0000000000000000000000' },
      { 'if-match': '"2"' },
    );
    expect(flag.status).toBe(400);
    const toCancelled = await call(
      'POST',
      `/cases/${c}/actions`,
      desk,
      { action: 'flag-briefing', briefingId: b.json.id },
      { 'if-match': '"2"' },
    );
    expect(toCancelled.status).toBe(409);
    expect((await call('GET', '/briefings?from=2026-12-10&to=2026-12-01', desk)).status).toBe(400);
    expect((await call('GET', '/briefings?from=2026-01-01&to=2027-12-31', desk)).status).toBe(400);
  });
});
