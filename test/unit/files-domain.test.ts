import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanFileName, detectFileType, FILE_TYPES, type FileType } from '#domain/files';

/** The shortest byte strings each kind is recognised by ('?' stands for any byte). */
const SIGNATURES: [FileType, number[]][] = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/webp', [...Buffer.from('RIFF'), 0x10, 0x20, 0x30, 0x40, ...Buffer.from('WEBP')]],
  ['application/pdf', [...Buffer.from('%PDF-')]],
];

describe('detectFileType', () => {
  it.each(SIGNATURES)('recognises %s from its signature, whatever follows', (type, signature) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (tail) => {
        expect(detectFileType(new Uint8Array([...signature, ...tail]))).toBe(type);
      }),
      { seed: 19, numRuns: 200 },
    );
  });

  it.each(SIGNATURES)('does not take a %s signature cut short', (_type, signature) => {
    for (let n = 0; n < signature.length; n++)
      expect(detectFileType(new Uint8Array(signature.slice(0, n)))).toBeUndefined();
  });

  it('never throws on random bytes and answers only the kinds taken', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), (bytes) => {
        const t = detectFileType(bytes);
        expect(t === undefined || FILE_TYPES.includes(t)).toBe(true);
      }),
      { seed: 19, numRuns: 2000 },
    );
  });

  it.each([
    ['a GIF', [...Buffer.from('GIF89a'), 1, 0, 1, 0]],
    ['a RIFF audio file', [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WAVE')]],
    ['HTML', [...Buffer.from('<html><body>%PDF-')]],
    ['a PDF signature not at the start', [0x20, ...Buffer.from('%PDF-1.7')]],
    ['a ZIP (a .docx)', [0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]],
  ])('refuses %s', (_name, bytes) => {
    expect(detectFileType(new Uint8Array(bytes))).toBeUndefined();
  });
});

describe('cleanFileName', () => {
  it.each([
    ['photo.jpg', 'photo.jpg'],
    ['C:\\Users\\nguyen.van.an\\Pictures\\IMG_0042.JPG', 'IMG_0042.JPG'],
    ['/home/an/Downloads/clarification.pdf', 'clarification.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['tin "giả".png', 'tin giả.png'],
    ['line\r\nbreak.webp', 'linebreak.webp'],
    ['photo\u202Egpj.exe', 'photogpj.exe'],
    ['\u2066name\u2069.jpg', 'name.jpg'],
    ['ảnh chụp màn hình.png', 'ảnh chụp màn hình.png'],
  ])('%j → %j', (name, expected) => {
    expect(cleanFileName(name, 'image/png')).toBe(expected);
  });

  it.each([
    ['', 'image/jpeg', 'file.jpg'],
    ['   ', 'image/png', 'file.png'],
    ['..', 'application/pdf', 'file.pdf'],
    ['folder/', 'image/webp', 'file.webp'],
    ['\u0000\u0007', 'image/jpeg', 'file.jpg'],
  ] as const)('%j falls back to a name from the kind', (name, type, expected) => {
    expect(cleanFileName(name, type)).toBe(expected);
  });

  it('keeps at most 120 characters and never cuts a character in half', () => {
    const name = `${'a'.repeat(119)}😀😀.jpg`;
    const cleaned = cleanFileName(name, 'image/jpeg');
    expect([...cleaned]).toHaveLength(120);
    expect(cleaned.isWellFormed()).toBe(true);
  });

  it('replaces a lone surrogate, which could not be stored as UTF-8', () => {
    expect(cleanFileName('a\uD800b.png', 'image/png')).toBe('a\uFFFDb.png');
  });

  it('always answers a non-empty, single-segment, printable name', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom(...FILE_TYPES),
        (name, type) => {
          const cleaned = cleanFileName(name, type);
          expect(cleaned.length).toBeGreaterThan(0);
          expect([...cleaned].length).toBeLessThanOrEqual(120);
          expect(cleaned).not.toMatch(/[\\/"]|\p{Cc}|[\u202A-\u202E\u2066-\u2069]/u);
          expect(cleaned).toBe(cleaned.trim());
          expect(['.', '..']).not.toContain(cleaned);
          expect(cleaned.isWellFormed()).toBe(true);
        },
      ),
      { seed: 19, numRuns: 300 },
    );
  });
});
