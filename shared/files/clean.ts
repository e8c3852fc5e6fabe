// Checking and cleaning an uploaded file before anyone can read it
// (docs/files.md): the kind is decided from the bytes; images are decoded and
// written again by sharp (libvips), turned upright by their EXIF orientation
// first, and written without any metadata (EXIF, XMP, IPTC: GPS position,
// device, owner names), with a WebP thumbnail; PDFs must parse and are rebuilt
// from their pages alone, without document information, XMP, scripts or
// embedded files. A file that is not what it claims, or cannot be decoded, is
// refused with the reason, in words an uploader can act on.
import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
} from 'pdf-lib';
import sharp from 'sharp';
import { detectFileType, type FileType, isImageType } from '#domain/files';

/** Refuse images whose pixel count (all frames) would need more memory than a checking function has (decompression bombs). */
export const MAX_PIXELS = 50_000_000;
/** The thumbnail fits a square of this many pixels. */
export const THUMBNAIL_SIZE = 320;
/** Re-encoding quality for JPEG and WebP: visually lossless for photos and screenshots, about the size phones write. */
export const IMAGE_QUALITY = 90;

// Every file is distinct: libvips' operation cache would only hold memory in a checking function.
sharp.cache(false);

export type CleanRefusal =
  /** The bytes are none of the kinds taken. */
  | { kind: 'not-allowed'; detected?: undefined }
  /** The bytes are a kind taken, but not the one declared at upload. */
  | { kind: 'mismatch'; detected: FileType }
  /** The bytes start like the kind but do not decode (damaged, truncated, password-protected, too many pixels). */
  | { kind: 'damaged'; detected: FileType; reason: string };

export interface CleanedFile {
  type: FileType;
  bytes: Uint8Array;
  sha256: string;
  width?: number;
  height?: number;
  pages?: number;
  thumbnail?: Uint8Array;
}

export type CleanResult = { ok: true; file: CleanedFile } | { ok: false; refusal: CleanRefusal };

/** The reasons given with a `damaged` refusal (shown to the uploader in the problem's detail). */
export const REASONS = {
  imageUnreadable:
    'The image is damaged or incomplete and cannot be decoded; upload the original file again.',
  tooManyPixels: (w: number, h: number, frames: number) =>
    `The image is ${w}×${h} pixels${frames > 1 ? ` × ${frames} frames` : ''}, more than the ${MAX_PIXELS / 1_000_000} million pixels taken; send a smaller copy.`,
  pdfEncrypted: 'The PDF is password-protected; save it again without a password and upload that copy.',
  pdfIncomplete: 'The PDF is incomplete (it has no end-of-file marker); upload the whole file again.',
  pdfUnreadable: 'The PDF is damaged and cannot be read; upload the original file again.',
  pdfNoPages: 'The PDF has no pages.',
} as const;

/** A refusal thrown inside the cleaning, carrying a reason already meant for the uploader. */
class Refused extends Error {}

/** Metadata found in what the cleaning wrote: a fault of ours (a library changed its defaults), never stored. */
export class MetadataSurvived extends Error {
  override name = 'MetadataSurvived';
}

/**
 * Reads back what the cleaning wrote and throws if it still carries EXIF, XMP,
 * IPTC, an ICC profile or text chunks: sharp writes none by default today, and
 * this keeps an upgrade that changes that from publishing a GPS position.
 */
export const assertNoImageMetadata = async (bytes: Uint8Array): Promise<void> => {
  const m = await sharp(bytes, { animated: true, limitInputPixels: false }).metadata();
  const found = [
    m.exif && 'EXIF',
    m.xmp && 'XMP',
    m.iptc && 'IPTC',
    m.icc && 'ICC',
    m.comments?.length && 'text chunks',
    m.orientation && 'orientation',
  ].filter(Boolean);
  if (found.length > 0) throw new MetadataSurvived(`cleaned image still has ${found.join(', ')}`);
};

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const SHARP_FORMAT: Record<string, FileType> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** Whether a WebP's image data is VP8L (lossless): its first image chunk, simple or extended format. */
export const isLosslessWebp = (bytes: Uint8Array): boolean => {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 12; at + 8 <= b.length; ) {
    const fourcc = b.toString('latin1', at, at + 4);
    if (fourcc === 'VP8L') return true;
    if (fourcc === 'VP8 ') return false;
    if (fourcc === 'ANMF')
      at += 8 + 16; // an animation frame: its image chunks follow its 16-byte header
    else {
      const size = b.readUInt32LE(at + 4);
      at += 8 + size + (size % 2);
    }
  }
  return false;
};

