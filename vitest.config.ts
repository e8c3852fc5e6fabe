// Two projects, run together by `npm test` (`vitest run`):
// - `unit` (test/unit, web/test): pure code, no DynamoDB Local, no local SES, no
//   console build; `npm run test:unit` (`vitest run --project unit`) runs only it, in seconds.
// - `integration` (everything else under test/, and web/test/build.test.ts): one
//   DynamoDB Local and one local SES for the whole project (test/support/global-setup.ts,
//   which also builds the console); every test file makes its own table on it, so
//   files run in parallel. test/build holds the checks that bundle code (bundle sizes).
//
// TEST_MODE=http API_URL=https://... runs only the client walk-through against a
// deployed stage instead (tokens from TOKEN_* variables, see
// test/e2e/walkthrough.test.ts); the other files need the local internals
// (the table, the signing key, the mail store) and are left out.
import { defineConfig } from 'vitest/config';

const remote = process.env.TEST_MODE === 'http';

/** Needs the console's build (web/dist), which the integration project's global setup makes. */
const WEB_NEEDS_BUILD = 'web/test/build.test.ts';

export default defineConfig({
  test: {
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT' },
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // The global setup lives on the integration project only: the root's would run for every project.
    projects: remote
      ? [{ extends: true, test: { name: 'http', include: ['test/e2e/walkthrough.test.ts'] } }]
      : [
          {
            extends: true,
            test: {
              name: 'unit',
              include: ['test/unit/**/*.test.ts', 'web/test/**/*.test.ts'],
              exclude: [WEB_NEEDS_BUILD, '**/node_modules/**'],
              // Pure code: files share a worker and its loaded modules (most of the time was
              // importing the same modules once per file), so a file undoes its own stubs.
              isolate: false,
            },
          },
          {
            extends: true,
            test: {
              name: 'integration',
              include: ['test/**/*.test.ts', WEB_NEEDS_BUILD],
              exclude: ['test/unit/**', 'test/bench/**', '**/node_modules/**'],
              globalSetup: ['test/support/global-setup.ts'],
            },
          },
        ],
  },
});
