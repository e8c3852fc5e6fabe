// Near-duplicates in the inbox: reports of the same similarity group shown
// together, and the rest of a group offered when the desk opens a case from
// (or links to a case) some of its reports. Pure, apart from the component.

/** A report's similarity group: the earliest similar report's id, or its own (absent on old reports). */
export const groupOf = (r: { id: string; similarityGroup?: string | undefined }): string =>
  r.similarityGroup ?? r.id;

export interface RowGroup<R> {
  key: string;
  /** The newest report of the group in view: the row the group stands at. */
  lead: R;
  /** The group's other reports in view, in list order (newest first). */
  rest: R[];
}

/**
 * The rows grouped by similarity group, each group where its newest row is
 * (the list stays newest first); a report alone is a group of one.
 */
export const groupRows = <R extends { id: string; similarityGroup?: string | undefined }>(
  rows: readonly R[],
): RowGroup<R>[] => {
  const byKey = new Map<string, RowGroup<R>>();
  const out: RowGroup<R>[] = [];
  for (const r of rows) {
    const key = groupOf(r);
    const g = byKey.get(key);
    if (g) g.rest.push(r);
    else {
      const fresh = { key, lead: r, rest: [] };
      byKey.set(key, fresh);
      out.push(fresh);
    }
  }
  return out;
};

/** A group is shown open unless the desk closed it; one holding a selected report is always open. */
export const isOpen = <R extends { id: string }>(
  g: RowGroup<R>,
  closed: ReadonlySet<string>,
  selected: ReadonlySet<string>,
): boolean => !closed.has(g.key) || g.rest.some((r) => selected.has(r.id));

/** A report of a selected report's group that could go with it: still `new` and not selected. */
export interface GroupExtra {
  id: string;
  title: string;
  submittedAt: string;
  /** Why the API found it similar (`GET /reports/{id}/similar`); absent when known from the list only. */
  reason?: 'sameUrl' | 'similarText';
  score?: number;
}

type Known = {
  id: string;
  title: string;
  status: string;
  submittedAt: string;
  similarityGroup?: string | undefined;
  reason?: 'sameUrl' | 'similarText';
  score?: number | undefined;
};

/**
 * The reports that share a group with a selected one, are still `new` and are
 * not selected: from the rows in view and from each group's similar reports as
 * the API lists them. Newest first, each once.
 */
export const groupExtras = (
  selected: readonly string[],
  rows: readonly Known[],
  similar: readonly Known[],
): GroupExtra[] => {
  const chosen = new Set(selected);
  const groups = new Set(rows.filter((r) => chosen.has(r.id)).map(groupOf));
  const seen = new Map<string, GroupExtra>();
  for (const r of [...similar, ...rows]) {
    if (chosen.has(r.id) || r.status !== 'new' || !groups.has(groupOf(r))) continue;
    const known = seen.get(r.id);
    if (known?.reason) continue;
    seen.set(r.id, {
      id: r.id,
      title: r.title,
      submittedAt: r.submittedAt,
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.score !== undefined ? { score: r.score } : {}),
    });
  }
  return [...seen.values()].sort((a, b) =>
    a.submittedAt < b.submittedAt ? 1 : a.submittedAt > b.submittedAt ? -1 : a.id < b.id ? -1 : 1,
  );
};

/**
 * Which report to ask `GET /reports/{id}/similar` about for each group that
 * has a selected report: the group's first report when it is selected, else
 * the first selected one (one request per group, not per report).
 */
export const askFor = (selected: readonly string[], rows: readonly Known[]): string[] => {
  const chosen = new Set(selected);
  const pick = new Map<string, string>();
  for (const r of rows) {
    if (!chosen.has(r.id)) continue;
    const key = groupOf(r);
    if (r.id === key || !pick.has(key)) pick.set(key, r.id);
  }
  return [...pick.values()];
};
