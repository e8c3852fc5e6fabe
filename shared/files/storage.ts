// The evidence files bucket behind a small interface (docs/files.md): presigned
// POST uploads that fix the key, the size and the content type; reading an
// upload back (bounded); writing the cleaned file and its thumbnail; deleting;
// and short-lived signed links for readers. The same code talks to S3 on AWS
// and to the local S3-compatible server (path-style, `s3Endpoint`).
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export interface UploadForm {
  /** Where the browser or curl POSTs the multipart form. */
  url: string;
  /** The form fields to send, in this order, before the `file` field. */
  fields: Record<string, string>;
}

export interface FileStorage {
  bucket: string;
  /** A form that uploads exactly `size` bytes of `type` to `key`, valid for `expiresInSeconds`. */
  uploadForm(o: { key: string; type: string; size: number; expiresInSeconds: number }): Promise<UploadForm>;
  /**
   * The object's bytes, or `absent`; `tooLarge` (without reading it all) when
   * it holds more than `maxBytes`.
   */
  read(
    key: string,
    maxBytes: number,
  ): Promise<
    | { kind: 'found'; bytes: Uint8Array; contentType?: string }
    | { kind: 'absent' }
    | { kind: 'tooLarge'; size: number }
  >;
  write(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Deletes the keys (absent ones are fine). */
  remove(keys: readonly string[]): Promise<void>;
  /** A GET link that serves the object inline under `filename`, valid for `expiresInSeconds`. */
  readUrl(o: {
    key: string;
    contentType: string;
    filename: string;
    expiresInSeconds: number;
  }): Promise<string>;
}

export interface FileStorageSettings {
  bucket: string;
  region: string;
  /** The local server (path-style addressing, its fixed credentials). */
  endpoint?: string;
}

/** RFC 6266/5987: an ASCII fallback and the UTF-8 name. */
export const contentDisposition = (filename: string): string => {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
};

export const createFileStorage = (settings: FileStorageSettings): FileStorage => {
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint
      ? {
          endpoint: settings.endpoint,
          forcePathStyle: true,
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        }
      : {}),
  });
  const bucket = settings.bucket;
  return {
    bucket,
    uploadForm: async ({ key, type, size, expiresInSeconds }) => {
      const post = await createPresignedPost(client, {
        Bucket: bucket,
        Key: key,
        Conditions: [
          ['content-length-range', size, size],
          ['eq', '$Content-Type', type],
        ],
        Fields: { 'Content-Type': type },
        Expires: expiresInSeconds,
      });
      return { url: post.url, fields: post.fields };
    },
    read: async (key, maxBytes) => {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const size = out.ContentLength ?? 0;
        if (size > maxBytes) {
          out.Body?.transformToWebStream().cancel();
          return { kind: 'tooLarge', size };
        }
        const bytes = (await out.Body?.transformToByteArray()) ?? new Uint8Array();
        if (bytes.length > maxBytes) return { kind: 'tooLarge', size: bytes.length };
        return { kind: 'found', bytes, contentType: out.ContentType };
      } catch (err) {
        if (
          err instanceof NoSuchKey ||
          (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404)
        )
          return { kind: 'absent' };
        throw err;
      }
    },
    write: async (key, bytes, contentType) => {
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType }),
      );
    },
    remove: async (keys) => {
      for (let i = 0; i < keys.length; i += 1000) {
        const batch = keys.slice(i, i + 1000);
        if (!batch.length) continue;
        const out = await client.send(
          new DeleteObjectsCommand({
            Bucket: bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        );
        const failed = (out.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
        if (failed.length)
          throw new Error(`Could not delete ${failed.length} file object(s): ${failed[0]?.Code}`);
      }
    },
    readUrl: ({ key, contentType, filename, expiresInSeconds }) =>
      getSignedUrl(
        client,
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ResponseContentType: contentType,
          ResponseContentDisposition: contentDisposition(filename),
        }),
        { expiresIn: expiresInSeconds },
      ),
  };
};
