// The collaborator's journeys in Chromium, on a phone: a report submitted with
// no network is queued, survives a reload (the page comes from the service
// worker), is sent when the network returns and is stored exactly once; a second
// report with the same source URL shows the duplicate hint; a report sent with
// the keyboard alone; the API's field error shown at its field with the typed
// text kept. Checked through the API afterwards; axe on every page visited.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, PHONE, screenshots } from '#test/support/browser';
import { signIn, startTestConsole, type TestConsole } from '#test/support/console';
import { aReport } from '#test/support/steps';
import { common } from '#web/src/i18n/vi/common';
import { reporter as vi } from '#web/src/i18n/vi/reporter';

let tc: TestConsole;

beforeAll(async () => {
  tc = await startTestConsole();
}, 120_000);

afterAll(async () => {
  await tc?.stop();
});

interface StoredReport {
  id: string;
  title: string;
  sourceUrls: string[];
  category: string;
  area: string;
  urgency: string;
  observedAt: string;
}

/** Every report the desk sees with this title. */
const reportsTitled = async (title: string): Promise<StoredReport[]> => {
  const res = await tc.api.call('GET', '/reports?limit=100', 'desk');
  expect(res.status).toBe(200);
  return (res.json.items as StoredReport[]).filter((r) => r.title === title);
};

/** A phone in a fresh context with the service worker allowed (the shared helper blocks it). */
const phone = async (): Promise<Page> => {
  const context = await tc.browser.newContext({ viewport: PHONE, locale: 'vi-VN', serviceWorkers: 'allow' });
  return context.newPage();
};

// The root tsconfig has no DOM types: what the page-side functions touch, typed here.
interface Browserish {
  navigator: { serviceWorker: { controller: unknown } };
  caches: { open(name: string): Promise<{ keys(): Promise<{ url: string }[]> }> };
  document: { activeElement: { id: string; tagName: string; type?: string } | null };
}
const activeId = () => (globalThis as unknown as Browserish).document.activeElement?.id;

const fillReport = async (page: Page, r: { title: string; url: string }) => {
  await page.fill('#report-title', r.title);
  await page.fill(
    '#report-summary',
    'Bài đăng nói nước máy ở Thủ Đức nhiễm khuẩn, chia sẻ nhiều trong nhóm cư dân.',
  );
  await page.selectOption('#report-category', 'health');
  await page.selectOption('#report-area', 'thu-duc');
  await page.selectOption('#report-urgency', 'high');
  await page.fill('#report-url-0', r.url);
};

