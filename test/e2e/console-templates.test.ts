// Response templates and tags in Chromium (issue 18, lane B): the desk creates
// a template on the Templates page and edits it (the history names both
// changes); on a phone it tags a case and responds with the template (typed
// text is replaced only after a confirm; the case records the template and
// version); the cases list filters by the tag typed without marks. Checked
// through the API; axe on every page visited.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, DESKTOP, PHONE, screenshots } from '#test/support/browser';
import { signIn, startTestConsole, type TestConsole } from '#test/support/console';
import { aReport } from '#test/support/steps';
import { cases } from '#web/src/i18n/vi/cases';
import { tags, templates } from '#web/src/i18n/vi/templates';

let tc: TestConsole;

beforeAll(async () => {
  tc = await startTestConsole();
}, 180_000);

afterAll(async () => {
  await tc?.stop();
});

const a11y = async (page: Page) => expect(await checkA11y(page)).toEqual([]);

const TEXT_VI = 'Sở Y tế đã kiểm tra: nước máy đạt chuẩn, người dân yên tâm sử dụng.';

describe('response templates and tags in the console', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const report = await tc.api.call(
      'POST',
      '/reports',
      'reporter',
      aReport({ title: 'Tin đồn nước máy nhiễm khuẩn', category: 'health', area: 'thu-duc' }),
    );
    expect(report.status, JSON.stringify(report.json)).toBe(201);
    const opened = await tc.api.call('POST', '/cases', 'desk', { reportIds: [report.json.id] });
    expect(opened.status).toBe(201);
    ids.case = opened.json.id as string;
    const assigned = await tc.api.call(
      'POST',
      `/cases/${ids.case}/actions`,
      'desk',
      { action: 'assign', agencyId: 'health-dept', dueAt: new Date(Date.now() + 86_400_000).toISOString() },
      { 'if-match': '"1"' },
    );
    expect(assigned.status).toBe(200);
  }, 60_000);

  it('the desk creates a template and edits it; its history names both changes', async () => {
    const page = await tc.newPage(DESKTOP);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/templates' });
      await page.getByRole('heading', { name: templates.title, level: 1 }).waitFor();
      await page.selectOption('#template-category', 'health');
      await page.fill('#template-title', 'Nước máy đạt chuẩn');
      await page.fill('#template-vi', TEXT_VI);
      await page.fill('#template-en', 'The health department checked: tap water meets the standard.');
      await page.getByRole('button', { name: templates.create }).click();
      await page.getByRole('status').filter({ hasText: templates.created }).waitFor();
      await page.getByRole('link', { name: 'Nước máy đạt chuẩn' }).waitFor();
      await a11y(page);

      await page.getByRole('link', { name: 'Nước máy đạt chuẩn' }).click();
      await page.getByRole('heading', { name: 'Nước máy đạt chuẩn', level: 1 }).waitFor();
      ids.template = page.url().split('/').pop() as string;
      await page.getByRole('button', { name: templates.edit }).click();
      await page.fill('#template-edit-title', 'Nước máy đạt chuẩn (Sở Y tế)');
      await page.getByRole('button', { name: templates.save }).click();
      await page.getByRole('heading', { name: 'Nước máy đạt chuẩn (Sở Y tế)', level: 1 }).waitFor();
      const history = page.locator('.template-history li');
      await expect(history.count()).resolves.toBe(2);
      expect(await history.nth(1).textContent()).toContain(templates.changed(templates.field.title));
      await a11y(page);
      await screenshots(page, 'desk-template');

      const stored = await tc.api.call('GET', `/templates/${ids.template}`, 'desk');
      expect(stored.json).toMatchObject({
        version: 2,
        status: 'active',
        title: 'Nước máy đạt chuẩn (Sở Y tế)',
      });
    } finally {
      await page.context().close();
    }
  }, 90_000);

  it('on a phone the desk tags the case and responds with the template, typed text kept until confirmed', async () => {
    expect(ids.template).toBeDefined();
    const page = await tc.newPage(PHONE);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: `/cases/${ids.case}` });
      await page.getByRole('button', { name: cases.action.tag }).click();
      await page.fill('#case-tag-add', 'Ngập lụt, Nước máy');
      await page.locator('#case-action-form').getByRole('button', { name: cases.action.tag }).click();
      await page.getByRole('status').filter({ hasText: cases.done.tag }).waitFor();
      const chips = page.getByRole('list', { name: tags.label });
      await expect(chips.locator('li').allTextContents()).resolves.toEqual(['Ngập lụt', 'Nước máy']);

      await page.getByRole('button', { name: cases.action.respond }).click();
      await page.fill('#case-respond-finding', 'Đã lấy mẫu nước tại ba phường.');
      await page.fill('#case-respond-response', 'Chữ tự gõ');
      // The first choice is declined: what was typed stays.
      page.once('dialog', (d) => void d.dismiss());
      await page.selectOption('#case-respond-template', ids.template as string);
      await expect(page.inputValue('#case-respond-response')).resolves.toBe('Chữ tự gõ');
      page.once('dialog', (d) => void d.accept());
      await page.selectOption('#case-respond-template', ids.template as string);
      await expect(page.inputValue('#case-respond-response')).resolves.toBe(TEXT_VI);
      await a11y(page);
      await page.locator('#case-action-form').getByRole('button', { name: cases.action.respond }).click();
      await page.getByRole('status').filter({ hasText: cases.done.respond }).waitFor();
      await screenshots(page, 'desk-case-tags-template');

      const c = await tc.api.call('GET', `/cases/${ids.case}`, 'desk');
      expect(c.json).toMatchObject({
        status: 'responded',
        response: TEXT_VI,
        tags: ['Ngập lụt', 'Nước máy'],
        responseTemplate: { id: ids.template, version: 2 },
      });
    } finally {
      await page.context().close();
    }
  }, 90_000);

  it('the cases list filters by a tag typed without marks and shows the tags', async () => {
    const page = await tc.newPage(DESKTOP);
    try {
      await signIn(page, tc, { role: 'desk', returnTo: '/cases' });
      await page.locator('.case-row').first().waitFor();
      await page.fill('#cases-tag', 'ngap lut');
      await page.press('#cases-tag', 'Enter');
      await page.waitForURL(/tag=ngap/);
      const rows = page.locator('.case-row');
      await expect(rows.count()).resolves.toBe(1);
      expect(await rows.first().locator('.chip-tag').allTextContents()).toEqual(['Ngập lụt', 'Nước máy']);
      await a11y(page);
    } finally {
      await page.context().close();
    }
  }, 90_000);
});
