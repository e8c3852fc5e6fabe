// The Lambda bundles' stand-in for the SDK's default credential chain
// (LAMBDA_BUNDLE_ALIASES): the execution role's credentials from the
// environment, and the SDK's own error when they are missing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultProvider } from '#shared/aws/lambda-credentials';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('Lambda credentials (environment only)', () => {
  it('returns the execution role credentials Lambda puts in the environment', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('AWS_SESSION_TOKEN', 'token');
    await expect(defaultProvider()()).resolves.toMatchObject({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
  });

  it('fails with the SDK credentials error when they are missing', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
    await expect(defaultProvider()()).rejects.toMatchObject({ name: 'CredentialsProviderError' });
  });
});
