// The report use cases against DynamoDB Local: what is stored, in one
// transaction, and what concurrent callers see.
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { Conflict, NotFound, UnprocessableContent } from '#domain/errors';
import { normalizeUrl } from '#domain/url';
import type { Principal } from '#http/principal';
import { actOnReport, browseReports, readReport, submitReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { createDocumentClient } from '#store/client';
import type { StoredResponse } from '#store/idempotency';
import { urlHash } from '#store/reports';
import { type IndexName, indexOf, isIndexKeyAttribute } from '#store/table';
import { testTable } from '#test/support/aws';
import { distinctText } from '#test/support/similar-claims';

const alice: Principal = { sub: 'alice', roles: ['reporter'], email: 'alice@example.org' };
const bob: Principal = { sub: 'bob', roles: ['reporter'] };
const desk: Principal = { sub: 'desk-1', roles: ['desk'] };

const NOW = new Date('2026-11-26T03:00:00.000Z');
const body = (over: Record<string, unknown> = {}) => ({
  title: 'Rác thải ùn ứ ở chợ Bà Chiểu',
  summary: 'Người dân phản ánh rác không được thu gom ba ngày.',
  category: 'environment',
  area: 'binh-thanh',
  channel: 'community',
  sentiment: 'negative',
  urgency: 'normal',
  sourceUrls: [],
  observedAt: '2026-11-26T01:00:00Z',
  ...over,
});

let deps: Deps;
let t: Awaited<ReturnType<typeof testTable>>;

beforeAll(async () => {
  t = await testTable();
  deps = t.deps({ clock: () => NOW });
});

const countItems = async (pk: string, index?: IndexName) => {
  const out = await t.db.send(
    new QueryCommand({
      TableName: t.tableName,
      ...(index ? { IndexName: indexOf(index).indexName } : {}),
      KeyConditionExpression: '#k = :v',
      ExpressionAttributeNames: { '#k': index ? indexOf(index).partitionKey : 'pk' },
      ExpressionAttributeValues: { ':v': pk },
      Select: 'COUNT',
    }),
  );
  return out.Count ?? 0;
};

const idOf = (r: StoredResponse) => (r.body as { id: string }).id;

describe('submitting a report', () => {
  it('stores the report with its index keys, URL entries and the reporter address kept private', async () => {
    const res = await submitReport(
      deps,
      alice,
      body({ sourceUrls: ['https://e.com/p/1?utm_source=x', 'https://E.com/p/1/'] }),
      undefined,
    );
    expect(res.status).toBe(201);
    const id = idOf(res);
    expect(res.headers.location).toBe(`/reports/${id}`);
    const { Item } = await t.db.send(
      new GetCommand({ TableName: t.tableName, Key: { pk: `REPORT#${id}`, sk: 'REPORT' } }),
    );
    expect(Item).toMatchObject({
      status: 'new',
      submittedBy: 'alice',
      reporterEmail: 'alice@example.org',
    });
    // Listed by two slim indexes, and by nothing else.
    expect(Item?.[indexOf('reportsNewest').partitionKey]).toBe('REPORT');
    expect(Item?.[indexOf('reportsByReporter').partitionKey]).toBe('RBY#alice');
    expect(Object.keys(Item ?? {}).filter(isIndexKeyAttribute)).toHaveLength(4);
    expect(Item?.urlHashes).toHaveLength(1); // both URLs normalize to one
    expect(res.body).not.toHaveProperty('reporterEmail');
    expect(await readReport(deps, desk, { id })).not.toHaveProperty('reporterEmail');
  });

  it('hints at other reports sharing a normalized source URL', async () => {
    // words of their own, so that only the URL connects them (and no earlier report of this file)
    const first = await submitReport(
      deps,
      alice,
      body({ ...distinctText(1), sourceUrls: ['https://news.example.com/a?fbclid=1'] }),
      undefined,
    );
    const second = await submitReport(
      deps,
      bob,
      body({ ...distinctText(2), sourceUrls: ['HTTPS://news.example.com/a#top'] }),
      undefined,
    );
    expect((second.body as { possibleDuplicates: unknown[] }).possibleDuplicates).toEqual([
      { id: idOf(first), status: 'new', caseId: null, reason: 'sameUrl' },
    ]);
    expect((first.body as { possibleDuplicates: unknown[] }).possibleDuplicates).toEqual([]);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body, and stores nothing new', async () => {
    const first = await submitReport(deps, alice, body({ title: 'Replay me please' }), 'key-replay');
    const again = await submitReport(deps, alice, { ...body({ title: 'Replay me please' }) }, 'key-replay');
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
  });

  it('answers 422 for the same key with another body', async () => {
    await submitReport(deps, alice, body({ title: 'Original body' }), 'key-422');
    await expect(submitReport(deps, alice, body({ title: 'Different body' }), 'key-422')).rejects.toThrow(
      UnprocessableContent,
    );
  });

  it('scopes keys to the caller', async () => {
    const a = await submitReport(deps, alice, body({ title: 'Shared key text' }), 'same-key');
    const b = await submitReport(deps, bob, body({ title: 'Shared key text' }), 'same-key');
    expect(idOf(a)).not.toBe(idOf(b));
    expect(b.headers['idempotent-replayed']).toBeUndefined();
  });

  it('stores one report when 50 callers race with one key', async () => {
    const racer: Principal = { sub: 'racer', roles: ['reporter'] };
    // 50 submissions at once from one process send ~1,000 requests to DynamoDB Local (each looks
    // up its band partitions); a Lambda serves one at a time. A longer timeout per attempt keeps
    // this about the key, not about DynamoDB Local's throughput on a shared machine.
    const patient = t.deps({
      clock: () => NOW,
      db: createDocumentClient({ region: 'ap-southeast-1', endpoint: t.endpoint, timeoutMs: 20_000 }),
    });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        submitReport(patient, racer, body({ title: 'Race with one key' }), 'race-key'),
      ),
    );
    const ok = results.filter((r): r is PromiseFulfilledResult<StoredResponse> => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    // Every loser either replayed the winner or was told to retry (409); nothing else.
    for (const f of failed) expect(f.reason).toBeInstanceOf(Conflict);
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((r) => idOf(r.value))).size).toBe(1);
    expect(await countItems('RBY#racer', 'reportsByReporter')).toBe(1);
  });

  it('leaves one URL entry when callers race with one key and a source URL: the losers delete theirs', async () => {
    const racer: Principal = { sub: 'url-racer', roles: ['reporter'] };
    const url = 'https://race.example.com/one-url';
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        submitReport(deps, racer, body({ title: 'Race with a URL', sourceUrls: [url] }), 'race-url-key'),
      ),
    );
    const ok = results.filter((r): r is PromiseFulfilledResult<StoredResponse> => r.status === 'fulfilled');
    expect(new Set(ok.map((r) => idOf(r.value))).size).toBe(1);
    expect(await countItems('RBY#url-racer', 'reportsByReporter')).toBe(1);
    const entries = await t.db.send(
      new QueryCommand({
        TableName: t.tableName,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': `URL#${urlHash(normalizeUrl(url))}` },
      }),
    );
    expect(entries.Items?.map((i) => i.reportId)).toEqual([idOf(ok[0]!.value)]);
  });
});

