// Near-duplicates in the inbox: groups in list order, folding, and the rest of a
// selected report's group offered with it.
import { describe, expect, it } from 'vitest';
import { askFor, groupExtras, groupOf, groupRows, isOpen } from '#web/src/pages/desk/groups';

const row = (id: string, group: string | undefined, status = 'new', at = id) => ({
  id,
  title: `Report ${id}`,
  status,
  submittedAt: `2026-12-04T0${at}:00:00Z`,
  ...(group ? { similarityGroup: group } : {}),
});

// Newest first, as the API lists them: 5, 4, 3, 2, 1.
const rows = [row('5', '1'), row('4', undefined), row('3', '1', 'linked'), row('2', '2'), row('1', '1')];

describe('inbox groups', () => {
  it('reads a report without a group as its own group', () => {
    expect(groupOf({ id: 'x' })).toBe('x');
    expect(groupOf({ id: 'x', similarityGroup: 'a' })).toBe('a');
  });

  it('puts each group where its newest report is, the others under it in list order', () => {
    const groups = groupRows(rows);
    expect(groups.map((g) => [g.key, g.lead.id, g.rest.map((r) => r.id)])).toEqual([
      ['1', '5', ['3', '1']],
      ['4', '4', []],
      ['2', '2', []],
    ]);
  });

  it('keeps a folded group open while one of its other reports is selected', () => {
    const [g] = groupRows(rows);
    expect(isOpen(g!, new Set(), new Set())).toBe(true);
    expect(isOpen(g!, new Set(['1']), new Set())).toBe(false);
    expect(isOpen(g!, new Set(['1']), new Set(['5']))).toBe(false);
    expect(isOpen(g!, new Set(['1']), new Set(['3']))).toBe(true);
  });

  it('offers the rest of a selected group that is still new, from the rows and the similar reports', () => {
    const similar = [
      { ...row('0', '1'), reason: 'similarText' as const, score: 0.82 },
      { ...row('9', '9'), reason: 'sameUrl' as const },
      { ...row('1', '1'), reason: 'sameUrl' as const },
    ];
    const extras = groupExtras(['5'], rows, similar);
    // 3 is linked already; 9 is in another group; 1 keeps the reason the API gave.
    expect(extras.map((e) => e.id)).toEqual(['1', '0']);
    expect(extras[0]).toMatchObject({ reason: 'sameUrl' });
    expect(extras[1]).toMatchObject({ reason: 'similarText', score: 0.82 });
    // A selected report is never offered again, and a group of one offers nothing.
    expect(groupExtras(['5', '1'], rows, []).map((e) => e.id)).toEqual([]);
    expect(groupExtras(['4'], rows, [])).toEqual([]);
  });

  it('asks the API once per group, about its first report when that one is selected', () => {
    expect(askFor(['5', '1', '4'], rows)).toEqual(['1', '4']);
    expect(askFor(['5'], rows)).toEqual(['5']);
  });
});
