// Small pieces every email uses: user text as the emails show it, and the
// ` · ` joined meta line.
import { excerpt, maskContacts } from './format';

/** User text for the text part: contacts masked, whitespace collapsed. */
export const userText = (s: string): string => maskContacts(s).replace(/\s+/g, ' ').trim();

/** A report excerpt: it may have been cut from a longer text, so a cut-off number is masked too. */
export const userExcerpt = (s: string): string => excerpt(maskContacts(s, { cut: true }), 200);

export const joinMeta = (parts: (string | null | undefined | false)[]): string =>
  parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
