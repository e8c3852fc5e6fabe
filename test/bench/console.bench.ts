// Benchmark: the console on a phone. The local API and the console server run
// in this process (as `npm start` serves them) against a benchmark table, and
// Debian's Chromium (playwright-core) loads the collaborator's report form.
//
// (a) Load on an emulated mid-range phone: CPU 4× slower (CDP
//     Emulation.setCPUThrottlingRate) and slow 4G (CDP
//     Network.emulateNetworkConditions), the browser cache cleared before each
//     run (a first visit; the service worker is blocked). Time to interactive =
//     navigation start → the form rendered with the reference lists in its
//     selects and its submit button enabled, read in the page as performance.now().
//     Two network profiles: Lighthouse's "slow 4G" as DevTools applies it per
//     request (562.5 ms latency, 1,474.56 kbps down, 675 kbps up: the 150 ms RTT /
//     1.6 Mbps / 750 kbps link with Lighthouse's request-level factors), and the
//     raw figures (150 ms, 1.6 Mbps, 750 kbps).
// (b) A submission's round trip on the local stack, no throttling: the click on
//     submit → the confirmation in the DOM and painted (the next animation frame).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { startConsoleServer } from '#infra/local/console-server';
import { DEV_SIGN_IN_PATH } from '#infra/local/dev-sign-in';
import { freePort } from '#infra/local/ports';
import { startLocalApi } from '#infra/local/server';
import { TokenKeys } from '#infra/local/token';
import { launchBrowser, PHONE } from '#test/support/browser';
import { ensureConsoleBuilt } from '#web/build';
import type { BenchResults } from './report';
import { PROJECT_ROOT } from './support/bundle';
import { benchTable, startBenchDynamo } from './support/ddb';
import { benchDeps } from './support/settings';
import { median, round } from './support/stats';

export interface NetworkProfile {
  name: string;
  latencyMs: number;
  downloadKbps: number;
  uploadKbps: number;
}

/** Lighthouse's slow 4G as DevTools throttling applies it (lighthouse-core constants, devtools mode). */
export const SLOW_4G_DEVTOOLS: NetworkProfile = {
  name: 'slow 4G, Lighthouse devtools throttling',
  latencyMs: 562.5,
  downloadKbps: 1474.56,
  uploadKbps: 675,
};
/** The same link's raw figures (Lighthouse's simulated throttling). */
export const SLOW_4G_RAW: NetworkProfile = {
  name: 'slow 4G, raw (150 ms RTT, 1.6 Mbps, 750 kbps)',
  latencyMs: 150,
  downloadKbps: 1600,
  uploadKbps: 750,
};

export interface ConsoleLoad {
  profile: NetworkProfile;
  cpuSlowdown: number;
  runs: number;
  /** navigation start → the form interactive, each run, ms */
  samplesMs: number[];
  medianMs: number;
  /** The page's own bytes transferred on one cold load (the last run), from the resource timings. */
  transferredBytes: number;
}

export interface ConsoleResult {
  /** When this row was measured (it can be run apart: `npx tsx test/bench/console.bench.ts`). */
  date: string;
  /** The machine's load average (1, 5, 15 min) at the start and the end: the machine is shared. */
  loadAverage?: { start: number[]; end: number[] };
  /** A remark on the run, written by hand into latest.json. */
  note?: string;
  page: string;
  loads: ConsoleLoad[];
  roundTrip: { runs: number; samplesMs: number[]; medianMs: number };
}

const READY = `(() => {
  const form = document.querySelector('main form');
  const button = form && form.querySelector('button[type="submit"]');
  const listed = form && form.querySelector('select option:nth-child(2)');
  return button && !button.disabled && listed ? performance.now() : false;
})()`;

const waitReady = async (page: Page): Promise<number> =>
  (await (
    await page.waitForFunction(READY, null, { polling: 'raf', timeout: 60_000 })
  ).jsonValue()) as number;

const throttle = async (cdp: CDPSession, cpu: number, net: NetworkProfile | null) => {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: net?.latencyMs ?? 0,
    downloadThroughput: net ? (net.downloadKbps * 1000) / 8 : -1,
    uploadThroughput: net ? (net.uploadKbps * 1000) / 8 : -1,
  });
};

/** Fills what the form needs to be sent: a title, a summary, and the first choice of every empty select. */
const fillReport = async (page: Page, n: number) => {
  await page.fill('#report-title', `Phản ánh đo thời gian số ${n}`);
  await page.fill('#report-summary', 'Nội dung đo thời gian gửi phản ánh trên máy cục bộ.');
  for (const select of await page.locator('main form select').all()) {
    if (!(await select.inputValue())) {
      const value = await select.locator('option:nth-child(2)').getAttribute('value');
      if (value) await select.selectOption(value);
    }
  }
};

/** Click → the confirmation heading in the DOM, then the next frame (painted). */
const ROUND_TRIP = `new Promise((resolve, reject) => {
  const button = document.querySelector('main form button[type="submit"]');
  const shown = () => document.querySelector('#result-title');
  const t0 = performance.now();
  const timer = setTimeout(() => reject(new Error('no confirmation within 10 s')), 10000);
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    clearTimeout(timer);
    requestAnimationFrame(() => resolve(performance.now() - t0));
  });
  observer.observe(document.body, { childList: true, subtree: true });
  button.click();
})`;

