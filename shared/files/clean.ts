// Checking and cleaning an uploaded file before anyone can read it
// (docs/files.md): the kind is decided from the bytes; images are decoded and
// written again by sharp (libvips), turned upright by their EXIF orientation
// first, and written without any metadata (EXIF, XMP, IPTC: GPS position,
// device, owner names), with a WebP thumbnail; PDFs must parse and lose their
// document information and XMP metadata. A file that is not what it claims,
// or cannot be decoded, is refused with the reason.
import { createHash } from 'node:crypto';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import sharp from 'sharp';
import { detectFileType, type FileType, isImageType } from '#domain/files';

/** Refuse images whose pixel count would need more memory than a checking function has (decompression bombs). */
export const MAX_PIXELS = 50_000_000;
/** The thumbnail fits a square of this many pixels. */
export const THUMBNAIL_SIZE = 320;

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

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const cleanImage = async (bytes: Uint8Array, type: FileType): Promise<CleanedFile> => {
  const input = () => sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' });
  // rotate(): apply the EXIF orientation to the pixels, since the tag itself is dropped.
  const upright = input().rotate();
  const encoded =
    type === 'image/jpeg'
      ? upright.jpeg({ quality: 90, mozjpeg: true })
      : type === 'image/png'
        ? upright.png({ compressionLevel: 9 })
        : upright.webp({ quality: 90 });
  // sharp writes no metadata unless asked (withMetadata/keepExif/keepIccProfile): none is asked for.
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
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
    height: info.height,
    thumbnail: new Uint8Array(thumbnail),
  };
};

const cleanPdf = async (bytes: Uint8Array): Promise<CleanedFile> => {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  // The document information dictionary (author, creator, dates) goes whole.
  const info = doc.context.trailerInfo.Info;
  if (info) {
    const dict = doc.context.lookup(info);
    if (dict instanceof PDFDict) for (const key of dict.keys()) dict.delete(key);
  }
  doc.catalog.delete(PDFName.of('Metadata'));
  const out = await doc.save({ updateFieldAppearances: false });
  return { type: 'application/pdf', bytes: out, sha256: sha256(out), pages: doc.getPageCount() };
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
    const reason = err instanceof Error ? err.message.slice(0, 200) : 'unreadable';
    return { ok: false, refusal: { kind: 'damaged', detected, reason } };
  }
};
