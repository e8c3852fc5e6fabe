// What the service worker (../sw.ts) does with each request, as a plain
// function (web/test/reporter-sw.test.ts). Only the console's own files are
// handled; the API, the sign-in pages' posts and other origins pass through
// untouched, and no API response is ever cached.

export type Strategy =
  /** The app's pages: the network, else the cached index.html (the app starts offline). */
  | 'navigate'
  /** Hashed build output: never changes, so the cache first. */
  | 'immutable'
  /** config.json, the manifest and icons: the network, else the cached copy. */
  | 'network-first'
  /** Not the service worker's business. */
  | 'pass';

/** Files cached at install besides index.html and what it references. */
export const SHELL_FILES = [
  '/config.json',
  '/manifest.webmanifest',
  '/icon.svg',
  '/icon-192.png',
  '/icon-512.png',
];

/** Server pages that are not the single-page app (the local development sign-in). */
const SERVER_PAGES = /^\/dev\//;

export const strategyFor = (
  request: { method: string; mode: string; url: string },
  origin: string,
): Strategy => {
  if (request.method !== 'GET') return 'pass';
  const url = new URL(request.url);
  if (url.origin !== origin) return 'pass';
  if (request.mode === 'navigate') return SERVER_PAGES.test(url.pathname) ? 'pass' : 'navigate';
  if (url.pathname.startsWith('/assets/')) return 'immutable';
  if (SHELL_FILES.includes(url.pathname)) return 'network-first';
  return 'pass';
};

/** The build's files index.html loads (its scripts, styles, preloads), to cache with it. */
export const referencedAssets = (html: string): string[] => [
  ...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string)),
];
