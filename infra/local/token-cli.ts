// `npm run --silent token -- --role desk|reporter|agency [--user ID] [--agency ID] [--email ADDRESS] [--mfa]`
// Prints one bearer token, signed with the local stack's key under DATA_DIR,
// on stdout and nothing else, so that `TOKEN=$(npm run --silent token -- ...)` works.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '#functions/routes';
import { loadAppConfig } from '#infra/config/index';
import { LocalStackError } from './ports';
import { liveStackAt, runningStacks, shellQuote, shortPath } from './stack-file';
import { DEFAULT_AGENCY, MAX_TOKEN_LIFETIME_SECONDS, spanSeconds, TokenKeys } from './token';

const USAGE = `Usage: npm run --silent token -- --role desk|reporter|agency [--user ID] [--agency ID] [--email ADDRESS] [--expires-in 12h] [--mfa]

  --role        the Cognito group the token carries (required)
  --user        the subject id (default local-<role>-user)
  --agency      for --role agency: the agency id (default ${DEFAULT_AGENCY})
  --email       the email claim (default <user>@example.org)
  --expires-in  lifetime such as 12h, 30m, 7d (default 12h; at most 30d)
  --mfa         carry the staff second-factor claim (what a prod desk or agency user has after a TOTP sign-in)

Prints an ID token (token_use "id"), the only kind the API accepts.

Reads DATA_DIR (default .local), where the local stack keeps its signing key. When no
stack runs with that DATA_DIR but one started from this folder runs with another, it
refuses (exit 1) and prints the command with that stack's DATA_DIR: the running API
accepts only tokens signed with its own key.`;

const usageError = (message: string): never => {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
};

const main = async () => {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string' },
        user: { type: 'string' },
        agency: { type: 'string' },
        email: { type: 'string' },
        'expires-in': { type: 'string' },
        mfa: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return usageError((err as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const role = values.role as string | undefined;
  if (!role) return usageError('--role is required.');
  if (!(ROLES as readonly string[]).includes(role)) {
    return usageError(`Unknown role "${role}": expected one of ${ROLES.join(', ')}.`);
  }
  const config = loadAppConfig('dev');
  const agency = values.agency as string | undefined;
  if (agency !== undefined && role !== 'agency') {
    return usageError('--agency applies only to --role agency.');
  }
  if (role === 'agency') {
    const id = agency ?? DEFAULT_AGENCY;
    if (!config.agencies.some((a) => a.id === id)) {
      return usageError(
        `Unknown agency "${id}": expected one of ${config.agencies.map((a) => a.id).join(', ')}.`,
      );
    }
  }
  const user = values.user as string | undefined;
  if (user !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$/.test(user)) {
    return usageError(`--user "${user}" is not a valid id (letters, digits, . _ @ + -; at most 128).`);
  }
  const email = values.email as string | undefined;
  if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    return usageError(`--email "${email}" is not an email address.`);
  }
  const expiresIn = values['expires-in'] as string | undefined;
  if (expiresIn !== undefined && !/^\d+\s*[smhd]$/.test(expiresIn)) {
    return usageError(`--expires-in "${expiresIn}" is not a span such as 12h, 30m or 7d.`);
  }
  if (expiresIn !== undefined && spanSeconds(expiresIn) > MAX_TOKEN_LIFETIME_SECONDS) {
    return usageError(`--expires-in "${expiresIn}" is longer than 30 days, which the API refuses.`);
  }
  if (expiresIn !== undefined && spanSeconds(expiresIn) <= 0) {
    return usageError(`--expires-in "${expiresIn}" must be longer than 0.`);
  }

  const dataDir = process.env.DATA_DIR?.trim() || '.local';
  if (!(await liveStackAt(dataDir))) {
    const elsewhere = (await runningStacks()).filter((s) => resolve(s.dataDir) !== resolve(dataDir));
    const other = elsewhere[0];
    if (other) {
      const args = process.argv.slice(2).map(shellQuote).join(' ');
      throw new LocalStackError(
        `The local stack is not running at DATA_DIR=${shortPath(resolve(dataDir))}; the one running at ${other.apiUrl} ` +
          `keeps its key in DATA_DIR=${shortPath(other.dataDir)} and refuses tokens signed with any other. ` +
          `Run: DATA_DIR=${shellQuote(shortPath(other.dataDir))} npm run --silent token -- ${args}`,
      );
    }
  }
  const keys = await TokenKeys.forDataDir(dataDir);
  const token = await keys.issueToken({
    role: role as Role,
    ...(user ? { user } : {}),
    ...(role === 'agency' ? { agency: agency ?? DEFAULT_AGENCY } : {}),
    ...(email ? { email } : {}),
    ...(expiresIn ? { expiresIn } : {}),
    ...(values.mfa ? { mfa: true } : {}),
  });
  process.stdout.write(`${token}\n`);
};

main().catch((err: unknown) => {
  console.error(err instanceof LocalStackError ? err.message : err);
  process.exit(1);
});
