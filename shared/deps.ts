// What a handler is handed: config, the store client and table, a clock and an
// id generator, built from runtime settings by a composition root (a deployed
// function's is functions/runtime.ts; the local stack and tests build their own).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import type { RuntimeSettings } from '#config/runtime';
import type { AppConfig } from '#config/schema';
import type { FileStorage } from '#files/storage';
import type { Mailer } from '#mail/mailer';
import { createDocumentClient } from '#store/client';

export type Clock = () => Date;

export interface Deps {
  config: AppConfig;
  tableName: string;
  db: DynamoDBDocumentClient;
  clock: Clock;
  newId: () => string;
  /** Sends one email through SES v2; the client is created on first use. */
  mailer: Mailer;
  /**
   * The evidence files bucket (docs/files.md). Only where the composition root adds it
   * (shared/files/deps.ts, as the mailer is added): the S3 client would put ~140 KB into
   * every bundle, over the 600 KB budget (test/build/bundle-size.test.ts).
   */
  files?: FileStorage;
  /**
   * Deleting file objects only, without the S3 SDK (shared/files/remover.ts): the outbox
   * sender's, which deletes the objects of expired files. Where absent, `files` deletes.
   */
  fileRemover?: Pick<FileStorage, 'remove'>;
}

/**
 * HTTP functions send no email, so their deps carry no SES client (and their
 * bundles leave it out); the jobs and the stream sender build theirs with
 * shared/mail/deps.ts.
 */
const noMailer: Mailer = {
  send: () => Promise.reject(new Error('This function has no mailer: build its deps with createMailingDeps')),
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
    mailer: noMailer,
    ...overrides,
  };
};
