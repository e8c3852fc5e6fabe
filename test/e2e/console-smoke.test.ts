// The console's smoke journey in Chromium: each role signs in through the
// development sign-in page and lands on its home; signing out returns to the
// sign-in; a deep link survives the sign-in; the sign-in pages pass axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, PHONE, screenshots } from '#test/support/browser';
import { signIn, startTestConsole, type TestConsole } from '#test/support/console';
import { common as vi } from '#web/src/i18n/vi/common';

let tc: TestConsole;

beforeAll(async () => {
  tc = await startTestConsole();
}, 120_000);

afterAll(async () => {
  await tc?.stop();
});

const HOMES = [
  { role: 'reporter', home: '/send' },
  { role: 'desk', home: '/inbox' },
  { role: 'agency', home: '/cases' },
] as const;

describe('console smoke', () => {
  for (const { role, home } of HOMES) {
    it(`a ${role} signs in through the development sign-in and lands on ${home}`, async () => {
      const page = await tc.newPage(PHONE);
      try {
        await signIn(page, tc, { role, ...(role === 'agency' ? { agency: 'health-dept' } : {}) });
        expect(new URL(page.url()).pathname).toBe(home);
        // The token stays out of the address bar and the history.
        expect(page.url()).not.toContain('id_token');
        const shown = await page.locator('header .user').textContent();
        // The header names the agency by its configured name, not its id.
        if (role === 'agency') {
          const agency = tc.api.deps.config.agencies.find((a) => a.id === 'health-dept');
          expect(agency).toBeDefined();
          expect(shown).toContain(agency?.name);
          expect(shown).not.toContain('health-dept');
        }
      } finally {
        await page.context().close();
      }
    });
  }

  it('signing out returns to the sign-in page', async () => {
    const page = await tc.newPage();
    try {
      await signIn(page, tc, { role: 'desk' });
      await page.getByRole('button', { name: vi.signOut }).click();
      await page.waitForURL((url) => url.pathname === '/sign-in');
      await expect(page.getByRole('heading', { name: vi.signInTitle }).isVisible()).resolves.toBe(true);
      // Signed out for good: a page of the console asks for the sign-in again.
      await page.goto(`${tc.url}/inbox`);
      await page.waitForURL((url) => url.pathname === '/sign-in');
      expect(new URL(page.url()).searchParams.get('return')).toBe('/inbox');
    } finally {
      await page.context().close();
    }
  });

  it('a deep link survives the sign-in; the sign-in pages pass axe', async () => {
    const page = await tc.newPage();
    try {
      await page.goto(`${tc.url}/cases?status=open`);
      await page.waitForURL((url) => url.pathname === '/sign-in');
      expect(new URL(page.url()).searchParams.get('return')).toBe('/cases?status=open');
      await page.getByRole('heading', { name: vi.signInTitle }).waitFor();
      expect(await checkA11y(page)).toEqual([]);
      await screenshots(page, 'sign-in');

      await page.getByRole('button', { name: vi.signIn, exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/dev/sign-in');
      expect(new URL(page.url()).searchParams.get('return')).toBe('/cases?status=open');
      expect(await checkA11y(page)).toEqual([]);
      await screenshots(page, 'dev-sign-in');

      // Keyboard alone: the desk button is reachable and pressed with Enter.
      await page.focus('[data-dev-sign-in="desk:"]');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/cases');
      expect(new URL(page.url()).search).toBe('?status=open');
      await page.waitForSelector('header.header');
    } finally {
      await page.context().close();
    }
  });

  it('another user typed into the form signs in as that user', async () => {
    const page = await tc.newPage();
    try {
      await signIn(page, tc, { role: 'reporter', user: 'reporter-minh', returnTo: '/my-reports' });
      expect(new URL(page.url()).pathname).toBe('/my-reports');
      const name = await page.locator('header .user').getAttribute('title');
      expect(name).toBe('reporter-minh@example.org');
    } finally {
      await page.context().close();
    }
  });

  it('the accessibility check can fail: a control page with known violations', async () => {
    const page = await tc.newPage();
    try {
      await page.setContent('<html><body><img src="x.png"><button></button><input></body></html>');
      const ids = (await checkA11y(page)).map((v) => v.id);
      expect(ids).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
    } finally {
      await page.context().close();
    }
  });
});
