// Files follow their report's and case's retention, against DynamoDB Local and
// the local S3 server: a dismiss gives the report's FILE items its expiry and a
// restore takes it back, even when a file is confirmed while the dismiss is
// under way; a case's close (through its follow-up) gives its own FILE items
// and its reports' the case's expiry, a reopen removes it; and when a FILE item
// goes (as the table's TTL deletes it) the local stream reader has the outbox
// sender delete its objects, and nothing else's.
//
// Files are attached with the API's own confirm transaction (shared/store/files.ts),
// so the races below are against the real conditions of a confirm.
import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '#config/schema';
import { CASE_ATTACH_STATUSES, type FileOwner, objectKeys, REPORT_ATTACH_STATUSES } from '#domain/files';
import { addDays, epochSeconds } from '#domain/time';
import { signedFileRemover } from '#files/remover';
import type { FileStorage } from '#files/storage';
import { processStream } from '#functions/events/outbox-stream';
import type { Principal } from '#http/principal';
import { startOutboxStream } from '#infra/local/outbox-stream';
import { actOnReports } from '#service/bulk-reports';
import { actOnCase, openCaseFor } from '#service/cases';
import { drainOutbox } from '#service/notifications';
import { actOnReport, submitReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { putUpload, confirmFile as storeConfirm } from '#store/files';
import { meterCapacity } from '#test/bench/support/capacity';
import { type TestTable, testTable } from '#test/support/aws';
import { aReport } from '#test/support/report-body';
import { storedItem } from '#test/support/stored';

const T0 = new Date('2026-11-26T02:00:00.000Z');
const desk: Principal = { sub: 'desk-1', roles: ['desk'] };
const REGION = 'ap-southeast-1';

let t: TestTable;
let config: AppConfig;
let files: FileStorage;
const deps = (now: Date = T0, over: Partial<Deps> = {}) => t.deps({ clock: () => now, config, ...over });
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

beforeAll(async () => {
  t = await testTable('files-retention');
  config = t.deps().config;
  files = t.deps().files!;
});
afterAll(async () => {
  await t?.drop();
});

const report = async (title = `Ảnh chụp bài đăng ${randomUUID().slice(0, 6)}`) => {
  const res = await submitReport(
    deps(),
    { sub: `reporter-${randomUUID().slice(0, 8)}`, roles: ['reporter'] },
    aReport({
      title,
      observedAt: '2026-11-26T01:00:00Z',
      sourceUrls: [`https://example.org/${randomUUID()}`],
    }),
    undefined,
  );
  return (res.body as { id: string }).id;
};

const ownerKey = (o: FileOwner) => ({
  pk: `${o.kind === 'report' ? 'REPORT' : 'CASE'}#${o.id}`,
  sk: o.kind.toUpperCase(),
});

/**
 * A file confirmed on its owner by the API's own store (lane A's
 * `confirmFile`: one transaction of the FILE put, the pending upload's delete
 * and `ADD fileCount` on the owner, conditional on the limit, on the owner
 * having no expiry and taking files, and for a report on a case a check that
 * the case has no expiry), after its cleaned objects are in the bucket.
 * Returns the id, or `refused` (then the objects go, as a refused confirm's do).
 */
const confirmFile = async (
  owner: FileOwner,
  o: { caseId?: string; pdf?: boolean; d?: Deps } = {},
): Promise<string | 'refused'> => {
  const d = o.d ?? deps();
  const id = d.newId();
  const keys = objectKeys(id);
  const type = o.pdf ? 'application/pdf' : 'image/jpeg';
  const createdAt = d.clock().toISOString();
  await files.write(keys.file, new TextEncoder().encode(`cleaned ${id}`), type);
  if (!o.pdf) await files.write(keys.thumbnail, new TextEncoder().encode(`thumb ${id}`), 'image/webp');
  const name = o.pdf ? 'thong-cao.pdf' : 'anh-chup.jpg';
  await putUpload(
    d,
    owner,
    { fileId: id, name, type, size: 20, uploadedBy: 'desk', createdAt },
    epochSeconds(addDays(T0, 2)),
  );
  const outcome = await storeConfirm(
    d,
    {
      id,
      owner,
      name,
      type,
      size: 20,
      sha256: '0'.repeat(64),
      thumbnail: !o.pdf,
      uploadedBy: 'desk',
      createdAt,
    },
    owner.kind === 'report'
      ? { statuses: REPORT_ATTACH_STATUSES, max: config.files.maxPerReport, caseId: o.caseId ?? null }
      : { statuses: CASE_ATTACH_STATUSES.desk, max: config.files.maxPerCase },
  );
  if (outcome.kind === 'stored') return id;
  await files.remove([keys.file, keys.thumbnail]);
  return 'refused';
};

const fileItems = async (o: FileOwner) =>
  (
    await t.db.send(
      new QueryCommand({
        TableName: t.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :f)',
        ExpressionAttributeValues: { ':pk': ownerKey(o).pk, ':f': 'FILE#' },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];

const expiries = async (o: FileOwner) => (await fileItems(o)).map((i) => i.expiresAt);
const ownerItem = (o: FileOwner) => storedItem(t, ownerKey(o));
const dismissedExpiry = (at: Date) => epochSeconds(addDays(at, config.retention.dismissedReportDays));

const dismiss = (id: string, now: Date, d: Deps = deps(now)) =>
  actOnReport(d, desk, { id }, { action: 'dismiss', reason: 'Không phải tin đồn' });
const restore = (id: string, now: Date) => actOnReport(deps(now), desk, { id }, { action: 'restore' });

describe('a report’s files follow its dismissal', () => {
  it('a dismiss gives every FILE item the report’s expiry, a restore takes it away; the count stays', async () => {
    const id = await report();
    const owner: FileOwner = { kind: 'report', id };
    expect(await confirmFile(owner)).not.toBe('refused');
    expect(await confirmFile(owner, { pdf: true })).not.toBe('refused');

    await dismiss(id, minutes(1));
    const expected = dismissedExpiry(minutes(1));
    expect((await ownerItem(owner))?.expiresAt).toBe(expected);
    expect(await expiries(owner)).toEqual([expected, expected]);
    // The dismiss's Put kept the count (a later confirm's limit counts these two).
    expect((await ownerItem(owner))?.fileCount).toBe(2);
    // A dismissed report takes no file.
    expect(await confirmFile(owner)).toBe('refused');

    await restore(id, minutes(2));
    expect(await ownerItem(owner)).not.toHaveProperty('expiresAt');
    expect(await expiries(owner)).toEqual([undefined, undefined]);
    expect((await ownerItem(owner))?.fileCount).toBe(2);
  });

  it('a report without files is dismissed as before: no fileCount appears', async () => {
    const id = await report();
    await dismiss(id, minutes(1));
    const stored = await ownerItem({ kind: 'report', id });
    expect(stored?.expiresAt).toBe(dismissedExpiry(minutes(1)));
    expect(stored).not.toHaveProperty('fileCount');
  });

  it('a bulk dismiss does the same for each report', async () => {
    const [a, b] = [await report(), await report()];
    await confirmFile({ kind: 'report', id: a });
    await confirmFile({ kind: 'report', id: b });
    const out = await actOnReports(deps(minutes(1)), desk, undefined, {
      action: 'dismiss',
      ids: [a, b],
      reason: 'Trùng lặp',
    });
    expect(out.results.every((r) => 'report' in r)).toBe(true);
    for (const id of [a, b])
      expect(await expiries({ kind: 'report', id })).toEqual([dismissedExpiry(minutes(1))]);
  });

  it('a dismiss reads the FILE items with one Query only when the report has files, and stays one transaction', async () => {
    const measure = async (fileCount: number) => {
      const id = await report();
      for (let i = 0; i < fileCount; i++) await confirmFile({ kind: 'report', id });
      const d = deps(minutes(1));
      const meter = meterCapacity(d.db);
      await dismiss(id, minutes(1), d);
      meter.detach();
      return meter.totals();
    };
    const [none, two] = [await measure(0), await measure(2)];
    expect(none.byCommand).not.toHaveProperty('QueryCommand');
    expect(two.byCommand.QueryCommand).toBe(1);
    // Still one transaction. Its units are not pinned here: DynamoDB Local bills a transaction's items
    // in one partition once (three updates of one partition report 2 units), and the FILE items share
    // the report's. DynamoDB bills each FILE item (< 1 KB) 1 unit, doubled: +2 a file (docs/files.md).
    expect(two.byCommand.TransactWriteItemsCommand).toBe(1);
    expect(none.byCommand.TransactWriteItemsCommand).toBe(1);
  });

  it('a file confirmed between the dismiss’s read and its write still gets the expiry (read again, no 409)', async () => {
    const id = await report();
    const owner: FileOwner = { kind: 'report', id };
    await confirmFile(owner);
    // The seam: a confirm commits just before the dismiss's transaction.
    const d = deps(minutes(1));
    const send = d.db.send.bind(d.db);
    const db = Object.create(d.db) as Deps['db'];
    let raced: string | 'refused' | undefined;
    let transactions = 0;
    db.send = (async (command: unknown) => {
      if (command instanceof TransactWriteCommand) {
        transactions++;
        raced ??= await confirmFile(owner);
      }
      return send(command as never);
    }) as Deps['db']['send'];
    const after = await dismiss(id, minutes(1), { ...d, db });
    expect(after.status).toBe('dismissed');
    expect(raced).not.toBe('refused');
    // The first transaction failed on the count, the second carried both files.
    expect(transactions).toBe(2);
    expect(await expiries(owner)).toEqual([dismissedExpiry(minutes(1)), dismissedExpiry(minutes(1))]);
    expect((await ownerItem(owner))?.fileCount).toBe(2);
  });

  it('dismisses racing confirms (Promise.all): no FILE item of a dismissed report is left without the expiry', async () => {
    for (let round = 0; round < 6; round++) {
      const id = await report();
      const owner: FileOwner = { kind: 'report', id };
      await confirmFile(owner);
      const [dismissed, a, b] = await Promise.allSettled([
        dismiss(id, minutes(1)),
        confirmFile(owner),
        confirmFile(owner),
      ]);
      expect(a.status).toBe('fulfilled');
      expect(b.status).toBe('fulfilled');
      const stored = await fileItems(owner);
      // Whatever won, the count is the number of FILE items (nothing half-written).
      expect((await ownerItem(owner))?.fileCount).toBe(stored.length);
      if (dismissed.status === 'fulfilled') {
        for (const i of stored) expect(i.expiresAt).toBe(dismissedExpiry(minutes(1)));
      } else {
        // Two confirms can outrun the single retry: the desk is told to retry, and nothing expires.
        expect((dismissed.reason as Error).name).toBe('Conflict');
        expect((await ownerItem(owner))?.status).toBe('new');
        for (const i of stored) expect(i).not.toHaveProperty('expiresAt');
      }
    }
  });
});

describe('a case’s files and its reports’ files follow its closing', () => {
  it('the close’s follow-up gives them the case’s expiry, a reopen’s removes it; pending uploads keep their own', async () => {
    const [withFiles, without] = [await report(), await report()];
    const c = await openCaseFor(deps(), desk, {
      reportIds: [withFiles, without],
      title: 'Thông tin sai về lịch cúp điện',
    });
    const caseOwner: FileOwner = { kind: 'case', id: c.id };
    const reportOwner: FileOwner = { kind: 'report', id: withFiles };
    expect(await confirmFile(reportOwner, { caseId: c.id })).not.toBe('refused');
    expect(await confirmFile(caseOwner, { pdf: true })).not.toBe('refused');
    expect(await confirmFile(caseOwner)).not.toBe('refused');
    // A pending upload in the case's partition: its TTL is its own (upload form + 1 day).
    const uploadExpiry = epochSeconds(addDays(T0, 1));
    const pendingSk = `UPLOAD#${deps().newId()}`;
    await t.db.send(
      new PutCommand({
        TableName: t.tableName,
        Item: {
          pk: `CASE#${c.id}`,
          sk: pendingSk,
          entity: 'upload',
          expiresAt: uploadExpiry,
        },
      }),
    );

    const closedAt = minutes(1);
    await actOnCase(deps(closedAt), desk, { id: c.id }, '"1"', {
      action: 'close',
      outcome: 'clarified',
      note: 'Đã đăng thông cáo',
      evidenceUrl: 'https://example.org/thong-cao',
    });
    const expected = epochSeconds(addDays(closedAt, config.retention.closedCaseDays));
    // Closed: no file arrives any more, on the case or on its reports.
    expect(await confirmFile(caseOwner)).toBe('refused');
    expect(await confirmFile(reportOwner, { caseId: c.id })).toBe('refused');

    await drainOutbox(deps(minutes(2)), minutes(2), minutes(2));
    expect(await expiries(caseOwner)).toEqual([expected, expected]);
    expect(await expiries(reportOwner)).toEqual([expected]);
    expect(await fileItems({ kind: 'report', id: without })).toEqual([]);
    // (The refused confirms above left their pending uploads too: none takes the case's expiry.)
    const uploads =
      (
        await t.db.send(
          new QueryCommand({
            TableName: t.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :u)',
            ExpressionAttributeValues: { ':pk': `CASE#${c.id}`, ':u': 'UPLOAD#' },
            ConsistentRead: true,
          }),
        )
      ).Items ?? [];
    expect(uploads.find((u) => u.sk === pendingSk)?.expiresAt).toBe(uploadExpiry);
    for (const u of uploads) expect(u.expiresAt).not.toBe(expected);

    await actOnCase(deps(minutes(3)), desk, { id: c.id }, '"2"', { action: 'reopen', reason: 'Có tin mới' });
    await drainOutbox(deps(minutes(4)), minutes(4), minutes(4));
    expect(await expiries(caseOwner)).toEqual([undefined, undefined]);
    expect(await expiries(reportOwner)).toEqual([undefined]);
    // Open again: files are taken again.
    expect(await confirmFile(caseOwner)).not.toBe('refused');
  });
});

describe('a FILE item removed takes its objects with it', () => {
  const present = async (key: string) => (await files.read(key, 1024)).kind === 'found';

  it('the local stream reader deletes the file and its thumbnail, and nothing of another item', async () => {
    const reader = await startOutboxStream(deps(), { endpoint: t.endpoint, region: REGION, pollMs: 50 });
    try {
      const id = await report();
      const owner: FileOwner = { kind: 'report', id };
      const gone = await confirmFile(owner);
      const kept = await confirmFile(owner);
      const pdf = await confirmFile(owner, { pdf: true });
      if (gone === 'refused' || kept === 'refused' || pdf === 'refused') throw new Error('not confirmed');
      // Records of other items first (same partition, so in order): a pending upload named like
      // the kept file, removed; the kept FILE item given an expiry (a MODIFY).
      await t.db.send(
        new PutCommand({
          TableName: t.tableName,
          Item: { pk: `REPORT#${id}`, sk: `UPLOAD#${kept}`, entity: 'upload' },
        }),
      );
      await t.db.send(
        new DeleteCommand({ TableName: t.tableName, Key: { pk: `REPORT#${id}`, sk: `UPLOAD#${kept}` } }),
      );
      await dismiss(id, minutes(1));
      // Then what the table's TTL does to an expired FILE item: it deletes it.
      for (const f of [gone, pdf])
        await t.db.send(
          new DeleteCommand({ TableName: t.tableName, Key: { pk: `REPORT#${id}`, sk: `FILE#${f}` } }),
        );

      await vi.waitFor(
        async () => {
          expect(await present(objectKeys(gone).file)).toBe(false);
          expect(await present(objectKeys(gone).thumbnail)).toBe(false);
          expect(await present(objectKeys(pdf).file)).toBe(false);
        },
        { timeout: 15_000, interval: 100 },
      );
      expect(await present(objectKeys(kept).file)).toBe(true);
      expect(await present(objectKeys(kept).thumbnail)).toBe(true);
    } finally {
      await reader.stop();
    }
  });

  const removeRecord = (sk: string, seq: string) =>
    ({
      Records: [
        {
          eventName: 'REMOVE',
          dynamodb: { Keys: { pk: { S: 'REPORT#r1' }, sk: { S: sk } }, SequenceNumber: seq },
        },
      ],
    }) as unknown as DynamoDBStreamEvent;

  it('a deletion that fails is a batch item failure (retried), the objects kept', async () => {
    const id = deps().newId();
    await files.write(objectKeys(id).file, new TextEncoder().encode('x'), 'image/jpeg');
    const failing: FileStorage = { ...files, remove: async () => Promise.reject(new Error('AccessDenied')) };
    expect(await processStream(deps(T0, { files: failing }), removeRecord(`FILE#${id}`, '7'))).toEqual({
      batchItemFailures: [{ itemIdentifier: '7' }],
    });
    // A function without the bucket cannot drop the record either.
    expect(await processStream(deps(T0, { files: undefined }), removeRecord(`FILE#${id}`, '8'))).toEqual({
      batchItemFailures: [{ itemIdentifier: '8' }],
    });
    expect(await present(objectKeys(id).file)).toBe(true);
    // The real bucket: done, and a retry of the same record finds nothing left to fail on.
    expect(await processStream(deps(), removeRecord(`FILE#${id}`, '9'))).toEqual({ batchItemFailures: [] });
    expect(await processStream(deps(), removeRecord(`FILE#${id}`, '9'))).toEqual({ batchItemFailures: [] });
    expect(await present(objectKeys(id).file)).toBe(false);
  });

  it('the deployed sender’s deletes (signed DELETEs, no S3 SDK) remove both objects from a real S3 server', async () => {
    const id = deps().newId();
    const keys = objectKeys(id);
    await files.write(keys.file, new TextEncoder().encode('x'), 'image/jpeg');
    await files.write(keys.thumbnail, new TextEncoder().encode('t'), 'image/webp');
    const fileRemover = signedFileRemover({
      bucket: files.bucket,
      region: REGION,
      endpoint: t.settings.s3Endpoint!,
    });
    expect(
      await processStream(deps(T0, { files: undefined, fileRemover }), removeRecord(`FILE#${id}`, '10')),
    ).toEqual({ batchItemFailures: [] });
    expect(await present(keys.file)).toBe(false);
    expect(await present(keys.thumbnail)).toBe(false);
  });
});
