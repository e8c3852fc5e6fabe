// Source-URL normalization for the duplicate hint: two links to the same post
// should compare equal even when shared with tracking parameters.
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'yclid',
  '_ga',
  'ref_src',
  'zarsrc',
]);

const isTracking = (name: string): boolean => {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING_PARAMS.has(n);
};

/**
 * Scheme and host lower-cased, default port dropped (by WHATWG URL parsing),
 * fragment and tracking parameters dropped, remaining parameters sorted, and a
 * trailing slash removed from the path.
 */
export const normalizeUrl = (input: string): string => {
  const url = new URL(input);
  url.hash = '';
  const kept = [...url.searchParams.entries()].filter(([k]) => !isTracking(k));
  kept.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  url.search = new URLSearchParams(kept).toString();
  const out = url.toString();
  const pathEnd = url.search ? out.indexOf('?') : out.length;
  return out.slice(0, pathEnd).replace(/\/+$/, '') + out.slice(pathEnd);
};
