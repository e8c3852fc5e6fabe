// Where the project lives on disk, for the constructs that point at source files
// (function entries, the lock file that NodejsFunction bundles against).
import { fileURLToPath } from 'node:url';

/** The repository root (the directory holding package.json and package-lock.json), with no trailing slash. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
