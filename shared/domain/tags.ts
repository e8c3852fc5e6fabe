// Case tags (docs/cases.md, "Tags"): free labels the desk puts on cases. A tag
// is shown as first typed (its display form) and matched by its key: trimmed,
// runs of white space as one space, lower case, Vietnamese marks folded
// ("Ngập lụt" = "ngap lut", đ → d), so the list filter and the weekly counts
// do not split one concern over spellings.
import * as z from 'zod';
import { BadRequest } from './errors';
import { foldMarks } from './similarity';
import { oneLineText } from './text';

export const MAX_TAGS_PER_CASE = 20;
export const MAX_TAG_LENGTH = 40;
/** At most this many tags added or removed in one action. */
export const MAX_TAGS_PER_ACTION = MAX_TAGS_PER_CASE;

/** The display form: trimmed, inner white space collapsed (NFC). */
export const tagDisplay = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** The matching key of a tag: display form, lower case, marks folded. */
export const tagKey = (s: string): string => foldMarks(tagDisplay(s)).toLocaleLowerCase('vi');

/** One tag in a request: one line, 1–40 characters once trimmed, no control characters. */
export const tagSchema = oneLineText(1, MAX_TAG_LENGTH).overwrite(tagDisplay);

export const tagListSchema = z.array(tagSchema).min(1).max(MAX_TAGS_PER_ACTION);

/**
 * The tags after adding and removing (by key). An added tag whose key is on the
 * case already keeps the display form first seen; removing an absent tag is a
 * no-op. More than MAX_TAGS_PER_CASE afterwards is a BadRequest.
 */
export const applyTags = (
  current: readonly string[],
  add: readonly string[] = [],
  remove: readonly string[] = [],
): { tags: string[]; added: string[]; removed: string[] } => {
  const removeKeys = new Set(remove.map(tagKey));
  const kept = current.filter((t) => !removeKeys.has(tagKey(t)));
  const removed = current.filter((t) => removeKeys.has(tagKey(t)));
  const keys = new Set(kept.map(tagKey));
  const added: string[] = [];
  for (const t of add) {
    const k = tagKey(t);
    if (keys.has(k)) continue;
    keys.add(k);
    added.push(t);
  }
  const tags = [...kept, ...added];
  if (tags.length > MAX_TAGS_PER_CASE) {
    throw new BadRequest('The action is not valid.', [
      { path: '/add', message: `a case holds at most ${MAX_TAGS_PER_CASE} tags` },
    ]);
  }
  return { tags, added, removed };
};

/** Tag counts over cases: by key, shown with the display form met first, most used first. */
export const countTags = (
  cases: readonly { tags?: readonly string[] }[],
): { tag: string; key: string; cases: number }[] => {
  const byKey = new Map<string, { tag: string; key: string; cases: number }>();
  for (const c of cases)
    for (const t of new Set(c.tags ?? [])) {
      const key = tagKey(t);
      const row = byKey.get(key) ?? { tag: t, key, cases: 0 };
      row.cases += 1;
      byKey.set(key, row);
    }
  return [...byKey.values()].sort((a, b) => b.cases - a.cases || a.key.localeCompare(b.key));
};
