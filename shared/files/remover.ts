// Deleting evidence objects without the S3 SDK: one SigV4-signed DELETE per
// key (shared/aws/sigv4.ts, node:crypto and fetch). The outbox sender only
// ever deletes (a FILE item removed by the TTL, docs/files.md "Retention"),
// and the S3 client would put ~100 KB into its bundle, over the 600 KB budget
// (test/build/bundle-size.test.ts). S3 answers 204 whether or not the key was
// there, so a retried record or a PDF without a thumbnail is fine.
import { credentialsFromEnv } from '#shared/aws/secrets';
import { sigv4Headers } from '#shared/aws/sigv4';
import type { FileStorage, FileStorageSettings } from './storage';

/** What deleting needs of the bucket: FileStorage's `remove`. */
export type FileRemover = Pick<FileStorage, 'remove'>;

/** Object keys are ours (`file/<ulid>`, `thumb/<ulid>.webp`); each segment is encoded all the same. */
const keyPath = (key: string) => key.split('/').map(encodeURIComponent).join('/');

export const signedFileRemover = (
  settings: FileStorageSettings,
  o: { env?: NodeJS.ProcessEnv; fetch?: typeof fetch; clock?: () => Date } = {},
): FileRemover => {
  const doFetch = o.fetch ?? fetch;
  // AWS: virtual-hosted style; the local server: path style, with its fixed credentials.
  const base = settings.endpoint
    ? new URL(`${settings.endpoint.replace(/\/$/, '')}/${settings.bucket}/`)
    : new URL(`https://${settings.bucket}.s3.${settings.region}.amazonaws.com/`);
  return {
    remove: async (keys) => {
      const creds = settings.endpoint
        ? { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
        : credentialsFromEnv(o.env ?? process.env);
      for (const key of keys) {
        const path = `${base.pathname}${keyPath(key)}`;
        const headers = sigv4Headers(
          {
            method: 'DELETE',
            host: base.host,
            path,
            body: '',
            region: settings.region,
            service: 's3',
            now: o.clock?.() ?? new Date(),
          },
          creds,
        );
        const res = await doFetch(`${base.protocol}//${base.host}${path}`, {
          method: 'DELETE',
          headers,
          signal: AbortSignal.timeout(5000),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (!res.ok) throw new Error(`Could not delete a file object: S3 answered ${res.status}`);
      }
    },
  };
};
