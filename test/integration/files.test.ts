// Evidence files over HTTP: the local API with the real handlers, DynamoDB
// Local and the local S3 server. A photo with GPS goes up through the real
// upload form, is confirmed, listed and downloaded without its GPS; refusals
// (mislabelled, oversize, over the count, closed owners) store nothing;
// concurrent confirms store one file and never pass the limit; and the files
// follow the access of their report or case.
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCaseAction } from '#domain/case';
import { objectKeys } from '#domain/files';
import { REASONS } from '#files/clean';
import { mergeCases } from '#service/case-merge';
import { getCase, saveCaseAction } from '#store/cases';
import { meterCapacity } from '#test/bench/support/capacity';
import { testEndpoints } from '#test/support/aws';
import {
  encryptedPdf,
  jpegWithGps,
  metadataOf,
  pdfWithAuthor,
  pngWithGps,
} from '#test/support/evidence-images';
import { TEST_FILES_BUCKET } from '#test/support/files-bucket';
import { anAssignedCase, anOpenCase, aSubmittedReport } from '#test/support/given';
import type { Answer, Api, Json, Who } from '#test/support/steps';
import { startApi } from '#test/support/steps';

let api: Api;
let s3: S3Client;

beforeAll(async () => {
  api = await startApi();
  s3 = new S3Client({
    region: 'ap-southeast-1',
    endpoint: testEndpoints().s3Endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
}, 60_000);
afterAll(() => api?.stop());

const OTHER_REPORTER: Who = { role: 'reporter', user: 'someone-else' };
const OTHER_AGENCY: Who = { role: 'agency', user: 'officer-9', agency: 'health-dept' };

const typeOf = { jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' } as const;

/** POST …/files: the upload form. */
const askForm = (owner: string, who: Who, body: Json) => api.when('POST', `${owner}/files`, who, body);

/** POSTs the file with the form's fields, as a browser or curl does. */
const postForm = async (form: Json, bytes: Uint8Array, type: string): Promise<number> => {
  const data = new FormData();
  for (const [k, v] of Object.entries(form.upload.fields as Record<string, string>)) data.append(k, v);
  data.append('file', new Blob([bytes], { type }), 'upload');
  const res = await fetch(form.upload.url as string, { method: 'POST', body: data });
  await res.arrayBuffer();
  return res.status;
};

const confirm = (owner: string, fileId: string, who: Who) =>
  api.when('POST', `${owner}/files/${fileId}/confirm`, who);

/** Form, upload, confirm: the confirm's answer. */
const attach = async (
  owner: string,
  who: Who,
  bytes: Uint8Array,
  type: string = typeOf.jpeg,
  name = 'anh-chup.jpg',
): Promise<Answer> => {
  const form = await askForm(owner, who, { name, type, size: bytes.length });
  expect(form.status, JSON.stringify(form.json)).toBe(201);
  expect(await postForm(form.json, bytes, type)).toBeLessThan(300);
  return confirm(owner, form.json.fileId as string, who);
};

const itemsOf = async (pk: string, prefix: string) =>
  (
    await api.local!.db.send(
      new QueryCommand({
        TableName: api.local!.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];

const ownerItem = async (pk: string, sk: string) =>
  (
    await api.local!.db.send(
      new GetCommand({ TableName: api.local!.tableName, Key: { pk, sk }, ConsistentRead: true }),
    )
  ).Item;

const objectsOf = async (fileId: string): Promise<string[]> => {
  const keys = objectKeys(fileId);
  const found: string[] = [];
  for (const prefix of [keys.incoming, keys.file, keys.thumbnail]) {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: TEST_FILES_BUCKET, Prefix: prefix }));
    found.push(...(out.Contents ?? []).map((o) => o.Key!));
  }
  return found;
};

const download = async (url: string) => {
  const res = await fetch(url);
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
};

describe('a photo with GPS on a report', { timeout: 60_000 }, () => {
  it('uploads with the form, confirms (201), lists (200), and downloads without GPS', async () => {
    const reportId = await aSubmittedReport(api);
    const owner = `/reports/${reportId}`;
    const photo = await jpegWithGps();
    expect((await metadataOf(photo)).gps.length).toBeGreaterThan(0);

    const form = await askForm(owner, 'reporter', {
      name: 'C:\\Ảnh\\chụp màn hình.jpg',
      type: typeOf.jpeg,
      size: photo.length,
    });
    expect(form.status).toBe(201);
    expect(form.json.upload.fields['Content-Type']).toBe('image/jpeg');
    expect(form.headers.get('location')).toBe(`${owner}/files/${form.json.fileId}/confirm`);
    // S3's answer to a form without success_action_status (the README shows it).
    expect(await postForm(form.json, photo, typeOf.jpeg)).toBe(204);
    const done = await confirm(owner, form.json.fileId, 'reporter');
    expect(done.status).toBe(201);
    expect(done.json).toMatchObject({
      id: form.json.fileId,
      name: 'chụp màn hình.jpg',
      type: 'image/jpeg',
      uploadedBy: 'reporter',
      source: { kind: 'report', id: reportId },
    });
    expect(done.json.thumbnailUrl).toEqual(expect.any(String));
    expect(done.headers.get('location')).toBe(`${owner}/files`);
    // What the README's `gps` helper prints: the cleaned file carries no EXIF block at all.
    expect((await sharp(Buffer.from((await download(done.json.url)).bytes)).metadata()).exif).toBeUndefined();

    const list = await api.when('GET', `${owner}/files`, 'reporter');
    expect(list.status).toBe(200);
    expect(list.json.items.map((f: Json) => f.id)).toEqual([form.json.fileId]);

    const got = await download(list.json.items[0].url);
    expect(got.status).toBe(200);
    expect(got.type).toBe('image/jpeg');
    expect(got.bytes.length).toBe(list.json.items[0].size);
    const left = await metadataOf(got.bytes);
    expect(left.gps).toEqual([]);
    expect(left.exif.filter((t) => /Artist|Make|Model|Serial/i.test(t))).toEqual([]);
    const thumb = await download(list.json.items[0].thumbnailUrl);
    expect(thumb.status).toBe(200);
    expect(thumb.type).toBe('image/webp');
    expect((await metadataOf(thumb.bytes)).gps).toEqual([]);

    // The report counts it; its version (ETag of cases, version of reports) did not move.
    const report = await api.when('GET', owner, 'desk');
    expect(report.json.fileCount).toBe(1);
    expect(report.json.version).toBe(1);
    expect((await api.when('GET', owner, 'reporter')).json.fileCount).toBe(1);
    // The upload is gone: only the cleaned file and its thumbnail remain.
    expect((await objectsOf(form.json.fileId)).sort()).toEqual([
      objectKeys(form.json.fileId).file,
      objectKeys(form.json.fileId).thumbnail,
    ]);

    // A replayed confirm answers the same file with 200 and stores nothing more.
    const again = await confirm(owner, form.json.fileId, 'reporter');
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(form.json.fileId);
    expect((await api.when('GET', owner, 'desk')).json.fileCount).toBe(1);
  });

  it('takes a PDF (no thumbnail) from the desk', async () => {
    const reportId = await aSubmittedReport(api);
    const res = await attach(
      `/reports/${reportId}`,
      'desk',
      await pdfWithAuthor(),
      typeOf.pdf,
      'dinh-chinh.pdf',
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      type: 'application/pdf',
      pages: 2,
      uploadedBy: 'desk',
      thumbnailUrl: null,
    });
  });
});

describe('refusals store nothing', { timeout: 60_000 }, () => {
  it('a mislabelled file (declared PNG, bytes JPEG): 422 with both types, no item, no object', async () => {
    const reportId = await aSubmittedReport(api);
    const owner = `/reports/${reportId}`;
    const photo = await jpegWithGps();
    const form = await askForm(owner, 'reporter', { name: 'a.png', type: typeOf.png, size: photo.length });
    expect(await postForm(form.json, photo, typeOf.png)).toBeLessThan(300);
    const res = await confirm(owner, form.json.fileId, 'reporter');
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({
      code: 'file-type-mismatch',
      detectedType: 'image/jpeg',
      declaredType: 'image/png',
    });
    expect(await itemsOf(`REPORT#${reportId}`, 'FILE#')).toEqual([]);
    expect(await itemsOf(`REPORT#${reportId}`, 'UPLOAD#')).toEqual([]);
    expect(await objectsOf(form.json.fileId)).toEqual([]);
    expect((await ownerItem(`REPORT#${reportId}`, 'REPORT'))?.fileCount).toBeUndefined();
    // Refused means gone: confirming it again finds no pending upload.
    expect((await confirm(owner, form.json.fileId, 'reporter')).status).toBe(404);
  });

  it('bytes that are no kind taken: 422 file-type-not-allowed', async () => {
    const reportId = await aSubmittedReport(api);
    const owner = `/reports/${reportId}`;
    const text = new TextEncoder().encode('<html>not a photo</html>');
    const res = await attach(owner, 'reporter', text, typeOf.jpeg);
    expect(res.status).toBe(422);
    expect(res.json.code).toBe('file-type-not-allowed');
  });

  it('a password-protected PDF: 422 file-damaged, the detail saying what to do, nothing stored', async () => {
    const reportId = await aSubmittedReport(api);
    const owner = `/reports/${reportId}`;
    const res = await attach(owner, 'reporter', await encryptedPdf(), typeOf.pdf, 'bao-mat.pdf');
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({
      code: 'file-damaged',
      detectedType: 'application/pdf',
      detail: REASONS.pdfEncrypted,
    });
    expect(await itemsOf(`REPORT#${reportId}`, 'FILE#')).toEqual([]);
  });

  it('a form for a type not taken or a size over maxBytes: 422 naming the field, nothing stored', async () => {
    const reportId = await aSubmittedReport(api);
    const owner = `/reports/${reportId}`;
    const max = api.local!.deps.config.files.maxBytes;
    const badType = await askForm(owner, 'reporter', { name: 'a.gif', type: 'image/gif', size: 10 });
    expect(badType.status).toBe(422);
    expect(badType.json.errors).toEqual([expect.objectContaining({ path: '/type' })]);
    const tooBig = await askForm(owner, 'reporter', { name: 'a.jpg', type: typeOf.jpeg, size: max + 1 });
    expect(tooBig.status).toBe(422);
    expect(tooBig.json.errors).toEqual([expect.objectContaining({ path: '/size' })]);
    expect((await askForm(owner, 'reporter', { name: 'a.jpg', type: typeOf.jpeg })).status).toBe(400);
    expect(await itemsOf(`REPORT#${reportId}`, 'UPLOAD#')).toEqual([]);
  });

  it('more bytes than declared (the local server does not enforce the form): 422 file-too-large, removed', async () => {
    const reportId = await aSubmittedReport(api);
    const owner = `/reports/${reportId}`;
    const photo = await jpegWithGps();
    const form = await askForm(owner, 'reporter', { name: 'a.jpg', type: typeOf.jpeg, size: 100 });
    await s3.send(
      new PutObjectCommand({
        Bucket: TEST_FILES_BUCKET,
        Key: objectKeys(form.json.fileId).incoming,
        Body: photo,
        ContentType: typeOf.jpeg,
      }),
    );
    const res = await confirm(owner, form.json.fileId, 'reporter');
    expect(res.status).toBe(422);
    expect(res.json.code).toBe('file-too-large');
    expect(await objectsOf(form.json.fileId)).toEqual([]);
    expect(await itemsOf(`REPORT#${reportId}`, 'UPLOAD#')).toEqual([]);
  });

  it('a confirm before any upload: 409 upload-missing, and the form still works after', async () => {
    const reportId = await aSubmittedReport(api);
    const owner = `/reports/${reportId}`;
    const photo = await jpegWithGps();
    const form = await askForm(owner, 'reporter', { name: 'a.jpg', type: typeOf.jpeg, size: photo.length });
    const early = await confirm(owner, form.json.fileId, 'reporter');
    expect(early.status).toBe(409);
    expect(early.json.code).toBe('upload-missing');
    expect(await postForm(form.json, photo, typeOf.jpeg)).toBeLessThan(300);
    expect((await confirm(owner, form.json.fileId, 'reporter')).status).toBe(201);
  });

  it('the sixth file: 409 file-limit at the form, and at a confirm of a form taken earlier', async () => {
    const reportId = await aSubmittedReport(api);
    const owner = `/reports/${reportId}`;
    const max = api.local!.deps.config.files.maxPerReport;
    const photo = await jpegWithGps({ width: 16, height: 12 });
    // A form taken while there was room, confirmed once the report is full.
    const late = await askForm(owner, 'reporter', {
      name: 'late.jpg',
      type: typeOf.jpeg,
      size: photo.length,
    });
    await postForm(late.json, photo, typeOf.jpeg);
    for (let i = 0; i < max; i++) expect((await attach(owner, 'reporter', photo)).status).toBe(201);
    const sixth = await askForm(owner, 'reporter', { name: 'a.jpg', type: typeOf.jpeg, size: photo.length });
    expect(sixth.status).toBe(409);
    expect(sixth.json).toMatchObject({ code: 'file-limit', limit: max });
    const res = await confirm(owner, late.json.fileId, 'reporter');
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'file-limit', limit: max });
    expect(await objectsOf(late.json.fileId)).toEqual([]);
    expect(await itemsOf(`REPORT#${reportId}`, 'FILE#')).toHaveLength(max);
    expect((await ownerItem(`REPORT#${reportId}`, 'REPORT'))?.fileCount).toBe(max);
  });

  it('a dismissed report takes no file: 409 owner-closed', async () => {
    const reportId = await aSubmittedReport(api);
    const owner = `/reports/${reportId}`;
    const photo = await jpegWithGps();
    const form = await askForm(owner, 'reporter', { name: 'a.jpg', type: typeOf.jpeg, size: photo.length });
    await postForm(form.json, photo, typeOf.jpeg);
    expect(
      (await api.when('POST', `${owner}/actions`, 'desk', { action: 'dismiss', reason: 'spam' })).status,
    ).toBe(200);
    const res = await confirm(owner, form.json.fileId, 'reporter');
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'owner-closed', currentStatus: 'dismissed' });
    expect(await objectsOf(form.json.fileId)).toEqual([]);
    const next = await askForm(owner, 'reporter', { name: 'a.jpg', type: typeOf.jpeg, size: 10 });
    expect(next.status).toBe(409);
  });
});

