/** The one bucket of the test run's local S3 server (test/support/global-setup.ts); file ids are ULIDs, so files never collide. */
export const TEST_FILES_BUCKET = 'test-files';
