// The cleaning, proven on real files that carry identifying metadata
// (test/support/evidence-images.ts): each planted GPS position, owner name,
// device and serial is found by an independent parser (exifreader) and in the
// raw bytes before, and by neither after; the picture itself survives.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { FileType } from '#domain/files';
import {
  assertNoImageMetadata,
  type CleanedFile,
  cleanUpload,
  isLosslessWebp,
  MAX_PIXELS,
  MetadataSurvived,
  REASONS,
  stripJpegSegments,
  THUMBNAIL_SIZE,
} from '#files/clean';
import {
  animatedWebpWithGps,
  cmykJpegWithGps,
  containsText,
  encryptedPdf,
  greyJpegWithGps,
  jpegOrientation6,
  jpegWithGps,
  metadataOf,
  NAME_MARK,
  p3JpegWithGps,
  pdfMetadataOf,
  pdfWithAuthor,
  pdfWithJavaScript,
  pdfWithPhoto,
  plantedTextIn,
  pngBomb,
  pngWithGps,
  webpWithGps,
  withWebpMetadata,
} from '#test/support/evidence-images';

const cleaned = async (bytes: Uint8Array, type: FileType): Promise<CleanedFile> => {
  const r = await cleanUpload(bytes, type);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.refusal)}`);
  return r.file;
};

const refusal = async (bytes: Uint8Array, type: FileType) => {
  const r = await cleanUpload(bytes, type);
  if (r.ok) throw new Error('taken, expected a refusal');
  return r.refusal;
};

const NOTHING = { gps: [], exif: [], xmp: [], iptc: [], pngText: [], icc: [] };

/** Channel means: the picture is the same picture (re-encoding moves them by a few levels at most). */
const means = async (bytes: Uint8Array) =>
  (await sharp(bytes).stats()).channels.slice(0, 3).map((c) => c.mean);

const IMAGES: [
  string,
  FileType,
  () => Promise<Uint8Array>,
  { iptc?: boolean; pngText?: boolean; sameColours?: boolean },
][] = [
  ['a JPEG photo', 'image/jpeg', () => jpegWithGps(), { iptc: true, sameColours: true }],
  ['a CMYK JPEG', 'image/jpeg', cmykJpegWithGps, { iptc: true }],
  ['a greyscale JPEG', 'image/jpeg', greyJpegWithGps, { iptc: true, sameColours: true }],
  ['a Display P3 JPEG', 'image/jpeg', p3JpegWithGps, { iptc: true }],
  ['a PNG screenshot', 'image/png', () => pngWithGps(), { pngText: true, sameColours: true }],
  ['a PNG with alpha', 'image/png', () => pngWithGps({ alpha: true }), { pngText: true, sameColours: true }],
  [
    'a 16-bit PNG with alpha',
    'image/png',
    () => pngWithGps({ alpha: true, sixteenBit: true }),
    { pngText: true },
  ],
  ['a greyscale PNG', 'image/png', () => pngWithGps({ grey: true }), { pngText: true, sameColours: true }],
  ['a WebP', 'image/webp', () => webpWithGps(), { sameColours: true }],
  ['a WebP with alpha', 'image/webp', () => webpWithGps({ alpha: true }), { sameColours: true }],
  ['an animated WebP', 'image/webp', () => animatedWebpWithGps(), {}],
];

describe('cleanUpload: images', () => {
  it.each(IMAGES)('%s loses its GPS position, owner, device and serial', async (_name, type, make, has) => {
    const before = await make();
    const found = await metadataOf(before);
    expect(found.gps).toEqual(
      expect.arrayContaining(['Latitude', 'Longitude', 'GPSLatitude', 'GPSLongitude']),
    );
    expect(found.exif).toEqual(expect.arrayContaining(['Artist', 'Make', 'Model']));
    expect(found.xmp).toEqual(expect.arrayContaining(['creator', 'SerialNumber', 'GPSLatitude']));
    if (has.iptc) expect(found.iptc).toContain('By-line');
    if (has.pngText) expect(found.pngText).toContain('Author');
    expect(plantedTextIn(before)).toHaveLength(5);

    const file = await cleaned(before, type);

    expect(file.type).toBe(type);
    expect(await metadataOf(file.bytes)).toEqual(NOTHING);
    expect(plantedTextIn(file.bytes)).toEqual([]);
    expect(containsText(file.bytes, 'Exif\0')).toBe(false);
    const out = await sharp(file.bytes).metadata();
    const inp = await sharp(before).metadata();
    expect({ format: out.format, width: out.width, height: out.pageHeight ?? out.height }).toEqual({
      format: inp.format,
      width: inp.width,
      height: inp.pageHeight ?? inp.height,
    });
    expect({ width: file.width, height: file.height }).toEqual({
      width: inp.width,
      height: inp.pageHeight ?? inp.height,
    });
    expect(out.hasProfile).toBe(false);
    expect(out.orientation).toBeUndefined();
    if (has.sameColours) {
      const [a, b] = [await means(before), await means(file.bytes)];
      for (const [i, m] of a.entries()) expect(Math.abs(m - (b[i] ?? 0))).toBeLessThan(4);
    }
    expect(file.sha256).toBe(createHash('sha256').update(file.bytes).digest('hex'));
  });

  it('turns an orientation-6 photo upright: the sides swap and the stored left edge is on top', async () => {
    const before = await jpegOrientation6();
    expect(await sharp(before).metadata()).toMatchObject({ width: 64, height: 32, orientation: 6 });

    const file = await cleaned(before, 'image/jpeg');

    expect({ width: file.width, height: file.height }).toEqual({ width: 32, height: 64 });
    const out = await sharp(file.bytes).metadata();
    expect(out).toMatchObject({ width: 32, height: 64 });
    expect(out.orientation).toBeUndefined();
    const pixel = async (top: number) =>
      [...(await sharp(file.bytes).extract({ left: 16, top, width: 1, height: 1 }).raw().toBuffer())].slice(
        0,
        3,
      );
    const [r1, , b1] = await pixel(8);
    const [r2, , b2] = await pixel(56);
    expect(r1).toBeGreaterThan(200);
    expect(b1).toBeLessThan(60);
    expect(b2).toBeGreaterThan(200);
    expect(r2).toBeLessThan(60);
  });

  it('converts a Display P3 image to sRGB before dropping its profile, so the colours stay', async () => {
    // sRGB (200, 60, 60) stored in P3 numbers: about (185, 71, 65) in the file.
    const p3 = await sharp({
      create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 60, b: 60 } },
    })
      .withIccProfile('p3')
      .png()
      .toBuffer();
    const stored = [...(await sharp(p3, { ignoreIcc: true }).raw().toBuffer()).subarray(0, 3)];
    expect(Math.abs((stored[0] ?? 0) - 200)).toBeGreaterThan(8);

    const file = await cleaned(p3, 'image/png');

    expect((await sharp(file.bytes).metadata()).hasProfile).toBe(false);
    const shown = [...(await sharp(file.bytes).raw().toBuffer()).subarray(0, 3)];
    for (const [i, v] of [200, 60, 60].entries())
      expect(Math.abs((shown[i] ?? 0) - v)).toBeLessThanOrEqual(2);
  });

  it.each([
    ['a greyscale PNG', 'image/png', () => pngWithGps({ grey: true })],
    ['a 16-bit greyscale PNG', 'image/png', () => pngWithGps({ grey: true, sixteenBit: true })],
    ['a greyscale JPEG', 'image/jpeg', greyJpegWithGps],
  ] as const)('keeps %s grey: one channel, not three', async (_name, type, make) => {
    const file = await cleaned(await make(), type);
    expect(await sharp(file.bytes).metadata()).toMatchObject({ channels: 1, space: 'b-w' });
  });

  it('keeps a lossless WebP lossless (screenshots of text), and a lossy one lossy', async () => {
    const lossless = withWebpMetadata(
      await sharp(await pngWithGps({ width: 60, height: 40 }))
        .webp({ lossless: true })
        .toBuffer(),
      60,
      40,
    );
    expect(isLosslessWebp(lossless)).toBe(true);
    const file = await cleaned(lossless, 'image/webp');
    expect(isLosslessWebp(file.bytes)).toBe(true);
    expect(await sharp(file.bytes).raw().toBuffer()).toEqual(await sharp(lossless).raw().toBuffer());
    expect(plantedTextIn(file.bytes)).toEqual([]);

    const lossy = await cleaned(await webpWithGps(), 'image/webp');
    expect(isLosslessWebp(lossy.bytes)).toBe(false);
  });

  it('keeps every frame of an animated WebP, and thumbnails the first', async () => {
    const file = await cleaned(await animatedWebpWithGps(3, 40, 30), 'image/webp');
    const out = await sharp(file.bytes, { animated: true }).metadata();
    expect(out).toMatchObject({ pages: 3, width: 40, pageHeight: 30 });
    expect(await sharp(file.thumbnail ?? new Uint8Array()).metadata()).toMatchObject({
      width: 40,
      height: 30,
    });
  });

  it.each([
    ['a landscape photo', 960, 640, THUMBNAIL_SIZE, 213],
    ['a tall screenshot', 400, 1200, 107, THUMBNAIL_SIZE],
    ['a small image (not enlarged)', 200, 100, 200, 100],
  ])('makes a WebP thumbnail of %s (%i×%i → %i×%i)', async (_name, width, height, tw, th) => {
    const file = await cleaned(await jpegWithGps({ width, height }), 'image/jpeg');
    const thumb = file.thumbnail ?? new Uint8Array();
    const meta = await sharp(thumb).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: tw, height: th });
    expect(await metadataOf(thumb)).toEqual(NOTHING);
  });

  it('refuses a decompression bomb from its header, naming its size', async () => {
    const r = await refusal(pngBomb(), 'image/png');
    expect(r).toEqual({
      kind: 'damaged',
      detected: 'image/png',
      reason: REASONS.tooManyPixels(30_000, 30_000, 1),
    });
    expect(r.kind === 'damaged' && r.reason).toContain(`${MAX_PIXELS / 1_000_000} million`);
  });

  it.each([
    ['JPEG', 'image/jpeg', () => jpegWithGps({ width: 400, height: 300 })],
    ['PNG', 'image/png', () => pngWithGps({ width: 400, height: 300 })],
    ['WebP', 'image/webp', () => webpWithGps({ width: 400, height: 300 })],
  ] as const)('refuses a truncated %s as damaged, not padded with grey', async (_name, type, make) => {
    const whole = await make();
    for (const cut of [0.5, 0.9]) {
      const r = await refusal(whole.subarray(0, Math.floor(whole.length * cut)), type);
      expect(r).toEqual({ kind: 'damaged', detected: type, reason: REASONS.imageUnreadable });
    }
  });

  it('refuses bytes that start like a JPEG but are not one', async () => {
    const r = await refusal(
      new Uint8Array([0xff, 0xd8, 0xff, ...Buffer.from('<script>alert(1)</script>')]),
      'image/jpeg',
    );
    expect(r).toEqual({ kind: 'damaged', detected: 'image/jpeg', reason: REASONS.imageUnreadable });
  });
});

describe('cleanUpload: refusals by kind', () => {
  it.each([
    ['a PNG declared as a JPEG', () => pngWithGps(), 'image/jpeg', 'image/png'],
    ['a JPEG declared as a PNG (renamed .png)', () => jpegWithGps(), 'image/png', 'image/jpeg'],
    ['a WebP declared as a JPEG', () => webpWithGps(), 'image/jpeg', 'image/webp'],
    ['a PDF declared as a PNG', () => pdfWithAuthor(1), 'image/png', 'application/pdf'],
  ] as const)(
    'refuses %s as a mismatch, saying what the bytes are',
    async (_name, make, declared, detected) => {
      expect(await refusal(await make(), declared)).toEqual({ kind: 'mismatch', detected });
    },
  );

  it.each([
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
    ['an HTML page', Buffer.from('<!doctype html><title>x</title>')],
    ['a ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s as not allowed', async (_name, bytes) => {
    expect(await refusal(new Uint8Array(bytes), 'image/jpeg')).toEqual({ kind: 'not-allowed' });
  });

  it('never throws, whatever follows a signature', async () => {
    const signatures = [
      [0xff, 0xd8, 0xff],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [...Buffer.from('RIFF\x00\x00\x00\x00WEBP', 'latin1')],
      [...Buffer.from('%PDF-1.7\n')],
    ];
    const types: FileType[] = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3 }), fc.uint8Array({ maxLength: 256 }), async (i, tail) => {
        const r = await cleanUpload(
          new Uint8Array([...(signatures[i] ?? []), ...tail]),
          types[i] ?? 'image/jpeg',
        );
        if (!r.ok) expect(r.refusal.kind).toBe('damaged');
      }),
      { seed: 19, numRuns: 100 },
    );
  });
});

describe('cleanUpload: PDFs', () => {
  it('drops the document information and the XMP stream, keeping the pages', async () => {
    const before = await pdfWithAuthor(3);
    expect(await pdfMetadataOf(before)).toMatchObject({ author: 'Nguyen Van An', xmp: true, pages: 3 });
    expect(plantedTextIn(before)).toEqual(expect.arrayContaining([NAME_MARK, 'SN-4471-0042']));

    const file = await cleaned(before, 'application/pdf');

    expect(file).toMatchObject({ type: 'application/pdf', pages: 3 });
    expect(file.thumbnail).toBeUndefined();
    expect(await pdfMetadataOf(file.bytes)).toEqual({
      author: undefined,
      creator: undefined,
      producer: undefined,
      title: undefined,
      keywords: undefined,
      xmp: false,
      pages: 3,
    });
    // Saved without object streams, so the raw bytes are the whole truth.
    expect(plantedTextIn(file.bytes)).toEqual([]);
    expect(containsText(file.bytes, 'pdf-lib')).toBe(false);
    expect(file.sha256).toBe(createHash('sha256').update(file.bytes).digest('hex'));
  });

  it('keeps what each page says (the text is the evidence)', async () => {
    const file = await cleaned(await pdfWithAuthor(2), 'application/pdf');
    const doc = await PDFDocument.load(file.bytes);
    const said = doc.getPages().map((page) => {
      const contents = page.node.Contents();
      const first = contents instanceof PDFArray ? doc.context.lookup(contents.get(0)) : contents;
      return Buffer.from(decodePDFRawStream(first as PDFRawStream).decode()).toString('latin1');
    });
    for (const [i, text] of said.entries())
      expect(text).toContain(
        Buffer.from(`Clarification: the bridge on Tran Hung Dao street stays open. Page ${i + 1}.`)
          .toString('hex')
          .toUpperCase(),
      );
  });

  it('cleans a PDF whose objects sit in compressed object streams (how modern writers save)', async () => {
    const compact = await (await PDFDocument.load(await pdfWithAuthor(2), { updateMetadata: false })).save({
      useObjectStreams: true,
    });
    expect(containsText(compact, '/ObjStm')).toBe(true);
    expect(await pdfMetadataOf(compact)).toMatchObject({ author: 'Nguyen Van An', xmp: true });

    const file = await cleaned(compact, 'application/pdf');

    expect(await pdfMetadataOf(file.bytes)).toMatchObject({ author: undefined, xmp: false, pages: 2 });
    expect(containsText(file.bytes, '/ObjStm')).toBe(false);
    expect(plantedTextIn(file.bytes)).toEqual([]);
  });

  it('removes scripts: the opening action, the named scripts and the page actions', async () => {
    const before = await pdfWithJavaScript();
    expect(containsText(before, 'app.alert')).toBe(true);

    const file = await cleaned(before, 'application/pdf');

    expect(file.pages).toBe(1);
    for (const mark of ['app.alert', '/JavaScript', '/JS', '/OpenAction', '/AA', '/Names'])
      expect(containsText(file.bytes, mark)).toBe(false);
  });

  it('strips the EXIF, XMP and IPTC of a photo embedded in a PDF, keeping the photo', async () => {
    const before = await pdfWithPhoto();
    expect(plantedTextIn(before)).toHaveLength(5);

    const file = await cleaned(before, 'application/pdf');

    expect(plantedTextIn(file.bytes)).toEqual([]);
    expect(containsText(file.bytes, 'Exif\0')).toBe(false);
    const doc = await PDFDocument.load(file.bytes);
    const images = doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter(
        (o): o is PDFRawStream =>
          o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'),
      );
    expect(images).toHaveLength(1);
    const photo = images[0]?.contents ?? new Uint8Array();
    expect(await sharp(photo).metadata()).toMatchObject({ format: 'jpeg', width: 120, height: 90 });
    expect(await metadataOf(photo)).toEqual(NOTHING);
  });

  it('refuses a password-protected PDF, saying so', async () => {
    expect(await refusal(await encryptedPdf(), 'application/pdf')).toEqual({
      kind: 'damaged',
      detected: 'application/pdf',
      reason: REASONS.pdfEncrypted,
    });
  });

  it('refuses a truncated PDF as incomplete', async () => {
    const whole = await pdfWithAuthor(2);
    for (const cut of [0.5, 0.95]) {
      expect(await refusal(whole.subarray(0, Math.floor(whole.length * cut)), 'application/pdf')).toEqual({
        kind: 'damaged',
        detected: 'application/pdf',
        reason: REASONS.pdfIncomplete,
      });
    }
  });

  it('refuses a PDF that does not parse, and one without pages', async () => {
    const garbage = new Uint8Array(
      Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n%%EOF\n'),
    );
    expect(await refusal(garbage, 'application/pdf')).toMatchObject({ kind: 'damaged' });
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
    expect(await refusal(empty, 'application/pdf')).toEqual({
      kind: 'damaged',
      detected: 'application/pdf',
      reason: REASONS.pdfNoPages,
    });
  });
});

describe('assertNoImageMetadata', () => {
  it.each([
    ['a JPEG', () => jpegWithGps(), /EXIF, XMP, IPTC/],
    ['a PNG', () => pngWithGps(), /EXIF, XMP, text chunks/],
    ['a WebP', () => webpWithGps(), /EXIF, XMP/],
  ] as const)(
    'throws on %s that still carries metadata (a fault, not a refusal)',
    async (_name, make, found) => {
      await expect(assertNoImageMetadata(await make())).rejects.toThrow(found);
      await expect(assertNoImageMetadata(await make())).rejects.toBeInstanceOf(MetadataSurvived);
    },
  );

  it('passes what the cleaning wrote', async () => {
    const file = await cleaned(await jpegOrientation6(), 'image/jpeg');
    await expect(assertNoImageMetadata(file.bytes)).resolves.toBeUndefined();
  });
});

describe('stripJpegSegments', () => {
  it('keeps the compressed picture byte for byte and drops only APP1–APP13, APP15 and comments', async () => {
    const photo = await jpegWithGps();
    const stripped = stripJpegSegments(photo);
    expect(plantedTextIn(stripped)).toEqual([]);
    const scan = (b: Uint8Array) =>
      Buffer.from(b).subarray(Buffer.from(b).indexOf(Buffer.from([0xff, 0xda])));
    expect(scan(stripped).equals(scan(photo))).toBe(true);
    expect(await sharp(stripped).raw().toBuffer()).toEqual(await sharp(photo).raw().toBuffer());
  });

  it('leaves bytes that are not a JPEG as they are', () => {
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    expect(stripJpegSegments(bytes)).toBe(bytes);
  });
});