describe('races', { timeout: 120_000 }, () => {
  it('two confirms of one upload at once: one FILE item, both answers carry its id', async () => {
    const reportId = await aSubmittedReport(api);
    const owner = `/reports/${reportId}`;
    const photo = await jpegWithGps();
    const form = await askForm(owner, 'reporter', { name: 'a.jpg', type: typeOf.jpeg, size: photo.length });
    await postForm(form.json, photo, typeOf.jpeg);
    const answers = await Promise.all([0, 1].map(() => confirm(owner, form.json.fileId, 'reporter')));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(answers.map((a) => a.json.id)).toEqual([form.json.fileId, form.json.fileId]);
    expect(await itemsOf(`REPORT#${reportId}`, 'FILE#')).toHaveLength(1);
    expect((await ownerItem(`REPORT#${reportId}`, 'REPORT'))?.fileCount).toBe(1);
    expect((await objectsOf(form.json.fileId)).length).toBe(2);
  });

  it('with 4 files, three uploads confirmed at once: exactly one succeeds, the others refused and removed', async () => {
    const reportId = await aSubmittedReport(api);
    const owner = `/reports/${reportId}`;
    const max = api.local!.deps.config.files.maxPerReport;
    const photo = await jpegWithGps({ width: 16, height: 12 });
    for (let i = 0; i < max - 1; i++) expect((await attach(owner, 'desk', photo)).status).toBe(201);
    const forms = await Promise.all(
      [0, 1, 2].map(() =>
        askForm(owner, 'reporter', { name: 'a.jpg', type: typeOf.jpeg, size: photo.length }),
      ),
    );
    for (const f of forms) expect(f.status).toBe(201);
    await Promise.all(forms.map((f) => postForm(f.json, photo, typeOf.jpeg)));
    const answers = await Promise.all(forms.map((f) => confirm(owner, f.json.fileId, 'reporter')));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.json.code).toBe('file-limit');
    expect(await itemsOf(`REPORT#${reportId}`, 'FILE#')).toHaveLength(max);
    expect((await ownerItem(`REPORT#${reportId}`, 'REPORT'))?.fileCount).toBe(max);
    const losers = forms.filter((_, i) => answers[i]!.status === 409);
    for (const f of losers) expect(await objectsOf(f.json.fileId)).toEqual([]);
  });

  it('a confirm racing a dismiss: either refused, or stored before the dismiss and carrying its expiry', async () => {
    for (let round = 0; round < 4; round++) {
      const reportId = await aSubmittedReport(api);
      const owner = `/reports/${reportId}`;
      const photo = await jpegWithGps({ width: 16, height: 12 });
      const form = await askForm(owner, 'reporter', { name: 'a.jpg', type: typeOf.jpeg, size: photo.length });
      await postForm(form.json, photo, typeOf.jpeg);
      const [confirmed, dismissed] = await Promise.all([
        confirm(owner, form.json.fileId, 'reporter'),
        api.when('POST', `${owner}/actions`, 'desk', { action: 'dismiss', reason: 'spam' }),
      ]);
      const files = await itemsOf(`REPORT#${reportId}`, 'FILE#');
      const report = await ownerItem(`REPORT#${reportId}`, 'REPORT');
      if (confirmed.status === 201) {
        // Stored first: the count holds (a dismiss's Put never drops it), and the file carries its expiry.
        expect(files).toHaveLength(1);
        expect(report?.fileCount).toBe(1);
        if (dismissed.status === 200) {
          expect(report?.expiresAt).toEqual(expect.any(Number));
          expect(files[0]?.expiresAt).toBe(report?.expiresAt);
        }
      } else {
        expect(confirmed.status).toBe(409);
        expect(files).toEqual([]);
        expect(report?.fileCount).toBeUndefined();
      }
      // The dismiss succeeds, or loses to the confirm and is told to retry.
      expect([200, 409]).toContain(dismissed.status);
    }
  });

  it('a desk confirm on an open case racing its assignment: both done (verifying still takes files)', async () => {
    for (let round = 0; round < 3; round++) {
      const c = await anOpenCase(api);
      const owner = `/cases/${c.caseId}`;
      const photo = await jpegWithGps();
      const form = await askForm(owner, 'desk', { name: 'a.jpg', type: typeOf.jpeg, size: photo.length });
      await postForm(form.json, photo, typeOf.jpeg);
      const [confirmed, assigned] = await Promise.all([
        confirm(owner, form.json.fileId, 'desk'),
        api.when(
          'POST',
          `${owner}/actions`,
          'desk',
          { action: 'assign', agencyId: api.agencyId, dueInWorkingDays: 2 },
          { 'if-match': `"${c.version}"` },
        ),
      ]);
      expect(confirmed.status, JSON.stringify(confirmed.json)).toBe(201);
      expect(assigned.status).toBe(200);
      expect((await api.when('GET', owner, 'desk')).json).toMatchObject({
        status: 'verifying',
        fileCount: 1,
      });
    }
  });

  it('a confirm on a case racing a case action keeps both: the count and the action', async () => {
    const c = await anOpenCase(api);
    const owner = `/cases/${c.caseId}`;
    const photo = await jpegWithGps({ width: 16, height: 12 });
    const form = await askForm(owner, 'desk', { name: 'a.jpg', type: typeOf.jpeg, size: photo.length });
    await postForm(form.json, photo, typeOf.jpeg);
    const [confirmed, commented] = await Promise.all([
      confirm(owner, form.json.fileId, 'desk'),
      api.when(
        'POST',
        `${owner}/actions`,
        'desk',
        { action: 'comment', note: 'xem ảnh' },
        { 'if-match': `"${c.version}"` },
      ),
    ]);
    expect(confirmed.status).toBe(201);
    expect(commented.status).toBe(200);
    const read = await api.when('GET', owner, 'desk');
    expect(read.json.fileCount).toBe(1);
    expect(read.json.version).toBe(c.version + 1);
  });
});

