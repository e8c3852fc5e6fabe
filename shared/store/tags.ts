// Case tags in the store: a case item carries `tagKeys`, the matching keys of
// its tags (shared/domain/tags.ts), and the tag filter of the cases list is a
// `contains` on that list over whatever index serves the list. No index of
// its own: cases are few (README.md here, "Tags"), and a per-tag index item
// would cost every tag change extra writes for a filter the desk sets rarely.
import { tagKey } from '#domain/tags';
import type { Filter } from './query';

/** The attribute written on the case item (absent when it has no tags: nothing to match). */
export const tagKeysAttribute = (tags: readonly string[] | undefined): Record<string, string[]> =>
  tags && tags.length > 0 ? { tagKeys: [...new Set(tags.map(tagKey))] } : {};

/** Cases whose tags include this one, by key. */
export const tagFilter = (tag: string): Filter => ({
  expression: 'contains(#ftags, :ftag)',
  names: { '#ftags': 'tagKeys' },
  values: { ':ftag': tagKey(tag) },
});
