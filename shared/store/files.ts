// Evidence files in the table (README.md here, "Evidence files"): a pending
// upload item and, once checked, a FILE item, both in their owner's partition
// (`REPORT#<id>` or `CASE#<id>`), and the owner's `fileCount`. The confirm is
// one transaction, so a file is counted exactly when it is stored, the count
// never passes the limit, and nothing is attached to an owner that expires.
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { FileOwner, FileType, FileUploader, StoredFile } from '#domain/files';
import type { Deps } from '#shared/deps';
import { cancellationCodes } from './errors';
import { queryAll, type TransactItem } from './query';

const ownerPk = (o: FileOwner) => `${o.kind === 'report' ? 'REPORT' : 'CASE'}#${o.id}`;
const ownerKey = (o: FileOwner) => ({ pk: ownerPk(o), sk: o.kind === 'report' ? 'REPORT' : 'CASE' });
const uploadKey = (o: FileOwner, fileId: string) => ({ pk: ownerPk(o), sk: `UPLOAD#${fileId}` });
const fileKey = (o: FileOwner, fileId: string) => ({ pk: ownerPk(o), sk: `FILE#${fileId}` });

/** A pending upload: what was declared when the form was handed out. */
export interface PendingUpload {
  fileId: string;
  name: string;
  type: FileType;
  size: number;
  uploadedBy: FileUploader;
  createdAt: string;
}

/** The pending upload item; it expires (TTL) a day after its form does. */
export const putUpload = async (
  deps: Deps,
  owner: FileOwner,
  upload: PendingUpload,
  expiresAt: number,
): Promise<void> => {
  await deps.db.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: { ...uploadKey(owner, upload.fileId), entity: 'upload', ...upload, expiresAt },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
};

export const getUpload = async (
  deps: Deps,
  owner: FileOwner,
  fileId: string,
): Promise<PendingUpload | undefined> => {
  const out = await deps.db.send(
    new GetCommand({ TableName: deps.tableName, Key: uploadKey(owner, fileId), ConsistentRead: true }),
  );
  if (!out.Item) return undefined;
  const i = out.Item;
  return {
    fileId: String(i.fileId),
    name: String(i.name),
    type: i.type as FileType,
    size: Number(i.size),
    uploadedBy: i.uploadedBy as FileUploader,
    createdAt: String(i.createdAt),
  };
};

/** Forgets a refused upload (absent is fine). */
export const deleteUpload = async (deps: Deps, owner: FileOwner, fileId: string): Promise<void> => {
  await deps.db.send(new DeleteCommand({ TableName: deps.tableName, Key: uploadKey(owner, fileId) }));
};

const fileFromItem = (i: Record<string, unknown>): StoredFile => ({
  id: String(i.fileId),
  owner: { kind: i.ownerKind as FileOwner['kind'], id: String(i.ownerId) },
  name: String(i.name),
  type: i.type as FileType,
  size: Number(i.size),
  sha256: String(i.sha256),
  ...(typeof i.width === 'number' ? { width: i.width } : {}),
  ...(typeof i.height === 'number' ? { height: i.height } : {}),
  ...(typeof i.pages === 'number' ? { pages: i.pages } : {}),
  thumbnail: i.thumbnail === true,
  uploadedBy: i.uploadedBy as FileUploader,
  createdAt: String(i.createdAt),
});

export const fileItem = (f: StoredFile): Record<string, unknown> => ({
  ...fileKey(f.owner, f.id),
  entity: 'file',
  fileId: f.id,
  ownerKind: f.owner.kind,
  ownerId: f.owner.id,
  name: f.name,
  type: f.type,
  size: f.size,
  sha256: f.sha256,
  ...(f.width === undefined ? {} : { width: f.width }),
  ...(f.height === undefined ? {} : { height: f.height }),
  ...(f.pages === undefined ? {} : { pages: f.pages }),
  thumbnail: f.thumbnail,
  uploadedBy: f.uploadedBy,
  createdAt: f.createdAt,
});

export const getFile = async (
  deps: Deps,
  owner: FileOwner,
  fileId: string,
): Promise<StoredFile | undefined> => {
  const out = await deps.db.send(
    new GetCommand({ TableName: deps.tableName, Key: fileKey(owner, fileId), ConsistentRead: true }),
  );
  return out.Item ? fileFromItem(out.Item) : undefined;
};

/** An owner's files, oldest first (their ids are ULIDs). */
export const listOwnerFiles = async (deps: Deps, owner: FileOwner): Promise<StoredFile[]> =>
  (
    await queryAll(deps, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :file)',
      ExpressionAttributeValues: { ':pk': ownerPk(owner), ':file': 'FILE#' },
      ConsistentRead: true,
    })
  ).map(fileFromItem);

/** The files of several owners (a case's reports, the cases merged into it), 8 partitions at a time, in the owners' order. */
export const listFilesOfOwners = async (deps: Deps, owners: FileOwner[]): Promise<StoredFile[]> => {
  const out: StoredFile[][] = [];
  for (let i = 0; i < owners.length; i += 8)
    out.push(...(await Promise.all(owners.slice(i, i + 8).map((o) => listOwnerFiles(deps, o)))));
  return out.flat();
};