describe('collaborator journeys', () => {
  it('offline: queued, kept across a reload, sent once when back online; the same URL again shows the duplicate hint', async () => {
    const page = await phone();
    const context = page.context();
    try {
      await signIn(page, tc, { role: 'reporter', returnTo: '/send' });
      await page.waitForSelector('#report-title');
      expect(await checkA11y(page)).toEqual([]);
      await screenshots(page, 'reporter-send');

      // The service worker takes over and keeps the page's files.
      await page.waitForFunction(
        () => (globalThis as unknown as Browserish).navigator.serviceWorker.controller !== null,
        undefined,
        { timeout: 15_000 },
      );
      await page.waitForFunction(
        async () => {
          const cache = await (globalThis as unknown as Browserish).caches.open('od-shell-v1');
          const urls = (await cache.keys()).map((r) => new URL(r.url).pathname);
          return urls.includes('/index.html') && urls.some((u) => u.startsWith('/assets/send-'));
        },
        undefined,
        { timeout: 15_000, polling: 250 },
      );

      const title = 'Tin đồn nước máy Thủ Đức nhiễm khuẩn (ngoại tuyến)';
      const url = 'https://www.facebook.com/groups/cudanthuduc/posts/123456?utm_source=share';
      await context.setOffline(true);
      await fillReport(page, { title, url });
      await page.getByRole('button', { name: vi.submit }).click();
      await page.getByRole('heading', { name: vi.queued }).waitFor();
      const queued = page.locator('.queue-item', { hasText: title });
      await expect(queued.locator('.queue-chip-waiting').isVisible()).resolves.toBe(true);
      expect(await checkA11y(page)).toEqual([]);
      await screenshots(page, 'reporter-queue');

      // Reloaded with no network: the page comes from the service worker, the item is still waiting.
      await page.reload();
      await page.locator('.queue-item', { hasText: title }).waitFor();
      await expect(page.locator('.queue-item .queue-chip-waiting').count()).resolves.toBe(1);
      expect(await reportsTitled(title)).toEqual([]);

      // Back online: sent by itself, once.
      await context.setOffline(false);
      await page.locator('.queue-item.queue-sent', { hasText: title }).waitFor({ timeout: 20_000 });
      const stored = await reportsTitled(title);
      expect(stored).toHaveLength(1);
      const first = stored[0]!;
      expect(first.sourceUrls).toEqual([url]);
      // "Send now" after it went: nothing is sent again.
      await page.reload();
      await page.locator('.queue-item.queue-sent', { hasText: title }).waitFor();
      expect(await reportsTitled(title)).toHaveLength(1);

      // A second report with the same source URL (tracking parameter dropped): the hint names the first.
      const second = 'Nước máy Thủ Đức: lại thấy bài đăng cũ';
      await fillReport(page, {
        title: second,
        url: 'https://www.facebook.com/groups/cudanthuduc/posts/123456',
      });
      await page.getByRole('button', { name: vi.submit }).click();
      await page.getByRole('heading', { name: vi.received }).waitFor();
      await page.getByRole('heading', { name: vi.duplicatesTitle }).waitFor();
      const hint = page.getByRole('link', { name: vi.duplicate(first.id) });
      await hint.waitFor();
      expect(await hint.getAttribute('href')).toBe(`/reports/${first.id}`);
      expect(await reportsTitled(second)).toHaveLength(1);
      expect(await checkA11y(page)).toEqual([]);

      // The collaborator's list and the report page.
      await page.getByRole('link', { name: vi.myReportsTitle }).first().click();
      await page.locator('li', { hasText: title }).first().waitFor();
      expect(await checkA11y(page)).toEqual([]);
      await screenshots(page, 'reporter-my-reports');
      await page.getByRole('link', { name: title }).click();
      await page.waitForURL((u) => u.pathname === `/reports/${first.id}`);
      await page.getByRole('heading', { name: title }).waitFor();
      await page.getByRole('heading', { name: vi.outcomeTitle }).waitFor();
      expect(await page.getByText(vi.notInCase).isVisible()).toBe(true);
      expect(await checkA11y(page)).toEqual([]);
      await screenshots(page, 'reporter-report');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('a report sent with the keyboard alone', async () => {
    const page = await phone();
    try {
      await signIn(page, tc, { role: 'reporter', returnTo: '/send' });
      await page.waitForSelector('#report-title');
      const focused = () =>
        page.evaluate(() => {
          const el = (globalThis as unknown as Browserish).document.activeElement;
          return el?.id || el?.tagName;
        });
      const tabTo = async (target: (id: string | undefined) => boolean, max = 40) => {
        for (let i = 0; i < max; i++) {
          await page.keyboard.press('Tab');
          if (target(await focused())) return;
        }
        throw new Error(`never reached by Tab (last: ${await focused()})`);
      };
      const title = 'Ùn tắc kéo dài trên cầu Sài Gòn (bàn phím)';
      await tabTo((id) => id === 'report-title');
      await page.keyboard.type(title);
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('report-summary');
      await page.keyboard.type('Nhiều người đăng ảnh ùn tắc, kèm tin đồn tai nạn.');
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('report-category');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('report-area');
      await page.keyboard.press('ArrowDown');
      await tabTo((id) => id === 'report-url-0');
      await page.keyboard.type('https://example.com/cau-sai-gon');
      // "+ add a link" with Space, then type into the new row.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await page.waitForFunction(
        () => (globalThis as unknown as Browserish).document.activeElement?.id === 'report-url-1',
      );
      await page.keyboard.type('https://example.com/cau-sai-gon-2');
      // On to the submit button (past the observed time's parts and the reach), then Enter.
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const onSubmit = await page.evaluate(
          () => (globalThis as unknown as Browserish).document.activeElement?.type === 'submit',
        );
        if (onSubmit) break;
      }
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: vi.received }).waitFor();
      // The confirmation takes the focus.
      // (Polled: it moves there once the hints below it have rendered.)
      await expect.poll(() => page.evaluate(activeId), { timeout: 5_000 }).toBe('result-title');
      const stored = await reportsTitled('Ùn tắc kéo dài trên cầu Sài Gòn (bàn phím)');
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        sourceUrls: ['https://example.com/cau-sai-gon', 'https://example.com/cau-sai-gon-2'],
      });
      expect(stored[0]!.category).not.toBe('');
      expect(await checkA11y(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it("a bad URL: the API's message at the field, the summary takes the focus, the typed text stays; corrected, it is sent", async () => {
    const page = await phone();
    try {
      await signIn(page, tc, { role: 'reporter', returnTo: '/send' });
      await page.waitForSelector('#report-title');
      const title = 'Clip giả mạo phát ngôn lãnh đạo quận';
      await fillReport(page, { title, url: 'ftp://not-a-web-link' });
      await page.getByRole('button', { name: vi.submit }).click();
      const fieldError = page.locator('#report-url-0-error');
      await fieldError.waitFor();

      // The same message the API gives for that URL.
      const res = await tc.api.call(
        'POST',
        '/reports',
        'reporter',
        aReport({
          title: 'x y z',
          summary: 's',
          category: 'health',
          area: 'thu-duc',
          sourceUrls: ['ftp://not-a-web-link'],
          observedAt: new Date().toISOString(),
        }),
      );
      expect(res.status).toBe(400);
      const problem = res.json as { errors: { path: string; message: string }[] };
      const message = problem.errors.find((e) => e.path.startsWith('/sourceUrls'))?.message;
      expect(message).toBeTruthy();
      expect((await fieldError.textContent())?.trim()).toBe(message);
      expect(await page.getAttribute('#report-url-0', 'aria-invalid')).toBe('true');
      expect(await page.evaluate(activeId)).toBe('error-summary');
      expect(await page.inputValue('#report-title')).toBe(title);
      expect(await checkA11y(page)).toEqual([]);

      // The typed text survives a reload too (the draft is kept on the device).
      await page.reload();
      await page.waitForSelector('#report-title');
      expect(await page.inputValue('#report-title')).toBe(title);
      expect(await page.inputValue('#report-url-0')).toBe('ftp://not-a-web-link');

      await page.fill('#report-url-0', 'https://example.com/clip');
      await page.getByRole('button', { name: vi.submit }).click();
      await page.getByRole('heading', { name: vi.received }).waitFor();
      expect(await reportsTitled(title)).toHaveLength(1);
      // A new, empty draft.
      expect(await page.inputValue('#report-title')).toBe('');
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it('my reports page with the cursor; once the case is closed the report shows the outcome and the evidence link', async () => {
    const user = 'reporter-thao'; // not the sign-in page's first reporter, whom the other journeys use
    const thao = { role: 'reporter', user } as const;
    const ids: string[] = [];
    for (let i = 1; i <= 22; i++) {
      const res = await tc.api.call(
        'POST',
        '/reports',
        thao,
        aReport({
          title: `Phản ánh số ${i} của Thảo`,
          area: 'binh-thanh',
          sentiment: 'neutral',
          sourceUrls: [`https://example.com/lan/${i}`],
        }),
      );
      expect(res.status).toBe(201);
      ids.push(res.json.id as string);
    }
    // Through the API: the reporter's own reports only, on both pages.
    const page1 = (await tc.api.call('GET', '/reports?limit=20', thao)).json as {
      items: StoredReport[];
      nextCursor: string | null;
    };
    const page2 = (
      await tc.api.call('GET', `/reports?limit=20&cursor=${encodeURIComponent(page1.nextCursor ?? '')}`, thao)
    ).json as { items: StoredReport[] };
    expect(
      [...page1.items, ...page2.items].map((r) => r.title).filter((t) => !t.endsWith('của Thảo')),
    ).toEqual([]);
    // The desk opens a case from the first report and closes it with an evidence link.
    const opened = await tc.api.call('POST', '/cases', 'desk', { reportIds: [ids[0]] });
    expect(opened.status).toBe(201);
    const caseId = opened.json.id as string;
    const evidenceUrl = 'https://example.gov.vn/thong-cao/1';
    const closed = await tc.api.call(
      'POST',
      `/cases/${caseId}/actions`,
      'desk',
      { action: 'close', outcome: 'corrected', note: 'Đã cải chính trên trang của quận.', evidenceUrl },
      { 'if-match': opened.etag ?? '"1"' },
    );
    expect(closed.status).toBe(200);

    const page = await phone();
    try {
      await signIn(page, tc, { role: 'reporter', user, returnTo: '/my-reports' });
      const rows = page.locator('.reporter .list > li');
      await rows.first().waitFor();
      await expect(rows.count()).resolves.toBe(20);
      // Newest first.
      expect(await rows.first().textContent()).toContain('Phản ánh số 22 của Thảo');
      await page.getByRole('button', { name: common.more }).click();
      await rows.nth(21).waitFor({ timeout: 30_000 });
      await expect(rows.count()).resolves.toBe(22);
      await expect(page.getByRole('button', { name: common.more }).count()).resolves.toBe(0);

      await page.getByRole('link', { name: 'Phản ánh số 1 của Thảo', exact: true }).click();
      await page.waitForURL((u) => u.pathname === `/reports/${ids[0]}`);
      await page.getByRole('heading', { name: vi.outcomeTitle }).waitFor();
      expect(await page.getByText(common.outcome.corrected).isVisible()).toBe(true);
      const evidence = page.getByRole('link', { name: vi.openEvidence });
      expect(await evidence.getAttribute('href')).toBe(evidenceUrl);
      // The case is named (as the closure email quotes it), not linked: reporters cannot open cases.
      expect(await page.getByText(caseId).isVisible()).toBe(true);
      await expect(page.getByRole('link', { name: caseId }).count()).resolves.toBe(0);
      expect(await checkA11y(page)).toEqual([]);
      await screenshots(page, 'reporter-report-closed');

      // Another reporter's report: the same "not found" as an id that does not exist.
      await page.goto(
        `${tc.url}/reports/${(await reportsTitled('Clip giả mạo phát ngôn lãnh đạo quận'))[0]?.id ?? '01ZZZZZZZZZZZZZZZZZZZZZZZZ'}`,
      );
      await page.getByRole('heading', { name: common.notFoundTitle }).waitFor();
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it('a queued report the API refuses: kept as failed with the reason, taken back into the form, corrected and sent once', async () => {
    const page = await phone();
    const context = page.context();
    try {
      await signIn(page, tc, { role: 'reporter', returnTo: '/send' });
      await page.waitForSelector('#report-title');
      const title = 'Tin giả về lịch cắt điện quận 3';
      await context.setOffline(true);
      await fillReport(page, { title, url: 'ftp://not-a-web-link/2' });
      await page.getByRole('button', { name: vi.submit }).click();
      await page.getByRole('heading', { name: vi.queued }).waitFor();

      // Back online it is sent, refused (400) and kept as failed with the API's words; never retried by itself.
      await context.setOffline(false);
      const failed = page.locator('.queue-item.queue-failed', { hasText: title });
      await failed.waitFor({ timeout: 20_000 });
      expect(await failed.textContent()).toContain(vi.failedHelp);
      expect(await checkA11y(page)).toEqual([]);
      expect(await reportsTitled(title)).toEqual([]);

      // Edit: back into the form with the error at its field; corrected, it goes.
      await failed.getByRole('button', { name: vi.edit }).click();
      expect(await page.inputValue('#report-title')).toBe(title);
      await page.locator('#report-url-0-error').waitFor();
      await expect(page.locator('.queue-item', { hasText: title }).count()).resolves.toBe(0);
      await page.fill('#report-url-0', 'https://example.com/lich-cat-dien');
      await page.getByRole('button', { name: vi.submit }).click();
      await page.getByRole('heading', { name: vi.received }).waitFor();
      const stored = await reportsTitled(title);
      expect(stored).toHaveLength(1);
      expect(stored[0]!.sourceUrls).toEqual(['https://example.com/lich-cat-dien']);
    } finally {
      await context.close();
    }
  }, 120_000);
});
