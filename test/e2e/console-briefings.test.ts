// Journey 6 in Chromium: a case opened through the API; the desk schedules an
// ad-hoc briefing in the console at a local time and puts the case on its
// agenda (a second desk changes the case first: the conflict is shown, the
// selection kept, and the retry succeeds); then reschedules and cancels it.
// And the daily summary page for a seeded day shows the API's counts; a day
// that has not ended shows the API's refusal. Each step is checked through the
// API; axe on every page; screenshots desk-briefings, desk-briefing, desk-summary.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '#domain/time';
import { checkA11y, PHONE, screenshots } from '#test/support/browser';
import { signIn, startTestConsole, type TestConsole } from '#test/support/console';
import { aReport } from '#test/support/steps';
import { briefings as vb, summary as vs } from '#web/src/i18n/vi/briefings';

let tc: TestConsole;
let zone: string;
// biome-ignore lint/suspicious/noExplicitAny: JSON answers, read only in assertions
type Json = Record<string, any>;

const call = (method: string, path: string, role: 'desk' | 'reporter', body?: unknown, headers = {}) =>
  tc.api.call(method, path, { role, user: `${role}-journey6` }, body, headers);

/** A local day `n` days from today in the zone, "YYYY-MM-DD". */
const dayFromToday = (n: number) => {
  const [y, m, d] = localDay(new Date(), zone).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};

const CASE_TITLE = 'Tin đồn cắt nước toàn quận Gò Vấp';
let caseId: string;
const reportIds: string[] = [];

beforeAll(async () => {
  tc = await startTestConsole();
  zone = tc.api.deps.config.timeZone;
  for (const [title, urgency] of [
    [CASE_TITLE, 'critical'],
    ['Ùn tắc kéo dài trên cầu Sài Gòn', 'high'],
    ['Góp ý về giờ mở cửa thư viện', 'normal'],
  ] as const) {
    const r = await call(
      'POST',
      '/reports',
      'reporter',
      aReport({
        title,
        summary: 'Nội dung đang lan truyền trên mạng xã hội.',
        category: 'environment',
        urgency,
      }),
    );
    expect(r.status).toBe(201);
    reportIds.push(r.json.id);
  }
  const c = await call('POST', '/cases', 'desk', { reportIds: [reportIds[0]] });
  expect(c.status).toBe(201);
  caseId = c.json.id;
}, 180_000);

afterAll(async () => {
  await tc?.stop();
});