export const benchConsole = async (
  endpoint: string,
  o: { loadRuns?: number; roundTripRuns?: number; log?: (line: string) => void } = {},
): Promise<ConsoleResult> => {
  const { loadRuns = 7, roundTripRuns = 15, log = () => {} } = o;
  const loadStart = loadavg().map((x) => round(x, 2));
  await ensureConsoleBuilt();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const { tableName, deps: first } = await benchTable(endpoint, 'console');
  first.db.destroy();
  const deps = benchDeps(endpoint, tableName, {
    config: { ...first.config, corsOrigins: [...first.config.corsOrigins, origin] },
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'opinion-desk-bench-console-'));
  const keys = await TokenKeys.forDataDir(dataDir);
  const api = await startLocalApi({ port: 0, deps, verifier: keys });
  let server: Awaited<ReturnType<typeof startConsoleServer>> | undefined;
  let browser: Browser | undefined;
  try {
    server = await startConsoleServer({
      port,
      apiUrl: api.url,
      timeZone: deps.config.timeZone,
      devSignIn: { signer: keys, agencies: deps.config.agencies },
    });
    browser = await launchBrowser();
    // bypassCSP: the probes below are strings evaluated in the page, which the console's CSP
    // (script-src 'self', no eval) refuses; the console's own scripts are unaffected.
    const context = await browser.newContext({
      viewport: PHONE,
      locale: 'vi-VN',
      serviceWorkers: 'block',
      bypassCSP: true,
    });
    const page = await context.newPage();
    // Signed in once (the session stays in this tab's storage across reloads).
    await page.goto(`${server.url}${DEV_SIGN_IN_PATH}?return=${encodeURIComponent('/send')}`);
    await page.click('[data-dev-sign-in="reporter:"]');
    await page.waitForURL((url) => url.pathname === '/send');
    await waitReady(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');

    const loads: ConsoleLoad[] = [];
    for (const profile of [SLOW_4G_DEVTOOLS, SLOW_4G_RAW]) {
      const samplesMs: number[] = [];
      let transferredBytes = 0;
      for (let i = 0; i < loadRuns; i++) {
        await throttle(cdp, 1, null);
        await page.goto('about:blank');
        await cdp.send('Network.clearBrowserCache');
        await throttle(cdp, 4, profile);
        await page.goto(`${server.url}/send`, { waitUntil: 'commit', timeout: 60_000 });
        samplesMs.push(round(await waitReady(page), 0));
        transferredBytes = (await page.evaluate(
          `performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((n, e) => n + (e.transferSize || 0), 0)`,
        )) as number;
      }
      await throttle(cdp, 1, null);
      loads.push({
        profile,
        cpuSlowdown: 4,
        runs: loadRuns,
        samplesMs,
        medianMs: median(samplesMs),
        transferredBytes,
      });
      log(`console load (${profile.name}): median ${median(samplesMs)} ms of ${samplesMs.join(', ')}`);
    }

    // (b) round trips on the local stack, no throttling; two unmeasured first.
    const trips: number[] = [];
    for (let i = 0; i < roundTripRuns + 2; i++) {
      await page.goto(`${server.url}/send`);
      await waitReady(page);
      await fillReport(page, i);
      const ms = (await page.evaluate(ROUND_TRIP)) as number;
      if (!(await page.locator('.result.alert-ok').count()))
        throw new Error('the submission was not confirmed as sent');
      if (i >= 2) trips.push(round(ms, 1));
    }
    log(`console round trip: median ${median(trips)} ms of ${trips.join(', ')}`);
    await context.close();
    return {
      date: new Date().toISOString(),
      loadAverage: { start: loadStart, end: loadavg().map((x) => round(x, 2)) },
      page: '/send',
      loads,
      roundTrip: { runs: trips.length, samplesMs: trips, medianMs: median(trips) },
    };
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await api.stop();
    deps.db.destroy();
    await rm(dataDir, { recursive: true, force: true });
  }
};

// `npx tsx test/bench/console.bench.ts`: only these rows, written into
// results/latest.json beside the others, and BENCHMARKS.md rendered again.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { renderMarkdown } = await import('./report');
  const ddb = await startBenchDynamo();
  let result: ConsoleResult;
  try {
    result = await benchConsole(ddb.endpoint, { log: (line) => console.log(line) });
  } finally {
    await ddb.stop();
  }
  const file = join(PROJECT_ROOT, 'test/bench/results/latest.json');
  const saved = JSON.parse(await readFile(file, 'utf8')) as BenchResults;
  saved.console = result;
  delete saved.failures.console;
  await writeFile(file, `${JSON.stringify(saved, null, 2)}\n`);
  await writeFile(join(PROJECT_ROOT, 'BENCHMARKS.md'), renderMarkdown(saved));
  console.log('wrote test/bench/results/latest.json and BENCHMARKS.md');
  process.exit(0);
}
