// Deadlines in working days and the escalation ladder in Chromium (lane E of
// issue 18): the desk assigns a case "in 3 working days" on a phone, sees the
// resulting deadline (end of the working day, holidays skipped) before
// confirming, and the case page then shows where the case stands on the ladder.
// Checked through the API; axe on the page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueInWorkingDays } from '#domain/working-days';
import { loadAppConfig } from '#infra/config/index';
import { checkA11y, PHONE, screenshots } from '#test/support/browser';
import { signIn, startTestConsole, type TestConsole } from '#test/support/console';
import { aReport } from '#test/support/steps';
import { cases } from '#web/src/i18n/vi/cases';
import { escalation } from '#web/src/i18n/vi/escalation';

let tc: TestConsole;
const config = loadAppConfig('dev');

beforeAll(async () => {
  tc = await startTestConsole();
}, 180_000);

afterAll(async () => {
  await tc?.stop();
});

const a11y = async (page: Page) => expect(await checkA11y(page)).toEqual([]);

describe('assigning in working days, and the ladder on the case page', () => {
  it('shows the deadline before confirming, stores it, and shows the next step', async () => {
    const r = await tc.api.call(
      'POST',
      '/reports',
      { role: 'reporter', user: 'field-e' },
      aReport({ title: 'Tin đồn cấm đường dịp lễ', category: 'transport', area: 'district-1' }),
    );
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const opened = await tc.api.call('POST', '/cases', 'desk', { reportIds: [r.json.id] });
    expect(opened.status, JSON.stringify(opened.json)).toBe(201);
    const id = opened.json.id as string;

    const page = await tc.newPage(PHONE);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: `/cases/${id}` });
      await page.getByRole('button', { name: cases.action.assign }).click();
      await page.selectOption('#case-assign-agencyId', 'transport-dept');
      await page.fill('#case-assign-dueInWorkingDays', '3');
      const expected = dueInWorkingDays(config.calendar, new Date(), 3, config.timeZone);
      const shown = page.getByTestId('resulting-due');
      await shown.waitFor();
      const text = (await shown.textContent()) ?? '';
      expect(text.startsWith(escalation.resultingDue(''))).toBe(true);
      expect(text).toContain('17:00');
      await a11y(page);
      await screenshots(page, 'desk-assign-working-days');

      await page.locator('#case-action-form button[type="submit"]').click();
      await page.getByTestId('case-ladder').waitFor();
      const ladder = (await page.getByTestId('case-ladder').textContent()) ?? '';
      expect(ladder).toContain(escalation.step.reminder);
      expect(ladder).toContain(escalation.step.overdue);
      expect(ladder).toMatch(/Bước tiếp theo: (Nhắc trước hạn|Đến hạn)/);
      await a11y(page);
      await screenshots(page, 'desk-case-ladder');

      const after = await tc.api.call('GET', `/cases/${id}`, 'desk');
      expect(after.json.dueAt).toBe(expected.toISOString());
      const entry = (after.json.history as { action: string; details: Record<string, unknown> }[]).find(
        (h) => h.action === 'assign',
      );
      expect(entry?.details).toMatchObject({ dueInWorkingDays: 3, dueAt: expected.toISOString() });
    } finally {
      await page.context().close();
    }
  }, 120_000);
});
