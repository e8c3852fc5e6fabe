// The offline queue's rules, as plain functions (web/test/queue.test.ts):
// what a send's outcome does to an item, when an item is due again, and which
// items a drain sends. No storage, no network, no clock: the caller passes them.
//
// An item is one report, sent with the Idempotency-Key its draft got when it was
// created, and the exact body bytes built once: every retry replays instead of
// storing a second report (docs/api.md, "Idempotency").

export interface ItemProblem {
  /** The HTTP status, or absent for "no answer". */
  status?: number;
  /** The problem's detail (or title): shown to the collaborator as is. */
  detail?: string;
  errors?: { path: string; message: string }[];
}

export interface QueueItem {
  /** The Idempotency-Key: the item's id too. */
  key: string;
  /** The JSON body, exactly as it is sent each time. */
  body: string;
  /** The report's title, for the list on screen. */
  title: string;
  /** Who queued it (the session's name): only they see and send it on a shared device. */
  owner?: string;
  createdAt: string;
  /**
   * waiting: to be sent (again) at nextAttemptAt; failed: the API refused it
   * (4xx), kept with its problem until edited or discarded, never retried
   * blindly; sent: stored, with the report's id (kept a day so the collaborator
   * sees that it arrived).
   */
  state: 'waiting' | 'failed' | 'sent';
  attempts: number;
  /** Epoch milliseconds: not sent again before. */
  nextAttemptAt: number;
  lastError?: ItemProblem;
  reportId?: string;
  /** The submission's duplicate hints (`reason` and `score` absent on items queued before issue 17). */
  duplicates?: {
    id: string;
    status: string;
    caseId: string | null;
    reason?: 'sameUrl' | 'similarText';
    score?: number;
  }[];
  sentAt?: string;
}

/** What one attempt to send an item came back with. */
export type Outcome =
  | { kind: 'created'; reportId: string; duplicates: QueueItem['duplicates'] }
  | { kind: 'network' }
  | {
      kind: 'problem';
      status: number;
      detail?: string;
      errors?: ItemProblem['errors'];
      retryAfterSeconds?: number;
    };

/** The first retry waits this long; each next one twice as long, up to MAX_DELAY_MS. */
export const BASE_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 5 * 60_000;
/** How long a sent item stays on screen. */
export const KEEP_SENT_MS = 24 * 3_600_000;

export const newItem = (
  key: string,
  body: string,
  title: string,
  now: number,
  owner?: string,
): QueueItem => ({
  key,
  body,
  title,
  ...(owner !== undefined ? { owner } : {}),
  createdAt: new Date(now).toISOString(),
  state: 'waiting',
  attempts: 0,
  nextAttemptAt: now,
});

/**
 * Whether an answer is worth sending the same bytes again. A 4xx is the API
 * refusing this body (nothing was stored): retrying cannot help, except for
 * 408 (timeout), 409 (the same key still being stored), 429 (the hourly limit)
 * and 401 (signed out: it goes once the collaborator signs in again). A 5xx or
 * no answer at all is our outage or the network: retry.
 */
export const isRetryable = (outcome: Outcome): boolean => {
  if (outcome.kind === 'network') return true;
  if (outcome.kind === 'created') return false;
  const s = outcome.status;
  return s >= 500 || s === 401 || s === 408 || s === 409 || s === 429;
};

/** The wait before attempt number `attempts + 1` (after `attempts` failed ones): 5 s, 10 s, 20 s... ≤ 5 min. */
export const backoffMs = (attempts: number, retryAfterSeconds?: number): number => {
  const exp = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return retryAfterSeconds !== undefined ? Math.max(exp, retryAfterSeconds * 1000) : exp;
};

