// Evidence files use cases (docs/files.md): hand out an upload form, confirm
// an upload (read it back, check and clean it, store the cleaned file and its
// thumbnail, then record it in one transaction), and list an owner's files
// with short-lived signed links. Access follows the owner: whoever may read
// the report or case may read its files; attaching also needs a status that
// takes files (domain/files.ts). A refused confirm leaves nothing behind.

import { Conflict, Forbidden, NotFound, UnprocessableContent } from '#domain/errors';
import {
  CASE_ATTACH_STATUSES,
  caseFileActor,
  cleanFileName,
  type FileOwner,
  type FileType,
  type FileUploader,
  type FileView,
  fileParamsSchema,
  fileViewBase,
  mayAttachInStatus,
  mayUseReportFiles,
  objectKeys,
  REPORT_ATTACH_STATUSES,
  type StoredFile,
  type UploadFormView,
  uploaderOf,
  uploadRequestIssues,
  uploadRequestSchema,
} from '#domain/files';
import { idParamsSchema } from '#domain/ids';
import type { Principal } from '#domain/principal';
import { epochSeconds } from '#domain/time';

const addSeconds = (d: Date, seconds: number): Date => new Date(d.getTime() + seconds * 1000);

import { validate } from '#domain/validate';
import { cleanUpload } from '#files/clean';
import type { FileStorage } from '#files/storage';
import type { Deps } from '#shared/deps';
import { getCase } from '#store/cases';
import {
  type ConfirmConditions,
  confirmFile,
  deleteUpload,
  getFile,
  getUpload,
  listFilesOfOwners,
  listOwnerFiles,
  putUpload,
} from '#store/files';
import { getReport } from '#store/reports';

/** The bucket is configured wherever the API runs (FILES_BUCKET); without it the files routes cannot work. */
const storageOf = (deps: Deps): FileStorage => {
  if (!deps.files)
    throw new Error('Evidence files are not configured: set FILES_BUCKET (and S3_ENDPOINT locally).');
  return deps.files;
};

/** The owner as the caller may use it: who they attach as, its status, what the confirm checks. */
interface OwnerAccess {
  owner: FileOwner;
  uploader: FileUploader;
  status: string;
  fileCount: number;
  /** May the caller attach now (a status that takes files)? */
  mayAttach: boolean;
  conditions: ConfirmConditions;
  /** A case: its reports, whose files its readers see too. */
  reportIds: string[];
  /** A case: the cases merged into it, whose own files its readers see too (they stay on those cases). */
  mergedCaseIds: string[];
}

const notFound = (kind: FileOwner['kind']) => new NotFound(`No such ${kind}.`);

const ownerIdOf = (kind: FileOwner['kind'], params: unknown): string => {
  const parsed = idParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound(kind);
  return parsed.data.id;
};

/** Reads the owner and decides the caller's access: 404 for what the caller may not see. */
const accessOwner = async (deps: Deps, principal: Principal, owner: FileOwner): Promise<OwnerAccess> => {
  const uploader = uploaderOf(principal);
  if (owner.kind === 'report') {
    if (!principal.roles.includes('desk') && !principal.roles.includes('reporter'))
      throw new Forbidden('Only the desk and the report’s reporter may use its files.');
    const report = await getReport(deps, owner.id);
    if (!report || !mayUseReportFiles(principal, report)) throw notFound('report');
    const caseId = report.status === 'linked' ? report.caseId : null;
    // A report linked to a closed case takes no more files (the confirm checks it again).
    const closedCase =
      caseId && (await getCase(deps, caseId))?.status === 'closed' ? ('closed' as const) : undefined;
    return {
      owner,
      uploader: principal.roles.includes('desk') ? 'desk' : 'reporter',
      status: closedCase ?? report.status,
      fileCount: report.fileCount ?? 0,
      mayAttach: !closedCase && mayAttachInStatus('report', report.status),
      // Any status that takes files: a change between two of them (new → linked) is read again, not refused.
      conditions: { statuses: REPORT_ATTACH_STATUSES, max: deps.config.files.maxPerReport, caseId },
      reportIds: [],
      mergedCaseIds: [],
    };
  }
  const c = await getCase(deps, owner.id);
  const actor = c && caseFileActor(principal, c);
  if (!c || !actor || !uploader) throw notFound('case');
  return {
    owner,
    uploader: actor,
    status: c.status,
    fileCount: c.fileCount ?? 0,
    mayAttach: mayAttachInStatus('case', c.status, actor),
    conditions: {
      statuses: CASE_ATTACH_STATUSES[actor],
      max: deps.config.files.maxPerCase,
      ...(actor === 'agency' ? { agencyId: principal.agencyId } : {}),
    },
    reportIds: c.reportIds,
    mergedCaseIds: c.mergedCaseIds ?? [],
  };
};

const maxOf = (deps: Deps, kind: FileOwner['kind']) =>
  kind === 'report' ? deps.config.files.maxPerReport : deps.config.files.maxPerCase;

