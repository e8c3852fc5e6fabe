// Evidence files on reports and cases (docs/files.md): what a file is, which
// kinds are taken (decided from the bytes, never from a name or a declared
// type), where its objects live in the bucket, and who may attach or read.
// Pure: the bytes are handed in; storage and image work live in shared/files.
import * as z from 'zod';
// The kinds, their detection and the attach-status rule live apart, without zod, so the console can use them (./file-kinds.ts).
import { FILE_TYPES, type FileOwnerKind, type FileType, IMAGE_TYPES } from './file-kinds';
import type { Principal } from './principal';

export {
  CASE_ATTACH_STATUSES,
  detectFileType,
  FILE_TYPES,
  type FileOwnerKind,
  type FileType,
  IMAGE_TYPES,
  mayAttachInStatus,
  REPORT_ATTACH_STATUSES,
} from './file-kinds';
export const isImageType = (t: FileType): boolean => IMAGE_TYPES.includes(t);

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
    // Line and paragraph separators: line breaks by another name (shared/domain/text.ts).
    .replace(/[\u2028\u2029]/gu, '')
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

// --- The files API (lane A): who may attach or read, the request and view shapes, refusals ---

/** `POST …/files`: what the uploader declares; the bytes are checked at confirm. */
export const uploadRequestSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(500)
    .describe('The file’s name, shown to readers (cleaned: no path, no control characters).'),
  type: z.string().min(1).max(100).describe('The declared content type; one of `files.types`.'),
  size: z.number().int().min(1).describe('The exact number of bytes to upload; at most `files.maxBytes`.'),
});
export type UploadRequest = z.output<typeof uploadRequestSchema>;

/** `{id, fileId}` path parameters: ULIDs; anything else is "not found". */
export const fileParamsSchema = z.strictObject({ id: z.ulid(), fileId: z.ulid() });

export const uploadFormSchema = z.object({
  fileId: z.string(),
  upload: z.object({
    url: z.string().describe('POST a multipart form here: the fields, in order, then the `file` field last.'),
    fields: z.record(z.string(), z.string()),
  }),
  expiresAt: z.string().describe('The form is refused after this instant (`files.uploadTtlSeconds`).'),
});
export type UploadFormView = z.infer<typeof uploadFormSchema>;

export const fileViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(FILE_TYPES),
  size: z.number().int(),
  sha256: z.string(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  pages: z.number().int().optional(),
  uploadedBy: z.enum(['reporter', 'desk', 'agency']),
  createdAt: z.string(),
  source: z.object({ kind: z.enum(['report', 'case']), id: z.string() }),
  url: z.string().describe('A signed GET link to the cleaned file, served inline under its name.'),
  thumbnailUrl: z.string().nullable().describe('A signed link to the WebP thumbnail; null for PDFs.'),
  urlExpiresAt: z.string().describe('The links stop working after this instant (`files.urlTtlSeconds`).'),
});
export type FileView = z.infer<typeof fileViewSchema>;
export const fileListSchema = z.object({ items: z.array(fileViewSchema) });

/** The FileView without its links: what the service signs. */
export const fileViewBase = (f: StoredFile): Omit<FileView, 'url' | 'thumbnailUrl' | 'urlExpiresAt'> => ({
  id: f.id,
  name: f.name,
  type: f.type,
  size: f.size,
  sha256: f.sha256,
  ...(f.width === undefined ? {} : { width: f.width }),
  ...(f.height === undefined ? {} : { height: f.height }),
  ...(f.pages === undefined ? {} : { pages: f.pages }),
  uploadedBy: f.uploadedBy,
  createdAt: f.createdAt,
  source: { kind: f.owner.kind, id: f.owner.id },
});

/**
 * A report's files: the desk and the report's own reporter may read and
 * attach; another reporter is told "not found" (the route already refuses
 * other roles with 403).
 */
export const mayUseReportFiles = (
  p: Pick<Principal, 'sub' | 'roles'>,
  report: { submittedBy: string },
): boolean => p.roles.includes('desk') || (p.roles.includes('reporter') && report.submittedBy === p.sub);

/** A case's files: the desk, and the agency the case is assigned to; anyone else "not found". */
export const caseFileActor = (
  p: Pick<Principal, 'roles' | 'agencyId'>,
  c: { agencyId?: string | null },
): 'desk' | 'agency' | null => {
  if (p.roles.includes('desk')) return 'desk';
  if (p.roles.includes('agency') && p.agencyId && p.agencyId === c.agencyId) return 'agency';
  return null;
};

/** The problem `code` of each refusal (an extension member beside `type`, docs/files.md). */
export const FILE_PROBLEM_CODES = [
  'file-limit',
  'upload-missing',
  'file-too-large',
  'file-type-not-allowed',
  'file-type-mismatch',
  'file-damaged',
  'owner-closed',
] as const;
export type FileProblemCode = (typeof FILE_PROBLEM_CODES)[number];

/** Field errors of an upload request against the environment's limits (empty: taken). */
export const uploadRequestIssues = (
  req: UploadRequest,
  limits: { maxBytes: number; types: readonly string[] },
): { path: string; message: string }[] => [
  ...(limits.types.includes(req.type)
    ? []
    : [{ path: '/type', message: `must be one of ${limits.types.join(', ')}` }]),
  ...(req.size > limits.maxBytes
    ? [{ path: '/size', message: `must be at most ${limits.maxBytes} bytes` }]
    : []),
];
