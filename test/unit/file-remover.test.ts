// The outbox sender's SDK-free deletes (shared/files/remover.ts): one
// SigV4-signed DELETE per key, virtual-hosted on AWS with the function's
// credentials, path-style on the local server; anything but 2xx fails the
// record (so it is retried).
import { describe, expect, it } from 'vitest';
import { signedFileRemover } from '#files/remover';

const calls: { url: string; init: RequestInit }[] = [];
const answering =
  (status: number): typeof fetch =>
  async (url, init) => {
    calls.push({ url: String(url), init: init ?? {} });
    return new Response(status === 204 ? null : 'no', { status });
  };
const env = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'tok' };
const NOW = new Date('2026-12-06T04:00:00.000Z');

describe('signed deletes of file objects', () => {
  it('DELETEs each key on the bucket’s virtual host, signed for s3 with the session token', async () => {
    calls.length = 0;
    const remover = signedFileRemover(
      { bucket: 'od-prod-files', region: 'ap-southeast-1' },
      { env, fetch: answering(204), clock: () => NOW },
    );
    await remover.remove(['file/01JF0000000000000000000000', 'thumb/01JF0000000000000000000000.webp']);
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([
      ['DELETE', 'https://od-prod-files.s3.ap-southeast-1.amazonaws.com/file/01JF0000000000000000000000'],
      [
        'DELETE',
        'https://od-prod-files.s3.ap-southeast-1.amazonaws.com/thumb/01JF0000000000000000000000.webp',
      ],
    ]);
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261206\/ap-southeast-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
    );
    // The empty body's hash, as S3 requires it signed.
    expect(headers['x-amz-content-sha256']).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(headers['x-amz-security-token']).toBe('tok');
    expect(headers['x-amz-date']).toBe('20261206T040000Z');
  });

  it('uses path style on the local server', async () => {
    calls.length = 0;
    await signedFileRemover(
      { bucket: 'test-files', region: 'ap-southeast-1', endpoint: 'http://127.0.0.1:4569/' },
      { fetch: answering(204) },
    ).remove(['file/01JF0000000000000000000000']);
    expect(calls[0]!.url).toBe('http://127.0.0.1:4569/test-files/file/01JF0000000000000000000000');
  });

  it('fails on anything but 2xx (an access denied, a missing bucket), and without credentials', async () => {
    const settings = { bucket: 'b', region: 'ap-southeast-1' };
    await expect(
      signedFileRemover(settings, { env, fetch: answering(403) }).remove(['file/x']),
    ).rejects.toThrow(/403/);
    await expect(
      signedFileRemover(settings, { env, fetch: answering(404) }).remove(['file/x']),
    ).rejects.toThrow(/404/);
    await expect(
      signedFileRemover(settings, { env: {}, fetch: answering(204) }).remove(['file/x']),
    ).rejects.toThrow(/credentials/);
  });
});
