// The console in a browser journey: the test API (./local-api.ts) on a fresh
// table, the console server (infra/local/console-server.ts) serving web/dist
// with a config.json that points at that API and a development sign-in that
// signs with the test API's key, and one Chromium for the file.
import type { Browser, Page } from 'playwright-core';
import { loadAppConfig } from '#infra/config/index';
import { type ConsoleServer, startConsoleServer } from '#infra/local/console-server';
import { DEV_SIGN_IN_PATH } from '#infra/local/dev-sign-in';
import { freePort, LocalStackError } from '#infra/local/ports';
import { ensureConsoleBuilt } from '#web/build';
import { testEndpoints } from './aws';
import { DESKTOP, launchBrowser } from './browser';
import { startTestApi, type TestApi, type TestApiOptions } from './local-api';

export interface TestConsole {
  /** The console's origin, e.g. http://127.0.0.1:54321. */
  url: string;
  api: TestApi;
  browser: Browser;
  /** A page in a fresh browser context (nothing shared with other pages); desktop size unless given. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  stop(): Promise<void>;
}

const startOnce = async (options: TestApiOptions): Promise<{ api: TestApi; console: ConsoleServer }> => {
  // The API must allow the console's origin (CORS) before it starts: pick the console's port first.
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const base = options.deps?.config ?? loadAppConfig('dev');
  const config = { ...base, corsOrigins: [...base.corsOrigins, origin] };
  const api = await startTestApi({ ...options, deps: { ...options.deps, config } });
  try {
    const server = await startConsoleServer({
      port,
      apiUrl: api.url,
      timeZone: config.timeZone,
      devSignIn: { signer: api.keys, agencies: config.agencies },
      filesEndpoint: testEndpoints().s3Endpoint,
    });
    return { api, console: server };
  } catch (err) {
    await api.stop();
    throw err;
  }
};

export const startTestConsole = async (options: TestApiOptions = {}): Promise<TestConsole> => {
  await ensureConsoleBuilt();
  let started: { api: TestApi; console: ConsoleServer } | undefined;
  // The free port is only free until someone else takes it: try again on a clash.
  for (let attempt = 1; !started; attempt++) {
    try {
      started = await startOnce(options);
    } catch (err) {
      if (attempt >= 3 || !(err instanceof LocalStackError && /already in use/.test(err.message))) throw err;
    }
  }
  const { api, console: server } = started;
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.stop();
    await api.stop();
    throw err;
  }
  return {
    url: server.url,
    api,
    browser,
    newPage: async (viewport = DESKTOP) => {
      const context = await browser.newContext({ viewport, locale: 'vi-VN', serviceWorkers: 'block' });
      return context.newPage();
    },
    stop: async () => {
      await browser.close().catch(() => undefined);
      await server.stop();
      await api.stop();
    },
  };
};

/**
 * Signs in through the development sign-in page, in the browser: opens the
 * console at `returnTo` (default `/`), follows it to the sign-in, and presses
 * the role's button (or fills the form for another user). Returns once the
 * console shows the page it came back to, signed in.
 */
export const signIn = async (
  page: Page,
  tc: TestConsole,
  who: { role: 'reporter' | 'desk' | 'agency'; agency?: string; user?: string; returnTo?: string },
): Promise<void> => {
  const agency = who.role === 'agency' ? (who.agency ?? 'transport-dept') : '';
  const returnTo = who.returnTo ?? '/';
  await page.goto(`${tc.url}${DEV_SIGN_IN_PATH}?return=${encodeURIComponent(returnTo)}`);
  if (who.user) {
    await page.selectOption('#role', who.role);
    await page.selectOption('#agency', agency);
    await page.fill('#user', who.user);
    await page.click('[data-dev-sign-in-custom]');
  } else {
    await page.click(`[data-dev-sign-in="${who.role}:${agency}"]`);
  }
  // The callback stores the token and moves on to the page asked for (or the role's home).
  await page.waitForURL(
    (url) => url.origin === tc.url && !url.pathname.startsWith('/auth/') && !url.pathname.startsWith('/dev/'),
  );
  await page.waitForSelector('header.header');
};
