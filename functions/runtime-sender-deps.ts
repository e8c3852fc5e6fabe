// The deps of the outbox sender (functions/events/outbox-stream.ts): the
// mailing deps plus a way to delete the objects of expired files. Not the S3
// client (functions/runtime-file-deps.ts): deleting is all the sender does on
// the bucket, and signed DELETEs (shared/files/remover.ts) keep its bundle
// within the 600 KB budget. CDK sets FILES_BUCKET on it (its row in
// functions/permissions.ts names `files`: delete on file/ and thumb/).
import { signedFileRemover } from '#files/remover';
import { createMailingDeps } from '#mail/deps';
import type { Deps } from '#shared/deps';
import { deployedSettings } from './runtime-deps';

let cached: Deps | undefined;
export const runtimeSenderDeps = (): Deps => {
  if (!cached) {
    const settings = deployedSettings();
    cached = createMailingDeps(
      settings,
      settings.filesBucket
        ? {
            fileRemover: signedFileRemover({
              bucket: settings.filesBucket,
              region: settings.region,
              ...(settings.s3Endpoint ? { endpoint: settings.s3Endpoint } : {}),
            }),
          }
        : {},
    );
  }
  return cached;
};
