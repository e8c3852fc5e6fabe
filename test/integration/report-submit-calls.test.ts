// POST /reports round trips (performance issue 9): which DynamoDB calls one
// submission sends, counted through a seam around the store client, and that
// the idempotency rules still hold now that the record is read only after the
// write transaction was cancelled on it. Since issue 17 every submission looks
// up similar reports by its text: one Query per band key beside the URL
// Queries, and its URL entries and band items in one BatchWriteItem, all in
// the first round trip. Since issue 18 its search postings go in the same
// BatchWriteItem calls (25 items a call, sent together): still one round trip.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Conflict, UnprocessableContent } from '#domain/errors';
import { documentTerms, reportSearchParts } from '#domain/search';
import { normalizeUrl } from '#domain/url';
import type { Principal } from '#http/principal';
import { submitReport } from '#service/reports';
import type { Deps } from '#shared/deps';
import { createDocumentClient } from '#store/client';
import { idempotencyItemKey, type StoredResponse } from '#store/idempotency';
import { urlHash } from '#store/reports';
import { indexOf } from '#store/table';
import { testTable } from '#test/support/aws';
import { aReport } from '#test/support/report-body';
import { distinctText } from '#test/support/similar-claims';

const NOW = new Date('2026-11-26T03:00:00.000Z');
/** Each test's own text (`text(i)`), so that no test finds another's reports by their words. */
let textSeed = 0;
let text = distinctText(textSeed);
const body = (over: Record<string, unknown> = {}) =>
  aReport({
    ...text,
    area: 'binh-thanh',
    urgency: 'high',
    sourceUrls: [],
    observedAt: '2026-11-26T01:00:00Z',
    ...over,
  });

let t: Awaited<ReturnType<typeof testTable>>;
let deps: Deps;
let n = 0;
/** A reporter of its own per test, so per-reporter counts start at zero. */
const reporter = (): Principal => ({ sub: `calls-${n++}`, roles: ['reporter'] });
/** A source URL no other test uses. */
const freshUrl = () => `https://social.example.com/post/${n++}?utm_source=share`;

beforeAll(async () => {
  t = await testTable();
  deps = t.deps({ clock: () => NOW });
});
beforeEach(() => {
  text = distinctText(++textSeed);
});

/** The lookup's Queries: the URL ones (one per distinct URL), then one per band key. */
const lookup = (urls: number) => Array<string>(urls + deps.config.similarity.bands).fill('Query');
/** The report's search postings (issue 18): one per distinct term of its title and summary. */
const termsOf = (b: { title: string; summary: string } = text) => documentTerms(reportSearchParts(b)).length;
/**
 * The BatchWriteItem calls of its URL entries, band items and search postings, 25 items a
 * call, sent together (the texts here have 38 terms: two calls).
 */
const writes = (urls: number, b?: { title: string; summary: string }) =>
  Array<string>(Math.ceil((urls + deps.config.similarity.bands + termsOf(b)) / 25)).fill('BatchWriteItem');

const NAMES: [new (...a: never[]) => unknown, string][] = [
  [GetCommand, 'GetItem'],
  [QueryCommand, 'Query'],
  [BatchGetCommand, 'BatchGetItem'],
  [PutCommand, 'PutItem'],
  [TransactWriteCommand, 'TransactWriteItems'],
  [DeleteCommand, 'DeleteItem'],
  [BatchWriteCommand, 'BatchWriteItem'],
];

/**
 * The seam: the same real client, recording each command it sends (in order)
 * and, when `before` is given, letting a test answer a command itself.
 */
const recording = (d: Deps, before?: (command: unknown) => Promise<unknown> | undefined) => {
  const calls: string[] = [];
  const commands: unknown[] = [];
  const send = d.db.send.bind(d.db);
  const db = Object.create(d.db) as Deps['db'];
  db.send = ((command: unknown) => {
    calls.push(NAMES.find(([c]) => command instanceof c)?.[1] ?? String(command));
    commands.push(command);
    return before?.(command) ?? send(command as never);
  }) as Deps['db']['send'];
  return { deps: { ...d, db }, calls, commands };
};