/** What the confirm transaction is conditional on, besides the item keys. */
export interface ConfirmConditions {
  /** The owner's statuses that take a file (domain/files.ts). */
  statuses: readonly string[];
  /** `files.maxPerReport` or `files.maxPerCase`. */
  max: number;
  /** A case: the agency it must still be assigned to (an agency attaching). */
  agencyId?: string;
  /** A report: the case it must still be linked to (null: none), which must have no expiry. */
  caseId?: string | null;
}

export type ConfirmOutcome =
  | { kind: 'stored' }
  /** This upload was confirmed already (a replay, or a concurrent confirm won). */
  | { kind: 'already'; file: StoredFile }
  /** The pending upload is gone (refused or expired meanwhile). */
  | { kind: 'gone' }
  /** The owner no longer exists (expired). */
  | { kind: 'owner-gone' }
  | { kind: 'limit' }
  /** The owner (or a report's case) no longer takes files. */
  | { kind: 'closed'; currentStatus: string }
  /** The owner changed in a way that may still allow the file (linked meanwhile, a concurrent write): read again. */
  | { kind: 'retry' };

/**
 * Stores a checked file: Put FILE (absent), Delete UPLOAD (present), `ADD
 * fileCount 1` on the owner (below the limit, in a status that takes files,
 * no expiry) and, for a report on a case, a check that the case has no
 * expiry. The owner's `version` is not touched (an agency's open respond form
 * keeps its If-Match). A cancelled transaction is read again to say why.
 */
export const confirmFile = async (
  deps: Deps,
  file: StoredFile,
  when: ConfirmConditions,
): Promise<ConfirmOutcome> => {
  const owner = file.owner;
  const values: Record<string, unknown> = { ':one': 1, ':max': when.max };
  const statusNames = when.statuses.map((s, i) => {
    values[`:s${i}`] = s;
    return `:s${i}`;
  });
  let condition = `attribute_exists(pk) AND (attribute_not_exists(fileCount) OR fileCount < :max) AND attribute_not_exists(expiresAt) AND #s IN (${statusNames.join(', ')})`;
  if (when.agencyId !== undefined) {
    condition += ' AND agencyId = :agency';
    values[':agency'] = when.agencyId;
  }
  if (when.caseId !== undefined) {
    if (when.caseId === null)
      condition += ' AND (attribute_not_exists(caseId) OR attribute_type(caseId, :nullType))';
    else condition += ' AND caseId = :case';
    if (when.caseId === null) values[':nullType'] = 'NULL';
    else values[':case'] = when.caseId;
  }
  const items: TransactItem[] = [
    {
      Put: {
        TableName: deps.tableName,
        Item: fileItem(file),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Delete: {
        TableName: deps.tableName,
        Key: uploadKey(owner, file.id),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    {
      Update: {
        TableName: deps.tableName,
        Key: ownerKey(owner),
        UpdateExpression: 'ADD fileCount :one',
        ConditionExpression: condition,
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: values,
      },
    },
  ];
  if (typeof when.caseId === 'string')
    items.push({
      ConditionCheck: {
        TableName: deps.tableName,
        Key: ownerKey({ kind: 'case', id: when.caseId }),
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(expiresAt) AND #s <> :closed',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':closed': 'closed' },
      },
    });
  try {
    await deps.db.send(new TransactWriteCommand({ TransactItems: items }));
    return { kind: 'stored' };
  } catch (err) {
    const codes = cancellationCodes(err);
    if (!codes) throw err;
    return explainConfirm(deps, file, when, codes);
  }
};

const explainConfirm = async (
  deps: Deps,
  file: StoredFile,
  when: ConfirmConditions,
  codes: string[],
): Promise<ConfirmOutcome> => {
  // Whatever failed, a stored file with this id means the confirm is done (a replay or a race won).
  const stored = await getFile(deps, file.owner, file.id);
  if (stored) return { kind: 'already', file: stored };
  const failed = (i: number) => codes[i] === 'ConditionalCheckFailed';
  if (failed(1)) return { kind: 'gone' };
  if (failed(2)) {
    const out = await deps.db.send(
      new GetCommand({ TableName: deps.tableName, Key: ownerKey(file.owner), ConsistentRead: true }),
    );
    const o = out.Item;
    if (!o) return { kind: 'owner-gone' };
    const status = String(o.status);
    if (o.expiresAt !== undefined || !when.statuses.includes(status))
      return { kind: 'closed', currentStatus: status };
    if (typeof o.fileCount === 'number' && o.fileCount >= when.max) return { kind: 'limit' };
    // An agency whose case was reassigned: no longer its case.
    if (when.agencyId !== undefined && o.agencyId !== when.agencyId) return { kind: 'owner-gone' };
    return { kind: 'retry' };
  }
  if (failed(3)) {
    const out = await deps.db.send(
      new GetCommand({
        TableName: deps.tableName,
        Key: ownerKey({ kind: 'case', id: String(when.caseId) }),
        ConsistentRead: true,
      }),
    );
    return { kind: 'closed', currentStatus: String(out.Item?.status ?? 'closed') };
  }
  // A conflict with a concurrent transaction (another confirm, a case action): try again.
  return { kind: 'retry' };
};
