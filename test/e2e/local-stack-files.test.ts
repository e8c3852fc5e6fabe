// The local stack's evidence files bucket (docs/files.md), in process: the API's
// deps and the settings a companion command builds from stack.json (`npm run job`)
// reach the same bucket on the local S3 server; a presigned upload form works
// against it; and the files outlive a restart on the same DATA_DIR, as the table does.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileStorage } from '#files/storage';
import { freePort } from '#infra/local/ports';
import {
  LOCAL_FILES_BUCKET,
  type LocalStack,
  localRuntimeSettings,
  startLocalStack,
} from '#infra/local/stack';
import { readStackFile } from '#infra/local/stack-file';

const start = async (dataDir: string): Promise<LocalStack> =>
  startLocalStack({ port: 0, ddbPort: await freePort(), mailPort: 0, s3Port: 0, dataDir, inMemory: false });

const BYTES = new TextEncoder().encode('%PDF-1.4 a published clarification');

describe('the local stack’s files bucket', () => {
  let dataDir: string;
  let stack: LocalStack | undefined;

  afterAll(async () => {
    await stack?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('gives the API and the jobs one bucket, takes a presigned upload, and keeps the files across a restart', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'opinion-desk-files-'));
    stack = await start(dataDir);
    const files = stack.deps.files;
    expect(files?.bucket).toBe(LOCAL_FILES_BUCKET);
    expect(stack.settings).toMatchObject({ filesBucket: LOCAL_FILES_BUCKET, s3Endpoint: stack.s3Endpoint });

    // An upload as the console or curl makes it: the form's fields, then the file.
    const form = await files!.uploadForm({
      key: 'incoming/local-1',
      type: 'application/pdf',
      size: BYTES.length,
      expiresInSeconds: 60,
    });
    expect(form.url.startsWith(stack.s3Endpoint!)).toBe(true);
    const body = new FormData();
    for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
    body.append('file', new Blob([BYTES], { type: 'application/pdf' }), 'clarification.pdf');
    const posted = await fetch(form.url, { method: 'POST', body });
    expect(posted.status, await posted.text()).toBeLessThan(300);

    // A companion command (npm run job) builds its settings from the stack file: the same bucket.
    const settings = localRuntimeSettings(await readStackFile(dataDir));
    expect(settings).toMatchObject({ filesBucket: LOCAL_FILES_BUCKET, s3Endpoint: stack.s3Endpoint });
    const fromFile = createFileStorage({
      bucket: settings.filesBucket!,
      region: settings.region,
      endpoint: settings.s3Endpoint,
    });
    const read = await fromFile.read('incoming/local-1', 1024);
    expect(read).toMatchObject({ kind: 'found' });
    expect(new TextDecoder().decode((read as { bytes: Uint8Array }).bytes)).toContain('clarification');

    // A signed link serves it.
    const url = await files!.readUrl({
      key: 'incoming/local-1',
      contentType: 'application/pdf',
      filename: 'Đính chính.pdf',
      expiresInSeconds: 60,
    });
    const served = await fetch(url);
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(BYTES);

    await stack.stop();
    stack = undefined;
    expect(await readdir(join(dataDir, 's3'))).toContain(LOCAL_FILES_BUCKET);

    stack = await start(dataDir);
    const again = await stack.deps.files!.read('incoming/local-1', 1024);
    expect(again).toMatchObject({ kind: 'found' });
  }, 120_000);
});
