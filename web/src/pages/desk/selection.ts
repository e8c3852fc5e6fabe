// Selecting reports in the inbox, and acting on many at once with a result per
// report: one that cannot be done says why, the others go ahead.

/** Only `new` reports can go into a case or be dismissed. */
export const selectable = (r: { status: string }): boolean => r.status === 'new';

export const toggle = (selected: ReadonlySet<string>, id: string): Set<string> => {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
};

/** "Select all on page": all selectable rows shown, or none of them when all are already selected. */
export const toggleAll = (
  selected: ReadonlySet<string>,
  rows: readonly { id: string; status: string }[],
): Set<string> => {
  const ids = rows.filter(selectable).map((r) => r.id);
  const next = new Set(selected);
  if (ids.length > 0 && ids.every((id) => next.has(id))) for (const id of ids) next.delete(id);
  else for (const id of ids) next.add(id);
  return next;
};

/** The state of the "select all" box: checked, unchecked, or mixed (indeterminate). */
export const allState = (
  selected: ReadonlySet<string>,
  rows: readonly { id: string; status: string }[],
): 'all' | 'none' | 'some' => {
  const ids = rows.filter(selectable).map((r) => r.id);
  const n = ids.filter((id) => selected.has(id)).length;
  if (n === 0) return 'none';
  return n === ids.length ? 'all' : 'some';
};

/** Keeps only what is still shown and selectable (after a refresh, a filter change). */
export const prune = (
  selected: ReadonlySet<string>,
  rows: readonly { id: string; status: string }[],
): Set<string> => new Set(rows.filter((r) => selectable(r) && selected.has(r.id)).map((r) => r.id));

/** The selected ids in the order the rows are shown (the first one gives a new case its title). */
export const inRowOrder = (selected: ReadonlySet<string>, rows: readonly { id: string }[]): string[] =>
  rows.filter((r) => selected.has(r.id)).map((r) => r.id);

export type ItemResult = { id: string; ok: true } | { id: string; ok: false; error: unknown };

/** Runs `act` for every id (a few at a time), never stopping at a failure. */
export const forEach = async (
  ids: readonly string[],
  act: (id: string) => Promise<unknown>,
  concurrency = 4,
): Promise<ItemResult[]> => {
  const results: ItemResult[] = new Array(ids.length);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      const id = ids[i] as string;
      try {
        await act(id);
        results[i] = { id, ok: true };
      } catch (error) {
        results[i] = { id, ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  return results;
};

export const succeeded = (results: readonly ItemResult[]): string[] =>
  results.filter((r) => r.ok).map((r) => r.id);
export const failed = (results: readonly ItemResult[]) =>
  results.filter((r): r is Extract<ItemResult, { ok: false }> => !r.ok);
