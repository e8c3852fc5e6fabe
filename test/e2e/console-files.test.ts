// Evidence files in the console (issue 19), on a phone: a collaborator sends a
// report and attaches, through the file input, a JPEG photo carrying GPS, a
// text file named .jpg (refused in the browser, never sent) and a file that
// starts like a JPEG but is not one (refused by the server, its words shown);
// the photo's thumbnail appears and the stored copy has no GPS left. With the
// keyboard alone a second photo is chosen; its upload is cut off and "Thử lại"
// sends it. The desk opens the report, sees the files, and opening one whose
// link has expired opens the fresh link. An agency types its response, attaches
// a PDF beside the form, sees it with its page count, and sends the response
// with the text it typed, on the version the page loaded (attaching does not
// change the case's ETag). Checked through the API; axe on every page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEndpoints } from '#test/support/aws';
import { checkA11y, PHONE, screenshots } from '#test/support/browser';
import { signIn, startTestConsole, type TestConsole } from '#test/support/console';
import { jpegWithGps, metadataOf, pdfWithAuthor, plantedTextIn } from '#test/support/evidence-images';
import { aReport } from '#test/support/steps';
import { files as vi } from '#web/src/i18n/vi/files';

let tc: TestConsole;
const who = {
  reporter: { role: 'reporter', user: 'field-files-1' },
  desk: { role: 'desk', user: 'desk-files' },
  health: { role: 'agency', user: 'health-files', agency: 'health-dept' },
} as const;
const call = (
  method: string,
  path: string,
  as: keyof typeof who,
  body?: unknown,
  h?: Record<string, string>,
) => tc.api.call(method, path, who[as], body, h);

interface Listed {
  id: string;
  name: string;
  type: string;
  pages?: number;
  uploadedBy: string;
  url: string;
  thumbnailUrl: string | null;
  source: { kind: string; id: string };
}

const expectAccessible = async (page: Page) => expect(await checkA11y(page)).toEqual([]);

