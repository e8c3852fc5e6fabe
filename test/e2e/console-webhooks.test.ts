// The desk's Webhooks page in Chromium: with an endpoint configured (a loopback
// receiver that verifies every signature), a case opened and assigned through
// the API reaches the receiver; the page lists the endpoint by host and events
// (never its secret or path) and its deliveries, one failing (the receiver
// answered 500) with its error and retry time. Keyboard, phone, axe.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppConfig } from '#infra/config/index';
import { drainOutbox } from '#service/notifications';
import { checkA11y, PHONE } from '#test/support/browser';
import { signIn, startTestConsole, type TestConsole } from '#test/support/console';
import { aReport } from '#test/support/steps';
import { type Receiver, startWebhookReceiver } from '#test/support/webhook-receiver';
import { webhooks as vi } from '#web/src/i18n/vi/webhooks';

const SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';
let tc: TestConsole;
let rx: Receiver;

beforeAll(async () => {
  rx = await startWebhookReceiver(SECRET);
  const base = loadAppConfig('dev');
  tc = await startTestConsole({
    deps: {
      config: {
        ...base,
        webhooks: {
          ...base.webhooks,
          endpoints: [
            {
              id: 'desk-chat',
              url: rx.url('/hooks/desk-chat?token=private'),
              events: ['case.opened', 'case.assigned'],
              secret: { value: SECRET },
            },
          ],
        },
      },
    },
  });
}, 180_000);

afterAll(async () => {
  await tc?.stop();
  await rx?.close();
});

const a11y = async (page: Page) => expect(await checkA11y(page)).toEqual([]);

describe('the Webhooks page', () => {
  let caseId = '';

  beforeAll(async () => {
    const report = await tc.api.call('POST', '/reports', 'reporter', aReport({ title: 'Tin đồn cắt nước' }));
    expect(report.status).toBe(201);
    const opened = await tc.api.call('POST', '/cases', 'desk', { reportIds: [report.json.id] });
    expect(opened.status).toBe(201);
    caseId = opened.json.id as string;
    const now = new Date();
    await drainOutbox(tc.api.deps, new Date(now.getTime() + 1), now);
    // The receiver refuses the assignment once: the page shows it failed, to be retried.
    rx.answers.set('/hooks/desk-chat?token=private', [500]);
    const assigned = await tc.api.call(
      'POST',
      `/cases/${caseId}/actions`,
      'desk',
      { action: 'assign', agencyId: 'police', dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
      { 'if-match': '"1"' },
    );
    expect(assigned.status, JSON.stringify(assigned.json)).toBe(200);
    const later = new Date();
    await drainOutbox(tc.api.deps, new Date(later.getTime() + 1), later);
    expect(rx.received.map((r) => [r.verified, JSON.parse(r.body).type])).toEqual([
      [true, 'case.opened'],
      [true, 'case.assigned'],
    ]);
  }, 60_000);

  it('the desk reaches it from the navigation by keyboard and reads the endpoint and its deliveries', async () => {
    const page = await tc.newPage();
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/inbox' });
      const link = page.getByRole('link', { name: 'Webhook', exact: true });
      await link.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: vi.title, level: 1 }).waitFor();
      const card = page.locator('section', { has: page.getByRole('heading', { name: /desk-chat/ }) });
      await expect.poll(() => card.textContent()).toContain('127.0.0.1');
      const text = (await card.textContent()) ?? '';
      expect(text).toContain('case.opened, case.assigned');
      // Never the secret, nor the URL's path and query (a receiver's token may be there).
      expect(text).not.toContain('whsec_');
      expect(text).not.toContain('token=private');
      const rows = card.locator('tbody tr');
      expect(await rows.count()).toBe(2);
      const failed = rows.filter({ hasText: 'case.assigned' });
      expect(await failed.textContent()).toContain(vi.state.failed);
      expect(await failed.textContent()).toContain('HTTP 500');
      expect(await rows.filter({ hasText: 'case.opened' }).textContent()).toContain(vi.state.delivered);
      await card.getByRole('link', { name: caseId }).first().waitFor();
      await a11y(page);
    } finally {
      await page.context().close();
    }
  });

  it('works on a phone', async () => {
    const page = await tc.newPage(PHONE);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/webhooks' });
      await page.getByRole('heading', { name: vi.title, level: 1 }).waitFor();
      await page.locator('tbody tr').first().waitFor();
      await a11y(page);
    } finally {
      await page.context().close();
    }
  });
});
