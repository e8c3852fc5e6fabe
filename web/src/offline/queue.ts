// The offline queue on the device: reports the collaborator submitted without a
// network, kept in IndexedDB (they survive a reload and a closed tab) and sent
// on `online`, on page load, when a retry falls due and on "send now". One tab
// sends at a time (Web Locks where the browser has them), and every tab's list
// follows (BroadcastChannel). The rules are in ./queue-logic.ts.
import { createStore, del, get, set, values } from 'idb-keyval';
import { ApiProblem, api, type paths } from '../api/client';
import { currentSession } from '../auth/session';
import {
  drain,
  newItem,
  nextDue,
  type Outcome,
  ownedBy,
  type QueueItem,
  type QueueStore,
} from './queue-logic';

export type { QueueItem } from './queue-logic';

export type ReportBody = paths['/reports']['post']['requestBody']['content']['application/json'];

const idb = createStore('opinion-desk', 'report-queue');

export const idbStore: QueueStore = {
  all: () => values<QueueItem>(idb),
  get: (key) => get<QueueItem>(key, idb),
  put: (item) => set(item.key, item, idb),
  remove: (key) => del(key, idb),
};

let base: QueueStore = idbStore;
/** Tests and browsers without IndexedDB use another store. */
export const useStore = (s: QueueStore): void => {
  base = s;
};
/** The signed-in collaborator's part of the queue. */
const store = (): QueueStore => ownedBy(base, currentSession()?.name);

/** A new Idempotency-Key (a draft gets one when it is created). */
export const newKey = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** The outcome of sending these exact bytes with this key. */
export const sendReport = async (key: string, body: string): Promise<Outcome> => {
  const request = api().POST('/reports', {
    body: JSON.parse(body) as ReportBody,
    bodySerializer: () => body,
    headers: { 'Idempotency-Key': key, 'content-type': 'application/json' },
  });
  const result = await request.catch(() => undefined);
  if (!result) return { kind: 'network' };
  const { data, error, response } = result;
  if (response.ok && data)
    return { kind: 'created', reportId: data.id, duplicates: data.possibleDuplicates ?? [] };
  const problem = new ApiProblem(response.status, error);
  const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
  return {
    kind: 'problem',
    status: problem.status,
    detail: problem.detail ?? problem.title,
    ...(problem.errors.length ? { errors: problem.errors } : {}),
    ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
  };
};

// Change notices: this tab's listeners, and the other tabs through a channel.
const listeners = new Set<() => void>();
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('od-report-queue') : undefined;
channel?.addEventListener('message', () => {
  for (const l of listeners) l();
});
const changed = () => {
  for (const l of listeners) l();
  channel?.postMessage('changed');
};

/** Calls `listener` whenever the queue changes (in any tab); returns the unsubscribe. */
export const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const items = (): Promise<QueueItem[]> => store().all();

/** Puts a report in the queue, with the key its draft was given. */
export const enqueue = async (key: string, body: string, title: string): Promise<void> => {
  await store().put(newItem(key, body, title, Date.now(), currentSession()?.name));
  changed();
};

/** Removes an item (discarded, or taken back into the form to be edited). */
export const discard = async (key: string): Promise<void> => {
  await store().remove(key);
  changed();
};

const withLock = async <T>(fn: () => Promise<T>): Promise<T> => {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? (locks.request('od-report-queue', fn) as Promise<T>) : fn();
};

let timer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> | undefined;

/** Sends what is due now (everything waiting when `force`), then waits for the next retry. */
export const flush = (force = false): Promise<void> => {
  running ??= withLock(async () => {
    const done = await drain(store(), (i) => sendReport(i.key, i.body), Date.now, force);
    if (done.length) changed();
  })
    .catch(() => {
      // Storage unavailable: the queue waits for the next trigger.
    })
    .finally(async () => {
      running = undefined;
      const due = nextDue(
        await store()
          .all()
          .catch(() => []),
      );
      clearTimeout(timer);
      if (due !== undefined) timer = setTimeout(() => void flush(), Math.max(1000, due - Date.now()));
    });
  return running;
};

/**
 * Asks the service worker to keep the build files this page has loaded (the
 * report form's chunks), so the page opens offline even when it was first
 * loaded before the worker took over.
 */
const keepLoadedAssets = (): void => {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready.then((registration) => {
    const urls = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => u.startsWith(`${location.origin}/assets/`));
    registration.active?.postMessage({ type: 'cache-assets', urls });
  });
};

let started = false;
/** Starts sending: now, and whenever the network comes back. Called by every reporter page. */
export const startQueue = (): void => {
  if (started) return;
  started = true;
  addEventListener('online', () => void flush(true));
  void flush();
  keepLoadedAssets();
};
