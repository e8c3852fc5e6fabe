// The console on AWS, per environment, from the synthesized App stack: a private
// bucket read only by CloudFront through origin access control, HTTPS only, the
// console's CSP (web/csp.ts) and security headers, the single-page fallback,
// hashed assets cached and the rest not, web/dist and a deploy-time config.json
// in the Cognito mode (never the local development sign-in), Cognito's managed
// login and code-flow app client for the console's URLs, the console's origin in
// the API's CORS and its URL in the mail senders' environment, and cdk-nag clean.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRuntimeSettings, withConsoleUrl } from '#config/runtime';
import { ENVIRONMENTS, type EnvironmentName, parseAppConfig } from '#config/schema';
import { jobPermissions } from '#functions/permissions';
import { schedules } from '#functions/schedules';
import { type BuiltApp, buildApp } from '#infra/aws/build';
import { securityHeaders } from '#infra/aws/constructs/console-site';
import { APP_STACK_OUTPUTS } from '#infra/aws/names';
import { dev } from '#infra/config/dev';
import { loadAppConfig } from '#infra/config/index';
import { DEV_SIGN_IN_PATH, renderSignInPage } from '#infra/local/dev-sign-in';
import { caseLink } from '#mail/links';
import { CONSOLE_DIST_DIR, ensureConsoleBuilt } from '#web/build';
import { CONSOLE_SECURITY_HEADERS, consoleCsp } from '#web/csp';
import { parseRuntimeConfig } from '#web/src/runtime-config';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};
const SYNTH_TIMEOUT = 180_000;

