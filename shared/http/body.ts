// Decoding a request body safely: size and content type are checked before any
// parsing, and the nesting depth is measured with a linear scan before
// JSON.parse, so a hostile body costs no more than reading it once.

import type { z } from 'zod';
import { BadRequest, type FieldError, PayloadTooLarge, UnsupportedMediaType } from '../domain/errors';

export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_JSON_DEPTH = 32;

export const isJsonContentType = (value: string | undefined): boolean => {
  if (!value) return false;
  const media = value.split(';')[0]?.trim().toLowerCase() ?? '';
  return media === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(media);
};

/** The deepest nesting of arrays/objects in a JSON text, stopping early past `limit`. */
export const jsonDepthExceeds = (text: string, limit: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91 /* { [ */) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93 /* } ] */) depth--;
  }
  return false;
};

export const decodeJsonBody = (
  rawBody: string | undefined,
  isBase64Encoded: boolean | undefined,
  contentType: string | undefined,
): unknown => {
  const text =
    rawBody === undefined ? '' : isBase64Encoded ? Buffer.from(rawBody, 'base64').toString('utf8') : rawBody;
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) {
    throw new PayloadTooLarge(`The body is larger than ${MAX_BODY_BYTES} bytes.`);
  }
  if (!isJsonContentType(contentType)) {
    throw new UnsupportedMediaType('Send the body as application/json.');
  }
  if (text.trim().length === 0) throw new BadRequest('The body is empty; a JSON object is required.');
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw new BadRequest(`The JSON is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest('The body is not valid JSON.');
  }
};

const pointer = (path: readonly PropertyKey[]): string =>
  path.length === 0
    ? '/'
    : `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

export const fieldErrors = (error: z.ZodError): FieldError[] =>
  error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((k) => ({ path: pointer([...issue.path, k]), message: 'unknown field' }))
      : [{ path: pointer(issue.path), message: issue.message }],
  );

/** Validates with a strict schema; the error lists every field that is wrong, as JSON Pointers. */
export const validate = <S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> => {
  const result = schema.safeParse(value);
  if (!result.success) throw new BadRequest(`The ${what} is not valid.`, fieldErrors(result.error));
  return result.data;
};