describe('whole-item writes of an owner keep a count that moved after their read', {
  timeout: 60_000,
}, () => {
  it('a case action read before a file arrived: written on the new count, no 412', async () => {
    const deps = api.local!.deps;
    const c = await anOpenCase(api);
    const before = (await getCase(deps, c.caseId))!;
    expect((await attach(`/cases/${c.caseId}`, 'desk', await jpegWithGps())).status).toBe(201);
    const { next, entry } = applyCaseAction(
      before,
      { action: 'comment', note: 'đọc trước khi có ảnh' },
      { actor: 'desk', by: 'desk-1', now: deps.clock() },
    );
    await saveCaseAction(deps, { before, next, entry });
    const after = (await getCase(deps, c.caseId))!;
    expect(after).toMatchObject({ version: before.version + 1, fileCount: 1 });
  });

  it('a merge read before a file arrived on either case: both counts kept', async () => {
    const deps = api.local!.deps;
    const [from, into] = [await anOpenCase(api), await anOpenCase(api)];
    const before = (await getCase(deps, from.caseId))!;
    expect((await attach(`/cases/${from.caseId}`, 'desk', await jpegWithGps())).status).toBe(201);
    expect((await attach(`/cases/${into.caseId}`, 'desk', await jpegWithGps())).status).toBe(201);
    await mergeCases(
      deps,
      before,
      { action: 'merge', intoCaseId: into.caseId, intoVersion: into.version },
      { actor: 'desk', by: 'desk-1', expectedVersion: before.version },
    );
    expect((await getCase(deps, from.caseId))?.fileCount).toBe(1);
    expect((await getCase(deps, into.caseId))?.fileCount).toBe(1);
  });

  it("the survivor's list shows a merged case's own files, named by their source", async () => {
    const deps = api.local!.deps;
    const [from, into] = [await anOpenCase(api), await anOpenCase(api)];
    const pdf = await attach(
      `/cases/${from.caseId}`,
      'desk',
      await pdfWithAuthor(),
      typeOf.pdf,
      'thong-cao.pdf',
    );
    expect(pdf.status).toBe(201);
    const before = (await getCase(deps, from.caseId))!;
    await mergeCases(
      deps,
      before,
      { action: 'merge', intoCaseId: into.caseId, intoVersion: into.version },
      { actor: 'desk', by: 'desk-1', expectedVersion: before.version },
    );
    const listed = await api.when('GET', `/cases/${into.caseId}/files`, 'desk');
    expect(listed.status).toBe(200);
    const merged = (listed.json.items as Json[]).find((f) => f.id === pdf.json.id);
    expect(merged?.source).toEqual({ kind: 'case', id: from.caseId });
    // The file stays on the merged case (its retention is that case's): not counted on the survivor.
    expect((await getCase(deps, into.caseId))?.fileCount ?? 0).toBe(0);
  });
});

