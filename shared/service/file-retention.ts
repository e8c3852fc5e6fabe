// A FILE item is gone (the table's TTL removed it with its report or case, or
// anything else deleted it): its objects go too. The outbox sender calls this
// for each REMOVE record of a FILE item on the table's stream (on AWS and in
// the local stack's stream reader), so the bucket follows the table's
// retention without a lifecycle rule by age (docs/files.md).
import { objectKeys } from '#domain/files';
import type { Deps } from '#shared/deps';

/**
 * Deletes the cleaned file and its thumbnail (absent ones are fine: a PDF has
 * no thumbnail, and a retried record finds them gone). Throws when this
 * function has no bucket: a FILE item exists, so its objects do, and the
 * record must be retried rather than dropped.
 */
export const removeFileObjects = async (deps: Deps, fileId: string): Promise<void> => {
  const remover = deps.fileRemover ?? deps.files;
  if (!remover) throw new Error('No files bucket is configured (FILES_BUCKET); cannot delete file objects.');
  const keys = objectKeys(fileId);
  await remover.remove([keys.file, keys.thumbnail]);
};
