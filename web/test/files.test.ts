// The console's rules for attaching evidence files (web/src/files/attach-model.ts):
// what the browser refuses before sending, the limits it shows, when a failure
// is retried and from which step, and how a case's list is grouped.
import { describe, expect, it } from 'vitest';
import { referenceData } from '#domain/reference';
import { loadAppConfig } from '#infra/config/index';
import {
  acceptOf,
  checkChosen,
  countLeft,
  DEFAULT_FILES,
  formatSize,
  groupFiles,
  isExpired,
  limitsFor,
  ownCount,
  retryFrom,
} from '#web/src/files/attach-model';

const MiB = 1024 * 1024;
const bytes = (...b: (number | string)[]) =>
  new Uint8Array(b.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF');
const PNG = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d);
const PDF = bytes('%PDF-1.7\n');
const TEXT = bytes('just some text, named photo.jpg');
const limits = limitsFor('report', DEFAULT_FILES);

describe('the browser check of a chosen file', () => {
  it('declares the kind its bytes show, whatever the name or the browser says', () => {
    expect(checkChosen(JPEG, 1000, limits)).toEqual({ ok: true, type: 'image/jpeg' });
    expect(checkChosen(PNG, 1000, limits)).toEqual({ ok: true, type: 'image/png' });
    expect(checkChosen(PDF, 1000, limits)).toEqual({ ok: true, type: 'application/pdf' });
  });

  it('refuses a text file, an empty file and one over the size limit', () => {
    expect(checkChosen(TEXT, 31, limits)).toEqual({ ok: false, reason: 'type' });
    expect(checkChosen(new Uint8Array(), 0, limits)).toEqual({ ok: false, reason: 'empty' });
    expect(checkChosen(JPEG, 10 * MiB + 1, limits)).toEqual({
      ok: false,
      reason: 'size',
      size: 10 * MiB + 1,
    });
    expect(checkChosen(JPEG, 10 * MiB, limits).ok).toBe(true);
  });

  it('refuses a kind the environment does not take', () => {
    const imagesOnly = limitsFor('report', { ...DEFAULT_FILES, types: ['image/jpeg', 'image/png'] });
    expect(checkChosen(PDF, 1000, imagesOnly)).toEqual({ ok: false, reason: 'type' });
    expect(acceptOf(imagesOnly)).toBe('image/jpeg,image/png');
  });
});

describe('the limits shown before choosing', () => {
  it('takes the count per owner kind from the reference, and the defaults without one', () => {
    const files = { maxPerReport: 3, maxPerCase: 7, maxBytes: 2 * MiB, types: DEFAULT_FILES.types };
    expect(limitsFor('report', files).maxCount).toBe(3);
    expect(limitsFor('case', files).maxCount).toBe(7);
    expect(limitsFor('case', undefined)).toEqual({
      maxCount: 20,
      maxBytes: 10 * MiB,
      types: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
    });
    expect(acceptOf(limits)).toBe('image/jpeg,image/png,image/webp,application/pdf');
  });

  it("shows the environment's limits, which /reference carries", () => {
    const base = loadAppConfig('dev');
    const config = {
      ...base,
      files: { ...base.files, maxPerReport: 3, maxBytes: 2 * MiB, types: ['image/png' as const] },
    };
    const shown = limitsFor('report', referenceData(config).files);
    expect(shown).toEqual({ maxCount: 3, maxBytes: 2 * MiB, types: ['image/png'] });
    expect(formatSize(shown.maxBytes, 'vi')).toBe('2 MB');
  });

  it('counts what is attached and what is on its way, never below zero', () => {
    expect(countLeft(limits, 0, 0)).toBe(5);
    expect(countLeft(limits, 2, 1)).toBe(2);
    expect(countLeft(limits, 5, 1)).toBe(0);
  });

  it('writes sizes in the language', () => {
    expect(formatSize(10 * MiB, 'vi')).toBe('10 MB');
    expect(formatSize(2.45 * MiB, 'vi')).toBe('2,5 MB');
    expect(formatSize(2.45 * MiB, 'en')).toBe('2.5 MB');
    expect(formatSize(830 * 1024, 'en')).toBe('830 KB');
    expect(formatSize(10, 'en')).toBe('1 KB');
  });
});

