// Opaque pagination cursors. A cursor names the index and partition it was
// issued for, so it cannot be replayed against another query (or another
// caller's partition): a mismatch is the client's error, a 400.
import { BadRequest } from '../domain/errors';

export type KeyValues = Record<string, string>;

interface CursorPayload {
  i: string;
  p: string;
  k: KeyValues;
}

export const encodeCursor = (index: string, partition: string, key: KeyValues): string =>
  Buffer.from(JSON.stringify({ i: index, p: partition, k: key } satisfies CursorPayload), 'utf8').toString(
    'base64url',
  );

const invalid = () =>
  new BadRequest('The cursor is not valid for this query.', [{ path: '/cursor', message: 'invalid cursor' }]);

export const decodeCursor = (cursor: string, index: string, partition: string): KeyValues => {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof payload !== 'object' || payload === null) throw invalid();
  const { i, p, k } = payload as Partial<CursorPayload>;
  if (i !== index || p !== partition || typeof k !== 'object' || k === null) throw invalid();
  const entries = Object.entries(k);
  if (
    entries.length === 0 ||
    entries.length > 4 ||
    entries.some(([, v]) => typeof v !== 'string' || v.length > 1024)
  ) {
    throw invalid();
  }
  return k as KeyValues;
};
