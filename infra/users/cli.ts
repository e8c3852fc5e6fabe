// `npm run users -- add --env dev|staging|prod --email ADDRESS --role desk|reporter|agency [--agency ID]`
// Creates a Cognito user in a deployed environment (users.ts does the work).
// Uses the AWS credentials of the default chain (AWS_PROFILE, SSO, ...) in the
// environment's configured region. Exit codes: 0 done, 1 AWS said no, 2 a usage error.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ENVIRONMENTS } from '#config/schema';
import { ROLES } from '#functions/routes';
import { addUser, clientsFor, type UsersClients, UsersInputError, validateAddUser } from './users';

export const USAGE = `Usage: npm run users -- add --env ${ENVIRONMENTS.join('|')} --email ADDRESS --role ${ROLES.join('|')} [--agency ID]

  add        create the user (Cognito mails a temporary password) and add them to the role's group;
             a user that exists already is only added to the group
  --env      the deployed environment (infra/config/<env>.ts); the user pool is the
             UserPoolId output of its stack OpinionDesk-<env>-App
  --email    the user's email address, also their username
  --role     the group: ${ROLES.join(', ')}
  --agency   required for --role agency, refused otherwise: an agency id of the environment's config

Uses the AWS credentials of the default chain (AWS_PROFILE, SSO, ...) in the environment's region.`;

export interface UsersCliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** The SDK clients for the environment; tests pass mocked ones. */
  clients?: (config: Parameters<typeof clientsFor>[0]) => UsersClients;
}

/** Runs the command line `argv` (without node and the script); resolves to the exit code. */
export const runUsersCli = async (argv: readonly string[], io: UsersCliIo): Promise<number> => {
  const usageError = (message: string): number => {
    io.err(`${message}\n\n${USAGE}`);
    return 2;
  };
  let values: { env?: string; email?: string; role?: string; agency?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: {
        env: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string' },
        agency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    }));
  } catch (err) {
    return usageError((err as Error).message);
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const [command, ...extra] = positionals;
  if (command !== 'add') {
    return usageError(command === undefined ? 'Missing command: add.' : `Unknown command "${command}".`);
  }
  if (extra.length > 0) return usageError(`Unexpected argument "${extra[0]}".`);
  for (const name of ['env', 'email', 'role'] as const) {
    if (values[name] === undefined || values[name] === '') return usageError(`--${name} is required.`);
  }

  let request: ReturnType<typeof validateAddUser>;
  try {
    request = validateAddUser({
      env: values.env!,
      email: values.email!,
      role: values.role!,
      agency: values.agency,
    });
  } catch (err) {
    if (err instanceof UsersInputError) return usageError(err.message);
    throw err;
  }

  const clients = (io.clients ?? clientsFor)(request.config);
  try {
    await addUser(clients, request, io.out);
    return 0;
  } catch (err) {
    const e = err as Error;
    io.err(`users: ${e.name === 'UsersError' ? '' : `${e.name}: `}${e.message}`);
    return 1;
  } finally {
    clients.cloudFormation.destroy();
    clients.cognito.destroy();
  }
};

const isEntry =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isEntry) {
  process.exitCode = await runUsersCli(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
