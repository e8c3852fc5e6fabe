// The local stack's own webhook receiver as an endpoint of the dev config
// (infra/local/local-webhooks.ts): what the runtime adds must be what the
// config schema accepts, and the secret must stay the same across starts.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAppConfig } from '#config/schema';
import { WEBHOOK_EVENT_TYPES } from '#config/webhook-events';
import { loadAppConfig } from '#infra/config/index';
import {
  LOCAL_WEBHOOK_ENDPOINT_ID,
  localWebhookSecret,
  webhookSecretPath,
  withLocalWebhookEndpoint,
} from '#infra/local/local-webhooks';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const scratch = async () => {
  const d = await mkdtemp(join(tmpdir(), 'opinion-desk-hooks-'));
  dirs.push(d);
  return d;
};

describe('the local webhook receiver as endpoint `local`', () => {
  it('makes a whsec_ secret once, keeps it under DATA_DIR (owner only), and the library takes it', async () => {
    const dir = await scratch();
    const secret = await localWebhookSecret(dir);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(await localWebhookSecret(dir)).toBe(secret);
    expect((await readFile(webhookSecretPath(dir), 'utf8')).trim()).toBe(secret);
    expect((await stat(webhookSecretPath(dir))).mode & 0o077).toBe(0);
    expect(() => new Webhook(secret)).not.toThrow();
  });

  it('adds an endpoint for every event type that the dev config schema accepts', async () => {
    const dev = loadAppConfig('dev');
    expect(dev.webhooks.endpoints).toEqual([]);
    const secret = await localWebhookSecret(await scratch());
    const config = withLocalWebhookEndpoint(dev, { url: 'http://127.0.0.1:8790', secret });
    expect(config.webhooks.endpoints).toEqual([
      {
        id: LOCAL_WEBHOOK_ENDPOINT_ID,
        url: 'http://127.0.0.1:8790/',
        events: [...WEBHOOK_EVENT_TYPES],
        secret: { value: secret },
      },
    ]);
    expect(parseAppConfig(config, 'dev').webhooks.endpoints).toEqual(config.webhooks.endpoints);
    // Without a receiver (LOCAL_WEBHOOKS=0), the config is left as it is.
    expect(withLocalWebhookEndpoint(dev, undefined)).toBe(dev);
  });

  it('leaves a config that lists its own `local` endpoint as it is', async () => {
    const secret = await localWebhookSecret(await scratch());
    const own = withLocalWebhookEndpoint(loadAppConfig('dev'), { url: 'http://127.0.0.1:9999', secret });
    expect(withLocalWebhookEndpoint(own, { url: 'http://127.0.0.1:8790', secret })).toBe(own);
  });
});
