// The deps of a deployed function that sends email (the scheduled jobs, the
// outbox sender): runtimeDeps' (./runtime-deps.ts) plus an SES v2 mailer,
// built once per process.
import { createMailingDeps } from '#mail/deps';
import type { Deps } from '#shared/deps';
import { deployedSettings } from './runtime-deps';

let cached: Deps | undefined;
export const runtimeMailingDeps = (): Deps => {
  cached ??= createMailingDeps(deployedSettings());
  return cached;
};