const cleanImage = async (bytes: Uint8Array, type: FileType): Promise<CleanedFile> => {
  // The header first: a bomb is refused by its declared size before any pixel is decoded.
  const meta = await sharp(bytes, { animated: true, limitInputPixels: false }).metadata();
  if (SHARP_FORMAT[meta.format ?? ''] !== type) throw new Refused(REASONS.imageUnreadable);
  const frames = meta.pages ?? 1;
  const frameHeight = meta.pageHeight ?? meta.height ?? 0;
  const width = meta.width ?? 0;
  if (width * frameHeight * frames > MAX_PIXELS)
    throw new Refused(REASONS.tooManyPixels(width, frameHeight, frames));
  // An animated WebP keeps all its frames: the evidence is what circulated, and a
  // sticker's later frames carry its message. Orientation is a still-photo tag
  // (libvips can only turn multi-frame images by 180°), so frames stay as stored.
  const animated = frames > 1;
  // failOn 'truncated': an image cut short is refused, not padded with grey; lesser
  // decoder warnings (common in camera files) are not.
  const input = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'truncated', animated });
  // rotate(): apply the EXIF orientation to the pixels, since the tag itself is dropped.
  const turned = animated ? input : input.rotate();
  // A greyscale picture stays one channel (8 bits: 16-bit PNGs are written at 8, as screens show them).
  const upright = meta.space === 'b-w' || meta.space === 'grey16' ? turned.toColourspace('b-w') : turned;
  // sharp writes no metadata unless asked (withMetadata/keepExif/keepIccProfile) and
  // converts to sRGB: no EXIF, XMP, IPTC, text chunk or ICC profile is written.
  const encoded =
    type === 'image/jpeg'
      ? // libjpeg-turbo with optimised Huffman tables, not mozjpeg: on a 12 MP photo mozjpeg's
        // trellis quantisation took 11.6 s against 0.3–0.5 s, for a file 22% smaller.
        upright.jpeg({ quality: IMAGE_QUALITY, optimiseCoding: true })
      : type === 'image/png'
        ? // Level 6 (zlib's default): on a 2560×1440 screenshot level 9 took 4.6× as long for a larger file.
          upright.png({ compressionLevel: 6 })
        : upright.webp({
            // A lossless WebP (screenshots) stays lossless: text would blur at any quality.
            ...(isLosslessWebp(bytes) ? { lossless: true } : { quality: IMAGE_QUALITY }),
            ...(animated ? { loop: meta.loop ?? 0, delay: meta.delay } : {}),
          });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  await assertNoImageMetadata(data);
  // The thumbnail shows the first frame.
  const thumbnail = await sharp(data)
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 70 })
    .toBuffer();
  const out = new Uint8Array(data);
  return {
    type,
    bytes: out,
    sha256: sha256(out),
    width: info.width,
    height: animated ? (info.pageHeight ?? frameHeight) : info.height,
    thumbnail: new Uint8Array(thumbnail),
  };
};

// ---------------------------------------------------------------- PDF

/** Keys whose values describe people, software or history, or run something: removed from every dictionary. */
const DROPPED_KEYS = [
  'Metadata', // XMP streams, on the document, pages and images
  'PieceInfo', // application private data (editors keep authors and paths there)
  'AA', // additional actions: scripts on open, close, focus, keystroke
  'JS',
];
/** Action types that run code, send data or open other files: a key holding one is removed. */
const ACTIVE_ACTIONS = new Set([
  'JavaScript',
  'Launch',
  'ImportData',
  'SubmitForm',
  'GoToE',
  'GoToR',
  'RichMediaExecute',
  'Rendition',
  'Movie',
  'Sound',
]);
/** Annotations that carry embedded files or media: removed from the pages. */
const ACTIVE_ANNOTATIONS = new Set(['FileAttachment', 'RichMedia', 'Screen', 'Movie', 'Sound', '3D']);

const nameOf = (o: PDFObject | undefined) => (o instanceof PDFName ? o.decodeText() : undefined);

/** The tail a complete PDF ends with (readers look for it in the last kilobyte). */
const hasEofMarker = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .subarray(Math.max(0, bytes.byteLength - 1024))
    .includes('%%EOF');

/**
 * A JPEG without its application segments but APP0 (JFIF) and APP14 (Adobe,
 * needed for CMYK colours), and without comments: PDFs embed phone photos as
 * they are, EXIF and GPS included. Lossless: the compressed data is untouched.
 */
export const stripJpegSegments = (jpeg: Uint8Array): Uint8Array => {
  const b = Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return jpeg;
  const kept: Buffer[] = [b.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return jpeg; // not a marker where one must be: leave it to the reader
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xda) break; // start of scan: the entropy-coded data follows
    const length = b.readUInt16BE(at + 2);
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const keep = !(isApp && marker !== 0xe0 && marker !== 0xee) && marker !== 0xfe;
    if (keep) kept.push(b.subarray(at, at + 2 + length));
    at += 2 + length;
  }
  kept.push(b.subarray(at));
  return new Uint8Array(Buffer.concat(kept));
};

