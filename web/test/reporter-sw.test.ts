// The service worker's routing: the app's pages and files are handled, the API
// and other origins never are (no API response is cached).
import { describe, expect, it } from 'vitest';
import { referencedAssets, strategyFor } from '#web/src/offline/sw-routes';

const O = 'http://127.0.0.1:5000';
const req = (path: string, mode = 'cors', method = 'GET', origin = O) => ({
  method,
  mode,
  url: origin + path,
});

describe('service worker routes', () => {
  it('pages: network first with the cached index.html; never the server-side sign-in page', () => {
    expect(strategyFor(req('/send', 'navigate'), O)).toBe('navigate');
    expect(strategyFor(req('/reports/01J?x=1', 'navigate'), O)).toBe('navigate');
    expect(strategyFor(req('/dev/sign-in', 'navigate'), O)).toBe('pass');
  });

  it('hashed assets: cache first; config.json, manifest and icons: network first', () => {
    expect(strategyFor(req('/assets/index-abc123.js'), O)).toBe('immutable');
    expect(strategyFor(req('/config.json'), O)).toBe('network-first');
    expect(strategyFor(req('/manifest.webmanifest'), O)).toBe('network-first');
    expect(strategyFor(req('/icon-192.png'), O)).toBe('network-first');
  });

  it('the API, other origins and writes pass through', () => {
    expect(strategyFor(req('/reports', 'cors', 'GET', 'http://127.0.0.1:3000'), O)).toBe('pass');
    expect(strategyFor(req('/reference'), O)).toBe('pass');
    expect(strategyFor(req('/reports', 'cors', 'POST'), O)).toBe('pass');
    expect(strategyFor(req('/dev/sign-in', 'navigate', 'POST'), O)).toBe('pass');
    expect(strategyFor(req('/sw.js'), O)).toBe('pass');
  });

  it('finds the files index.html loads', () => {
    const html =
      '<link rel="manifest" href="/manifest.webmanifest"><script type="module" crossorigin src="/assets/index-A1.js"></script>' +
      '<link rel="modulepreload" crossorigin href="/assets/preact-B2.js"><link rel="stylesheet" href="/assets/index-C3.css">' +
      '<script src="/assets/index-A1.js"></script>';
    expect(referencedAssets(html)).toEqual([
      '/assets/index-A1.js',
      '/assets/preact-B2.js',
      '/assets/index-C3.css',
    ]);
  });
});
