// The pure parts of the per-caller write limit: which routes count, the hour
// window and its Retry-After, and the 429 problem.
import { describe, expect, it } from 'vitest';
import { routeKey, routes } from '../../functions/routes';
import { TooManyRequests } from '../../shared/domain/errors';
import { rateWindowOf, secondsUntilEnd } from '../../shared/domain/rate-limit';
import { toProblem } from '../../shared/http/problem';

describe('the route manifest', () => {
  it('limits every write route, and no read', () => {
    for (const r of routes) {
      const limit = (r as { rateLimit?: string }).rateLimit;
      if (r.method === 'GET') expect(limit, routeKey(r)).toBeUndefined();
      else expect(limit, routeKey(r)).toBe(r.path === '/reports' ? 'reports' : 'writes');
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