describe('write units', { timeout: 60_000 }, () => {
  /** The capacity one step consumes, rate-limit counter included (support/capacity.ts). */
  const metered = async (step: () => Promise<unknown>) => {
    const meter = meterCapacity(api.local!.deps.db);
    try {
      await step();
      return meter.totals();
    } finally {
      meter.detach();
    }
  };

  it('a form and a confirm on a report (no index entry), and on an assigned case (its full index entries)', async () => {
    const photo = await jpegWithGps();
    const reportId = await aSubmittedReport(api);
    const c = await anAssignedCase(api);
    const measured: Record<string, { form: number; confirm: number; confirmIndexes: number }> = {};
    for (const [kind, owner, who] of [
      ['report', `/reports/${reportId}`, 'reporter'],
      ['case', `/cases/${c.caseId}`, 'desk'],
    ] as const) {
      let form: Answer | undefined;
      const formUnits = await metered(async () => {
        form = await askForm(owner, who, { name: 'a.jpg', type: typeOf.jpeg, size: photo.length });
      });
      await postForm(form!.json, photo, typeOf.jpeg);
      const confirmUnits = await metered(() => confirm(owner, form!.json.fileId, who));
      measured[kind] = {
        form: formUnits.writeUnits,
        confirm: confirmUnits.writeUnits,
        confirmIndexes: confirmUnits.indexUnits,
      };
    }
    // shared/store/README.md, "Evidence files": the counter and the pending item; the counter and
    // the transaction. The report's slim indexes do not project fileCount, so its confirm writes none.
    expect(measured.report).toEqual({ form: 2, confirm: 3, confirmIndexes: 0 });
    expect(measured.case?.form).toBe(2);
    // A case's indexes project ALL: the ADD rewrites its entries (casesNewest, casesByStatus, casesByAgency, casesDue).
    expect(measured.case?.confirmIndexes).toBeGreaterThan(0);
    expect(measured.case?.confirm).toBeLessThanOrEqual(14);
  });
});

