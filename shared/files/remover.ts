// Deleting file objects without the S3 client, for the outbox sender (it
// deletes the objects of removed FILE items and does nothing else with the
// bucket). The S3 client put ~150 KB into its bundle, over the 600 KB budget
// (test/build/bundle-size.test.ts); a DELETE Object request signed with SigV4
// (S3RequestPresigner, whose signer the bundle already carries) and sent with
// fetch does the same for a few KB. Same settings as createFileStorage: the
// local server by path, S3 by its regional virtual-hosted name.
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import type { RuntimeSettings } from '#config/runtime';
import type { Deps } from '#shared/deps';
import type { FileStorage, FileStorageSettings } from './storage';

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytesOf = (d: SourceData): string | Uint8Array =>
  typeof d === 'string'
    ? d
    : ArrayBuffer.isView(d)
      ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength)
      : new Uint8Array(d);

/** SHA-256 (and its HMAC) as the signer takes it, from node:crypto. */
class Sha256 {
  private hash: Hash | Hmac;
  private readonly secret?: string | Uint8Array;
  constructor(secret?: SourceData) {
    if (secret !== undefined) this.secret = bytesOf(secret);
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret);
  }
  update(data: SourceData): void {
    this.hash.update(bytesOf(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

/** The local server's fixed keys (infra/local/s3.ts), as createFileStorage uses them. */
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * A signed DELETE Object URL for `key`, valid 60 s: the request the S3 client's
 * DeleteObjectCommand would sign (test/integration/file-remover.test.ts compares them).
 */
export const deleteObjectUrl = (
  settings: FileStorageSettings,
  key: string,
  o: { signingDate?: Date; credentials?: { accessKeyId: string; secretAccessKey: string } } = {},
): Promise<string> => {
  const { bucket, region, endpoint } = settings;
  const signer = new S3RequestPresigner({
    region,
    sha256: Sha256,
    credentials: o.credentials ?? (endpoint ? LOCAL_CREDENTIALS : fromEnv()),
  });
  const path = key.split('/').map(encodeURIComponent).join('/');
  const url = endpoint ? new URL(endpoint) : undefined;
  const t = url
    ? {
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port ? { port: Number(url.port) } : {}),
        path: `/${bucket}/${path}`,
      }
    : { protocol: 'https:', hostname: `${bucket}.s3.${region}.amazonaws.com`, path: `/${path}` };
  const host = t.hostname + ('port' in t ? `:${t.port}` : '');
  return signer
    .presign(
      // x-id: what the S3 client adds to name the operation; S3 ignores it, the signature covers it.
      { method: 'DELETE', ...t, headers: { host }, query: { 'x-id': 'DeleteObject' } },
      { expiresIn: 60, ...(o.signingDate ? { signingDate: o.signingDate } : {}) },
    )
    .then((signed) => {
      const query = new URLSearchParams(signed.query as Record<string, string>).toString();
      return `${t.protocol}//${host}${t.path}?${query}`;
    });
};

/** A FileStorage that can only `remove`; the other methods reject (this function has no use for them). */
export const createFileRemover = (settings: FileStorageSettings): FileStorage => {
  const deleteOne = async (key: string): Promise<void> => {
    const res = await fetch(await deleteObjectUrl(settings, key), {
      method: 'DELETE',
      signal: AbortSignal.timeout(10_000),
    });
    // 204 when deleted, and when absent (S3 answers the same).
    if (!res.ok) throw new Error(`Could not delete a file object: S3 answered ${res.status}`);
    await res.body?.cancel();
  };
  const unavailable = (what: string) => () =>
    Promise.reject(new Error(`This function may only delete file objects, not ${what}`));
  return {
    bucket: settings.bucket,
    uploadForm: unavailable('sign upload forms'),
    read: unavailable('read them'),
    write: unavailable('write them'),
    readUrl: unavailable('sign links'),
    remove: async (keys) => {
      await Promise.all(keys.map(deleteOne));
    },
  };
};

/** `{ files }` that can only delete, when the settings name a bucket: for the outbox sender's deps. */
export const fileRemoverOf = (settings: RuntimeSettings): Pick<Deps, 'files'> =>
  settings.filesBucket
    ? {
        files: createFileRemover({
          bucket: settings.filesBucket,
          region: settings.region,
          endpoint: settings.s3Endpoint,
        }),
      }
    : {};
