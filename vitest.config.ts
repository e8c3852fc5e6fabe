// One DynamoDB Local and one local SES for the whole run (test/support/global-setup.ts);
// every test file makes its own table on it, so files run in parallel.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bench/**', '**/node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT' },
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