/** Removes metadata and active content from a dictionary in place. */
const cleanDict = (dict: PDFDict, resolve: (o: PDFObject | undefined) => PDFObject | undefined) => {
  for (const key of DROPPED_KEYS) dict.delete(PDFName.of(key));
  for (const [key, value] of dict.entries()) {
    const target = resolve(value);
    if (target instanceof PDFDict && ACTIVE_ACTIONS.has(nameOf(target.get(PDFName.of('S'))) ?? ''))
      dict.delete(key);
    else if (target instanceof PDFDict && !(value instanceof PDFRef)) cleanDict(target, resolve);
  }
  const annots = resolve(dict.get(PDFName.of('Annots')));
  if (annots instanceof PDFArray) {
    for (let i = annots.size() - 1; i >= 0; i--) {
      const annot = resolve(annots.get(i));
      if (annot instanceof PDFDict && ACTIVE_ANNOTATIONS.has(nameOf(annot.get(PDFName.of('Subtype'))) ?? ''))
        annots.remove(i);
    }
  }
};

/**
 * Deletes the objects nothing reachable from the catalog refers to any more:
 * copying a page copies what its keys pointed at (an XMP stream, a script), and
 * removing the key leaves the object behind, which would still be written.
 */
const dropUnreachable = (doc: PDFDocument) => {
  const reached = new Set<string>();
  const visit = (o: PDFObject | undefined): void => {
    if (o instanceof PDFRef) {
      if (reached.has(o.tag)) return;
      reached.add(o.tag);
      visit(doc.context.lookup(o));
    } else if (o instanceof PDFDict) for (const [, v] of o.entries()) visit(v);
    else if (o instanceof PDFArray) for (const v of o.asArray()) visit(v);
    else if (o instanceof PDFStream) visit(o.dict);
  };
  visit(doc.context.trailerInfo.Root);
  for (const [ref] of doc.context.enumerateIndirectObjects())
    if (!reached.has(ref.tag)) doc.context.delete(ref);
};

const cleanPdf = async (bytes: Uint8Array): Promise<CleanedFile> => {
  if (!hasEofMarker(bytes)) throw new Refused(REASONS.pdfIncomplete);
  let source: PDFDocument;
  try {
    // Loaded despite an encryption dictionary only to say so: the strings and streams stay unreadable.
    source = await PDFDocument.load(bytes, {
      updateMetadata: false,
      throwOnInvalidObject: true,
      ignoreEncryption: true,
    });
  } catch {
    throw new Refused(REASONS.pdfUnreadable);
  }
  if (source.isEncrypted) throw new Refused(REASONS.pdfEncrypted);
  const pages = source.getPageCount();
  if (pages === 0) throw new Refused(REASONS.pdfNoPages);
  // Rebuilt from its pages alone: the catalog's scripts (OpenAction, Names),
  // embedded files, forms, outlines, the document information and XMP, and any
  // object left behind by earlier edits (incremental updates keep old
  // revisions) stay behind.
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (const page of await doc.copyPages(source, source.getPageIndices())) doc.addPage(page);
  const resolve = (o: PDFObject | undefined) => (o instanceof PDFRef ? doc.context.lookup(o) : o);
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict) cleanDict(object, resolve);
    if (object instanceof PDFStream) {
      cleanDict(object.dict, resolve);
      const filter = resolve(object.dict.get(PDFName.of('Filter')));
      const only = filter instanceof PDFArray && filter.size() === 1 ? resolve(filter.get(0)) : filter;
      if (object instanceof PDFRawStream && nameOf(only) === 'DCTDecode') {
        const stripped = stripJpegSegments(object.contents);
        if (stripped !== object.contents) {
          object.dict.set(PDFName.of('Length'), doc.context.obj(stripped.length));
          doc.context.assign(ref, PDFRawStream.of(object.dict, stripped));
        }
      }
    }
  }
  dropUnreachable(doc);
  // No object streams: every object stays visible to a reviewer's `strings`, and older readers open it.
  const out = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  return { type: 'application/pdf', bytes: out, sha256: sha256(out), pages };
};

/** Checks `bytes` against the declared type and returns the cleaned file, or why it is refused. */
export const cleanUpload = async (bytes: Uint8Array, declared: FileType): Promise<CleanResult> => {
  const detected = detectFileType(bytes);
  if (!detected) return { ok: false, refusal: { kind: 'not-allowed' } };
  if (detected !== declared) return { ok: false, refusal: { kind: 'mismatch', detected } };
  try {
    return {
      ok: true,
      file: isImageType(detected) ? await cleanImage(bytes, detected) : await cleanPdf(bytes),
    };
  } catch (err) {
    if (err instanceof MetadataSurvived) throw err;
    const reason =
      err instanceof Refused
        ? err.message
        : isImageType(detected)
          ? REASONS.imageUnreadable
          : REASONS.pdfUnreadable;
    return { ok: false, refusal: { kind: 'damaged', detected, reason } };
  }
};
