// Deps for what sends email (the scheduled jobs, the outbox sender, the local
// stack): the shared deps plus an SES v2 mailer, its client created once.
import { type RuntimeSettings, readRuntimeSettings } from '#config/runtime';
import { createDeps, type Deps } from '#shared/deps';
import { createSesClient, sesMailer } from './mailer';

export const createMailingDeps = (settings: RuntimeSettings, overrides: Partial<Deps> = {}): Deps =>
  createDeps(settings, {
    mailer: sesMailer(
      createSesClient({
        region: settings.region,
        endpoint: settings.sesEndpoint,
        from: settings.config.senderAddress,
      }),
      { from: settings.config.senderAddress, configurationSet: settings.sesConfigurationSet },
    ),
    ...overrides,
  });

let cached: Deps | undefined;
/** The process-wide deps of a deployed job or event function, from its environment, on first use. */
export const runtimeMailingDeps = (): Deps => {
  cached ??= createMailingDeps(readRuntimeSettings());
  return cached;
};
