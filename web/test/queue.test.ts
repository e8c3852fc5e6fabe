// The offline queue's rules: a refused report is kept as failed and never sent
// again by itself; an outage or no network is retried with a growing wait, with
// the same Idempotency-Key and the same bytes each time.
import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  BASE_DELAY_MS,
  backoffMs,
  drain,
  dueItems,
  expired,
  isRetryable,
  KEEP_SENT_MS,
  MAX_DELAY_MS,
  mapStore,
  newItem,
  nextDue,
  type Outcome,
  ownedBy,
  type QueueItem,
  waitingCount,
} from '#web/src/offline/queue-logic';

const T0 = Date.parse('2026-12-05T01:00:00Z');
const body = JSON.stringify({ title: 'Tin đồn nước máy', summary: 's' });
const item = (key = 'k1', at = T0) => newItem(key, body, 'Tin đồn nước máy', at);
const created: Outcome = {
  kind: 'created',
  reportId: 'R1',
  duplicates: [{ id: 'R0', status: 'new', caseId: null }],
};

describe('queue rules', () => {
  it('a new item waits, due at once, with no attempts', () => {
    const i = item();
    expect(i).toMatchObject({ key: 'k1', body, state: 'waiting', attempts: 0, nextAttemptAt: T0 });
    expect(dueItems([i], T0)).toEqual([i]);
    expect(waitingCount([i])).toBe(1);
  });

  it('retries no answer, 5xx, 401, 408, 409 and 429; never another 4xx', () => {
    expect(isRetryable({ kind: 'network' })).toBe(true);
    for (const status of [500, 502, 503, 401, 408, 409, 429])
      expect(isRetryable({ kind: 'problem', status }), String(status)).toBe(true);
    for (const status of [400, 403, 404, 413, 415, 422])
      expect(isRetryable({ kind: 'problem', status }), String(status)).toBe(false);
    expect(isRetryable(created)).toBe(false);
  });

  it('waits 5 s, 10 s, 20 s... up to 5 minutes, and at least Retry-After', () => {
    expect(backoffMs(1)).toBe(BASE_DELAY_MS);
    expect(backoffMs(2)).toBe(2 * BASE_DELAY_MS);
    expect(backoffMs(3)).toBe(4 * BASE_DELAY_MS);
    expect(backoffMs(30)).toBe(MAX_DELAY_MS);
    expect(backoffMs(1, 120)).toBe(120_000);
    expect(backoffMs(10, 1)).toBe(MAX_DELAY_MS);
  });

  it('no network: waiting again later, same key and bytes', () => {
    const next = afterAttempt(item(), { kind: 'network' }, T0);
    expect(next).toMatchObject({
      key: 'k1',
      body,
      state: 'waiting',
      attempts: 1,
      nextAttemptAt: T0 + BASE_DELAY_MS,
    });
    expect(dueItems([next], T0 + 1000)).toEqual([]);
    expect(dueItems([next], T0 + 1000, true)).toEqual([next]);
    const again = afterAttempt(next, { kind: 'problem', status: 503, retryAfterSeconds: 30 }, T0 + 6000);
    expect(again).toMatchObject({ state: 'waiting', attempts: 2, nextAttemptAt: T0 + 6000 + 30_000 });
    expect(again.lastError).toEqual({ status: 503 });
  });

  it('a 400 is kept as failed with its detail and field errors, and is not due again', () => {
    const errors = [{ path: '/sourceUrls/0', message: 'Not a valid URL' }];
    const next = afterAttempt(item(), { kind: 'problem', status: 400, detail: 'Invalid report', errors }, T0);
    expect(next).toMatchObject({
      state: 'failed',
      attempts: 1,
      lastError: { status: 400, detail: 'Invalid report', errors },
    });
    expect(dueItems([next], T0 + MAX_DELAY_MS * 10, true)).toEqual([]);
    expect(waitingCount([next])).toBe(0);
  });

  it('created: sent, with the report id and duplicate hints, the old error gone', () => {
    const failedOnce = afterAttempt(item(), { kind: 'network' }, T0);
    const sent = afterAttempt(failedOnce, created, T0 + 10_000);
    expect(sent).toMatchObject({ state: 'sent', reportId: 'R1', attempts: 2, duplicates: [{ id: 'R0' }] });
    expect(sent.lastError).toBeUndefined();
    expect(expired([sent], T0 + 10_000 + KEEP_SENT_MS - 1)).toEqual([]);
    expect(expired([sent], T0 + 10_000 + KEEP_SENT_MS + 1)).toEqual([sent]);
  });

  it('sends the oldest first and knows when the next one is due', () => {
    const a = item('a', T0 + 2000);
    const b = item('b', T0);
    const c = { ...item('c', T0 + 1000), nextAttemptAt: T0 + 60_000 };
    expect(dueItems([a, b, c], T0 + 5000).map((i) => i.key)).toEqual(['b', 'a']);
    expect(nextDue([a, b, c])).toBe(T0);
    expect(nextDue([{ ...a, state: 'failed' }])).toBeUndefined();
  });
});

