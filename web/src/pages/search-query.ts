// The `q` filter of the desk's lists, as the URL carries it: forgiving like the
// other filters (a value the API would refuse is dropped, never sent).

/** The API's limit (shared/domain/search.ts). */
export const MAX_SEARCH_LENGTH = 200;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** The words to search for, or undefined when the URL's `q` is empty or not something the API takes. */
export const parseSearch = (q: string | undefined): string | undefined => {
  const s = q?.trim();
  if (!s || s.length > MAX_SEARCH_LENGTH || CONTROL.test(s)) return undefined;
  return s;
};
