// The files bucket for the deps of what touches evidence files (the files
// handler, the outbox sender that deletes expired files, the local stack and the
// tests), added by the composition root the way the mailer is (shared/mail/deps.ts):
// only the bundles that import this carry the S3 client (~140 KB minified).
import type { RuntimeSettings } from '#config/runtime';
import type { Deps } from '#shared/deps';
import { createFileStorage } from './storage';

/** `{ files }` when the settings name a bucket (FILES_BUCKET), else nothing: spread it into the deps' overrides. */
export const fileStorageOf = (settings: RuntimeSettings): Pick<Deps, 'files'> =>
  settings.filesBucket
    ? {
        files: createFileStorage({
          bucket: settings.filesBucket,
          region: settings.region,
          endpoint: settings.s3Endpoint,
        }),
      }
    : {};