describe('retrying a failed upload', () => {
  it('confirms again after a lost answer, and sends again while the form holds', () => {
    expect(retryFrom('confirm', { kind: 'network' }, true)).toBe('confirm');
    expect(retryFrom('upload', { kind: 'network' }, true)).toBe('upload');
    expect(retryFrom('upload', { kind: 'network' }, false)).toBe('start');
    expect(retryFrom('start', { kind: 'problem', status: 503 }, false)).toBe('start');
    expect(retryFrom('start', { kind: 'problem', status: 429 }, false)).toBe('start');
    // The owner busy with another write (409 without a code, Retry-After): try again.
    expect(retryFrom('confirm', { kind: 'problem', status: 409 }, true)).toBe('confirm');
  });

  it('asks for a new form when storage refused the upload', () => {
    expect(retryFrom('upload', { kind: 'storage', status: 403 }, true)).toBe('start');
  });

  it('sends again when the confirm found nothing uploaded, or the pending upload is gone', () => {
    expect(retryFrom('confirm', { kind: 'problem', status: 409, code: 'upload-missing' }, true)).toBe(
      'upload',
    );
    expect(retryFrom('confirm', { kind: 'problem', status: 409, code: 'upload-missing' }, false)).toBe(
      'start',
    );
    expect(retryFrom('confirm', { kind: 'problem', status: 404 }, true)).toBe('start');
  });

  it('does not offer a retry for a final refusal (the bytes, the limit, the owner)', () => {
    expect(
      retryFrom('confirm', { kind: 'problem', status: 422, code: 'file-damaged' }, true),
    ).toBeUndefined();
    expect(retryFrom('confirm', { kind: 'problem', status: 409, code: 'file-limit' }, true)).toBeUndefined();
    expect(retryFrom('start', { kind: 'problem', status: 409, code: 'owner-closed' }, false)).toBeUndefined();
    expect(retryFrom('start', { kind: 'problem', status: 422 }, false)).toBeUndefined();
    expect(retryFrom('start', { kind: 'problem', status: 404 }, false)).toBeUndefined();
  });
});

describe('the lists', () => {
  const f = (id: string, kind: 'report' | 'case', owner: string) => ({ id, source: { kind, id: owner } });

  it("groups a case's list: its own files, then each report's in the case's order", () => {
    const items = [
      f('a', 'report', 'r2'),
      f('b', 'case', 'c1'),
      f('c', 'report', 'r1'),
      f('d', 'report', 'rx'),
    ];
    expect(groupFiles(items, ['r1', 'r2', 'r3'])).toEqual([
      { source: { kind: 'case', id: 'c1' }, n: 0, files: [items[1]] },
      { source: { kind: 'report', id: 'r1' }, n: 1, files: [items[2]] },
      { source: { kind: 'report', id: 'r2' }, n: 2, files: [items[0]] },
      { source: { kind: 'report', id: 'rx' }, n: 4, files: [items[3]] },
    ]);
    expect(ownCount(items, { kind: 'case', id: 'c1' })).toBe(1);
  });

  it('groups the files of cases merged into this one after its own, before the reports', () => {
    const items = [f('a', 'report', 'r1'), f('b', 'case', 'c0'), f('c', 'case', 'c1'), f('d', 'case', 'c0')];
    expect(groupFiles(items, ['r1'], 'c1')).toEqual([
      { source: { kind: 'case', id: 'c1' }, n: 0, files: [items[2]] },
      { source: { kind: 'case', id: 'c0' }, n: 1, merged: true, files: [items[1], items[3]] },
      { source: { kind: 'report', id: 'r1' }, n: 1, files: [items[0]] },
    ]);
    expect(ownCount(items, { kind: 'case', id: 'c1' })).toBe(1);
  });

  it('treats a link as expired a little before its time', () => {
    const at = Date.parse('2026-12-06T04:00:00Z');
    expect(isExpired('2026-12-06T04:00:10Z', at)).toBe(false);
    expect(isExpired('2026-12-06T04:00:04Z', at)).toBe(true);
    expect(isExpired('2026-12-06T03:59:00Z', at)).toBe(true);
  });
});