const limitReached = (deps: Deps, kind: FileOwner['kind']) => {
  const limit = maxOf(deps, kind);
  return new Conflict(`This ${kind} has its ${limit} files already.`, { code: 'file-limit', limit });
};

const ownerClosed = (kind: FileOwner['kind'], currentStatus: string) =>
  new Conflict(`This ${kind} takes no more files: it is ${currentStatus}.`, {
    code: 'owner-closed',
    currentStatus,
  });

/** POST /reports/{id}/files, /cases/{id}/files: a form that uploads exactly the declared bytes. */
export const startUpload = async (
  deps: Deps,
  principal: Principal,
  kind: FileOwner['kind'],
  params: unknown,
  body: unknown,
): Promise<UploadFormView> => {
  const owner: FileOwner = { kind, id: ownerIdOf(kind, params) };
  const input = validate(uploadRequestSchema, body, 'upload');
  const limits = deps.config.files;
  const issues = uploadRequestIssues(input, limits);
  if (issues.length > 0)
    throw new UnprocessableContent('This file cannot be taken.', {
      code: issues.some((i) => i.path === '/type') ? 'file-type-not-allowed' : 'file-too-large',
      errors: issues,
    });
  const access = await accessOwner(deps, principal, owner);
  if (!access.mayAttach) throw ownerClosed(kind, access.status);
  if (access.fileCount >= maxOf(deps, kind)) throw limitReached(deps, kind);
  const storage = storageOf(deps);
  const now = deps.clock();
  const fileId = deps.newId();
  const type = input.type as FileType;
  const ttl = limits.uploadTtlSeconds;
  const form = await storage.uploadForm({
    key: objectKeys(fileId).incoming,
    type,
    size: input.size,
    expiresInSeconds: ttl,
  });
  await putUpload(
    deps,
    owner,
    {
      fileId,
      name: cleanFileName(input.name, type),
      type,
      size: input.size,
      uploadedBy: access.uploader,
      createdAt: now.toISOString(),
    },
    // Kept a day past its form, then the table's TTL removes it (the bucket's lifecycle the object).
    epochSeconds(addSeconds(now, ttl + 86_400)),
  );
  return { fileId, upload: form, expiresAt: addSeconds(now, ttl).toISOString() };
};

/** Signs the links of stored files. */
const viewsOf = async (deps: Deps, files: StoredFile[]): Promise<FileView[]> => {
  const storage = storageOf(deps);
  const ttl = deps.config.files.urlTtlSeconds;
  const urlExpiresAt = addSeconds(deps.clock(), ttl).toISOString();
  return Promise.all(
    files.map(async (f) => {
      const keys = objectKeys(f.id);
      const [url, thumbnailUrl] = await Promise.all([
        storage.readUrl({ key: keys.file, contentType: f.type, filename: f.name, expiresInSeconds: ttl }),
        f.thumbnail
          ? storage.readUrl({
              key: keys.thumbnail,
              contentType: 'image/webp',
              filename: `${f.name.replace(/\.[^.]*$/, '')}.webp`,
              expiresInSeconds: ttl,
            })
          : Promise.resolve(null),
      ]);
      return { ...fileViewBase(f), url, thumbnailUrl, urlExpiresAt };
    }),
  );
};

export interface ConfirmAnswer {
  /** 201 for the confirm that stored it, 200 for a replay. */
  status: 201 | 200;
  file: FileView;
}

/** How many times a confirm re-reads its owner after a concurrent change (a link, another transaction). */
const CONFIRM_ATTEMPTS = 4;

/**
 * POST …/files/{fileId}/confirm: reads the upload back (at most the declared
 * size), decides its kind from the bytes, cleans it (metadata out, a
 * thumbnail), writes the cleaned objects and then records the file. Any
 * refusal deletes the upload and its pending item, so nothing is stored.
 */