const idOf = (r: StoredResponse) => (r.body as { id: string }).id;

const count = async (pk: string, index?: string) =>
  (
    await t.db.send(
      new QueryCommand({
        TableName: t.tableName,
        ...(index ? { IndexName: index } : {}),
        KeyConditionExpression: '#k = :v',
        ExpressionAttributeNames: { '#k': index ? `${index}pk` : 'pk' },
        ExpressionAttributeValues: { ':v': pk },
        Select: 'COUNT',
      }),
    )
  ).Count ?? 0;
const reportsOf = (p: Principal) => count(`RBY#${p.sub}`, indexOf('reportsByReporter').indexName);
const urlEntries = (url: string) => count(`URL#${urlHash(normalizeUrl(url))}`);

/** What DynamoDB answers when a transaction is cancelled, with one reason per item. */
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('round trips of one submission', () => {
  it('a fresh submission with an Idempotency-Key and a source URL is two round trips: the Queries beside the lookup entries, then one TransactWriteItems', async () => {
    const p = reporter();
    const url = freshUrl();
    const r = recording(deps);
    const res = await submitReport(r.deps, p, body({ sourceUrls: [url] }), 'fresh-key');
    expect(res.status).toBe(201);
    // the BatchWriteItem is sent before the Queries answer: they share a round trip
    const B = deps.config.similarity.bands;
    expect(r.calls).toEqual([...lookup(1), ...writes(1), 'TransactWriteItems']);
    const batch = (r.commands[1 + B] as BatchWriteCommand).input.RequestItems?.[t.tableName];
    expect(batch?.map((w) => w.PutRequest?.Item?.entity)).toEqual([
      'report-url',
      ...Array<string>(B).fill('report-band'),
      ...Array<string>(25 - 1 - B).fill('search-posting'),
    ]);
    // the transaction holds the idempotency record first, then the report (issue 16: the lookup
    // entries are outside it, since a transaction bills each write twice)
    const tx = r.commands[1 + B + writes(1).length] as TransactWriteCommand;
    expect(tx.input.TransactItems?.map((i) => i.Put?.Item?.entity)).toEqual(['idempotency', 'report']);
    const { Item } = await t.db.send(
      new GetCommand({ TableName: t.tableName, Key: idempotencyItemKey(p.sub, 'fresh-key') }),
    );
    expect(Item?.response).toEqual(res);
    expect(await reportsOf(p)).toBe(1);
    expect(await urlEntries(url)).toBe(1);
  });

  it('with other reports on the URL or by the text, the BatchGetItem of the candidates is the one extra call', async () => {
    const url = freshUrl();
    const other = await submitReport(deps, reporter(), body({ sourceUrls: [url] }), undefined);
    const r = recording(deps);
    const res = await submitReport(r.deps, reporter(), body({ sourceUrls: [url] }), 'dup-key');
    expect(r.calls).toEqual([...lookup(1), ...writes(1), 'BatchGetItem', 'TransactWriteItems']);
    // the same URL and the same words: sameUrl wins
    expect((res.body as { possibleDuplicates: unknown }).possibleDuplicates).toEqual([
      { id: idOf(other), status: 'new', caseId: null, reason: 'sameUrl' },
    ]);
  });

  it('a submission without Idempotency-Key and source URL: the band Queries beside its band items, then one conditional PutItem', async () => {
    const p = reporter();
    const r = recording(deps);
    const res = await submitReport(r.deps, p, body(), undefined);
    expect(res.status).toBe(201);
    // before issue 17 a single PutItem (nothing to look up without a URL); its text is looked up now
    expect(r.calls).toEqual([...lookup(0), ...writes(0), 'PutItem']);
    const put = r.commands.at(-1) as PutCommand;
    expect(put.input.ConditionExpression).toBe('attribute_not_exists(pk)');
    // the same item the transaction wrote: all its index keys
    const { Item } = await t.db.send(
      new GetCommand({ TableName: t.tableName, Key: { pk: `REPORT#${idOf(res)}`, sk: 'REPORT' } }),
    );
    expect(Item).toMatchObject({ entity: 'report', status: 'new', urlHashes: [] });
    expect(Item?.[indexOf('reportsByReporter').partitionKey]).toBe(`RBY#${p.sub}`);
    expect(Item?.[indexOf('reportsNewest').partitionKey]).toBe('REPORT');
    expect(await reportsOf(p)).toBe(1);
  });

  it('without a key but with a source URL, the lookup entries go beside the Queries, then one conditional PutItem', async () => {
    const url = freshUrl();
    const r = recording(deps);
    await submitReport(r.deps, reporter(), body({ sourceUrls: [url] }), undefined);
    expect(r.calls).toEqual([...lookup(1), ...writes(1), 'PutItem']);
    expect(r.commands.at(-1) as PutCommand).toBeInstanceOf(PutCommand);
    expect((r.commands.at(-1) as PutCommand).input).toMatchObject({
      Item: { entity: 'report' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    expect(await urlEntries(url)).toBe(1);
  });
});

describe('Idempotency-Key without the up-front read', () => {
  it('a retry replays exactly the first response, not a fresh duplicate hint, and stores nothing', async () => {
    const p = reporter();
    const url = freshUrl();
    const earlier = await submitReport(deps, reporter(), body({ sourceUrls: [url] }), undefined);
    const first = await submitReport(deps, p, body({ sourceUrls: [url] }), 'replay-key');
    // a report sharing the URL arrives between the first request and its retry
    await submitReport(deps, reporter(), body({ sourceUrls: [url] }), undefined);

    const r = recording(deps);
    const again = await submitReport(r.deps, p, body({ sourceUrls: [url] }), 'replay-key');
    expect(again).toEqual({ ...first, headers: { ...first.headers, 'idempotent-replayed': 'true' } });
    expect((again.body as { possibleDuplicates: unknown }).possibleDuplicates).toEqual([
      { id: idOf(earlier), status: 'new', caseId: null, reason: 'sameUrl' },
    ]);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // the record is read only once the transaction was cancelled on it; the retry's own URL
    // entry, band items and search postings (written beside the Queries) are deleted then
    expect(r.calls).toEqual([
      ...lookup(1),
      ...writes(1),
      'BatchGetItem',
      'TransactWriteItems',
      ...writes(1),
      'GetItem',
    ]);
    const deleted = r.commands
      .slice(-1 - writes(1).length, -1)
      .flatMap((c) => (c as BatchWriteCommand).input.RequestItems?.[t.tableName] ?? []);
    expect(deleted).toHaveLength(1 + deps.config.similarity.bands + termsOf());
    expect(deleted.every((w) => w.DeleteRequest)).toBe(true);
    expect(await reportsOf(p)).toBe(1);
    expect(await urlEntries(url)).toBe(3);
  });

  it('answers 422 for the same key with another body, and stores nothing', async () => {
    const p = reporter();
    const url = freshUrl();
    await submitReport(deps, p, body({ title: 'Original body', sourceUrls: [url] }), 'key-422');
    await expect(
      submitReport(deps, p, body({ title: 'Different body', sourceUrls: [url] }), 'key-422'),
    ).rejects.toThrow(UnprocessableContent);
    expect(await reportsOf(p)).toBe(1);
    expect(await urlEntries(url)).toBe(1);
  });

  it('a cancellation on the report item (an id collision) is not answered as a key in flight', async () => {
    const p = reporter();
    const taken = idOf(await submitReport(deps, p, body(), undefined));
    const r = recording(t.deps({ clock: () => NOW, newId: () => taken }));
    const err = await submitReport(r.deps, p, body({ title: 'Same id' }), 'collide-key').catch((e) => e);
    expect(err).not.toBeInstanceOf(Conflict);
    expect((err as Error).name).toBe('TransactionCanceledException');
    // no waiting for a record that will never come (the report of the same id is "itself": no candidate)
    expect(r.calls).toEqual([
      ...lookup(0),
      ...writes(0, { ...text, title: 'Same id' }),
      'TransactWriteItems',
    ]);
    // nothing of it was stored: the key is still free
    const retry = await submitReport(deps, p, body({ title: 'Same id' }), 'collide-key');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await reportsOf(p)).toBe(2);
  });

  it('an id collision without a key and URL fails the PutItem condition and leaves the first report alone', async () => {
    const p = reporter();
    const first = await submitReport(deps, p, body({ title: 'First of the id' }), undefined);
    const d = t.deps({ clock: () => NOW, newId: () => idOf(first) });
    await expect(submitReport(d, p, body({ title: 'Second of the id' }), undefined)).rejects.toMatchObject({
      name: 'ConditionalCheckFailedException',
    });
    const { Item } = await t.db.send(
      new GetCommand({ TableName: t.tableName, Key: { pk: `REPORT#${idOf(first)}`, sk: 'REPORT' } }),
    );
    expect(Item?.title).toBe('First of the id');
  });

  it('a conflict on the record while the first request commits: waits for it, then replays it', async () => {
    const p = reporter();
    const url = freshUrl();
    let first: Promise<StoredResponse> | undefined;
    // The second request's transaction meets the first one mid-commit (a
    // conflict on the record at index 0); the first commits right after.
    const r = recording(deps, (command) => {
      if (!(command instanceof TransactWriteCommand) || first) return undefined;
      first = submitReport(deps, p, body({ sourceUrls: [url] }), 'conflict-key');
      return Promise.reject(cancelled('TransactionConflict', 'None', 'None'));
    });
    const second = await submitReport(r.deps, p, body({ sourceUrls: [url] }), 'conflict-key');
    const winner = await first!;
    expect(second).toEqual({ ...winner, headers: { ...winner.headers, 'idempotent-replayed': 'true' } });
    expect(r.calls.slice(0, 3 + deps.config.similarity.bands + 2 * writes(1).length)).toEqual([
      ...lookup(1),
      ...writes(1),
      'TransactWriteItems',
      ...writes(1),
      'GetItem',
    ]);
    expect(await urlEntries(url)).toBe(1);
    expect(await reportsOf(p)).toBe(1);
  });

  it('a conflict on the record whose winner never commits answers 409 with Retry-After', async () => {
    const r = recording(deps, (command) =>
      command instanceof TransactWriteCommand
        ? Promise.reject(cancelled('TransactionConflict', 'None'))
        : undefined,
    );
    await expect(submitReport(r.deps, reporter(), body(), 'never-key')).rejects.toMatchObject({
      status: 409,
      headers: { 'retry-after': '1' },
    });
    expect(r.calls.filter((c) => c === 'GetItem')).toHaveLength(5);
  });

  it('50 callers racing with one key and a source URL store one report and one URL entry', async () => {
    const p = reporter();
    const url = freshUrl();
    // 50 submissions at once from one process send ~1,000 requests to DynamoDB Local (each looks
    // up its band partitions); a Lambda serves one at a time. A longer timeout per attempt keeps
    // this about the key, not about DynamoDB Local's throughput on a shared machine.
    const patient = t.deps({
      clock: () => NOW,
      db: createDocumentClient({ region: 'ap-southeast-1', endpoint: t.endpoint, timeoutMs: 20_000 }),
    });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => submitReport(patient, p, body({ sourceUrls: [url] }), 'race-key')),
    );
    const ok = results.filter((r): r is PromiseFulfilledResult<StoredResponse> => r.status === 'fulfilled');
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(Conflict);
    const originals = ok.filter((r) => r.value.headers['idempotent-replayed'] === undefined);
    expect(originals).toHaveLength(1);
    const winner = originals[0]!.value;
    for (const r of ok) expect(r.value.body).toEqual(winner.body);
    expect(await reportsOf(p)).toBe(1);
    expect(await urlEntries(url)).toBe(1);
  }, 60_000);
});