describe('listing', () => {
  it('pages through everything exactly once, newest first, with filters and a reporter scope', async () => {
    const p: Principal = { sub: 'pager', roles: ['reporter'] };
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      const at = new Date(NOW.getTime() + i * 1000);
      const d = t.deps({ clock: () => at });
      ids.push(
        idOf(await submitReport(d, p, body({ urgency: i % 3 === 0 ? 'critical' : 'normal' }), undefined)),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await browseReports(deps, p, { limit: '5', ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    // a filter on top of the reporter's own index, paged
    const critical: string[] = [];
    cursor = undefined;
    do {
      const page = await browseReports(deps, p, {
        urgency: 'critical',
        limit: '2',
        ...(cursor ? { cursor } : {}),
      });
      critical.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(critical).toEqual(ids.filter((_, i) => i % 3 === 0).reverse());
  });

  it('gives the desk every reporter, and a reporter only their own', async () => {
    const mine = await browseReports(deps, bob, { limit: '100' });
    const all = await browseReports(deps, desk, { limit: '100', date: '2026-11-26' });
    const submitter = new Map(all.items.map((r) => [r.id, 'submittedBy' in r ? r.submittedBy : undefined]));
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((r) => submitter.get(r.id) === 'bob')).toBe(true);
    expect(new Set(submitter.values())).toEqual(new Set(['alice', 'bob', 'racer', 'url-racer', 'pager']));
  });

  it('combines filters served by one index and filtered by the others', async () => {
    const page = await browseReports(deps, desk, { status: 'new', urgency: 'critical', limit: '100' });
    expect(page.items.length).toBe(8);
    expect(page.items.every((r) => r.urgency === 'critical' && r.status === 'new')).toBe(true);
  });

  it('rejects a cursor from another reporter', async () => {
    const page = await browseReports(deps, { sub: 'pager', roles: ['reporter'] }, { limit: '1' });
    await expect(browseReports(deps, bob, { limit: '1', cursor: page.nextCursor! })).rejects.toThrow(
      /cursor/,
    );
  });
});

describe('access', () => {
  it('hides other reporters’ reports as not found', async () => {
    const id = idOf(await submitReport(deps, alice, body(), undefined));
    await expect(readReport(deps, bob, { id })).rejects.toThrow(NotFound);
    expect((await readReport(deps, alice, { id })).id).toBe(id);
    expect((await readReport(deps, desk, { id })).id).toBe(id);
    await expect(readReport(deps, desk, { id: 'not-a-ulid' })).rejects.toThrow(NotFound);
  });
});

describe('dismiss and restore', () => {
  it('sets and clears the retention expiry on the report and its URL entries', async () => {
    const res = await submitReport(
      deps,
      alice,
      body({ sourceUrls: ['https://retain.example.com/x'] }),
      undefined,
    );
    const id = idOf(res);
    const dismissed = await actOnReport(
      deps,
      desk,
      { id },
      { action: 'dismiss', reason: 'not a public concern' },
    );
    expect(dismissed).toMatchObject({
      status: 'dismissed',
      dismissReason: 'not a public concern',
      version: 2,
    });
    const get = async () =>
      (await t.db.send(new GetCommand({ TableName: t.tableName, Key: { pk: `REPORT#${id}`, sk: 'REPORT' } })))
        .Item!;
    const item = await get();
    expect(item.expiresAt).toBe(Math.floor(NOW.getTime() / 1000) + 30 * 86400);
    expect(item.status).toBe('dismissed');
    const url = await t.db.send(
      new QueryCommand({
        TableName: t.tableName,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': `URL#${item.urlHashes[0]}` },
      }),
    );
    expect(url.Items?.[0]?.expiresAt).toBe(item.expiresAt);

    await actOnReport(deps, desk, { id }, { action: 'restore' });
    const restored = await get();
    expect(restored.expiresAt).toBeUndefined();
    expect(restored.dismissReason).toBeUndefined();
    expect(restored.status).toBe('new');
    expect(restored[indexOf('reportsNewest').partitionKey]).toBe('REPORT');
  });

  it('refuses to dismiss a linked report, naming its status', async () => {
    const id = idOf(await submitReport(deps, alice, body(), undefined));
    const { Item } = await t.db.send(
      new GetCommand({ TableName: t.tableName, Key: { pk: `REPORT#${id}`, sk: 'REPORT' } }),
    );
    await t.db.send(
      new PutCommand({
        TableName: t.tableName,
        Item: { ...Item, status: 'linked', caseId: '01JZCASE000000000000000000' },
      }),
    );
    await expect(actOnReport(deps, desk, { id }, { action: 'dismiss', reason: 'x' })).rejects.toMatchObject({
      status: 409,
      extensions: { currentStatus: 'linked', allowedActions: [] },
    });
  });

  it('lets exactly one of two racing actions win', async () => {
    const id = idOf(await submitReport(deps, alice, body(), undefined));
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => actOnReport(deps, desk, { id }, { action: 'dismiss', reason: 'race' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(Conflict);
    expect((await readReport(deps, desk, { id })).version).toBe(2);
  });
});
