// Evidence files on reports and cases (docs/files.md): what a file is, which
// kinds are taken (decided from the bytes, never from a name or a declared
// type), where its objects live in the bucket, and who may attach or read.
// Pure: the bytes are handed in; storage and image work live in shared/files.
import type { Principal } from './principal';

export const FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type FileType = (typeof FILE_TYPES)[number];
export const IMAGE_TYPES: readonly FileType[] = ['image/jpeg', 'image/png', 'image/webp'];
export const isImageType = (t: FileType): boolean => IMAGE_TYPES.includes(t);

/** What a file is attached to. */
export type FileOwnerKind = 'report' | 'case';
export interface FileOwner {
  kind: FileOwnerKind;
  id: string;
}

/** Who attached it: a role, never a person (SPEC §1). */
export type FileUploader = 'reporter' | 'desk' | 'agency';

/** A checked, cleaned file as stored (the FILE item). */
export interface StoredFile {
  id: string;
  owner: FileOwner;
  /** The name the uploader gave, cleaned for display (no path, no control characters). */
  name: string;
  /** Decided from the bytes. */
  type: FileType;
  /** Bytes of the cleaned file (what readers download). */
  size: number;
  /** SHA-256 (hex) of the cleaned file: lets a reader check a download is the stored copy. */
  sha256: string;
  width?: number;
  height?: number;
  /** PDFs: the number of pages. */
  pages?: number;
  /** Images have a thumbnail (`thumb/<id>.webp`); PDFs do not. */
  thumbnail: boolean;
  uploadedBy: FileUploader;
  createdAt: string;
}

/** The magic numbers of the kinds taken, checked against the first bytes. */
export const detectFileType = (bytes: Uint8Array): FileType | undefined => {
  const at = (i: number) => bytes[i];
  const ascii = (from: number, s: string) => [...s].every((c, i) => at(from + i) === c.charCodeAt(0));
  if (bytes.length >= 3 && at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 8 &&
    at(0) === 0x89 &&
    ascii(1, 'PNG') &&
    at(4) === 0x0d &&
    at(5) === 0x0a &&
    at(6) === 0x1a &&
    at(7) === 0x0a
  )
    return 'image/png';
  if (bytes.length >= 12 && ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (bytes.length >= 5 && ascii(0, '%PDF-')) return 'application/pdf';
  return undefined;
};

/** Where a file's objects live: the upload lands in `incoming/`, readers get `file/` and `thumb/`. */
export const objectKeys = (fileId: string) => ({
  incoming: `incoming/${fileId}`,
  file: `file/${fileId}`,
  thumbnail: `thumb/${fileId}.webp`,
});

/** A display name: the last path segment, no control characters, at most 120 characters, never empty. */
export const cleanFileName = (name: string, type: FileType): string => {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // Lone surrogates (invalid UTF-16 from a client) become U+FFFD: stored text must be valid UTF-8.
    .toWellFormed()
    // Control characters (C0, DEL) and double quotes: they break headers and lines.
    .replace(/\p{Cc}|"/gu, '')
    // Bidirectional overrides and isolates: they make "photo\u202Egpj.exe" read as "photoexe.jpg".
    .replace(/[\u202A-\u202E\u2066-\u2069]/gu, '')
    .trim();
  // Cut by code points, not UTF-16 units: half an emoji is not valid text to store.
  const cut = [...cleaned].slice(0, 120).join('').trim();
  if (cut && cut !== '.' && cut !== '..') return cut;
  return `file.${extensionOf(type)}`;
};

export const extensionOf = (type: FileType): string =>
  ({ 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' })[type];

/** The uploader role a principal attaches as (desk wins over agency over reporter). */
export const uploaderOf = (p: Pick<Principal, 'roles'>): FileUploader | undefined =>
  p.roles.includes('desk')
    ? 'desk'
    : p.roles.includes('agency')
      ? 'agency'
      : p.roles.includes('reporter')
        ? 'reporter'
        : undefined;
