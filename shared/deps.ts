// What a handler is handed: config, the store client and table, a clock and an
// id generator. Built once per process from the runtime settings; tests and the
// local stack build their own.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import { type RuntimeSettings, readRuntimeSettings } from './config/runtime';
import type { AppConfig } from './config/schema';
import { createSesClient, type Mailer, sesMailer } from './mail/mailer';
import { createDocumentClient } from './store/client';

export type Clock = () => Date;

export interface Deps {
  config: AppConfig;
  tableName: string;
  db: DynamoDBDocumentClient;
  clock: Clock;
  newId: () => string;
  /** Sends one email through SES v2; the client is created on first use. */
  mailer: Mailer;
}

/** A mailer whose SES client is made only when the first email goes out (HTTP functions never pay for it). */
const lazySesMailer = (settings: RuntimeSettings): Mailer => {
  let mailer: Mailer | undefined;
  return {
    send: (email) => {
      mailer ??= sesMailer(
        createSesClient({
          region: settings.region,
          endpoint: settings.sesEndpoint,
          from: settings.config.senderAddress,
        }),
        { from: settings.config.senderAddress, configurationSet: settings.sesConfigurationSet },
      );
      return mailer.send(email);
    },
  };
};

export const createDeps = (settings: RuntimeSettings, overrides: Partial<Deps> = {}): Deps => {
  const ulid = monotonicFactory();
  return {
    config: settings.config,
    tableName: settings.tableName,
    db: createDocumentClient({
      region: settings.region,
      endpoint: settings.dynamodbEndpoint,
      timeoutMs: settings.dynamodbTimeoutMs,
    }),
    clock: () => new Date(),
    newId: () => ulid(),
    mailer: lazySesMailer(settings),
    ...overrides,
  };
};

let cached: Deps | undefined;
/** The process-wide deps of a deployed function, from its environment, on first use. */
export const runtimeDeps = (): Deps => {
  cached ??= createDeps(readRuntimeSettings());
  return cached;
};