describe('who may see and attach', { timeout: 120_000 }, () => {
  it('reports: another reporter 404, an agency 403, the desk yes', async () => {
    const reportId = await aSubmittedReport(api);
    const owner = `/reports/${reportId}`;
    const photo = await jpegWithGps();
    const form = await askForm(owner, 'reporter', { name: 'a.jpg', type: typeOf.jpeg, size: photo.length });
    await postForm(form.json, photo, typeOf.jpeg);
    expect((await confirm(owner, form.json.fileId, OTHER_REPORTER)).status).toBe(404);
    expect((await confirm(owner, form.json.fileId, 'agency')).status).toBe(403);
    expect((await api.when('GET', `${owner}/files`, OTHER_REPORTER)).status).toBe(404);
    expect((await api.when('GET', `${owner}/files`, 'agency')).status).toBe(403);
    expect(
      (await askForm(owner, OTHER_REPORTER, { name: 'a.jpg', type: typeOf.jpeg, size: 10 })).status,
    ).toBe(404);
    // The other reporter's attempt removed nothing: the owner still confirms.
    expect((await confirm(owner, form.json.fileId, 'reporter')).status).toBe(201);
    expect((await api.when('GET', `${owner}/files`, 'desk')).json.items).toHaveLength(1);
  });

  it('cases: its agency attaches while verifying and sees the reports’ files; another agency 404; closed 409', async () => {
    const reportId = await aSubmittedReport(api);
    // Evidence of what circulated, on the report before the case exists.
    expect((await attach(`/reports/${reportId}`, 'reporter', await jpegWithGps())).status).toBe(201);
    const c = await anAssignedCase(api, { reportIds: [reportId] });
    const owner = `/cases/${c.caseId}`;

    const own = await attach(owner, 'agency', await pngWithGps(), typeOf.png, 'cong-van.png');
    expect(own.status).toBe(201);
    expect(own.json).toMatchObject({ uploadedBy: 'agency', source: { kind: 'case', id: c.caseId } });
    const list = await api.when('GET', `${owner}/files`, 'agency');
    expect(list.status).toBe(200);
    expect(list.json.items.map((f: Json) => f.source.kind)).toEqual(['case', 'report']);
    expect((await metadataOf((await download(list.json.items[0].url)).bytes)).gps).toEqual([]);
    // The case's version did not move: the agency's If-Match still holds.
    const read = await api.when('GET', owner, 'agency');
    expect(read.json).toMatchObject({ fileCount: 1, version: c.version });

    expect((await api.when('GET', `${owner}/files`, OTHER_AGENCY)).status).toBe(404);
    expect((await askForm(owner, OTHER_AGENCY, { name: 'a.jpg', type: typeOf.jpeg, size: 10 })).status).toBe(
      404,
    );
    expect((await api.when('GET', `${owner}/files`, 'reporter')).status).toBe(403);

    // The agency responds with the If-Match it read before attaching, then attaches once more.
    const responded = await api.when(
      'POST',
      `${owner}/actions`,
      'agency',
      { action: 'respond', finding: 'Tin sai', response: 'Sở đã đính chính' },
      { 'if-match': `"${c.version}"` },
    );
    expect(responded.status).toBe(200);
    const pdf = await attach(owner, 'agency', await pdfWithAuthor(), typeOf.pdf, 'dinh-chinh.pdf');
    expect(pdf.status).toBe(201);
    const closed = await api.when(
      'POST',
      `${owner}/actions`,
      'desk',
      {
        action: 'close',
        outcome: 'clarified',
        note: 'Đã đính chính',
        evidenceUrl: 'https://example.org/dinh-chinh',
      },
      { 'if-match': `"${responded.json.version}"` },
    );
    expect(closed.status).toBe(200);
    for (const who of ['agency', 'desk'] as const) {
      const res = await askForm(owner, who, { name: 'a.jpg', type: typeOf.jpeg, size: 10 });
      expect(res.status).toBe(409);
      expect(res.json).toMatchObject({ code: 'owner-closed', currentStatus: 'closed' });
    }
    // Its report, on a closed case, takes no more files either.
    expect(
      (await askForm(`/reports/${reportId}`, 'reporter', { name: 'a.jpg', type: typeOf.jpeg, size: 10 }))
        .status,
    ).toBe(409);
    // Still readable by whoever reads the case.
    expect((await api.when('GET', `${owner}/files`, 'desk')).json.items).toHaveLength(3);
  });

  it('an open case: the desk attaches, its agency-to-be cannot yet (not assigned)', async () => {
    const c = await anOpenCase(api);
    const owner = `/cases/${c.caseId}`;
    expect((await askForm(owner, 'agency', { name: 'a.jpg', type: typeOf.jpeg, size: 10 })).status).toBe(404);
    expect((await attach(owner, 'desk', await jpegWithGps())).status).toBe(201);
  });

  it('unknown or malformed ids: 404', async () => {
    const unknown = '01JZ0000000000000000000000';
    expect((await api.when('GET', `/reports/${unknown}/files`, 'desk')).status).toBe(404);
    expect((await api.when('GET', '/cases/not-an-id/files', 'desk')).status).toBe(404);
    const reportId = await aSubmittedReport(api);
    expect((await confirm(`/reports/${reportId}`, 'nope', 'reporter')).status).toBe(404);
    expect((await confirm(`/reports/${reportId}`, unknown, 'reporter')).status).toBe(404);
  });
});
