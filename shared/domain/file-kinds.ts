// The kinds of evidence file taken and how they are told apart: by their first
// bytes, never by a name or a declared type; and in which owner statuses a file
// may be attached. Apart from ./files.ts (which re-exports them) because that
// module holds zod schemas: the console sniffs a chosen file and decides whether
// to offer attaching with these same functions, and a phone should not download
// zod for it.

export const FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type FileType = (typeof FILE_TYPES)[number];
export const IMAGE_TYPES: readonly FileType[] = ['image/jpeg', 'image/png', 'image/webp'];

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

/** What a file is attached to. */
export type FileOwnerKind = 'report' | 'case';

/**
 * The owner statuses in which a file may be attached. A report takes files
 * until it is dismissed (and while its case, if any, is not closed: checked on
 * the case); a case until it is closed, and an agency only while the case
 * waits for or holds its response.
 */
export const REPORT_ATTACH_STATUSES = ['new', 'linked'] as const;
export const CASE_ATTACH_STATUSES = {
  desk: ['open', 'verifying', 'responded'],
  agency: ['verifying', 'responded'],
} as const;

export const mayAttachInStatus = (
  owner: FileOwnerKind,
  status: string,
  actor: 'desk' | 'agency' | 'reporter' = 'desk',
): boolean =>
  owner === 'report'
    ? (REPORT_ATTACH_STATUSES as readonly string[]).includes(status)
    : (CASE_ATTACH_STATUSES[actor === 'agency' ? 'agency' : 'desk'] as readonly string[]).includes(status);
