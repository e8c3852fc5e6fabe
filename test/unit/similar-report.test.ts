// The ranking of similar reports, the hints a submission answers with and the
// group a new report joins (shared/domain/similar-report.ts).
import { describe, expect, it } from 'vitest';
import { groupOf, hintsOf, MAX_HINTS, type SimilarMatch, similarReportsOf } from '#domain/similar-report';

const m = (id: string, over: Partial<SimilarMatch> = {}): SimilarMatch => ({
  id,
  title: `title ${id}`,
  status: 'new',
  caseId: null,
  similarityGroup: id,
  submittedAt: `2026-11-2${id.length}T00:00:00.000Z`,
  reason: 'similarText',
  score: 0.7,
  ...over,
});

describe('similar reports', () => {
  it('ranks a shared URL first, then the higher score, then the newer report', () => {
    const ranked = similarReportsOf([
      m('a', { score: 0.6, submittedAt: '2026-11-20T00:00:00.000Z' }),
      m('b', { score: 0.9 }),
      m('c', { reason: 'sameUrl', score: undefined, submittedAt: '2026-11-20T00:00:00.000Z' }),
      m('d', { score: 0.6, submittedAt: '2026-11-21T00:00:00.000Z' }),
      m('e', { reason: 'sameUrl', score: undefined, submittedAt: '2026-11-22T00:00:00.000Z' }),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['e', 'c', 'b', 'd', 'a']);
    expect(ranked[0]).not.toHaveProperty('score');
  });

  it('hints carry id, status, case, reason and a two-decimal score only, at most MAX_HINTS', () => {
    const many = Array.from({ length: MAX_HINTS + 5 }, (_, i) =>
      m(`r${i}`, { score: 0.5 + i / 100 + 0.0049 }),
    );
    const hints = hintsOf(many);
    expect(hints).toHaveLength(MAX_HINTS);
    expect(hints[0]).toEqual({
      id: `r${MAX_HINTS + 4}`,
      status: 'new',
      caseId: null,
      reason: 'similarText',
      score: 0.74,
    });
  });

  it('joins the group of the best match: a URL over text, then the score, then the earliest submitted', () => {
    expect(groupOf([], 'self')).toBe('self');
    expect(
      groupOf(
        [
          m('a', { score: 0.95, similarityGroup: 'A' }),
          m('b', { reason: 'sameUrl', score: undefined, similarityGroup: 'B' }),
        ],
        'self',
      ),
    ).toBe('B');
    expect(
      groupOf(
        [m('a', { score: 0.6, similarityGroup: 'A' }), m('b', { score: 0.8, similarityGroup: 'B' })],
        'self',
      ),
    ).toBe('B');
    expect(
      groupOf(
        [
          m('late', { score: 1, similarityGroup: 'L', submittedAt: '2026-11-25T00:00:00.000Z' }),
          m('early', { score: 1, similarityGroup: 'E', submittedAt: '2026-11-20T00:00:00.000Z' }),
        ],
        'self',
      ),
    ).toBe('E');
  });
});
