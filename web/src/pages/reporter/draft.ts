// The report form's draft: what the collaborator typed, kept on the device
// (local storage) until it is sent or queued, with the Idempotency-Key it got
// when it was created. The body is built from it once, in a fixed field order,
// and those bytes are what every retry sends.
import { fromLocalInput, toLocalInput } from '../../time';

export interface Draft {
  /** The Idempotency-Key of this draft's submission. */
  key: string;
  title: string;
  summary: string;
  category: string;
  area: string;
  channel: string;
  sentiment: string;
  urgency: string;
  /** One row per URL; empty rows are left out of the body. */
  sourceUrls: string[];
  /** A datetime-local value, wall-clock time in the configured zone. */
  observedAt: string;
  reach: string;
}

const KEY = 'od.report-draft';

export const emptyDraft = (key: string, now: Date, zone: string): Draft => ({
  key,
  title: '',
  summary: '',
  category: '',
  area: '',
  channel: 'social',
  sentiment: 'negative',
  urgency: 'normal',
  sourceUrls: [''],
  observedAt: toLocalInput(now, zone),
  reach: '',
});

/** Whether the collaborator has typed or chosen anything yet. */
export const isPristine = (d: Draft): boolean =>
  !d.title && !d.summary && !d.category && !d.area && !d.reach && d.sourceUrls.every((u) => !u.trim());

export const saveDraft = (d: Draft): void => {
  try {
    localStorage.setItem(KEY, JSON.stringify(d));
  } catch {
    // Private mode or storage full: the form still works, without surviving a reload.
  }
};

export const clearDraft = (): void => {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing saved.
  }
};

/**
 * The saved draft, or a new one. A saved draft nothing was typed into starts
 * again at "now" (its observed time would be stale).
 */
export const loadDraft = (newKey: () => string, now: Date, zone: string): Draft => {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) {
      const d = { ...emptyDraft('', now, zone), ...(JSON.parse(raw) as Partial<Draft>) };
      if (d.key && !isPristine(d)) return { ...d, sourceUrls: d.sourceUrls.length ? d.sourceUrls : [''] };
    }
  } catch {
    // A damaged draft: start again.
  }
  return emptyDraft(newKey(), now, zone);
};

/** The POST /reports body, fields in a fixed order. Values the API refuses are sent as they are: its answer names them. */
export const buildBody = (d: Draft, zone: string) => {
  const reach = d.reach.trim();
  return {
    title: d.title.trim(),
    summary: d.summary.trim(),
    category: d.category,
    area: d.area,
    channel: d.channel,
    sentiment: d.sentiment,
    urgency: d.urgency,
    sourceUrls: d.sourceUrls.map((u) => u.trim()).filter(Boolean),
    observedAt: fromLocalInput(d.observedAt, zone) ?? d.observedAt,
    ...(reach ? { reach: /^\d+$/.test(reach) ? Number(reach) : reach } : {}),
  };
};

/** A body back into a draft (a failed queued report taken back to be corrected), with a new key. */
export const draftFromBody = (body: string, key: string, zone: string): Draft => {
  const b = JSON.parse(body) as Partial<Record<keyof Draft, unknown>>;
  const text = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
  const observed = text(b.observedAt);
  const urls = Array.isArray(b.sourceUrls) ? b.sourceUrls.map(text) : [];
  return {
    key,
    title: text(b.title),
    summary: text(b.summary),
    category: text(b.category),
    area: text(b.area),
    channel: text(b.channel),
    sentiment: text(b.sentiment),
    urgency: text(b.urgency),
    sourceUrls: urls.length ? urls : [''],
    observedAt: Number.isNaN(Date.parse(observed)) ? observed : toLocalInput(observed, zone),
    reach: text(b.reach),
  };
};

/**
 * The checks made before sending, only those that are the API's own rules and
 * need no knowledge of its lists: required fields and the title's length. The
 * rest (URLs, the observed time's window) is the API's answer, shown at its field.
 */
export const checkDraft = (d: Draft): { path: string; rule: 'required' | 'titleLength' }[] => {
  const problems: { path: string; rule: 'required' | 'titleLength' }[] = [];
  const title = d.title.trim();
  if (!title) problems.push({ path: '/title', rule: 'required' });
  else if (title.length < 3 || title.length > 200) problems.push({ path: '/title', rule: 'titleLength' });
  if (!d.summary.trim()) problems.push({ path: '/summary', rule: 'required' });
  for (const f of ['category', 'area', 'channel', 'sentiment', 'urgency', 'observedAt'] as const)
    if (!d[f]) problems.push({ path: `/${f}`, rule: 'required' });
  return problems;
};

/**
 * The form control a JSON Pointer of the body names. `/sourceUrls/1` is the
 * second URL sent, which is the second row that is not empty.
 */
export const fieldId = (pointer: string, d: Draft): string => {
  const m = /^\/sourceUrls(?:\/(\d+))?/.exec(pointer);
  if (m) {
    const rows = d.sourceUrls.flatMap((u, i) => (u.trim() ? [i] : []));
    return `report-url-${rows[Number(m[1] ?? 0)] ?? 0}`;
  }
  return `report-${pointer.split('/')[1] ?? 'title'}`;
};
