// The console's service worker (no library): the app shell is cached so the
// collaborator's report form opens without a network, and the offline queue
// (./offline/queue.ts) can send later. Pages: network first, falling back to
// the cached index.html. Hashed assets: cache first (index.html's own at
// install, each lazy page's on first use). config.json, the manifest and the
// icons: network first with the cached copy as fallback. Pages loaded before
// the worker took over send the files they used (a 'cache-assets' message). The API is never
// cached (./offline/sw-routes.ts decides).
import { referencedAssets, SHELL_FILES, strategyFor } from './offline/sw-routes';

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface SwScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', fn: (e: ExtendableEvent & { data: unknown }) => void): void;
}
const sw = self as unknown as SwScope;

const CACHE = 'od-shell-v1';
const INDEX = '/index.html';
const REFRESH_MS = 10 * 60_000;

/**
 * Caches index.html and the files it loads. Hashed files of older releases stay in
 * the cache (a page still open on an old release may need them); the cache grows by
 * one release's changed files per release.
 */
const cacheShell = async (): Promise<void> => {
  const cache = await caches.open(CACHE);
  const res = await fetch(INDEX, { cache: 'no-cache' });
  if (!res.ok) return;
  const html = await res.clone().text();
  const assets = referencedAssets(html);
  await Promise.all(
    assets.map(async (a) => {
      if (!(await cache.match(a))) await cache.add(a);
    }),
  );
  await cache.put(INDEX, res);
  await Promise.all(
    SHELL_FILES.map((f) =>
      fetch(f, { cache: 'no-cache' }).then(
        (r) => (r.ok ? cache.put(f, r) : undefined),
        () => undefined,
      ),
    ),
  );
};

let refreshedAt = 0;
const refreshShell = (): Promise<void> => {
  if (Date.now() - refreshedAt < REFRESH_MS) return Promise.resolve();
  refreshedAt = Date.now();
  return cacheShell().catch(() => undefined);
};

sw.addEventListener('install', (e) => {
  e.waitUntil(
    cacheShell()
      .catch(() => undefined)
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

const networkFirst = async (request: Request, fallback: string): Promise<Response> => {
  try {
    const res = await fetch(request);
    if (res.ok && fallback !== INDEX) await (await caches.open(CACHE)).put(fallback, res.clone());
    return res;
  } catch (err) {
    const cached = await caches.match(fallback);
    if (cached) return cached;
    throw err;
  }
};

const cacheFirst = async (request: Request): Promise<Response> => {
  const cached = await caches.match(request);
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) await (await caches.open(CACHE)).put(request, res.clone());
  return res;
};

sw.addEventListener('fetch', (e) => {
  const { request } = e;
  switch (strategyFor(request, sw.location.origin)) {
    case 'navigate':
      e.respondWith(networkFirst(request, INDEX));
      e.waitUntil(refreshShell());
      return;
    case 'immutable':
      e.respondWith(cacheFirst(request));
      return;
    case 'network-first':
      e.respondWith(networkFirst(request, new URL(request.url).pathname));
      return;
    default:
      return;
  }
});

// A page loaded before this worker controlled it names the build files it
// used (its lazy page chunks): they are cached so that page opens offline.
sw.addEventListener('message', (e) => {
  const data = e.data as { type?: string; urls?: unknown } | null;
  if (data?.type !== 'cache-assets' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter(
    (u): u is string =>
      typeof u === 'string' &&
      strategyFor({ method: 'GET', mode: 'no-cors', url: u }, sw.location.origin) === 'immutable',
  );
  e.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all(
          urls.map(async (u) => ((await cache.match(u)) ? undefined : cache.add(u).catch(() => undefined))),
        ),
      ),
  );
});
