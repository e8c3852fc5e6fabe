// The local console server (infra/local/console-server.ts) and its development
// sign-in (infra/local/dev-sign-in.ts), over HTTP: the headers CloudFront would
// send, the single-page fallback, no way out of the served folder, config.json,
// and a sign-in that signs only good input and never sends anyone off-site.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppConfig } from '#infra/config/index';
import { type ConsoleServer, startConsoleServer } from '#infra/local/console-server';
import { localRuntimeSettings, withLocalConsole } from '#infra/local/stack';
import type { IssueTokenOptions } from '#infra/local/token';
import { caseLink, reportLink } from '#mail/links';
import { startTestApi, type TestApi } from '#test/support/local-api';
import { CONSOLE_SECURITY_HEADERS, consoleCsp } from '#web/csp';
import { parseRuntimeConfig } from '#web/src/runtime-config';

const config = loadAppConfig('dev');
let api: TestApi;
let server: ConsoleServer;
let work: string;
const signed: IssueTokenOptions[] = [];

beforeAll(async () => {
  api = await startTestApi();
  // A stand-in for web/dist, with a secret next to it that must never be served.
  work = await mkdtemp(join(tmpdir(), 'console-server-'));
  const dist = join(work, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await mkdir(join(dist, '.vite'), { recursive: true });
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  await writeFile(join(dist, 'assets', 'index-AbC123.js'), 'console.log(1);');
  await writeFile(join(dist, 'assets', 'index-AbC123.css'), 'body{}');
  await writeFile(join(dist, 'manifest.webmanifest'), '{"name":"x"}');
  await writeFile(join(dist, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(dist, 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(join(dist, '.vite', 'manifest.json'), '{"secret":"manifest"}');
  await writeFile(join(work, 'secret.txt'), 'TOP SECRET');
  server = await startConsoleServer({
    port: 0,
    distDir: dist,
    apiUrl: `${api.url}/`,
    timeZone: config.timeZone,
    devSignIn: {
      signer: {
        issueToken: (o) => {
          signed.push(o);
          return api.keys.issueToken(o);
        },
      },
      agencies: config.agencies,
    },
  });
});

afterAll(async () => {
  await server?.stop();
  await api?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

/** A request with the path exactly as written (fetch would normalize `..` away). */
const raw = (
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> =>
  new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const req = request(
      { host: url.hostname, port: url.port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.once('error', reject);
    req.end(init.body);
  });

const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  raw('/dev/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, ...headers },
    body: new URLSearchParams(fields).toString(),
  });

/** The callback fragment of a 303: the token and the return path. */
const callback = (location: string | string[] | undefined) => {
  expect(typeof location).toBe('string');
  const [path, fragment = ''] = (location as string).split('#');
  expect(path).toBe('/auth/callback');
  const params = new URLSearchParams(fragment);
  return { token: params.get('id_token') ?? '', returnTo: params.get('return') };
};

describe('console server: files and headers', () => {
  it('serves index.html uncached, with the console CSP and security headers but no HSTS on plain http', async () => {
    const res = await raw('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(consoleCsp({ apiOrigin: api.url }));
    expect(res.headers['content-security-policy']).toContain(`connect-src 'self' ${api.url}`);
    for (const [name, value] of Object.entries(CONSOLE_SECURITY_HEADERS)) {
      if (name === 'strict-transport-security') expect(res.headers[name]).toBeUndefined();
      else expect(res.headers[name]).toBe(value);
    }
  });

  it('answers a route of the single-page app with index.html, and a missing file with 404', async () => {
    for (const path of ['/cases/01J9ZK', '/inbox', '/sign-in?return=%2Finbox', '/auth/callback']) {
      const res = await raw(path);
      expect(res.status, path).toBe(200);
      expect(res.body).toContain('<title>console</title>');
    }
    const missing = await raw('/assets/missing-123.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBeDefined();
  });

  it('caches the hashed assets for a year and checks sw.js every time, with the right content types', async () => {
    const expected: [string, string, string][] = [
      ['/assets/index-AbC123.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['/assets/index-AbC123.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
      ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8', 'public, max-age=300'],
      ['/icon.svg', 'image/svg+xml', 'public, max-age=300'],
      ['/icon-192.png', 'image/png', 'public, max-age=300'],
    ];
    for (const [path, type, cache] of expected) {
      const res = await raw(path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toBe(type);
      expect(res.headers['cache-control'], path).toBe(cache);
    }
  });

  it('never serves a file outside the folder, nor its dotfiles', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/.vite/manifest.json',
      '/%2evite/manifest.json',
      '/index.html%00.js',
      '/%E0%A4%A.js',
    ]) {
      const res = await raw(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.body, path).not.toContain('TOP SECRET');
      expect(res.body, path).not.toContain('manifest');
    }
  });

  it('accepts only GET and HEAD for files', async () => {
    const res = await raw('/', { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    const head = await raw('/assets/index-AbC123.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('serves config.json from the running stack, in the shape the console checks', async () => {
    const res = await raw('/config.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(parseRuntimeConfig(JSON.parse(res.body))).toEqual({
      apiUrl: api.url,
      timeZone: config.timeZone,
      environment: 'local',
      auth: { mode: 'local', signInUrl: '/dev/sign-in' },
    });
  });
});

describe('development sign-in', () => {
  it('lists a button per role and per agency of the config, with the return path kept', async () => {
    const res = await raw('/dev/sign-in?return=%2Fcases%2F42%3Ftab%3Dlog');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toBe(consoleCsp({ apiOrigin: api.url }));
    expect(res.body).toContain('data-dev-sign-in="reporter:"');
    expect(res.body).toContain('data-dev-sign-in="desk:"');
    for (const a of config.agencies) expect(res.body).toContain(`data-dev-sign-in="agency:${a.id}"`);
    expect(res.body).toContain('name="return" value="/cases/42?tab=log"');
    // No inline style or script: the CSP would block them.
    expect(res.body).not.toMatch(/<style|<script|style="/);
    const css = await raw('/dev/sign-in.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('signs a token the API accepts and sends it to the console callback', async () => {
    const res = await post({ preset: 'desk:', return: '/inbox?urgency=critical' });
    expect(res.status).toBe(303);
    const { token, returnTo } = callback(res.headers.location);
    expect(returnTo).toBe('/inbox?urgency=critical');
    const ref = await fetch(`${api.url}/reference`, { headers: { authorization: `Bearer ${token}` } });
    expect(ref.status).toBe(200);
    expect(decodeJwt(token)).toMatchObject({ 'cognito:groups': ['desk'], token_use: 'id' });
  });

  it('signs an agency user for the agency chosen, and another user typed in', async () => {
    const agency = callback((await post({ preset: 'agency:health-dept' })).headers.location);
    expect(decodeJwt(agency.token)).toMatchObject({
      'cognito:groups': ['agency'],
      'custom:agency': 'health-dept',
    });
    const typed = callback(
      (await post({ role: 'reporter', agency: '', user: 'reporter-thao' })).headers.location,
    );
    expect(decodeJwt(typed.token)).toMatchObject({
      'cognito:groups': ['reporter'],
      'cognito:username': 'reporter-thao',
      email: 'reporter-thao@example.org',
    });
    expect(typed.returnTo).toBe('/');
    const mine = await fetch(`${api.url}/reports?mine=true`, {
      headers: { authorization: `Bearer ${typed.token}` },
    });
    expect(mine.status).toBeLessThan(500);
  });

  it('refuses bad input with a 400 page and signs nothing', async () => {
    const bad: Record<string, string>[] = [
      { role: 'admin' },
      { preset: 'root:' },
      { role: 'agency' },
      { role: 'agency', agency: 'no-such-dept' },
      { preset: 'agency:no-such-dept' },
      { role: 'desk', agency: 'transport-dept' },
      { role: 'reporter', user: '../../etc/passwd' },
      { role: 'reporter', user: '<script>alert(1)</script>' },
      {},
    ];
    for (const fields of bad) {
      const before = signed.length;
      const res = await post(fields);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(res.headers.location).toBeUndefined();
      expect(res.body).toContain('role="alert"');
      expect(res.body).not.toContain('<script>alert');
      expect(signed.length, JSON.stringify(fields)).toBe(before);
    }
  });

  it('refuses a form posted from another site, or not as a form, and signs nothing', async () => {
    const before = signed.length;
    expect((await post({ preset: 'desk:' }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ preset: 'desk:' }, { origin: 'null' })).status).toBe(403);
    const json = await raw('/dev/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'desk' }),
    });
    expect(json.status).toBe(415);
    expect((await raw('/dev/sign-in', { method: 'PUT' })).status).toBe(405);
    expect(signed.length).toBe(before);
  });

  it('never sends anyone off-site: a return path that leaves the console becomes /', async () => {
    for (const ret of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '/%5Cevil.example',
      'javascript:alert(1)',
      '/auth/callback#id_token=x',
      ' /inbox',
      'inbox',
    ]) {
      const res = await post({ preset: 'desk:', return: ret });
      expect(res.status, ret).toBe(303);
      expect(res.headers.location, ret).toMatch(/^\/auth\/callback#/);
      expect(callback(res.headers.location).returnTo, ret).toBe(ret === '/%5Cevil.example' ? ret : '/');
      const page = await raw(`/dev/sign-in?return=${encodeURIComponent(ret)}`);
      if (ret !== '/%5Cevil.example') expect(page.body).not.toContain('evil.example"');
    }
  });
});

describe('the local stack with a console', () => {
  const where = {
    tableName: 'opinion-desk-local',
    dynamodbEndpoint: 'http://127.0.0.1:8000',
    sesEndpoint: 'http://127.0.0.1:8005',
    apiUrl: 'http://127.0.0.1:3000',
  };

  it("allows the console's origin (as printed, and as localhost) and links emails to it", () => {
    const { config: c } = localRuntimeSettings({ ...where, consoleUrl: 'http://127.0.0.1:3001' });
    expect(c.corsOrigins).toEqual(
      expect.arrayContaining(['http://127.0.0.1:3001', 'http://localhost:3001', ...config.corsOrigins]),
    );
    expect(caseLink(c, 'C1')).toBe('http://127.0.0.1:3001/cases/C1');
    expect(reportLink(c, 'R1')).toBe('http://127.0.0.1:3001/reports/R1');
  });

  it('without a console, links name the API and CORS stays as configured', () => {
    const { config: c } = localRuntimeSettings(where);
    expect(c.corsOrigins).toEqual(config.corsOrigins);
    expect(caseLink(c, 'C1')).toBe('http://127.0.0.1:3000/cases/C1');
  });

  it('keeps a console URL the config sets itself, and never duplicates an origin', () => {
    const own = { ...config, links: { consoleUrl: 'https://console.example.org' } };
    const c = withLocalConsole(withLocalConsole(own, 'http://127.0.0.1:3001/'), 'http://127.0.0.1:3001');
    expect(c.links.consoleUrl).toBe('https://console.example.org');
    expect(c.corsOrigins.filter((o) => o === 'http://127.0.0.1:3001')).toHaveLength(1);
  });
});
