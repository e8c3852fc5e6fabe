// The rules of attaching evidence files in the console, pure (web/test/files.test.ts):
// the limits shown before choosing, what the browser checks before sending
// (the kind from the first bytes with the server's own detectFileType, the
// size, the count left), when a failed upload is worth retrying and from which
// step, and how a case's files are grouped. The server checks everything again.
import { detectFileType, FILE_TYPES, type FileType } from '#domain/file-kinds';
import type { Lang } from '../i18n';

export type OwnerKind = 'report' | 'case';
export interface Owner {
  kind: OwnerKind;
  id: string;
}

export interface FileLimits {
  maxCount: number;
  maxBytes: number;
  types: readonly FileType[];
}

/** What `/reference` gives (`files`); absent from a reference cached before files existed. */
export interface ReferenceFiles {
  maxPerReport: number;
  maxPerCase: number;
  maxBytes: number;
  types: readonly string[];
}

/** The defaults of the config (`files.*`), for a reference cached on the device before it had them. */
export const DEFAULT_FILES: ReferenceFiles = {
  maxPerReport: 5,
  maxPerCase: 20,
  maxBytes: 10 * 1024 * 1024,
  types: FILE_TYPES,
};

export const limitsFor = (kind: OwnerKind, files: ReferenceFiles | undefined): FileLimits => {
  const f = files ?? DEFAULT_FILES;
  return {
    maxCount: kind === 'report' ? f.maxPerReport : f.maxPerCase,
    maxBytes: f.maxBytes,
    types: FILE_TYPES.filter((t) => f.types.includes(t)),
  };
};

/** The `accept` of the file input: the types taken, no `capture` (a phone offers camera and gallery). */
export const acceptOf = (limits: FileLimits): string => limits.types.join(',');

/** How many bytes to read for the kind: the longest magic number checked is 12 bytes. */
export const SNIFF_BYTES = 16;

export type Refusal = { reason: 'type' } | { reason: 'size'; size: number } | { reason: 'empty' };

/** The browser's check of one chosen file: the kind it declares is the one its bytes show. */
export const checkChosen = (
  head: Uint8Array,
  size: number,
  limits: FileLimits,
): { ok: true; type: FileType } | ({ ok: false } & Refusal) => {
  if (size === 0) return { ok: false, reason: 'empty' };
  const type = detectFileType(head);
  if (!type || !limits.types.includes(type)) return { ok: false, reason: 'type' };
  if (size > limits.maxBytes) return { ok: false, reason: 'size', size };
  return { ok: true, type };
};

/** "2,4 MB" / "2.4 MB" (binary megabytes, as the limit is configured), "830 KB" below one. */
export const formatSize = (bytes: number, lang: Lang): string => {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const mb = bytes / (1024 * 1024);
  if (mb >= 1)
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: mb >= 10 ? 0 : 1 }).format(mb)} MB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
};

/** The files still allowed: the limit less those attached and those on their way. */
export const countLeft = (limits: FileLimits, attached: number, inFlight: number): number =>
  Math.max(0, limits.maxCount - attached - inFlight);

/** One chosen file's way through the upload. */
export type UploadState = 'waiting' | 'checking' | 'uploading' | 'confirming' | 'done' | 'failed' | 'refused';
/** The step that failed, where a retry starts again. */
export type Step = 'start' | 'upload' | 'confirm';

/** A file still on its way (leaving the page now would drop it). */
export const isActive = (s: UploadState): boolean =>
  s === 'waiting' || s === 'checking' || s === 'uploading' || s === 'confirming';

/** What went wrong with a step, as the console sees it. */
export type Failure =
  | { kind: 'network' }
  /** `code`: the file refusal's own (upload-missing, file-limit, file-damaged, …), when it has one. */
  | { kind: 'problem'; status: number; code?: string | undefined }
  /** The storage refused the form (expired, or its conditions not met). */
  | { kind: 'storage'; status: number };

