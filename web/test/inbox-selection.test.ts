// Selecting reports in the inbox, and acting on many with a result per report.
import { describe, expect, it } from 'vitest';
import {
  allState,
  failed,
  forEach,
  inRowOrder,
  prune,
  succeeded,
  toggle,
  toggleAll,
} from '#web/src/pages/desk/selection';

const rows = [
  { id: 'a', status: 'new' },
  { id: 'b', status: 'linked' },
  { id: 'c', status: 'new' },
  { id: 'd', status: 'dismissed' },
];

describe('inbox selection', () => {
  it('toggles one report', () => {
    const s = toggle(new Set(), 'a');
    expect([...s]).toEqual(['a']);
    expect([...toggle(s, 'a')]).toEqual([]);
  });

  it('"select all on page" takes only the new reports, and clears them when all are selected', () => {
    const all = toggleAll(new Set(), rows);
    expect([...all].sort()).toEqual(['a', 'c']);
    expect(allState(all, rows)).toBe('all');
    expect([...toggleAll(all, rows)]).toEqual([]);
    expect(allState(new Set(['a']), rows)).toBe('some');
    expect(allState(new Set(), rows)).toBe('none');
  });

  it('select all keeps what was selected on another page', () => {
    expect([...toggleAll(new Set(['z']), rows)].sort()).toEqual(['a', 'c', 'z']);
  });

  it('forgets reports no longer shown or no longer new', () => {
    const after = [
      { id: 'a', status: 'linked' },
      { id: 'c', status: 'new' },
    ];
    expect([...prune(new Set(['a', 'c', 'x']), after)]).toEqual(['c']);
  });

  it('lists the selection in the order the rows are shown', () => {
    expect(inRowOrder(new Set(['c', 'a']), rows)).toEqual(['a', 'c']);
  });

  it('acts on every report, a failure does not stop the others, results in input order', async () => {
    let running = 0;
    let peak = 0;
    const results = await forEach(
      ['1', '2', '3', '4', '5', '6'],
      async (id) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, Number(id) % 3));
        running--;
        if (id === '2' || id === '5') throw new Error(`no ${id}`);
      },
      3,
    );
    expect(results.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(succeeded(results)).toEqual(['1', '3', '4', '6']);
    expect(failed(results).map((r) => [r.id, (r.error as Error).message])).toEqual([
      ['2', 'no 2'],
      ['5', 'no 5'],
    ]);
    expect(peak).toBeLessThanOrEqual(3);
    expect(await forEach([], async () => undefined)).toEqual([]);
  });
});
