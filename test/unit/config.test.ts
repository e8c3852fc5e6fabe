// Each environment's config is validated by one zod schema; a bad or missing
// field fails (at synth, and wherever infra/config is loaded) with the field's
// path in the message.
import { describe, expect, it } from 'vitest';
import { bundledConfig } from '#config/bundled';
import { readRuntimeSettings, withApiUrl } from '#config/runtime';
import { type AppConfig, parseAppConfig } from '#config/schema';
import { bundledConfigDefine } from '#infra/aws/constructs/function';
import { dev } from '#infra/config/dev';
import { loadAppConfig } from '#infra/config/index';
import { prod } from '#infra/config/prod';

describe('environment configs', () => {
  it.each(['dev', 'staging', 'prod'])('%s is valid', (env) => {
    expect(loadAppConfig(env).env).toBe(env);
  });

  it('refuses an unknown environment by name', () => {
    expect(() => loadAppConfig('qa')).toThrow(/Unknown environment "qa"/);
  });

  it.each([
    ['timeZone', { ...dev, timeZone: 'Mars/Olympus' }],
    ['senderAddress', { ...dev, senderAddress: 'not an address' }],
    ['region', { ...dev, region: 'moon' }],
    ['briefings.startTime', { ...dev, briefings: { ...dev.briefings, startTime: '25:00' } }],
    ['routing.0.agencyId', { ...dev, routing: [{ category: 'transport', agencyId: 'nobody' }] }],
    ['emailAllowList', { ...dev, emailAllowList: undefined }],
    ['summaryRecipients', { ...dev, summaryRecipients: [] }],
    ['retention', (({ retention: _r, ...rest }) => rest)(dev)],
    ['unexpected', { ...prod, unexpected: true }],
  ])('names the bad field %s', (field, input) => {
    expect(() => parseAppConfig(input, 'infra/config/test.ts')).toThrow(
      new RegExp(`infra/config/test.ts[\\s\\S]*${field.replace('.', '\\.')}`),
    );
  });

  it('needs no allow-list in prod only', () => {
    expect(parseAppConfig(prod, 'prod').emailAllowList).toBeUndefined();
    expect(() => parseAppConfig({ ...prod, env: 'staging' }, 'staging')).toThrow(
      /emailAllowList: required outside prod/,
    );
  });
});

// The Lambda bundles carry their stage's validated config (esbuild `define`,
// bundledConfigDefine() in infra/aws/constructs/function.ts), their config
// source; elsewhere the composition root hands in the config it loaded.
describe('runtime settings', () => {
  const env = { APP_ENV: 'staging', TABLE_NAME: 'opinion-desk-test' };
  const withBundledConfig = async <T>(config: unknown, read: () => T): Promise<T> => {
    (globalThis as Record<string, unknown>).__OPINION_DESK_CONFIG__ = config;
    try {
      return read();
    } finally {
      delete (globalThis as Record<string, unknown>).__OPINION_DESK_CONFIG__;
    }
  };

  it('takes the config the composition root hands in for APP_ENV', () => {
    const asked: string[] = [];
    const settings = readRuntimeSettings(env, (name) => {
      asked.push(name);
      return loadAppConfig(name);
    });
    expect(asked).toEqual(['staging']);
    expect(settings.config).toEqual(loadAppConfig('staging'));
  });

  it('uses the config the bundle carries, as given', async () => {
    const bundled = JSON.parse(
      bundledConfigDefine(loadAppConfig('staging')).__OPINION_DESK_CONFIG__!,
    ) as AppConfig;
    const settings = await withBundledConfig({ ...bundled, areas: bundled.areas.slice(0, 1) }, () =>
      readRuntimeSettings(env, bundledConfig),
    );
    expect(settings.config.areas).toEqual(bundled.areas.slice(0, 1));
  });

  it('refuses a bundle built for another environment', async () => {
    await expect(
      withBundledConfig(loadAppConfig('prod'), () => readRuntimeSettings(env, bundledConfig)),
    ).rejects.toThrow(/APP_ENV is staging but this bundle was built for prod/);
  });

  it('refuses to run a deployed function outside a bundle rather than guess a config', () => {
    expect(() => readRuntimeSettings(env, bundledConfig)).toThrow(/carries no bundled config/);
  });
});

describe('links in emails (issue 14)', () => {
  it('takes http(s) base URLs, drops a trailing slash, and refuses anything else by path', () => {
    const ok = parseAppConfig(
      {
        ...dev,
        links: { consoleUrl: 'https://console.example.org/', apiUrl: 'https://api.example.org/v1/' },
      },
      'dev',
    );
    expect(ok.links).toEqual({
      consoleUrl: 'https://console.example.org',
      apiUrl: 'https://api.example.org/v1',
    });
    expect(parseAppConfig({ ...dev, links: undefined }, 'dev').links).toEqual({});
    for (const links of [
      { consoleUrl: 'ftp://console.example.org' },
      { apiUrl: 'not a url' },
      { apiUrl: 'https://api.example.org/?x=1' },
      { other: 'https://x.example.org' },
    ]) {
      expect(() => parseAppConfig({ ...dev, links }, 'infra/config/test.ts')).toThrow(/links/);
    }
  });

  it('gives the functions the API address they are handed (API_URL), unless the config sets one', async () => {
    const env = { APP_ENV: 'staging', TABLE_NAME: 'opinion-desk-test' };
    expect(readRuntimeSettings(env, loadAppConfig).config.links.apiUrl).toBeUndefined();
    expect(
      readRuntimeSettings({ ...env, API_URL: 'https://abc.execute-api.example.com/' }, loadAppConfig).config
        .links.apiUrl,
    ).toBe('https://abc.execute-api.example.com');
    const configured = { ...loadAppConfig('staging'), links: { apiUrl: 'https://api.example.org' } };
    expect(withApiUrl(configured, 'https://abc.execute-api.example.com').links.apiUrl).toBe(
      'https://api.example.org',
    );
    expect(() => readRuntimeSettings({ ...env, API_URL: 'javascript:alert(1)' }, loadAppConfig)).toThrow(
      /API_URL/,
    );
  });

  it("gives what runs against the local stack (jobs, job command) the stack's own API address", async () => {
    const { localRuntimeSettings } = await import('#infra/local/stack');
    const where = {
      tableName: 't-local',
      dynamodbEndpoint: 'http://127.0.0.1:1',
      sesEndpoint: 'http://127.0.0.1:2',
    };
    expect(localRuntimeSettings(where).config.links.apiUrl).toBeUndefined();
    expect(localRuntimeSettings({ ...where, apiUrl: 'http://127.0.0.1:3000' }).config.links.apiUrl).toBe(
      'http://127.0.0.1:3000',
    );
  });
});