/** What only the local stack's development sign-in page carries: its path, and its buttons' attribute. */
const DEV_SIGN_IN_MARKS = [DEV_SIGN_IN_PATH.replace(/^\//, ''), 'data-dev-sign-in'];

type CfnResource = {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  DependsOn?: unknown;
};
type Statement = {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: unknown;
};
const asList = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

/** Every file under `dir`, as paths relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();

/** `file: mark` for each file under `dir` (names included) that holds a dev sign-in mark. */
const devSignInFindings = (dir: string): string[] =>
  filesUnder(dir).flatMap((file) => {
    const text = `${file}\n${readFileSync(join(dir, file), 'latin1')}`;
    return DEV_SIGN_IN_MARKS.filter((m) => text.includes(m)).map((m) => `${file}: ${m}`);
  });

/** The distribution's domain, as the template names it. */
const distributionDomain = (distributionId: string) => ({ 'Fn::GetAtt': [distributionId, 'DomainName'] });
const urlOf = (distributionId: string, path = '') => ({
  'Fn::Join': ['', ['https://', distributionDomain(distributionId), ...(path ? [path] : [])]],
});

beforeAll(async () => {
  await ensureConsoleBuilt();
}, SYNTH_TIMEOUT);

describe('the security headers as CloudFront serves them', () => {
  it('are exactly CONSOLE_SECURITY_HEADERS, typed where CloudFront knows the header', () => {
    const { security, custom } = securityHeaders('default-src x');
    const served: Record<string, string> = {
      'strict-transport-security': `max-age=${security.strictTransportSecurity!.accessControlMaxAge.toSeconds()}${security.strictTransportSecurity!.includeSubdomains ? '; includeSubDomains' : ''}${security.strictTransportSecurity!.preload ? '; preload' : ''}`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': security.referrerPolicy!.referrerPolicy,
      'x-frame-options': security.frameOptions!.frameOption,
      ...custom,
    };
    expect(served).toEqual(CONSOLE_SECURITY_HEADERS);
    expect(security.contentSecurityPolicy).toEqual({
      contentSecurityPolicy: 'default-src x',
      override: true,
    });
  });
});

describe.each(ENVIRONMENTS)('the %s console', (envName: EnvironmentName) => {
  const config = loadAppConfig(envName);
  let built: BuiltApp;
  let template: Template;
  let resources: Record<string, CfnResource>;
  let distributionId: string;
  let bucketId: string;
  let logBucketId: string;
  let deployment: Record<string, unknown>;

  const ofType = (type: string) =>
    Object.entries(resources)
      .filter(([, r]) => r.Type === type)
      .map(([id, r]) => ({ id, ...r }));

  beforeAll(() => {
    built = buildApp(envName, {
      context: { ...cdkJson.context, '@aws-cdk/core:appMode': 'inmemory', 'aws:cdk:bundling-stacks': [] },
    });
    // cdk-nag runs as a validation plugin here: an unacknowledged error throws.
    built.app.synth();
    template = Template.fromStack(built.stage.appStack);
    resources = template.toJSON().Resources as Record<string, CfnResource>;
    const site = built.stage.appStack.console;
    const id = (c: { node: { defaultChild?: unknown } }) =>
      built.stage.appStack.getLogicalId(c.node.defaultChild as CfnElement);
    distributionId = id(site.distribution);
    bucketId = id(site.bucket);
    logBucketId = id(site.logBucket);
    const [custom] = ofType('Custom::CDKBucketDeployment');
    deployment = custom!.Properties!;
  }, SYNTH_TIMEOUT);

  it('has no unacknowledged cdk-nag findings', () => {
    expect(new AwsSolutionsChecks().validateScope(built.app).violations.map((v) => v.ruleName)).toEqual([]);
  });

  it('keeps the built console in a private, encrypted, TLS-only bucket that only this distribution reads', () => {
    expect(ofType('AWS::S3::Bucket')).toHaveLength(2);
    for (const bucket of [bucketId, logBucketId]) {
      expect(resources[bucket]!.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      });
      expect(resources[bucket]!.Properties?.WebsiteConfiguration, bucket).toBeUndefined();
    }
    // Its reads are logged to the log bucket, which keeps them as long as the logs.
    expect(resources[bucketId]!.Properties?.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logBucketId },
      LogFilePrefix: 'console-bucket/',
    });
    expect(resources[logBucketId]!.Properties?.LifecycleConfiguration).toEqual({
      Rules: [{ ExpirationInDays: config.retention.logDays, Status: 'Enabled' }],
    });

    const [policy] = ofType('AWS::S3::BucketPolicy').filter(
      (p) => JSON.stringify(p.Properties?.Bucket) === JSON.stringify({ Ref: bucketId }),
    );
    const statements = (policy!.Properties!.PolicyDocument as { Statement: Statement[] }).Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    const allows = statements.filter((s) => s.Effect === 'Allow');
    // CloudFront, for this distribution only, reads objects (and, in dev, CDK's auto-delete empties it).
    const reads = allows.filter((s) => JSON.stringify(s.Principal).includes('cloudfront.amazonaws.com'));
    expect(reads).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] },
        Condition: {
          StringEquals: {
            'AWS:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':cloudfront::',
                  { Ref: 'AWS::AccountId' },
                  ':distribution/',
                  { Ref: distributionId },
                ],
              ],
            },
          },
        },
      },
    ]);
    for (const s of allows) expect(JSON.stringify(s.Principal)).not.toContain('"*"');
    expect(allows.length).toBe(envName === 'dev' ? 2 : 1);
  });

  it('empties and deletes the buckets with the stack in dev only, as the other stateful resources', () => {
    const expected = envName === 'dev' ? 'Delete' : 'Retain';
    for (const bucket of [bucketId, logBucketId]) expect(resources[bucket]!.DeletionPolicy).toBe(expected);
    expect(ofType('Custom::S3AutoDeleteObjects')).toHaveLength(envName === 'dev' ? 2 : 0);
  });

  it('serves it through CloudFront with origin access control, HTTPS only, index.html at the root', () => {
    const [oac] = ofType('AWS::CloudFront::OriginAccessControl');
    expect(oac!.Properties?.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const dist = resources[distributionId]!.Properties!.DistributionConfig as Record<string, unknown> & {
      Origins: Record<string, unknown>[];
      DefaultCacheBehavior: Record<string, unknown>;
      CacheBehaviors: Record<string, unknown>[];
    };
    expect(dist.DefaultRootObject).toBe('index.html');
    expect(dist.Origins).toEqual([
      expect.objectContaining({
        DomainName: { 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] },
        OriginAccessControlId: { 'Fn::GetAtt': [oac!.id, 'Id'] },
        S3OriginConfig: { OriginAccessIdentity: '' },
      }),
    ]);
    for (const behaviour of [dist.DefaultCacheBehavior, ...dist.CacheBehaviors]) {
      expect(behaviour.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(behaviour.AllowedMethods).toEqual(['GET', 'HEAD']);
    }
  });

  it('answers every console route with index.html (the single-page fallback), uncached', () => {
    const dist = resources[distributionId]!.Properties!.DistributionConfig as {
      CustomErrorResponses: unknown[];
    };
    // S3 answers 403 for a missing key to a reader that may not list; the API has its own origin.
    expect(dist.CustomErrorResponses).toEqual(
      [403, 404].map((code) => ({
        ErrorCode: code,
        ResponseCode: 200,
        ResponsePagePath: '/index.html',
        ErrorCachingMinTTL: 0,
      })),
    );
  });

  it("sends the console's CSP and security headers with everything; caches hashed assets for a year and nothing else", () => {
    const dist = resources[distributionId]!.Properties!.DistributionConfig as {
      DefaultCacheBehavior: { CachePolicyId: string; ResponseHeadersPolicyId: { Ref: string } };
      CacheBehaviors: {
        PathPattern: string;
        CachePolicyId: string;
        ResponseHeadersPolicyId: { Ref: string };
      }[];
    };
    const csp = consoleCsp({
      // The region's API hosts: naming this stage's API would be a cycle (its CORS names the distribution).
      apiOrigin: `https://*.execute-api.${config.region}.amazonaws.com`,
      authOrigins: [
        `https://cognito-idp.${config.region}.amazonaws.com`,
        `https://${config.console.cognitoDomainPrefix}.auth.${config.region}.amazoncognito.com`,
      ],
      // Evidence uploads and thumbnails: the region's S3 hosts (the bucket is named in another stack).
      fileOrigins: [`https://*.s3.${config.region}.amazonaws.com`],
    });
    expect(built.stage.appStack.console.csp).toBe(csp);

    /** A response-headers policy as the header lines it adds. */
    const headersOf = (policyId: string): Record<string, string> => {
      const p = resources[policyId]!.Properties!.ResponseHeadersPolicyConfig as {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: string; Override: boolean };
          StrictTransportSecurity: {
            AccessControlMaxAgeSec: number;
            IncludeSubdomains: boolean;
            Preload: boolean;
            Override: boolean;
          };
          ContentTypeOptions: { Override: boolean };
          ReferrerPolicy: { ReferrerPolicy: string; Override: boolean };
          FrameOptions: { FrameOption: string; Override: boolean };
        };
        CustomHeadersConfig: { Items: { Header: string; Value: string; Override: boolean }[] };
      };
      const s = p.SecurityHeadersConfig;
      for (const h of [
        s.ContentSecurityPolicy,
        s.StrictTransportSecurity,
        s.ContentTypeOptions,
        s.ReferrerPolicy,
        s.FrameOptions,
        ...p.CustomHeadersConfig.Items,
      ])
        expect(h.Override).toBe(true);
      const hsts = s.StrictTransportSecurity;
      return {
        'content-security-policy': s.ContentSecurityPolicy.ContentSecurityPolicy,
        'strict-transport-security': `max-age=${hsts.AccessControlMaxAgeSec}${hsts.IncludeSubdomains ? '; includeSubDomains' : ''}${hsts.Preload ? '; preload' : ''}`,
        'x-content-type-options': 'nosniff',
        'referrer-policy': s.ReferrerPolicy.ReferrerPolicy,
        'x-frame-options': s.FrameOptions.FrameOption,
        ...Object.fromEntries(p.CustomHeadersConfig.Items.map((i) => [i.Header, i.Value])),
      };
    };
    const expected = (cacheControl: string) => ({
      'content-security-policy': csp,
      ...CONSOLE_SECURITY_HEADERS,
      'cache-control': cacheControl,
    });

    // Managed cache policies: CachingDisabled and CachingOptimized.
    expect(dist.DefaultCacheBehavior.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(headersOf(dist.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref)).toEqual(expected('no-cache'));
    expect(dist.CacheBehaviors).toHaveLength(1);
    const [assets] = dist.CacheBehaviors;
    expect(assets!.PathPattern).toBe('/assets/*');
    expect(assets!.CachePolicyId).toBe('658327ea-f89d-4fab-a63d-7e88639e58f6');
    expect(headersOf(assets!.ResponseHeadersPolicyId.Ref)).toEqual(
      expected('public, max-age=31536000, immutable'),
    );
    // Vite names what it puts under assets/ by content hash: only those may be cached for a year.
    const hashed = readdirSync(join(CONSOLE_DIST_DIR, 'assets'));
    expect(hashed.length).toBeGreaterThan(0);
    for (const f of hashed) expect(f).toMatch(/-[\w-]{8}\.\w+$/);
  });

  it('deploys web/dist and a config.json for Cognito sign-in, pruning nothing', () => {
    expect(deployment).toMatchObject({ DestinationBucketName: { Ref: bucketId }, Prune: false });
    const keys = deployment.SourceObjectKeys as string[];
    expect(keys).toHaveLength(2);
    const [distDir, configDir] = keys.map((k) => join(built.app.outdir, `asset.${k.replace(/\.zip$/, '')}`));

    // The build as it is, without its bookkeeping.
    const shipped = filesUnder(distDir!);
    expect(shipped).toContain('index.html');
    expect(shipped.some((f) => f.startsWith('assets/'))).toBe(true);
    expect(shipped).toEqual(
      filesUnder(CONSOLE_DIST_DIR).filter((f) => f !== '.build-stamp' && !f.startsWith('.vite')),
    );

    // config.json: deploy-time values as markers that the deployment fills in.
    expect(filesUnder(configDir!)).toEqual(['config.json']);
    const raw = JSON.parse(readFileSync(join(configDir!, 'config.json'), 'utf8')) as Record<string, unknown>;
    const markers = (deployment.SourceMarkers as Record<string, unknown>[])[1]!;
    const resolved = JSON.parse(JSON.stringify(raw), (_k, v: unknown) =>
      typeof v === 'string' && v in markers ? markers[v] : v,
    ) as Record<string, unknown>;
    const [apiId] = ofType('AWS::ApiGatewayV2::Api').map((a) => a.id);
    const [poolId] = ofType('AWS::Cognito::UserPool').map((p) => p.id);
    const [clientId] = ofType('AWS::Cognito::UserPoolClient').map((c) => c.id);
    expect(resolved).toEqual({
      apiUrl: config.links.apiUrl ?? { 'Fn::GetAtt': [apiId, 'ApiEndpoint'] },
      timeZone: config.timeZone,
      environment: envName,
      region: config.region,
      auth: {
        mode: 'cognito',
        authority: { 'Fn::GetAtt': [poolId, 'ProviderURL'] },
        clientId: { Ref: clientId },
        domain: `https://${config.console.cognitoDomainPrefix}.auth.${config.region}.amazoncognito.com`,
      },
    });
    // The console accepts it (markers stand in for the deploy-time strings).
    expect(parseRuntimeConfig(raw).auth.mode).toBe('cognito');
  });

  it('ships no development sign-in: not in the template, not in any deployed file', () => {
    const keys = deployment.SourceObjectKeys as string[];
    const dirs = keys.map((k) => join(built.app.outdir, `asset.${k.replace(/\.zip$/, '')}`));
    for (const dir of dirs) {
      expect(existsSync(dir), dir).toBe(true);
      expect(devSignInFindings(dir), dir).toEqual([]);
    }
    const stackTemplate = readFileSync(join(built.stage.outdir, built.stage.appStack.templateFile), 'utf8');
    for (const mark of DEV_SIGN_IN_MARKS) expect(stackTemplate).not.toContain(mark);
    expect(JSON.stringify(template.toJSON())).not.toMatch(/"mode":\s*"local"|signInUrl/);
  });

  it("signs in through Cognito's managed login: a domain per stage, the code flow for the console's URLs, no secret", () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: config.console.cognitoDomainPrefix,
      ManagedLoginVersion: 2,
    });
    const [client] = ofType('AWS::Cognito::UserPoolClient');
    template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      ClientId: { Ref: client!.id },
      UseCognitoProvidedValues: true,
    });
    expect(client!.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      // web/src/auth/oidc.ts: redirect_uri, and post_logout_redirect_uri / logout_uri.
      CallbackURLs: [urlOf(distributionId, '/auth/callback')],
      LogoutURLs: [urlOf(distributionId, '/'), urlOf(distributionId, '/sign-in')],
    });
    // The API's JWT authorizer still trusts this client's tokens.
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: { Audience: [{ Ref: client!.id }] },
    });
  });

  it("lets the console's origin call the API (CORS), besides the configured origins", () => {
    const [api] = ofType('AWS::ApiGatewayV2::Api');
    const cors = api!.Properties?.CorsConfiguration as { AllowOrigins: unknown[]; AllowHeaders: string[] };
    expect(cors.AllowOrigins).toEqual([urlOf(distributionId), ...config.corsOrigins]);
    expect(cors.AllowHeaders).toEqual(
      expect.arrayContaining(['authorization', 'if-match', 'idempotency-key']),
    );
  });

  it('links emails to the console: the functions that send mail get its URL; the stack outputs it', () => {
    const app = built.stage.appStack;
    const senders = [
      ...schedules.filter((row) => jobPermissions[row.name].sendsMail).map((row) => app.jobs[row.name]!),
      app.outboxSender,
    ].map((j) => app.getLogicalId(j.function.fn.node.defaultChild as CfnElement));
    expect(senders.length).toBeGreaterThan(0);
    for (const { id, Properties } of ofType('AWS::Lambda::Function')) {
      const vars = (Properties as { Environment?: { Variables?: Record<string, unknown> } }).Environment
        ?.Variables;
      if (senders.includes(id))
        expect(vars?.CONSOLE_URL, id).toEqual(config.links.consoleUrl ?? urlOf(distributionId));
      else expect(vars?.CONSOLE_URL, id).toBeUndefined();
    }
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs[APP_STACK_OUTPUTS.consoleUrl]!.Value).toEqual(urlOf(distributionId));
    expect(outputs[APP_STACK_OUTPUTS.cognitoDomain]!.Value).toBe(
      `https://${config.console.cognitoDomainPrefix}.auth.${config.region}.amazoncognito.com`,
    );
  });

  it('runs the deployment with its own role: its log group, the staged assets and the console bucket, nothing else', () => {
    const site = built.stage.appStack.console;
    const roleId = built.stage.appStack.getLogicalId(
      site.deployment!.handlerRole.node.defaultChild as CfnElement,
    );
    expect(resources[roleId]!.Properties?.ManagedPolicyArns).toBeUndefined();
    const statements = ofType('AWS::IAM::Policy')
      .filter((p) => JSON.stringify(p.Properties?.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap((p) => (p.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
    const logsId = built.stage.appStack.getLogicalId(
      site.node.findChild('DeployLogs').node.defaultChild as CfnElement,
    );
    for (const s of statements) {
      expect(s.Effect).toBe('Allow');
      const where = JSON.stringify(s.Resource);
      const onLogs = where === JSON.stringify({ 'Fn::GetAtt': [logsId, 'Arn'] });
      const onBucket = where.includes(bucketId);
      const onAssets = where.includes(`cdk-hnb659fds-assets-`);
      expect(onLogs || onBucket || onAssets, where).toBe(true);
      for (const action of asList(s.Action)) expect(action).toMatch(onLogs ? /^logs:/ : /^s3:/);
    }
  });
});

describe('the console URL a function is given', () => {
  it('becomes links.consoleUrl, so that emails link to the console, unless the config names one', () => {
    const env = {
      APP_ENV: 'staging',
      TABLE_NAME: 'table',
      CONSOLE_URL: 'https://d111111abcdef8.cloudfront.net/',
    };
    const { config } = readRuntimeSettings(env, loadAppConfig);
    expect(config.links.consoleUrl).toBe('https://d111111abcdef8.cloudfront.net');
    expect(caseLink(config, 'C1')).toBe('https://d111111abcdef8.cloudfront.net/cases/C1');
    const configured = { ...config, links: { consoleUrl: 'https://console.example.org' } };
    expect(withConsoleUrl(configured, env.CONSOLE_URL).links.consoleUrl).toBe('https://console.example.org');
    expect(
      readRuntimeSettings({ APP_ENV: 'staging', TABLE_NAME: 'table' }, loadAppConfig).config.links.consoleUrl,
    ).toBe(loadAppConfig('staging').links.consoleUrl);
  });
});

describe('console.cognitoDomainPrefix', () => {
  it.each(['opinion-desk-aws', 'my-cognito', 'Upper', '-edge', 'edge-', 'a'.repeat(64), 'dot.ted'])(
    'refuses %s, as Cognito would',
    (prefix) => {
      expect(() =>
        parseAppConfig({ ...dev, console: { cognitoDomainPrefix: prefix } }, 'infra/config/test.ts'),
      ).toThrow(/console\.cognitoDomainPrefix/);
    },
  );

  it('differs per environment (a prefix is unique in the region)', () => {
    const prefixes = ENVIRONMENTS.map((e) => loadAppConfig(e).console.cognitoDomainPrefix);
    expect(new Set(prefixes).size).toBe(ENVIRONMENTS.length);
  });
});

describe('the dev sign-in check', () => {
  it('finds the marks in the real development sign-in page (the check above is not vacuous)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dev-sign-in-'));
    try {
      const page = renderSignInPage({ agencies: loadAppConfig('dev').agencies, returnTo: '/' });
      writeFileSync(join(dir, 'index.html'), page);
      expect(devSignInFindings(dir).map((f) => relative(dir, join(dir, f)))).toEqual([
        'index.html: dev/sign-in',
        'index.html: data-dev-sign-in',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
