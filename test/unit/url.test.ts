import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '#domain/url';

describe('normalizeUrl', () => {
  it.each([
    ['HTTPS://Example.COM/Path/', 'https://example.com/Path'],
    ['https://example.com/a#section', 'https://example.com/a'],
    ['https://example.com/a?utm_source=x&utm_medium=y&id=3', 'https://example.com/a?id=3'],
    ['https://www.facebook.com/post/1?fbclid=abc', 'https://www.facebook.com/post/1'],
    ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['http://example.com/', 'http://example.com'],
    ['https://example.com/x/?gclid=1&q=v', 'https://example.com/x?q=v'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('keeps the path case and distinct parameters apart', () => {
    expect(normalizeUrl('https://e.com/A')).not.toBe(normalizeUrl('https://e.com/a'));
    expect(normalizeUrl('https://e.com/a?id=1')).not.toBe(normalizeUrl('https://e.com/a?id=2'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.webUrl({ withFragments: true, withQueryParameters: true }), (url) => {
        const once = normalizeUrl(url);
        expect(normalizeUrl(once)).toBe(once);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
