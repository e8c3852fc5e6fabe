// Deps for a benchmark table, light enough to bundle into a child process
// (no DynamoDB Local launcher, no CDK).

import type { RuntimeSettings } from '#config/runtime';
import { loadAppConfig } from '#infra/config/index';
import type { Mailer } from '#mail/mailer';
import { createDeps, type Deps } from '#shared/deps';

/** A mailer that accepts everything and sends nothing: the benchmarks time reads and rendering, not SES. */
export const noMail: Mailer = { send: async () => ({ messageId: 'bench' }) };

/**
 * The dev config with the per-caller write limits out of reach: the benchmarks
 * send thousands of submissions as one reporter. The counter is still taken
 * and given back on every write, so its cost is measured.
 */
const benchConfig = () => {
  const config = loadAppConfig('dev');
  return {
    ...config,
    api: { ...config.api, rateLimits: { reportsPerHour: 1_000_000_000, writesPerHour: 1_000_000_000 } },
  };
};

export const benchSettings = (endpoint: string, tableName: string, timeoutMs = 10_000): RuntimeSettings => ({
  config: benchConfig(),
  tableName,
  region: 'ap-southeast-1',
  dynamodbEndpoint: endpoint,
  dynamodbTimeoutMs: timeoutMs,
});

export const benchDeps = (endpoint: string, tableName: string, overrides: Partial<Deps> = {}): Deps =>
  createDeps(benchSettings(endpoint, tableName), { mailer: noMail, ...overrides });
