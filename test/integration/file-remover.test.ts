// The outbox sender's delete-only bucket (shared/files/remover.ts), against the
// local S3 server: it deletes what the full storage wrote, absent keys are fine,
// a missing bucket is an error (the stream record is retried), and it signs the
// very request the S3 client's DeleteObjectCommand signs (the local server
// checks no signature, so the signature is compared with the SDK's instead).
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectKeys } from '#domain/files';
import { createFileRemover, deleteObjectUrl } from '#files/remover';
import type { FileStorage } from '#files/storage';
import { testTable } from '#test/support/aws';

let table: Awaited<ReturnType<typeof testTable>>;
let storage: FileStorage;
let remover: FileStorage;

beforeAll(async () => {
  table = await testTable('remover');
  storage = table.deps().files!;
  remover = createFileRemover({
    bucket: table.settings.filesBucket!,
    region: table.settings.region,
    endpoint: table.settings.s3Endpoint,
  });
});
afterAll(() => table?.db.destroy());

describe('the delete-only file storage', () => {
  it('deletes a file and its thumbnail, and nothing else', async () => {
    const gone = objectKeys(`01REMOVER${Date.now()}`);
    const kept = objectKeys(`01KEPT${Date.now()}`);
    for (const key of [gone.file, gone.thumbnail, kept.file])
      await storage.write(key, new TextEncoder().encode(key), 'application/octet-stream');
    await remover.remove([gone.file, gone.thumbnail]);
    expect((await storage.read(gone.file, 1000)).kind).toBe('absent');
    expect((await storage.read(gone.thumbnail, 1000)).kind).toBe('absent');
    expect((await storage.read(kept.file, 1000)).kind).toBe('found');
    // Again, now absent: fine (a retried stream record).
    await expect(remover.remove([gone.file, gone.thumbnail])).resolves.toBeUndefined();
  });

  it('fails on a bucket that is not there, so the record is retried', async () => {
    const lost = createFileRemover({
      bucket: 'no-such-bucket',
      region: table.settings.region,
      endpoint: table.settings.s3Endpoint,
    });
    await expect(lost.remove(['file/x'])).rejects.toThrow(/S3 answered 404/);
  });

  it('does nothing but delete', async () => {
    await expect(remover.read('file/x', 10)).rejects.toThrow(/only delete/);
    await expect(
      remover.uploadForm({ key: 'incoming/x', type: 'image/png', size: 1, expiresInSeconds: 60 }),
    ).rejects.toThrow(/only delete/);
  });

  it.each([
    ['S3', undefined],
    ['the local server', 'http://127.0.0.1:4568'],
  ])('signs the request the S3 client signs for DeleteObject (%s)', async (_where, endpoint) => {
    const credentials = {
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    };
    const signingDate = new Date('2026-12-06T04:00:00Z');
    const settings = { bucket: 'opinion-desk-files', region: 'ap-southeast-1', endpoint };
    const key = 'thumb/01JTESTFILE.webp';
    const client = new S3Client({
      region: settings.region,
      credentials,
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    });
    const sdk = new URL(
      await getSignedUrl(client, new DeleteObjectCommand({ Bucket: settings.bucket, Key: key }), {
        expiresIn: 60,
        signingDate,
      }),
    );
    const ours = new URL(await deleteObjectUrl(settings, key, { signingDate, credentials }));
    expect(ours.origin + ours.pathname).toBe(sdk.origin + sdk.pathname);
    for (const p of ['X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders'])
      expect(ours.searchParams.get(p), p).toBe(sdk.searchParams.get(p));
    expect(ours.searchParams.get('X-Amz-Signature')).toBe(sdk.searchParams.get('X-Amz-Signature'));
    client.destroy();
  });
});
