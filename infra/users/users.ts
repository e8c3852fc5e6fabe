// Operator tasks on a deployed environment's users (`npm run users`, cli.ts):
// the logic, handed its SDK clients so that tests drive it with
// aws-sdk-client-mock. The user pool is found from the environment's App stack
// output, never configured by hand: what is deployed is what is used.
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import * as z from 'zod';
import type { AppConfig } from '#config/schema';
import { ROLES, type Role } from '#functions/routes';
import { AGENCY_ATTRIBUTE, APP_STACK_OUTPUTS, appStackNameOf } from '#infra/aws/names';
import { loadAppConfig } from '#infra/config/index';

/** A mistake in what was asked (exit code 2), as opposed to a failure of AWS (exit code 1). */
export class UsersInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsersInputError';
  }
}

/** What AWS answered that stops the task, said in the operator's terms. */
export class UsersError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsersError';
  }
}

export interface UsersClients {
  cloudFormation: CloudFormationClient;
  cognito: CognitoIdentityProviderClient;
}

/** Clients for the environment's account and region (credentials from the default chain: AWS_PROFILE, SSO, ...). */
export const clientsFor = (config: AppConfig): UsersClients => ({
  cloudFormation: new CloudFormationClient({ region: config.region }),
  cognito: new CognitoIdentityProviderClient({ region: config.region }),
});

export interface AddUserRequest {
  env: string;
  email: string;
  role: string;
  agency?: string | undefined;
}

export interface ValidAddUser {
  config: AppConfig;
  email: string;
  role: Role;
  /** Only for role `agency`. */
  agency?: string;
}

const emailSchema = z.email();

/** Checks a request against the environment's config; throws a UsersInputError naming what is wrong. */
export const validateAddUser = (request: AddUserRequest): ValidAddUser => {
  let config: AppConfig;
  try {
    config = loadAppConfig(request.env);
  } catch (err) {
    throw new UsersInputError((err as Error).message);
  }
  if (!(ROLES as readonly string[]).includes(request.role)) {
    throw new UsersInputError(`Unknown role "${request.role}": expected one of ${ROLES.join(', ')}.`);
  }
  const role = request.role as Role;
  const email = request.email.trim().toLowerCase();
  if (!emailSchema.safeParse(email).success) {
    throw new UsersInputError(`--email "${request.email}" is not an email address.`);
  }
  const known = config.agencies.map((a) => a.id);
  if (role === 'agency') {
    if (request.agency === undefined) {
      throw new UsersInputError(`--agency is required for role agency: one of ${known.join(', ')}.`);
    }
    if (!known.includes(request.agency)) {
      throw new UsersInputError(
        `Unknown agency "${request.agency}" in ${config.env}: expected one of ${known.join(', ')} (infra/config/${config.env}.ts).`,
      );
    }
    return { config, email, role, agency: request.agency };
  }
  if (request.agency !== undefined) {
    throw new UsersInputError(`--agency applies only to role agency, not ${role}.`);
  }
  return { config, email, role };
};

/** The user pool id from the environment's App stack output `UserPoolId`. */
export const findUserPoolId = async (
  cloudFormation: CloudFormationClient,
  envName: string,
): Promise<string> => {
  const stackName = appStackNameOf(envName);
  let outputs: { OutputKey?: string; OutputValue?: string }[];
  try {
    const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
    outputs = Stacks?.[0]?.Outputs ?? [];
  } catch (err) {
    if ((err as Error).name === 'ValidationError' && /does not exist/.test((err as Error).message)) {
      throw new UsersError(
        `The ${envName} environment is not deployed here: no stack ${stackName} in this account and region (npx cdk deploy -c env=${envName} --all, or check AWS_PROFILE).`,
        { cause: err },
      );
    }
    throw err;
  }
  const id = outputs.find((o) => o.OutputKey === APP_STACK_OUTPUTS.userPoolId)?.OutputValue;
  if (!id) {
    throw new UsersError(
      `Stack ${stackName} has no output ${APP_STACK_OUTPUTS.userPoolId}: deploy the current version of the app (npx cdk deploy -c env=${envName} --all).`,
    );
  }
  return id;
};

export interface AddUserResult {
  userPoolId: string;
  email: string;
  role: Role;
  agency?: string;
  /** false: the user was there already (no invitation sent); the group membership was still ensured. */
  created: boolean;
}

const agencyAttribute = `custom:${AGENCY_ATTRIBUTE}`;

/**
 * Creates the user (username = email, email verified, `custom:agency` for an
 * agency user; Cognito mails a temporary password) and adds them to the role's
 * group. A user that exists already is not changed except for being added to
 * the group (and, for role agency, given the agency): running it twice is safe.
 */
export const addUser = async (
  clients: UsersClients,
  user: ValidAddUser,
  log: (line: string) => void = () => undefined,
): Promise<AddUserResult> => {
  const userPoolId = await findUserPoolId(clients.cloudFormation, user.config.env);
  const agency = user.agency === undefined ? [] : [{ Name: agencyAttribute, Value: user.agency }];
  let created = true;
  try {
    await clients.cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: user.email,
        UserAttributes: [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
          ...agency,
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    log(
      `Created ${user.email} in ${user.config.env} (${userPoolId}); Cognito mails them a temporary password.`,
    );
  } catch (err) {
    if ((err as Error).name !== 'UsernameExistsException') throw err;
    created = false;
    log(`${user.email} already exists in ${user.config.env} (${userPoolId}): no invitation sent.`);
    if (agency.length > 0) {
      await clients.cognito.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: userPoolId,
          Username: user.email,
          UserAttributes: agency,
        }),
      );
      log(`Set ${agencyAttribute} = ${user.agency}.`);
    }
  }
  // Idempotent: adding a member again is not an error.
  await clients.cognito.send(
    new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: user.email, GroupName: user.role }),
  );
  log(`${user.email} is in group ${user.role}.`);
  return {
    userPoolId,
    email: user.email,
    role: user.role,
    ...(user.agency === undefined ? {} : { agency: user.agency }),
    created,
  };
};
