// Text hygiene for free-text request fields, in one place. Two kinds:
// - one-line fields (titles, names, reasons, locations: anything that can end
//   up in an email subject or a header) hold no line break of any kind, no C0
//   or C1 control character and no bidirectional override or isolate;
// - multi-line fields (summaries, notes, findings, responses) may hold LF and
//   tab; a CRLF (what browsers submit from a textarea) is stored as LF, and
//   any other CR, control character or bidi override/isolate is refused.
// Both must be well-formed Unicode (no lone surrogates) and are trimmed.
import * as z from 'zod';

export type TextKind = 'one-line' | 'multi-line';

// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
const C0_C1 = /[\u0000-\u001F\u007F-\u009F]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
const C0_C1_BUT_LF_TAB = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
/** Bidirectional embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
/** Line and paragraph separators: line breaks by another name. */
const UNICODE_BREAKS = /[\u2028\u2029]/u;

/** CRLF becomes LF (multi-line fields only). */
export const normalizeNewlines = (s: string): string => s.replace(/\r\n/g, '\n');

/** Why `s` is not acceptable text of this kind, or null if it is. Pure; `s` is already normalized. */
export const textProblem = (s: string, kind: TextKind): string | null => {
  if (!s.isWellFormed()) return 'must be well-formed Unicode (no lone surrogates)';
  if (BIDI_CONTROLS.test(s)) return 'must not contain bidirectional override or isolate characters';
  if (kind === 'one-line') {
    if (C0_C1.test(s) || UNICODE_BREAKS.test(s)) return 'must be one line without control characters';
  } else if (C0_C1_BUT_LF_TAB.test(s)) {
    return 'must not contain control characters other than line feed and tab';
  }
  return null;
};

const checked = (schema: z.ZodString, kind: TextKind) =>
  schema.check((ctx) => {
    const problem = textProblem(ctx.value, kind);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });

/** A one-line text field: trimmed, `min`…`max` characters. */
export const oneLineText = (min: number, max: number) =>
  checked(z.string().trim().min(min).max(max), 'one-line');

/** A multi-line text field: CRLF stored as LF, trimmed, `min`…`max` characters. */
export const multiLineText = (min: number, max: number) =>
  checked(z.string().overwrite(normalizeNewlines).trim().min(min).max(max), 'multi-line');
