// One DynamoDB Local and one local SES for the whole run (test/support/global-setup.ts);
// every test file makes its own table on it, so files run in parallel.
//
// TEST_MODE=http API_URL=https://... runs the client walk-through against a
// deployed stage instead (tokens from TOKEN_* variables, see
// test/e2e/walkthrough.test.ts); the other files need the local internals
// (the table, the signing key, the mail store) and are left out.
import { defineConfig } from 'vitest/config';

const remote = process.env.TEST_MODE === 'http';

export default defineConfig({
  test: {
    include: remote ? ['test/e2e/walkthrough.test.ts'] : ['test/**/*.test.ts', 'web/test/**/*.test.ts'],
    exclude: ['test/bench/**', '**/node_modules/**'],
    globalSetup: remote ? [] : ['test/support/global-setup.ts'],
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT' },
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
