// Deps for what sends email (the scheduled jobs, the outbox sender, the local
// stack): the shared deps plus an SES v2 mailer, its client created once.
import type { RuntimeSettings } from '#config/runtime';
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