/**
 * Whether a failure is worth a retry (same file, no re-choosing) and from which
 * step; undefined when the answer is final (the file's bytes, the limit or the
 * owner's state refused it: sending it again changes nothing).
 */
export const retryFrom = (step: Step, failure: Failure, formValid: boolean): Step | undefined => {
  if (
    failure.kind === 'network' ||
    (failure.kind === 'problem' && isTransient(failure.status, failure.code))
  ) {
    // A lost answer: confirm again (a second confirm answers the same file), or send again.
    if (step === 'confirm') return 'confirm';
    if (step === 'upload') return formValid ? 'upload' : 'start';
    return 'start';
  }
  if (failure.kind === 'storage') return 'start';
  if (step === 'confirm') {
    // Nothing arrived (409 upload-missing) or the pending upload is gone (404, expired): send again.
    if (failure.code === 'upload-missing') return formValid ? 'upload' : 'start';
    if (failure.status === 404) return 'start';
  }
  return undefined;
};

/** No answer worth keeping: the server's trouble, a limit in time, or a 409 without a code (the owner was busy). */
const isTransient = (status: number, code: string | undefined) =>
  status >= 500 || status === 408 || status === 429 || (status === 409 && code === undefined);

/** A signed link (or the list holding it) that has expired, or will within `marginMs`. */
export const isExpired = (urlExpiresAt: string, now: number, marginMs = 5000): boolean =>
  Date.parse(urlExpiresAt) - marginMs <= now;

/** A file as the API lists it (FileView, docs/api.md). */
export interface FileView {
  id: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  width?: number;
  height?: number;
  pages?: number;
  uploadedBy: 'reporter' | 'desk' | 'agency';
  createdAt: string;
  source: { kind: 'report' | 'case'; id: string };
  url: string;
  thumbnailUrl: string | null;
  urlExpiresAt: string;
}

export interface FileGroup<F> {
  source: { kind: 'report' | 'case'; id: string };
  /** Reports are numbered in the order the case lists them (1-based); 0 for the case itself; merged cases 1, 2, … */
  n: number;
  /** A case merged into this one: its own files stay on it, and show here too. */
  merged?: true;
  files: F[];
}

/**
 * A case's list grouped: the case's own files first, then those of the cases
 * merged into it (`caseId` tells them apart), then each report's in the order
 * of the case's `reportIds` (a report not in it comes after, as listed).
 * Groups without files are left out.
 */
export const groupFiles = <F extends Pick<FileView, 'source'>>(
  items: readonly F[],
  reportIds: readonly string[],
  caseId?: string,
): FileGroup<F>[] => {
  const isOwn = (f: F) => f.source.kind === 'case' && (caseId === undefined || f.source.id === caseId);
  const own = items.filter(isOwn);
  const merged: string[] = [];
  const reports = [...reportIds];
  for (const f of items) {
    if (f.source.kind === 'case' && !isOwn(f) && !merged.includes(f.source.id)) merged.push(f.source.id);
    if (f.source.kind === 'report' && !reports.includes(f.source.id)) reports.push(f.source.id);
  }
  const groups: FileGroup<F>[] = [];
  if (own.length) groups.push({ source: own[0]!.source, n: 0, files: own });
  merged.forEach((id, i) => {
    const files = items.filter((f) => f.source.kind === 'case' && f.source.id === id);
    groups.push({ source: { kind: 'case', id }, n: i + 1, merged: true, files });
  });
  reports.forEach((id, i) => {
    const files = items.filter((f) => f.source.kind === 'report' && f.source.id === id);
    if (files.length) groups.push({ source: { kind: 'report', id }, n: i + 1, files });
  });
  return groups;
};

/** The owner's own files in a list (a case's list also holds its reports'). */
export const ownCount = (items: readonly Pick<FileView, 'source' | 'id'>[], owner: Owner): number =>
  items.filter((f) => f.source.kind === owner.kind && f.source.id === owner.id).length;