export const confirmUpload = async (
  deps: Deps,
  principal: Principal,
  kind: FileOwner['kind'],
  params: unknown,
): Promise<ConfirmAnswer> => {
  const parsed = fileParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound(kind);
  const owner: FileOwner = { kind, id: parsed.data.id };
  const fileId = parsed.data.fileId;
  let access = await accessOwner(deps, principal, owner);
  const storage = storageOf(deps);
  const done = await getFile(deps, owner, fileId);
  if (done) return { status: 200, file: (await viewsOf(deps, [done]))[0]! };
  const pending = await getUpload(deps, owner, fileId);
  if (!pending) throw new NotFound('No such pending upload: ask for an upload form first.');
  const keys = objectKeys(fileId);
  const refuse = async (error: Error, written: string[] = []): Promise<never> => {
    await Promise.all([storage.remove([keys.incoming, ...written]), deleteUpload(deps, owner, fileId)]);
    throw error;
  };
  if (!access.mayAttach) await refuse(ownerClosed(kind, access.status));

  const read = await storage.read(keys.incoming, pending.size);
  if (read.kind === 'absent') {
    // A concurrent confirm may have stored it and removed the upload meanwhile.
    const stored = await getFile(deps, owner, fileId);
    if (stored) return { status: 200, file: (await viewsOf(deps, [stored]))[0]! };
    throw new Conflict(
      'Nothing has been uploaded with this form yet: POST the file to the upload URL first.',
      {
        code: 'upload-missing',
      },
    );
  }
  if (read.kind === 'tooLarge')
    return refuse(
      new UnprocessableContent(`The upload holds more than the ${pending.size} bytes declared.`, {
        code: 'file-too-large',
        declaredSize: pending.size,
      }),
    );
  const cleaned = await cleanUpload(read.bytes, pending.type);
  if (!cleaned.ok) {
    const r = cleaned.refusal;
    return refuse(
      r.kind === 'not-allowed'
        ? new UnprocessableContent('The file is not a JPEG, PNG, WebP image or a PDF.', {
            code: 'file-type-not-allowed',
            declaredType: pending.type,
          })
        : r.kind === 'mismatch'
          ? new UnprocessableContent(`The file is ${r.detected}, not the ${pending.type} declared.`, {
              code: 'file-type-mismatch',
              detectedType: r.detected,
              declaredType: pending.type,
            })
          : // The cleaning's reason is written for the uploader (truncated, password-protected, too many pixels).
            new UnprocessableContent(r.reason, {
              code: 'file-damaged',
              detectedType: r.detected,
            }),
    );
  }
  if (!deps.config.files.types.includes(cleaned.file.type))
    return refuse(
      new UnprocessableContent(`${cleaned.file.type} files are not taken here.`, {
        code: 'file-type-not-allowed',
        declaredType: pending.type,
      }),
    );

  const c = cleaned.file;
  const file: StoredFile = {
    id: fileId,
    owner,
    name: pending.name,
    type: c.type,
    size: c.bytes.length,
    sha256: c.sha256,
    ...(c.width === undefined ? {} : { width: c.width }),
    ...(c.height === undefined ? {} : { height: c.height }),
    ...(c.pages === undefined ? {} : { pages: c.pages }),
    thumbnail: c.thumbnail !== undefined,
    uploadedBy: pending.uploadedBy,
    createdAt: deps.clock().toISOString(),
  };
  // The objects first: a FILE item never names an object that is not there.
  const written = [keys.file, ...(c.thumbnail ? [keys.thumbnail] : [])];
  await Promise.all([
    storage.write(keys.file, c.bytes, c.type),
    ...(c.thumbnail ? [storage.write(keys.thumbnail, c.thumbnail, 'image/webp')] : []),
  ]);
  for (let attempt = 1; ; attempt++) {
    const outcome = await confirmFile(deps, file, access.conditions);
    switch (outcome.kind) {
      case 'stored':
        await storage.remove([keys.incoming]);
        return { status: 201, file: (await viewsOf(deps, [file]))[0]! };
      case 'already':
        return { status: 200, file: (await viewsOf(deps, [outcome.file]))[0]! };
      case 'gone':
        // Refused by a concurrent confirm, or expired: its objects are not ours to keep.
        await storage.remove(written);
        throw new NotFound('No such pending upload: ask for an upload form first.');
      case 'owner-gone':
        return refuse(notFound(kind), written);
      case 'limit':
        return refuse(limitReached(deps, kind), written);
      case 'closed':
        return refuse(ownerClosed(kind, outcome.currentStatus), written);
      case 'retry':
        if (attempt >= CONFIRM_ATTEMPTS)
          throw new Conflict('The owner is busy; retry shortly.', {}, { 'retry-after': '1' });
        access = await accessOwner(deps, principal, owner);
        if (!access.mayAttach) return refuse(ownerClosed(kind, access.status), written);
    }
  }
};

/**
 * GET /reports/{id}/files: the report's files. GET /cases/{id}/files: the
 * case's own files, then its reports' (the agency needs the evidence of what
 * circulated, and it reads no report otherwise).
 */
export const listFiles = async (
  deps: Deps,
  principal: Principal,
  kind: FileOwner['kind'],
  params: unknown,
): Promise<{ items: FileView[] }> => {
  const owner: FileOwner = { kind, id: ownerIdOf(kind, params) };
  const access = await accessOwner(deps, principal, owner);
  const own = await listOwnerFiles(deps, owner);
  if (kind === 'report') return { items: await viewsOf(deps, own) };
  // A merge moves reports (with their files) but leaves a merged case's own files on it:
  // the survivor's readers see them too, each with its `source` naming the merged case.
  const [ofMerged, ofReports] = await Promise.all([
    listFilesOfOwners(
      deps,
      access.mergedCaseIds.map((id) => ({ kind: 'case', id })),
    ),
    listFilesOfOwners(
      deps,
      access.reportIds.map((id) => ({ kind: 'report', id })),
    ),
  ]);
  return { items: await viewsOf(deps, [...own, ...ofMerged, ...ofReports]) };
};
