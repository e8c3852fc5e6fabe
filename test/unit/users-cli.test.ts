// `npm run users -- add ...` (infra/users) against mocked AWS SDK clients
// (aws-sdk-client-mock): no AWS is called. What it sends to CloudFormation and
// Cognito for each role, what it refuses before calling anything, and that an
// existing user still ends up in the group.
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ENVIRONMENTS } from '#config/schema';
import { appStackNameOf } from '#infra/aws/names';
import { runUsersCli } from '#infra/users/cli';
import { addUser, findUserPoolId, validateAddUser } from '#infra/users/users';

const cfn = mockClient(CloudFormationClient);
const cognito = mockClient(CognitoIdentityProviderClient);

const poolIdOf = (env: string) => `ap-southeast-1_${env}Pool`;

const stackWithOutputs = (env: string, outputs: { OutputKey: string; OutputValue: string }[]) => ({
  Stacks: [
    {
      StackName: appStackNameOf(env),
      CreationTime: new Date('2026-01-01T00:00:00Z'),
      StackStatus: 'UPDATE_COMPLETE' as const,
      Outputs: outputs,
    },
  ],
});

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runUsersCli(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    clients: (config) => ({
      cloudFormation: new CloudFormationClient({ region: config.region }),
      cognito: new CognitoIdentityProviderClient({ region: config.region }),
    }),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const calls = (command: unknown) =>
  // biome-ignore lint/suspicious/noExplicitAny: aws-sdk-client-mock's matcher type is per command
  [...cfn.commandCalls(command as any), ...cognito.commandCalls(command as any)].map((c) => c.args[0].input);

beforeEach(() => {
  cfn.reset();
  cognito.reset();
  // Each environment's App stack has its own pool; the stack is looked up by name.
  for (const env of ENVIRONMENTS) {
    cfn.on(DescribeStacksCommand, { StackName: appStackNameOf(env) }).resolves(
      stackWithOutputs(env, [
        { OutputKey: 'AlarmTopicArn', OutputValue: 'arn:aws:sns:ap-southeast-1:123456789012:alarms' },
        { OutputKey: 'UserPoolId', OutputValue: poolIdOf(env) },
        { OutputKey: 'UserPoolClientId', OutputValue: `${env}client` },
      ]),
    );
  }
  cognito.on(AdminCreateUserCommand).resolves({ User: { Username: 'sub-1234' } });
  cognito.on(AdminAddUserToGroupCommand).resolves({});
  cognito.on(AdminUpdateUserAttributesCommand).resolves({});
});

afterAll(() => {
  cfn.restore();
  cognito.restore();
});

describe('npm run users -- add', () => {
  it('creates a desk user (email verified, invitation by email) and adds them to the desk group', async () => {
    const r = await run('add', '--env', 'staging', '--email', 'Lan.Nguyen@Example.org', '--role', 'desk');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);

    expect(calls(DescribeStacksCommand)).toEqual([{ StackName: 'OpinionDesk-staging-App' }]);
    expect(calls(AdminCreateUserCommand)).toEqual([
      {
        UserPoolId: poolIdOf('staging'),
        Username: 'lan.nguyen@example.org',
        UserAttributes: [
          { Name: 'email', Value: 'lan.nguyen@example.org' },
          { Name: 'email_verified', Value: 'true' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      },
    ]);
    expect(calls(AdminAddUserToGroupCommand)).toEqual([
      { UserPoolId: poolIdOf('staging'), Username: 'lan.nguyen@example.org', GroupName: 'desk' },
    ]);
    expect(calls(AdminUpdateUserAttributesCommand)).toEqual([]);
    expect(r.out).toMatch(/Created lan\.nguyen@example\.org in staging .*temporary password/);
    expect(r.out).toContain('is in group desk');
  });

  it('creates a reporter in the reporter group, with no agency', async () => {
    const r = await run('add', '--env', 'dev', '--email', 'field1@example.org', '--role', 'reporter');
    expect(r.code).toBe(0);
    const [create] = calls(AdminCreateUserCommand) as { UserAttributes: { Name: string }[] }[];
    expect(create!.UserAttributes.map((a) => a.Name)).toEqual(['email', 'email_verified']);
    expect(calls(AdminAddUserToGroupCommand)).toEqual([
      { UserPoolId: poolIdOf('dev'), Username: 'field1@example.org', GroupName: 'reporter' },
    ]);
  });

  it('creates an agency user carrying custom:agency, in the agency group', async () => {
    const r = await run(
      'add',
      '--env',
      'prod',
      '--email',
      'officer@transport.example.org',
      '--role',
      'agency',
      '--agency',
      'transport-dept',
    );
    expect(r.code).toBe(0);
    expect(calls(AdminCreateUserCommand)).toEqual([
      {
        UserPoolId: poolIdOf('prod'),
        Username: 'officer@transport.example.org',
        UserAttributes: [
          { Name: 'email', Value: 'officer@transport.example.org' },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'custom:agency', Value: 'transport-dept' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      },
    ]);
    expect(calls(AdminAddUserToGroupCommand)).toEqual([
      { UserPoolId: poolIdOf('prod'), Username: 'officer@transport.example.org', GroupName: 'agency' },
    ]);
  });

  it.each(ENVIRONMENTS)(
    'takes the %s pool id from the UserPoolId output of OpinionDesk-<env>-App',
    async (env) => {
      expect(await findUserPoolId(new CloudFormationClient({ region: 'ap-southeast-1' }), env)).toBe(
        poolIdOf(env),
      );
      const r = await run('add', '--env', env, '--email', 'someone@example.org', '--role', 'desk');
      expect(r.code).toBe(0);
      expect(calls(DescribeStacksCommand)).toContainEqual({ StackName: `OpinionDesk-${env}-App` });
      expect(calls(AdminCreateUserCommand)).toEqual([expect.objectContaining({ UserPoolId: poolIdOf(env) })]);
      expect(calls(AdminAddUserToGroupCommand)).toEqual([
        expect.objectContaining({ UserPoolId: poolIdOf(env) }),
      ]);
    },
  );

  it('adds an existing user to the group and says so, without a new invitation', async () => {
    cognito.on(AdminCreateUserCommand).rejects(
      new UsernameExistsException({
        message: 'An account with the given email already exists.',
        $metadata: {},
      }),
    );
    const r = await run('add', '--env', 'staging', '--email', 'lan@example.org', '--role', 'desk');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/lan@example\.org already exists in staging .*no invitation sent/);
    expect(calls(AdminAddUserToGroupCommand)).toEqual([
      { UserPoolId: poolIdOf('staging'), Username: 'lan@example.org', GroupName: 'desk' },
    ]);
    expect(calls(AdminUpdateUserAttributesCommand)).toEqual([]);
  });

  it('gives an existing user added as agency staff the agency', async () => {
    cognito
      .on(AdminCreateUserCommand)
      .rejects(new UsernameExistsException({ message: 'exists', $metadata: {} }));
    const r = await run(
      'add',
      '--env',
      'staging',
      '--email',
      'officer@example.org',
      '--role',
      'agency',
      '--agency',
      'police',
    );
    expect(r.code).toBe(0);
    expect(calls(AdminUpdateUserAttributesCommand)).toEqual([
      {
        UserPoolId: poolIdOf('staging'),
        Username: 'officer@example.org',
        UserAttributes: [{ Name: 'custom:agency', Value: 'police' }],
      },
    ]);
    expect(calls(AdminAddUserToGroupCommand)).toEqual([
      { UserPoolId: poolIdOf('staging'), Username: 'officer@example.org', GroupName: 'agency' },
    ]);
  });

  it.each([
    [
      ['add', '--env', 'dev', '--email', 'a@example.org', '--role', 'agency'],
      /--agency is required for role agency: one of transport-dept, /,
    ],
    [
      ['add', '--env', 'dev', '--email', 'a@example.org', '--role', 'desk', '--agency', 'police'],
      /--agency applies only to role agency, not desk/,
    ],
    [
      ['add', '--env', 'dev', '--email', 'a@example.org', '--role', 'reporter', '--agency', 'police'],
      /--agency applies only to role agency, not reporter/,
    ],
    [
      ['add', '--env', 'dev', '--email', 'a@example.org', '--role', 'agency', '--agency', 'nasa'],
      /Unknown agency "nasa" in dev: expected one of transport-dept, .*police/,
    ],
    [
      ['add', '--env', 'qa', '--email', 'a@example.org', '--role', 'desk'],
      /Unknown environment "qa": expected one of dev, staging, prod/,
    ],
    [
      ['add', '--env', 'dev', '--email', 'a@example.org', '--role', 'admin'],
      /Unknown role "admin": expected one of reporter, desk, agency/,
    ],
    [
      ['add', '--env', 'dev', '--email', 'not-an-address', '--role', 'desk'],
      /--email "not-an-address" is not an email address/,
    ],
    [['add', '--env', 'dev', '--role', 'desk'], /--email is required/],
    [['add', '--email', 'a@example.org', '--role', 'desk'], /--env is required/],
    [['add', '--env', 'dev', '--email', 'a@example.org'], /--role is required/],
    [['remove', '--env', 'dev'], /Unknown command "remove"/],
    [['--env', 'dev'], /Missing command: add/],
    [['add', '--env', 'dev', '--bogus'], /Unknown option '--bogus'/],
  ])('refuses %j before calling AWS (exit 2)', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('Usage: npm run users -- add');
    expect(cfn.calls()).toHaveLength(0);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('says the environment is not deployed when its App stack does not exist', async () => {
    const missing = Object.assign(new Error('Stack with id OpinionDesk-prod-App does not exist'), {
      name: 'ValidationError',
    });
    cfn.on(DescribeStacksCommand, { StackName: 'OpinionDesk-prod-App' }).rejects(missing);
    const r = await run('add', '--env', 'prod', '--email', 'a@example.org', '--role', 'desk');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/The prod environment is not deployed here: no stack OpinionDesk-prod-App/);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('says so when the stack has no UserPoolId output', async () => {
    cfn
      .on(DescribeStacksCommand, { StackName: 'OpinionDesk-dev-App' })
      .resolves(stackWithOutputs('dev', [{ OutputKey: 'AlarmTopicArn', OutputValue: 'arn' }]));
    const r = await run('add', '--env', 'dev', '--email', 'a@example.org', '--role', 'desk');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Stack OpinionDesk-dev-App has no output UserPoolId/);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('reports any other AWS error with its name and exit 1', async () => {
    cognito
      .on(AdminAddUserToGroupCommand)
      .rejects(Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' }));
    const r = await run('add', '--env', 'dev', '--email', 'a@example.org', '--role', 'desk');
    expect(r.code).toBe(1);
    expect(r.err).toBe('users: AccessDeniedException: User is not authorized');
  });

  it('prints the usage for --help', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--agency   required for --role agency');
  });
});

describe('the users module', () => {
  it('validates against the environment config', () => {
    expect(validateAddUser({ env: 'dev', email: ' A@Example.org ', role: 'desk' })).toMatchObject({
      email: 'a@example.org',
      role: 'desk',
      config: { env: 'dev' },
    });
    expect(() => validateAddUser({ env: 'dev', email: 'a@example.org', role: 'agency' })).toThrow(
      /--agency is required/,
    );
  });

  it('addUser returns what it did', async () => {
    const clients = {
      cloudFormation: new CloudFormationClient({ region: 'ap-southeast-1' }),
      cognito: new CognitoIdentityProviderClient({ region: 'ap-southeast-1' }),
    };
    const user = validateAddUser({
      env: 'staging',
      email: 'x@example.org',
      role: 'agency',
      agency: 'police',
    });
    expect(await addUser(clients, user)).toEqual({
      userPoolId: poolIdOf('staging'),
      email: 'x@example.org',
      role: 'agency',
      agency: 'police',
      created: true,
    });
  });
});