describe('journey 6: briefings in the console', () => {
  it('the desk schedules an ad-hoc briefing and puts the case on its agenda, then reschedules and cancels it', async () => {
    const page = await tc.newPage();
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/briefings' });
      await page.getByRole('heading', { name: vb.newTitle }).waitFor();
      await page.locator('#upcoming-title ~ *:not(.skeleton)').first().waitFor();
      expect(await checkA11y(page)).toEqual([]);
      await screenshots(page, 'desk-briefings');

      // The time typed is wall-clock time in the configured zone.
      const day = dayFromToday(3);
      const title = 'Họp báo đột xuất về tin đồn cắt nước';
      await page.fill('#adhoc-title-input', title);
      await page.fill('#adhoc-starts', `${day}T14:00`);
      await page.fill('#adhoc-duration', '45');
      await page.fill('#adhoc-location', 'Hội trường UBND Thành phố');
      await page.fill('#adhoc-invitees', 'bao-chi@example.org');
      await page.getByRole('button', { name: vb.create, exact: true }).click();
      await page.waitForURL((url) => /^\/briefings\/[0-9A-Z]{26}$/.test(url.pathname));
      const briefingId = new URL(page.url()).pathname.split('/')[2] as string;

      let b = await call('GET', `/briefings/${briefingId}`, 'desk');
      expect(b.json).toMatchObject({
        kind: 'ad-hoc',
        title,
        status: 'scheduled',
        durationMinutes: 45,
        location: 'Hội trường UBND Thành phố',
        invitees: ['bao-chi@example.org'],
      });
      expect(b.json.startsAtLocal).toContain(`${day}T14:00`);
      expect(b.json.startsAt).toBe(new Date(`${day}T07:00:00Z`).toISOString());

      // The case is offered; a second desk changes it before this one sends.
      await page.getByRole('heading', { name: vb.addTitle }).waitFor();
      await page.getByLabel(CASE_TITLE).check();
      const seen = await call('GET', `/cases/${caseId}`, 'desk');
      const other = await call(
        'POST',
        `/cases/${caseId}/actions`,
        'desk',
        { action: 'comment', note: 'Bàn 2 đã gọi cho Sở.' },
        { 'if-match': seen.etag ?? '' },
      );
      expect(other.status).toBe(200);
      await page.getByRole('button', { name: vb.addSelected(1) }).click();
      const conflict = page.locator('.alert-warn[role="alert"]');
      await conflict.waitFor();
      expect(await conflict.textContent()).toContain(CASE_TITLE);
      // The selection is kept; one click retries on the new version.
      expect(await page.getByLabel(CASE_TITLE).isChecked()).toBe(true);
      await page.getByRole('button', { name: vb.retryConflicts, exact: true }).click();
      await page.locator(`.agenda-list a[href="/cases/${caseId}"]`).waitFor();
      await page.getByText(vb.added(1)).waitFor();

      b = await call('GET', `/briefings/${briefingId}`, 'desk');
      expect(b.json.agenda.map((a: Json) => a.caseId)).toEqual([caseId]);
      const flagged = await call('GET', `/cases/${caseId}`, 'desk');
      expect(flagged.json.briefingId).toBe(briefingId);
      expect(await checkA11y(page)).toEqual([]);
      await screenshots(page, 'desk-briefing');

      // Taken off the agenda, the case is offered again.
      await page.getByRole('button', { name: new RegExp(`^${vb.removeFromAgenda}`) }).click();
      await page.getByText(vb.agendaEmpty).waitFor();
      await page.getByLabel(CASE_TITLE).waitFor();
      expect((await call('GET', `/cases/${caseId}`, 'desk')).json.briefingId).toBeNull();
      expect((await call('GET', `/briefings/${briefingId}`, 'desk')).json.agenda).toEqual([]);

      // Reschedule: the new time is confirmed before it is sent.
      await page.getByRole('button', { name: vb.rescheduleOpen, exact: true }).first().click();
      await page.fill('#reschedule-at', `${dayFromToday(4)}T09:30`);
      await page.locator('.confirm-panel button[type="submit"]').click();
      await page.getByRole('button', { name: vb.rescheduleConfirm }).waitFor();
      expect((await call('GET', `/briefings/${briefingId}`, 'desk')).json.startsAt).toBe(b.json.startsAt);
      expect(await checkA11y(page)).toEqual([]);
      await page.getByRole('button', { name: vb.rescheduleConfirm }).click();
      await page.locator('.alert-ok[role="status"]').filter({ hasText: '09:30' }).waitFor();
      b = await call('GET', `/briefings/${briefingId}`, 'desk');
      expect(b.json.startsAt).toBe(new Date(`${dayFromToday(4)}T02:30:00Z`).toISOString());
      expect(b.json.sequence).toBeGreaterThan(0);

      // Cancel, with a reason.
      await page.getByRole('button', { name: vb.cancelOpen }).click();
      await page.fill('#cancel-reason', 'Sở đã ra thông cáo chính thức');
      await page.getByRole('button', { name: vb.cancelConfirm }).click();
      await page.getByText(vb.isCancelled).waitFor();
      b = await call('GET', `/briefings/${briefingId}`, 'desk');
      expect(b.json).toMatchObject({ status: 'cancelled', cancelReason: 'Sở đã ra thông cáo chính thức' });
      expect(await checkA11y(page)).toEqual([]);

      // The list marks it cancelled.
      await page.goto(`${tc.url}/briefings`);
      const line = page.locator('.briefing-list li').filter({ hasText: title });
      await line.waitFor();
      expect(await line.textContent()).toContain(vb.status.cancelled);
    } finally {
      await page.context().close();
    }
  }, 150_000);

  it('the ad-hoc form shows the field errors of the API next to their fields', async () => {
    const page = await tc.newPage(PHONE);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/briefings' });
      await page.fill('#adhoc-title-input', 'Quá khứ');
      await page.fill('#adhoc-starts', `${dayFromToday(-1)}T10:00`);
      await page.getByRole('button', { name: vb.create, exact: true }).click();
      await page.locator('#adhoc-starts-error').waitFor();
      expect(await page.getAttribute('#adhoc-starts', 'aria-invalid')).toBe('true');
      expect(new URL(page.url()).pathname).toBe('/briefings');
      expect(await checkA11y(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 150_000);

  it("the daily summary for a seeded day shows the API's counts; a day not ended shows the API's refusal", async () => {
    const page = await tc.newPage();
    try {
      const today = dayFromToday(0);
      const api = await call('GET', `/summaries/daily?date=${today}`, 'desk');
      expect(api.status).toBe(200);
      expect(api.json.reports.total).toBe(3);
      await signIn(page, tc, { role: 'desk', returnTo: `/summary?date=${today}` });
      await page.locator('#summary-heading').waitFor();
      const figure = (label: string) =>
        page
          .locator('.summary-figures > div')
          .filter({ has: page.getByText(label, { exact: true }) })
          .locator('dd');
      expect(await figure(vs.figureNewReports).textContent()).toBe(String(api.json.reports.total));
      expect(await figure(vs.figureUrgent).textContent()).toBe(String(api.json.reports.urgentCount));
      expect(await figure(vs.figureOpened).textContent()).toBe(String(api.json.cases.opened));
      // The urgent reports link to their reports and their case.
      await page
        .locator(`#sum-urgent ~ * a[href="/reports/${reportIds[0]}"], a[href="/reports/${reportIds[0]}"]`)
        .first()
        .waitFor();
      expect(await page.locator(`a[href="/cases/${caseId}"]`).count()).toBeGreaterThan(0);
      expect(await checkA11y(page)).toEqual([]);
      await screenshots(page, 'desk-summary');

      // The day picker: a future day is the API's to refuse, and its words are shown.
      await page.fill('#summary-date', dayFromToday(2));
      await page.getByRole('button', { name: vs.show, exact: true }).click();
      const refused = await call('GET', `/summaries/daily?date=${dayFromToday(2)}`, 'desk');
      expect(refused.status).toBe(400);
      await page
        .locator('.alert-error')
        .filter({ hasText: refused.json.detail ?? refused.json.title })
        .waitFor();
    } finally {
      await page.context().close();
    }
  }, 150_000);
});