/** Presses Tab until `selector` has the focus (at most 60 times). */
const tabTo = async (page: Page, selector: string) => {
  for (let i = 0; i < 60; i++) {
    if (await page.locator(selector).evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${selector} with Tab`);
};

/** Waits until every thumbnail on the page has loaded its image (a broken one has no width). */
const thumbnailsLoaded = (page: Page) =>
  page.waitForFunction(() => {
    const d = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<unknown> } })
      .document;
    const imgs = Array.from(d.querySelectorAll('img.file-thumb')) as {
      complete: boolean;
      naturalWidth: number;
    }[];
    return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
  });

beforeAll(async () => {
  tc = await startTestConsole();
}, 180_000);
afterAll(async () => tc?.stop());

describe('evidence files in the console', () => {
  it('a collaborator attaches a photo on a phone (its GPS gone), the mislabelled files are refused, the desk sees it; an agency attaches a PDF beside its half-typed response', async () => {
    const page = await tc.newPage(PHONE);
    // Intercept file choosers from the start. Playwright switches interception on when the
    // first 'filechooser' listener is added, without waiting for the browser to confirm; on a
    // loaded machine the Space below could reach the page first and open nothing (CI saw that).
    page.on('filechooser', () => {});
    await signIn(page, tc, { ...who.reporter, returnTo: '/send' });
    await page.fill('#report-title', 'Ảnh chụp tin đồn mất điện diện rộng');
    await page.fill('#report-summary', 'Ảnh chụp màn hình bài đăng nói cả quận sẽ mất điện ba ngày.');
    await page.selectOption('#report-category', 'health');
    await page.selectOption('#report-area', 'thu-duc');
    await page.fill('#report-url-0', 'https://facebook.example/posts/files-journey');
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.locator('#result-title').waitFor();
    const reportId = /\/reports\/([^/]+)$/.exec(
      (await page.locator('.result a[href^="/reports/"]').getAttribute('href')) ?? '',
    )?.[1] as string;
    expect(reportId).toBeTruthy();

    // The limits are shown before choosing; the input takes the four kinds and has no `capture`.
    const input = page.locator('#files-report-input');
    await expect(page.locator('#files-report-limits').textContent()).resolves.toBe(vi.limits(5, 5, '10 MB'));
    await expect(input.getAttribute('accept')).resolves.toBe(
      'image/jpeg,image/png,image/webp,application/pdf',
    );
    await expect(input.getAttribute('capture')).resolves.toBeNull();
    await expectAccessible(page);

    const photo = Buffer.from(await jpegWithGps({ width: 800, height: 600 }));
    await input.setInputFiles([
      { name: 'anh-chup.jpg', mimeType: 'image/jpeg', buffer: photo },
      { name: 'ghi-chu.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Chỉ là chữ, không phải ảnh.') },
      {
        name: 'hong.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]),
      },
    ]);
    // The text file is refused in the browser, by its bytes.
    await page.locator('.upload-refused', { hasText: vi.refusedType('ghi-chu.jpg') }).waitFor();
    // The photo is attached and its thumbnail shows; the broken "JPEG" is refused by the server.
    await page.locator('.file-item', { hasText: 'anh-chup.jpg' }).waitFor();
    await thumbnailsLoaded(page);
    const damaged = page.locator('.upload', { hasText: 'hong.jpg' });
    await damaged.locator('.upload-note').waitFor();
    await expect(damaged.getAttribute('data-upload-state')).resolves.toBe('refused');
    // The server's refusal (code file-damaged), in the console's language.
    await expect(damaged.locator('.upload-note').textContent()).resolves.toBe(vi.refusal['file-damaged']);
    await expect(page.locator('#files-report-limits').textContent()).resolves.toBe(vi.limits(4, 5, '10 MB'));
    await expectAccessible(page);
    await screenshots(page, 'files-reporter-attach');

    // With the keyboard alone: Tab to the control, Space opens the chooser. The upload to
    // storage is cut off once: "Thử lại" sends the same file again, without choosing it again.
    // While it hangs, leaving the page is held up by the browser's question (the file would be dropped).
    let cut = false;
    let release = () => {};
    const held = new Promise<void>((done) => {
      release = done;
    });
    await page.route(`${testEndpoints().s3Endpoint}/**`, async (route) => {
      if (cut || route.request().method() !== 'POST') return route.continue();
      cut = true;
      await held;
      return route.abort('internetdisconnected');
    });
    await tabTo(page, '#files-report-input');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles([{ name: 'anh-2.jpg', mimeType: 'image/jpeg', buffer: photo }]);
    const retried = page.locator('.upload', { hasText: 'anh-2.jpg' });
    await page
      .locator('.upload[data-upload-state="uploading"]', { hasText: 'anh-2.jpg' })
      .waitFor({ timeout: 15_000 });
    // The page holds a beforeunload guard while the file is on its way (what makes the browser ask).
    const leaveAsked = () =>
      page.evaluate(
        `(() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; })()`,
      );
    await expect(leaveAsked()).resolves.toBe(true);
    release();
    await retried.locator('.upload-note', { hasText: vi.networkError }).waitFor();
    expect(cut).toBe(true);
    await page.getByRole('button', { name: vi.retryLabel('anh-2.jpg') }).click();
    await page.locator('.file-item', { hasText: 'anh-2.jpg' }).waitFor();
    await expect(page.locator('#files-report-limits').textContent()).resolves.toBe(vi.limits(3, 5, '10 MB'));
    // Nothing on its way any more: leaving is not held up.
    await expect(leaveAsked()).resolves.toBe(false);

    // Through the API: the files, from the reporter; the copy readers get has no GPS, no name, no device.
    const listed = await call('GET', `/reports/${reportId}/files`, 'desk');
    expect(listed.status).toBe(200);
    const items = listed.json.items as Listed[];
    expect(items).toMatchObject([
      { name: 'anh-chup.jpg', type: 'image/jpeg', uploadedBy: 'reporter' },
      { name: 'anh-2.jpg', type: 'image/jpeg', uploadedBy: 'reporter' },
    ]);
    const stored = new Uint8Array(await (await fetch(items[0]!.url)).arrayBuffer());
    expect((await metadataOf(stored)).gps).toEqual([]);
    expect(plantedTextIn(stored)).toEqual([]);
    await page.context().close();

    // The desk opens the report and sees the photos with their thumbnails. Its first list
    // comes with links already expired: opening one asks for the list again and the new
    // tab goes to the fresh link.
    const desk = await tc.newPage(PHONE);
    let listReads = 0;
    await desk.route(`**/reports/${reportId}/files`, async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      listReads++;
      const response = await route.fetch();
      const body = (await response.json()) as { items: Listed[] & { urlExpiresAt: string }[] };
      if (listReads === 1)
        for (const f of body.items) f.urlExpiresAt = new Date(Date.now() - 60_000).toISOString();
      return route.fulfill({ response, json: body });
    });
    await signIn(desk, tc, { ...who.desk, returnTo: `/reports/${reportId}` });
    await desk.locator('.file-item', { hasText: 'anh-chup.jpg' }).waitFor();
    await thumbnailsLoaded(desk);
    await expect(desk.locator('.file-item .file-meta').first().textContent()).resolves.toContain(
      'Cộng tác viên',
    );
    await expectAccessible(desk);
    const [tab] = await Promise.all([
      desk.waitForEvent('popup'),
      desk.locator('.file-item', { hasText: 'anh-chup.jpg' }).locator('a').click(),
    ]);
    await tab.waitForURL((url) => url.pathname.includes(`/file/${items[0]!.id}`));
    expect(listReads).toBe(2);
    await desk.context().close();

    // An agency's case holding that report: the agency types, attaches a PDF, and responds on the same version.
    const second = await call(
      'POST',
      '/reports',
      'reporter',
      aReport({ title: 'Tin đồn mất điện (lan rộng)', category: 'health', area: 'thu-duc' }),
    );
    const opened = await call('POST', '/cases', 'desk', {
      reportIds: [reportId, second.json.id],
      title: 'Tin đồn mất điện diện rộng',
    });
    expect(opened.status).toBe(201);
    const caseId = opened.json.id as string;
    const current = await call('GET', `/cases/${caseId}`, 'desk');
    const assigned = await call(
      'POST',
      `/cases/${caseId}/actions`,
      'desk',
      {
        action: 'assign',
        agencyId: 'health-dept',
        dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      },
      { 'if-match': `"${current.json.version}"` },
    );
    expect(assigned.status).toBe(200);

    const agency = await tc.newPage(PHONE);
    await signIn(agency, tc, { ...who.health, returnTo: `/cases/${caseId}` });
    // The reports' files are there for the agency, grouped under their report.
    const ofReport = agency.locator('.file-group', { hasText: vi.reportFiles(1) }).locator('.file-item');
    await ofReport.first().waitFor();
    await expect(ofReport.count()).resolves.toBe(2);
    await agency
      .locator('.case-action-buttons')
      .getByRole('button', { name: 'Gửi kết quả', exact: true })
      .click();
    await agency.fill('#case-respond-finding', 'Điện lực xác nhận không có kế hoạch cắt điện.');
    await agency.fill('#case-respond-response', 'Thông cáo của Điện lực đính kèm.');
    await agency
      .locator('#files-case-input')
      .setInputFiles([
        { name: 'thong-cao.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await pdfWithAuthor(2)) },
      ]);
    const pdf = agency.locator('.file-group', { hasText: vi.caseFiles }).locator('.file-item');
    await pdf.waitFor();
    await expect(pdf.textContent()).resolves.toContain(vi.pages(2));
    await expect(agency.inputValue('#case-respond-finding')).resolves.toBe(
      'Điện lực xác nhận không có kế hoạch cắt điện.',
    );
    await expectAccessible(agency);
    await screenshots(agency, 'files-agency-case');
    await agency.locator('#case-action-form button[type="submit"]').click();
    await agency.getByRole('status').filter({ hasText: 'Đã gửi kết quả.' }).waitFor();
    await agency.context().close();

    const after = await call('GET', `/cases/${caseId}`, 'desk');
    expect(after.json).toMatchObject({
      status: 'responded',
      finding: 'Điện lực xác nhận không có kế hoạch cắt điện.',
      fileCount: 1,
    });
    const caseFiles = (await call('GET', `/cases/${caseId}/files`, 'desk')).json.items as Listed[];
    expect(caseFiles.map((f) => [f.source.kind, f.name, f.uploadedBy])).toEqual([
      ['case', 'thong-cao.pdf', 'agency'],
      ['report', 'anh-chup.jpg', 'reporter'],
      ['report', 'anh-2.jpg', 'reporter'],
    ]);

    // Once the case is closed, the desk's page of one of its reports lists the files but offers no attach.
    const closed = await call(
      'POST',
      `/cases/${caseId}/actions`,
      'desk',
      {
        action: 'close',
        outcome: 'clarified',
        note: 'Đã đăng thông cáo.',
        evidenceUrl: 'https://evn.example/thong-cao',
      },
      { 'if-match': `"${after.json.version}"` },
    );
    expect(closed.json).toMatchObject({ status: 'closed' });
    const deskAfter = await tc.newPage(PHONE);
    await signIn(deskAfter, tc, { ...who.desk, returnTo: `/reports/${second.json.id}` });
    // The report names its case with where it stands; the files are listed, the attach control is gone.
    await deskAfter.locator('.report-fields .chip-case-closed').waitFor();
    await deskAfter.locator('section.files .file-item, section.files .empty').first().waitFor();
    await expect(deskAfter.locator('#files-report-input').count()).resolves.toBe(0);
    await deskAfter.context().close();
  }, 120_000);
});