describe('drain', () => {
  it('sends each due item once with its own key and bytes, and stores each outcome', async () => {
    const store = mapStore();
    await store.put(item('a', T0));
    await store.put(item('b', T0 + 1));
    await store.put({ ...item('c', T0 + 2), state: 'failed', lastError: { status: 400 } });
    const sent: [string, string][] = [];
    const send = async (i: QueueItem): Promise<Outcome> => {
      sent.push([i.key, i.body]);
      return i.key === 'a' ? { kind: 'created', reportId: 'RA', duplicates: [] } : { kind: 'network' };
    };
    await drain(store, send, () => T0 + 10);
    expect(sent).toEqual([
      ['a', body],
      ['b', body],
    ]);
    expect((await store.get('a'))?.state).toBe('sent');
    expect(await store.get('b')).toMatchObject({ state: 'waiting', attempts: 1 });
    expect((await store.get('c'))?.state).toBe('failed');

    // Not due yet: nothing sent; "send now" sends it anyway, same key and bytes.
    sent.length = 0;
    await drain(store, send, () => T0 + 20);
    expect(sent).toEqual([]);
    await drain(store, send, () => T0 + 20, true);
    expect(sent).toEqual([['b', body]]);
  });

  it('a retry that finally gets the API replays: one key, one report', async () => {
    const store = mapStore();
    await store.put(item('k', T0));
    const stored = new Map<string, string>();
    let up = false;
    const send = async (i: QueueItem): Promise<Outcome> => {
      if (!up) return { kind: 'network' };
      if (!stored.has(i.key)) stored.set(i.key, `R${stored.size + 1}`);
      return { kind: 'created', reportId: stored.get(i.key)!, duplicates: [] };
    };
    await drain(store, send, () => T0);
    await drain(store, send, () => T0 + MAX_DELAY_MS, true);
    up = true;
    await drain(store, send, () => T0 + 2 * MAX_DELAY_MS);
    await drain(store, send, () => T0 + 3 * MAX_DELAY_MS, true);
    expect(stored.size).toBe(1);
    expect(await store.get('k')).toMatchObject({ state: 'sent', reportId: 'R1', attempts: 3 });
  });

  it('does not bring back an item discarded while it was being sent, and prunes old sent items', async () => {
    const store = mapStore();
    await store.put(item('gone', T0));
    await store.put({ ...item('old', T0), state: 'sent', sentAt: new Date(T0).toISOString(), reportId: 'R' });
    await drain(
      store,
      async (i) => {
        await store.remove(i.key);
        return { kind: 'network' };
      },
      () => T0 + KEEP_SENT_MS + 1,
    );
    expect(await store.all()).toEqual([]);
  });

  it('a shared device: each collaborator sees and sends only what they queued', async () => {
    const base = mapStore();
    await base.put(newItem('a', body, 'A', T0, 'lan@example.org'));
    await base.put(newItem('b', body, 'B', T0, 'minh@example.org'));
    const sent: string[] = [];
    const send = async (i: QueueItem): Promise<Outcome> => {
      sent.push(i.key);
      return { kind: 'network' };
    };
    await drain(ownedBy(base, 'lan@example.org'), send, () => T0);
    expect(sent).toEqual(['a']);
    expect((await ownedBy(base, 'minh@example.org').all()).map((i) => i.key)).toEqual(['b']);
    expect(await ownedBy(base, 'minh@example.org').get('a')).toBeUndefined();
    expect(await ownedBy(base, undefined).all()).toEqual([]);
  });
});
