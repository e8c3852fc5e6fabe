import { describe, expect, it } from 'vitest';
import { BadRequest } from '../../shared/domain/errors';
import { decodeCursor, encodeCursor } from '../../shared/store/cursor';

describe('pagination cursors', () => {
  const key = { pk: 'REPORT#1', sk: 'REPORT', gsi7pk: 'REPORT', gsi7sk: '2026-01-01T00:00:00.000Z#1' };

  it('round-trips the key for the same index and partition', () => {
    const c = encodeCursor('gsi7', 'REPORT', key);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c, 'gsi7', 'REPORT')).toEqual(key);
  });

  it('rejects a cursor issued for another partition (another reporter) or index', () => {
    const c = encodeCursor('gsi2', 'RBY#alice', key);
    expect(() => decodeCursor(c, 'gsi2', 'RBY#bob')).toThrow(BadRequest);
    expect(() => decodeCursor(c, 'gsi1', 'RBY#alice')).toThrow(BadRequest);
  });

  it.each([
    'not base64 at all!',
    '',
    Buffer.from('null').toString('base64url'),
    Buffer.from('{"i":"gsi7","p":"REPORT","k":{}}').toString('base64url'),
    Buffer.from('{"i":"gsi7","p":"REPORT","k":{"pk":1}}').toString('base64url'),
    Buffer.from('{"i":"gsi7","p":"REPORT"}').toString('base64url'),
  ])('rejects malformed cursor %j', (c) => {
    expect(() => decodeCursor(c, 'gsi7', 'REPORT')).toThrow(BadRequest);
  });
});
