// The console as built: the first load on a phone stays small, the API types
// are not stale, and config.json's shape is checked.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '#web/api-types';
import { CONSOLE_DIST_DIR, initialScripts } from '#web/build';
import { parseRuntimeConfig } from '#web/src/runtime-config';

/** The budget for the JavaScript a first visit loads before anything is shown (gzipped). */
const INITIAL_JS_BUDGET = 100 * 1024;

describe('the console build', () => {
  it(`loads at most ${INITIAL_JS_BUDGET / 1024} KB of JavaScript (gzipped) before the first screen`, async () => {
    const files = await initialScripts();
    expect(files.length).toBeGreaterThan(0);
    let total = 0;
    for (const file of files) total += gzipSync(await readFile(join(CONSOLE_DIST_DIR, file))).length;
    expect(total).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
    // The OIDC library is only for AWS sign-in: it must not be in the first load.
    for (const file of files)
      expect(await readFile(join(CONSOLE_DIST_DIR, file), 'utf8')).not.toContain('oidc-client-ts');
  });

  it('has API types generated from the current OpenAPI document (npm run gen:api)', async () => {
    expect(
      await readFile(API_TYPES_FILE, 'utf8'),
      'web/src/api/schema.d.ts is stale: run npm run gen:api',
    ).toBe(await generateApiTypes());
  });
});

describe('config.json', () => {
  const local = { apiUrl: 'http://127.0.0.1:3000/', timeZone: 'Asia/Ho_Chi_Minh', environment: 'local' };

  it('accepts the local and the Cognito shapes, without a trailing slash on URLs', () => {
    expect(parseRuntimeConfig({ ...local, auth: { mode: 'local', signInUrl: '/dev/sign-in' } })).toEqual({
      ...local,
      apiUrl: 'http://127.0.0.1:3000',
      auth: { mode: 'local', signInUrl: '/dev/sign-in' },
    });
    const cognito = {
      mode: 'cognito',
      authority: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_abc',
      clientId: 'client',
      domain: 'https://od-dev.auth.ap-southeast-1.amazoncognito.com/',
    };
    expect(parseRuntimeConfig({ ...local, auth: cognito }).auth).toEqual({
      ...cognito,
      domain: 'https://od-dev.auth.ap-southeast-1.amazoncognito.com',
    });
  });

  it('names the first wrong field', () => {
    expect(() => parseRuntimeConfig(null)).toThrow(/not a JSON object/);
    expect(() => parseRuntimeConfig({ ...local, auth: { mode: 'saml' } })).toThrow(/auth.mode/);
    expect(() =>
      parseRuntimeConfig({ ...local, apiUrl: '', auth: { mode: 'local', signInUrl: '/x' } }),
    ).toThrow(/apiUrl/);
    expect(() =>
      parseRuntimeConfig({ ...local, auth: { mode: 'cognito', authority: 'x', domain: 'y' } }),
    ).toThrow(/auth.clientId/);
  });
});
