// Who may call the API: one Cognito user pool whose groups are the roles
// (functions/routes.ts ROLES), agency users carrying `custom:agency`. Accounts
// are created by the desk (no self sign-up). The API's JWT authorizer verifies
// tokens issued to the one app client.
//
// Staff second factor (config auth.staffMfaRequired, prod): MFA is per pool,
// and reporters may keep one factor, so the pool keeps MFA optional (TOTP, no
// device remembering) and a pre-token-generation trigger (functions/auth/
// pre-token.ts) puts `staff_mfa: totp` in the ID token of a desk or agency
// user who has TOTP on; Cognito asks such a user for the code at every sign-in.
// The API refuses desk and agency tokens without the claim (403).
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { AppConfig } from '#config/schema';
import { ROLES, type Role } from '#functions/routes';
import { AGENCY_ATTRIBUTE } from '#infra/aws/names';
import { HandlerFunction } from './function';
import { removalPolicyFor } from './retention';

/** Precedence only orders the groups in the console and in `cognito:preferred_role`; roles add up. */
const groups: Record<Role, { precedence: number; description: string }> = {
  desk: {
    precedence: 0,
    description: 'Desk staff: triage reports, run cases, plan briefings, read everything',
  },
  agency: {
    precedence: 1,
    description: 'Agency and locality staff: see and answer the cases assigned to their agency',
  },
  reporter: { precedence: 2, description: 'Field collaborators: submit reports and read their own' },
};

export interface AuthProps {
  config: AppConfig;
  /** The console's origin (`https://<distribution domain>`): its sign-in callback and sign-out URLs. */
  consoleUrl: string;
}

/**
 * Where Cognito's managed login may send the browser back to (web/src/auth/oidc.ts): the
 * console's callback after signing in, and after signing out its start page (what the console
 * asks for) or its sign-in page.
 */
export const consoleOAuthUrls = (consoleUrl: string) => ({
  callbackUrls: [`${consoleUrl}/auth/callback`],
  logoutUrls: [`${consoleUrl}/`, `${consoleUrl}/sign-in`],
});

export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** Cognito's managed login for the console (config `console.cognitoDomainPrefix`). */
  readonly domain: UserPoolDomain;
  /** The pre-token-generation trigger, when the config asks staff for a second factor. */
  readonly preTokenGeneration?: HandlerFunction;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const { config } = props;
    const prod = config.env === 'prod';

    if (config.auth.staffMfaRequired) {
      this.preTokenGeneration = new HandlerFunction(this, 'PreTokenGeneration', {
        config,
        entry: 'functions/auth/pre-token.ts',
        description: 'opinion-desk Cognito pre-token trigger: the staff second-factor claim',
        timeout: Duration.seconds(5),
        memorySize: 256,
      });
      // The pool's ARN would make a cycle (the pool names this function as its trigger).
      this.preTokenGeneration.fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['cognito-idp:AdminGetUser'],
          resources: [
            Stack.of(this).formatArn({ service: 'cognito-idp', resource: 'userpool', resourceName: '*' }),
          ],
        }),
      );
      Validations.of(this.preTokenGeneration).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:aws:cognito-idp:${config.region}:<AWS::AccountId>:userpool/*]`,
        reason:
          "AdminGetUser on this account and region's user pools: naming the pool's ARN would be a dependency cycle (the pool names this function as its trigger); the function only reads a user's MFA settings.",
      });
    }

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        // Mutable so that the desk can move a user to another agency; app clients may not write it.
        [AGENCY_ATTRIBUTE]: new StringAttribute({ minLen: 1, maxLen: 40, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        passwordHistorySize: 5,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // No deviceTracking: a remembered device would skip the TOTP prompt.
      ...(this.preTokenGeneration
        ? { lambdaTriggers: { preTokenGeneration: this.preTokenGeneration.fn } }
        : {}),
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      // Threat protection blocks risky sign-ins in prod; elsewhere it only reports them.
      standardThreatProtectionMode: prod
        ? StandardThreatProtectionMode.FULL_FUNCTION
        : StandardThreatProtectionMode.AUDIT_ONLY,
      deletionProtection: prod,
      removalPolicy: removalPolicyFor(config),
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional (TOTP, no SMS) rather than required: field collaborators sign in from their own phones and the contract (docs/roles.md) does not ask them to enrol an authenticator; Plus-tier threat protection covers risky sign-ins.',
    });

    for (const role of ROLES) {
      this.userPool.addGroup(`Group-${role}`, { groupName: role, ...groups[role] });
    }

    this.client = this.userPool.addClient('ApiClient', {
      generateSecret: false,
      // Apps sign in with SRP (the password never leaves the device). ADMIN_USER_PASSWORD_AUTH is
      // the server-side AdminInitiateAuth, which only IAM principals allowed
      // cognito-idp:AdminInitiateAuth can call (operators, the e2e suite against a deployed stage,
      // infra/aws/README.md "Operators"); USER_PASSWORD_AUTH (a password over the public API) stays off.
      authFlows: { userSrp: true, adminUserPassword: true },
      // The console signs in through the managed login: the authorization code grant, and as a
      // public client (no secret) with PKCE, which oidc-client-ts always sends. No implicit grant.
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        ...consoleOAuthUrls(props.consoleUrl),
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true, locale: true })
        .withCustomAttributes(AGENCY_ATTRIBUTE),
      // Users may not write custom:agency (or their email) themselves: an agency
      // user could otherwise read another agency's cases.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true, locale: true }),
    });

    // The managed login (the newer pages, styled with Cognito's defaults) on a Cognito domain.
    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: config.console.cognitoDomainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    const branding = new CfnManagedLoginBranding(this, 'ManagedLoginBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    branding.node.addDependency(this.domain);
  }
}
