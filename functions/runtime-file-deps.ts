// The deps of a deployed function that reads and writes evidence files: the
// files handler group (runtimeFileDeps). The outbox sender, which only deletes
// the objects of expired FILE items, builds its own without the S3 client
// (runtime-sender-deps.ts). A file of its own, as runtime-mailing-deps.ts is,
// so that no other bundle carries the S3 client. CDK sets FILES_BUCKET on
// exactly the functions whose row in functions/permissions.ts names `files`.
import { fileStorageOf } from '#files/deps';
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
