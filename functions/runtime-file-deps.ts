// The deps of a deployed function that touches evidence files: the files
// handler group (runtimeFileDeps) and the outbox sender, which deletes the
// objects of expired FILE items and sends email (runtimeMailingFileDeps: its
// bucket can only delete, shared/files/remover.ts, without the S3 client). A
// file of its own, as runtime-mailing-deps.ts is, so that no other bundle
// carries the S3 client. CDK sets FILES_BUCKET on exactly the functions whose
// row in functions/permissions.ts names `files`.
import { fileStorageOf } from '#files/deps';
import { fileRemoverOf } from '#files/remover';
import { createMailingDeps } from '#mail/deps';
import { createDeps, type Deps } from '#shared/deps';
import { deployedSettings } from './runtime-deps';

let cached: Deps | undefined;
export const runtimeFileDeps = (): Deps => {
  if (!cached) {
    const settings = deployedSettings();
    cached = createDeps(settings, fileStorageOf(settings));
  }
  return cached;
};

let cachedMailing: Deps | undefined;
export const runtimeMailingFileDeps = (): Deps => {
  if (!cachedMailing) {
    const settings = deployedSettings();
    cachedMailing = createMailingDeps(settings, fileRemoverOf(settings));
  }
  return cachedMailing;
};
