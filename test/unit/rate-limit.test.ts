// The pure parts of the per-caller write limit: which routes count, the hour
// window and its Retry-After, and the 429 problem.
import { describe, expect, it } from 'vitest';
import { TooManyRequests } from '#domain/errors';
import { rateWindowOf, secondsUntilEnd } from '#domain/rate-limit';
import { routeKey, routes, routesOfGroup } from '#functions/routes';
import { httpHandler } from '#http/handler';
import { toProblem } from '#http/problem';
import { withRateLimit } from '#http/rate-limit';
import type { Deps } from '#shared/deps';

const noop = async () => ({ status: 204 });
const noDeps = (): Deps => {
  throw new Error('not called while building a handler');
};

describe('the route manifest', () => {
  it('limits every write route, and no read', () => {
    for (const r of routes) {
      const limit = (r as { rateLimit?: string }).rateLimit;
      if (r.method === 'GET') expect(limit, routeKey(r)).toBeUndefined();
      else expect(limit, routeKey(r)).toBe(r.path === '/reports' ? 'reports' : 'writes');
    }
  });
});

describe('the handler groups', () => {
  it('are handed the limit exactly where a route has one: a limited group built without it refuses to start', () => {
    const limitedGroups = new Set(
      routes.filter((r) => (r as { rateLimit?: string }).rateLimit).map((r) => r.group),
    );
    expect([...limitedGroups].sort()).toEqual(['briefings', 'cases', 'files', 'reports']);
    for (const group of limitedGroups) {
      const impls = Object.fromEntries(routesOfGroup(group).map((r) => [routeKey(r), noop]));
      expect(() => httpHandler(group, impls, noDeps), group).toThrow(/rate-limited routes but no rate limit/);
      expect(() => httpHandler(group, impls, noDeps, { rateLimit: withRateLimit }), group).not.toThrow();
    }
  });
});

describe('the hour window', () => {
  it('is the UTC clock hour that holds the instant', () => {
    const w = rateWindowOf(new Date('2026-11-26T03:59:59.999Z'));
    expect(w.id).toBe('2026-11-26T03');
    expect(w.start.toISOString()).toBe('2026-11-26T03:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-11-26T04:00:00.000Z');
    expect(rateWindowOf(new Date('2026-11-26T04:00:00.000Z')).id).toBe('2026-11-26T04');
  });

  it('gives Retry-After as whole seconds to its end, at least 1', () => {
    const at = (iso: string) => new Date(iso);
    const w = rateWindowOf(at('2026-11-26T03:20:00Z'));
    expect(secondsUntilEnd(w, at('2026-11-26T03:20:00Z'))).toBe(2400);
    expect(secondsUntilEnd(w, at('2026-11-26T03:59:58.200Z'))).toBe(2);
    expect(secondsUntilEnd(w, at('2026-11-26T03:59:59.999Z'))).toBe(1);
  });
});

describe('TooManyRequests', () => {
  it('maps to a 429 problem with Retry-After', () => {
    const { problem, headers, unknown } = toProblem(new TooManyRequests('Slow down.', 42));
    expect(unknown).toBe(false);
    expect(problem).toEqual({
      type: 'https://opinion-desk.example.org/problems/429',
      title: 'Too many requests',
      status: 429,
      detail: 'Slow down.',
    });
    expect(headers).toEqual({ 'retry-after': '42' });
  });
});
