// Decoding a request body safely: size and content type are checked before any
// parsing, and the nesting depth is measured with a linear scan before
// JSON.parse, so a hostile body costs no more than reading it once.

import { BadRequest } from '#domain/errors';
import { PayloadTooLarge, UnsupportedMediaType } from './problem';

/**
 * The one body limit of the API, for every route: the local server stops
 * reading past it and the handlers refuse past it (API Gateway passes bodies up
 * to 10 MB), both with `bodyTooLarge()`'s problem.
 */
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_JSON_DEPTH = 32;

export const isJsonContentType = (value: string | undefined): boolean => {
  if (!value) return false;
  const media = value.split(';')[0]?.trim().toLowerCase() ?? '';
  return media === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(media);
};

/**
 * One linear pass over a JSON text before JSON.parse: whether it nests deeper
 * than `maxDepth`, and the first object key that appears twice in one object.
 * JSON.parse would silently keep the last of duplicate keys, so two parsers
 * (or a validator and a store) could read one body differently: we refuse it.
 */
export const inspectJson = (
  text: string,
  maxDepth: number,
): { tooDeep: boolean; duplicateKey: string | null } => {
  const stack: (Set<string> | null)[] = []; // a Set of keys per open object, null per open array
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 /* \ */ ? 2 : 1;
      const keys = stack[stack.length - 1];
      if (keys && expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, j + 1)) as string;
        } catch {
          key = text.slice(i, j + 1);
        }
        if (keys.has(key)) return { tooDeep: false, duplicateKey: key };
        keys.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      stack.push(c === 123 ? new Set() : null);
      if (stack.length > maxDepth) return { tooDeep: true, duplicateKey: null };
      expectKey = c === 123;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 44 /* , */) {
      expectKey = stack[stack.length - 1] instanceof Set;
    }
  }
  return { tooDeep: false, duplicateKey: null };
};

/** The deepest nesting of arrays/objects in a JSON text exceeds `limit`. */
export const jsonDepthExceeds = (text: string, limit: number): boolean => inspectJson(text, limit).tooDeep;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const notUtf8 = () =>
  new BadRequest('The body is not valid UTF-8.', [{ path: '/', message: 'invalid UTF-8' }]);

/**
 * The body's text, refusing anything that is not valid UTF-8 instead of
 * storing U+FFFD in its place. A base64-encoded body (API Gateway's shape for
 * bodies it does not pass as text; the local server's for bytes that are not
 * UTF-8) is decoded with a fatal decoder. A body passed as a string was
 * decoded upstream: a lone surrogate or a U+FFFD in it is what a lossy decoder
 * leaves of invalid bytes, so it is refused too (a client that means U+FFFD
 * can write it as the JSON escape \ufffd).
 */
const bodyText = (rawBody: string, isBase64Encoded: boolean | undefined): string => {
  if (!isBase64Encoded) {
    if (!rawBody.isWellFormed() || rawBody.includes('\uFFFD')) throw notUtf8();
    return rawBody;
  }
  try {
    return strictUtf8.decode(Buffer.from(rawBody, 'base64'));
  } catch {
    throw notUtf8();
  }
};

/** The error for any request whose body is over MAX_BODY_BYTES, wherever it is caught. */
export const bodyTooLarge = (): PayloadTooLarge =>
  new PayloadTooLarge(`The body is larger than ${MAX_BODY_BYTES} bytes, the limit for every request.`);

/** Refuses a body over MAX_BODY_BYTES (counted in bytes, after base64 decoding), on any route. */
export const assertBodySize = (rawBody: string | undefined, isBase64Encoded: boolean | undefined): void => {
  const size =
    rawBody === undefined
      ? 0
      : isBase64Encoded
        ? Buffer.from(rawBody, 'base64').length
        : Buffer.byteLength(rawBody, 'utf8');
  if (size > MAX_BODY_BYTES) throw bodyTooLarge();
};

/**
 * A POST that takes no body (a file's confirm) refuses one: a client that
 * sends data there expects it to count, and it would be silently dropped.
 */
export const assertNoBody = (rawBody: string | undefined): void => {
  if (rawBody !== undefined && rawBody.length > 0)
    throw new BadRequest('This request takes no body: send it without one.', [
      { path: '/', message: 'no body expected' },
    ]);
};

export const decodeJsonBody = (
  rawBody: string | undefined,
  isBase64Encoded: boolean | undefined,
  contentType: string | undefined,
): unknown => {
  assertBodySize(rawBody, isBase64Encoded);
  if (!isJsonContentType(contentType)) {
    throw new UnsupportedMediaType('Send the body as application/json.');
  }
  const text = rawBody === undefined ? '' : bodyText(rawBody, isBase64Encoded);
  if (text.trim().length === 0) throw new BadRequest('The body is empty; a JSON object is required.');
  const shape = inspectJson(text, MAX_JSON_DEPTH);
  if (shape.tooDeep) throw new BadRequest(`The JSON is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  if (shape.duplicateKey !== null) {
    throw new BadRequest('The JSON has a duplicate key.', [
      { path: '/', message: `duplicate key "${shape.duplicateKey.slice(0, 100)}"` },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest('The body is not valid JSON.');
  }
};

// Validation of decoded input is the domain's (shared/domain/validate.ts); the edge re-exports it.
export { fieldErrors, validate } from '#domain/validate';