/** The item after an attempt's outcome. */
export const afterAttempt = (item: QueueItem, outcome: Outcome, now: number): QueueItem => {
  const attempts = item.attempts + 1;
  if (outcome.kind === 'created') {
    const { lastError: _, ...rest } = item;
    return {
      ...rest,
      state: 'sent',
      attempts,
      reportId: outcome.reportId,
      duplicates: outcome.duplicates ?? [],
      sentAt: new Date(now).toISOString(),
    };
  }
  const lastError: ItemProblem =
    outcome.kind === 'network'
      ? {}
      : {
          status: outcome.status,
          ...(outcome.detail !== undefined ? { detail: outcome.detail } : {}),
          ...(outcome.errors?.length ? { errors: outcome.errors } : {}),
        };
  if (isRetryable(outcome)) {
    const retryAfter = outcome.kind === 'problem' ? outcome.retryAfterSeconds : undefined;
    return {
      ...item,
      state: 'waiting',
      attempts,
      lastError,
      nextAttemptAt: now + backoffMs(attempts, retryAfter),
    };
  }
  return { ...item, state: 'failed', attempts, lastError };
};

/** The items a drain sends now, oldest first: waiting and due (or all waiting ones when forced by "send now"). */
export const dueItems = (items: readonly QueueItem[], now: number, force = false): QueueItem[] =>
  items
    .filter((i) => i.state === 'waiting' && (force || i.nextAttemptAt <= now))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));

/** When the next waiting item is due (epoch ms), or undefined when nothing waits. */
export const nextDue = (items: readonly QueueItem[]): number | undefined => {
  const waiting = items.filter((i) => i.state === 'waiting').map((i) => i.nextAttemptAt);
  return waiting.length ? Math.min(...waiting) : undefined;
};

/** Sent items older than KEEP_SENT_MS: to remove. */
export const expired = (items: readonly QueueItem[], now: number): QueueItem[] =>
  items.filter(
    (i) => i.state === 'sent' && i.sentAt !== undefined && now - Date.parse(i.sentAt) > KEEP_SENT_MS,
  );

/** How many items wait to be sent (the badge). */
export const waitingCount = (items: readonly QueueItem[]): number =>
  items.filter((i) => i.state === 'waiting').length;

/** A store of items by key: IndexedDB in the browser, a Map in tests. */
export interface QueueStore {
  all(): Promise<QueueItem[]>;
  get(key: string): Promise<QueueItem | undefined>;
  put(item: QueueItem): Promise<void>;
  remove(key: string): Promise<void>;
}

export const mapStore = (map = new Map<string, QueueItem>()): QueueStore => ({
  all: async () => [...map.values()],
  get: async (key) => map.get(key),
  put: async (item) => {
    map.set(item.key, item);
  },
  remove: async (key) => {
    map.delete(key);
  },
});

/** The part of a store one user sees: a device shared by two collaborators never sends one's report as the other's. */
export const ownedBy = (store: QueueStore, owner: string | undefined): QueueStore => ({
  all: async () => (owner === undefined ? [] : (await store.all()).filter((i) => i.owner === owner)),
  get: async (key) => {
    const item = await store.get(key);
    return owner !== undefined && item?.owner === owner ? item : undefined;
  },
  put: (item) => store.put(item),
  remove: (key) => store.remove(key),
});

/**
 * Sends every due item once, one after the other, and stores each outcome.
 * The caller holds the cross-tab lock. Items changed meanwhile (discarded in
 * another tab) are not brought back.
 */
export const drain = async (
  store: QueueStore,
  send: (item: QueueItem) => Promise<Outcome>,
  now: () => number,
  force = false,
): Promise<QueueItem[]> => {
  const all = await store.all();
  for (const old of expired(all, now())) await store.remove(old.key);
  const done: QueueItem[] = [];
  for (const item of dueItems(all, now(), force)) {
    const current = await store.get(item.key);
    if (current?.state !== 'waiting') continue;
    const next = afterAttempt(current, await send(current), now());
    if (await store.get(item.key)) await store.put(next);
    done.push(next);
  }
  return done;
};
