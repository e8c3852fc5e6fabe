// Browser journeys: Debian's Chromium driven by playwright-core (no browser
// download), an accessibility check with axe-core, and screenshots at the two
// widths the console is designed for.
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const PHONE = { width: 360, height: 780 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

export const SCREENSHOT_DIR = join(process.cwd(), '.tmp', 'screenshots');

/** Chromium from CHROMIUM_PATH, else Debian's `/usr/bin/chromium` (.ci/run installs it). */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

let axeSource: Promise<string> | undefined;
const axe = (): Promise<string> => {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
};

export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending elements. */
  nodes: string[];
}

/**
 * axe-core's serious and critical violations on the page as it is now (assert
 * `toEqual([])`). axe runs through page.evaluate, which the console's CSP
 * (script-src 'self') does not block, unlike an inline script tag.
 */
export const checkA11y = async (page: Page): Promise<A11yViolation[]> => {
  const source = await axe();
  const hasAxe = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!hasAxe) await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const w = globalThis as unknown as {
      document: unknown;
      axe: {
        run(
          context: unknown,
          options: object,
        ): Promise<{
          violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
        }>;
      };
    };
    const result = await w.axe.run(w.document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
};

/** Full-page screenshots at phone and desktop widths: `.tmp/screenshots/<name>-360.png` and `<name>-1280.png`. */
export const screenshots = async (page: Page, name: string): Promise<void> => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const before = page.viewportSize();
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${size.width}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
};
