// The console on AWS: the built web app (web/dist) in a private S3 bucket,
// served by CloudFront through origin access control, HTTPS only, with the
// console's strict Content-Security-Policy (web/csp.ts, the same one the local
// stack serves) and the single-page fallback; and, written at deploy time next
// to the built files, the `config.json` the console reads first
// (web/src/runtime-config.ts): the API's URL, Cognito's issuer, domain and app
// client, the zone. The local stack's development sign-in page
// (infra/local/dev-sign-in.ts) is no part of it: only web/dist is deployed,
// and test/infra/console-site.test.ts proves that nothing deployed holds it.
//
// One dependency had to give: the API's CORS origin names the distribution,
// so the distribution's response-headers policy cannot name the API (a
// CloudFormation cycle). The CSP's connect-src therefore allows this region's
// API Gateway hosts, `https://*.execute-api.<region>.amazonaws.com`, unless
// the config names the API's URL (`links.apiUrl`).
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { AppConfig } from '#config/schema';
import { CONSOLE_DIST_DIR } from '#web/build';
import { CONSOLE_SECURITY_HEADERS, consoleCsp } from '#web/csp';
import type { CognitoAuthConfig, RuntimeConfig } from '#web/src/runtime-config';
import { logRetention, removalPolicyFor } from './retention';

/** Files in web/dist that are build bookkeeping, not the console. */
export const CONSOLE_DIST_EXCLUDE = ['.build-stamp', '.vite', '.vite/*'];

/** Hashed build output (Vite's `assets/[name]-[hash]`): a changed file gets a new name. */
export const ASSETS_PATH = '/assets/*';
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Everything else (index.html, config.json, sw.js, the manifest): asked for again each time. */
export const NO_CACHE_CONTROL = 'no-cache';

/** The stage's Cognito managed login domain (config `console.cognitoDomainPrefix`). */
export const cognitoDomainUrl = (config: AppConfig): string =>
  `https://${config.console.cognitoDomainPrefix}.auth.${config.region}.amazoncognito.com`;

/** The origin of Cognito's OIDC issuer (`https://cognito-idp.<region>.amazonaws.com/<pool id>`). */
export const cognitoIssuerOrigin = (config: AppConfig): string =>
  `https://cognito-idp.${config.region}.amazonaws.com`;

/**
 * The API origin the CSP allows: the configured API URL's, else every API Gateway host of the
 * region (naming this stage's API would be a dependency cycle, see the top of this file).
 */
export const cspApiOrigin = (config: AppConfig): string =>
  config.links.apiUrl
    ? new URL(config.links.apiUrl).origin
    : `https://*.execute-api.${config.region}.amazonaws.com`;

/** The deployed console's Content-Security-Policy. */
export const deployedConsoleCsp = (config: AppConfig): string =>
  consoleCsp({
    apiOrigin: cspApiOrigin(config),
    authOrigins: [cognitoIssuerOrigin(config), cognitoDomainUrl(config)],
    fileOrigins: [filesBucketOrigin(config)],
  });

/**
 * The evidence files bucket's hosts (uploads and signed links are virtual-hosted:
 * `https://<bucket>.s3.<region>.amazonaws.com`). The region's S3 hosts, as for
 * the API: the bucket's name is made in the stateful stack and not known here.
 */
export const filesBucketOrigin = (config: AppConfig): string => `https://*.s3.${config.region}.amazonaws.com`;

/**
 * CONSOLE_SECURITY_HEADERS as CloudFront takes them: the security headers it
 * knows are typed settings (it refuses them as custom headers), the rest are
 * custom headers. A value this cannot express fails synth rather than being
 * served differently from the local stack.
 */
export const securityHeaders = (
  csp: string,
): { security: ResponseSecurityHeadersBehavior; custom: Record<string, string> } => {
  const security: {
    -readonly [K in keyof ResponseSecurityHeadersBehavior]: ResponseSecurityHeadersBehavior[K];
  } = {
    contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
  };
  const custom: Record<string, string> = {};
  const unsupported = (name: string, value: string) =>
    new Error(`web/csp.ts CONSOLE_SECURITY_HEADERS: CloudFront cannot serve ${name}: ${value}`);
  for (const [name, value] of Object.entries(CONSOLE_SECURITY_HEADERS)) {
    switch (name.toLowerCase()) {
      case 'strict-transport-security': {
        const m = /^max-age=(\d+)((?:; *includeSubDomains)?)((?:; *preload)?)$/i.exec(value);
        if (!m) throw unsupported(name, value);
        security.strictTransportSecurity = {
          accessControlMaxAge: Duration.seconds(Number(m[1])),
          includeSubdomains: m[2] !== '',
          preload: m[3] !== '',
          override: true,
        };
        break;
      }
      case 'x-content-type-options':
        if (value.toLowerCase() !== 'nosniff') throw unsupported(name, value);
        security.contentTypeOptions = { override: true };
        break;
      case 'referrer-policy': {
        const policy = Object.values(HeadersReferrerPolicy).find((p) => p === value.toLowerCase());
        if (!policy) throw unsupported(name, value);
        security.referrerPolicy = { referrerPolicy: policy, override: true };
        break;
      }
      case 'x-frame-options': {
        const option = Object.values(HeadersFrameOption).find((o) => o === value.toUpperCase());
        if (!option) throw unsupported(name, value);
        security.frameOptions = { frameOption: option, override: true };
        break;
      }
      case 'x-xss-protection':
      case 'content-security-policy':
        throw unsupported(name, value);
      default:
        custom[name] = value;
    }
  }
  return { security, custom };
};

export interface ConsoleSiteProps {
  config: AppConfig;
}

/** What config.json carries on AWS: the console's RuntimeConfig, plus the region for operators. */
export type DeployedRuntimeConfig = RuntimeConfig & { auth: CognitoAuthConfig; region: string };

export class ConsoleSite extends Construct {
  /** The built console; private, read only by the distribution. */
  readonly bucket: Bucket;
  /** The site bucket's server access logs. */
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<distribution domain>`, no trailing slash: the console's origin. */
  readonly url: string;
  /** The CSP the distribution serves. */
  readonly csp: string;
  private readonly config: AppConfig;
  deployment?: BucketDeployment;

  constructor(scope: Construct, id: string, props: ConsoleSiteProps) {
    super(scope, id);
    const { config } = props;
    this.config = config;
    const removalPolicy = removalPolicyFor(config);
    const destroy = removalPolicy === RemovalPolicy.DESTROY;

    // S3's server access logs of the site bucket (CloudFront's reads). Kept as long as the logs.
    this.logBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(config.retention.logDays) }],
      removalPolicy,
      autoDeleteObjects: destroy,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        "This is the access-log bucket of the console's bucket; logging its own writes would log the logging.",
    });

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'console-bucket/',
      // Build output, rebuilt from the sources; follows the stage's rule for its other buckets.
      removalPolicy,
      autoDeleteObjects: destroy,
    });

    this.csp = deployedConsoleCsp(config);
    const { security, custom } = securityHeaders(this.csp);
    const headersPolicy = (policyId: string, cacheControl: string, comment: string) =>
      new ResponseHeadersPolicy(this, policyId, {
        comment: `opinion-desk ${config.env} console: ${comment}`,
        securityHeadersBehavior: security,
        customHeadersBehavior: {
          customHeaders: [
            ...Object.entries(custom).map(([header, value]) => ({ header, value, override: true })),
            { header: 'cache-control', value: cacheControl, override: true },
          ],
        },
      });
    const pageHeaders = headersPolicy('PageHeaders', NO_CACHE_CONTROL, 'CSP, security headers, no-cache');
    const assetHeaders = headersPolicy(
      'AssetHeaders',
      IMMUTABLE_CACHE_CONTROL,
      'CSP, security headers, hashed assets cached for a year',
    );

    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `opinion-desk ${config.env} console`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // North America, Europe, Asia (Viet Nam's nearest edges included), not South America or Oceania.
      priceClass: PriceClass.PRICE_CLASS_200,
      // index.html, config.json, sw.js and the single-page routes: never cached, so a release and
      // a new config.json are seen at once (prune: false keeps the chunks an old index.html names).
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        responseHeadersPolicy: pageHeaders,
        compress: true,
      },
      additionalBehaviors: {
        [ASSETS_PATH]: {
          origin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: assetHeaders,
          compress: true,
        },
      },
      // The single-page fallback: a console route (/cases/123) is no object in the bucket, and S3
      // answers 403 to a missing key when the reader may not list the bucket. The API has its own
      // origin (execute-api), so no API path reaches this one. Errors are not cached.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: staff and collaborators sign in from wherever they are (travel, roaming phones); the site is static code that holds no data, and every API call is authenticated.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF web ACL: the distribution serves only static build output and config.json (no data, no forms posted to it); the API has its own origin with stage throttling and per-caller rate limits.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          "No CloudFront access logs: they record every reader's IP address and user agent, which this system does not keep about people (docs/privacy.md; the API's access log leaves them out too). The bucket's S3 access logs record CloudFront's reads.",
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          "The distribution uses CloudFront's default *.cloudfront.net certificate (no custom domain is configured), for which CloudFront fixes the minimum protocol; a custom domain with an ACM certificate in us-east-1 would allow TLSv1.2_2021.",
      },
    );
  }

  /**
   * Deploys web/dist and the stage's config.json to the bucket. `prune: false`: files of earlier
   * releases stay, so a page still running an older index.html finds its chunks.
   */
  deploy(props: { apiUrl: string; auth: CognitoAuthConfig }): BucketDeployment {
    const config = this.config;
    const runtimeConfig: DeployedRuntimeConfig = {
      apiUrl: props.apiUrl,
      timeZone: config.timeZone,
      environment: config.env,
      region: config.region,
      auth: props.auth,
    };

    // The deployment function's own role and log group, as every function here has
    // (no AWSLambdaBasicExecutionRole); BucketDeployment grants it the asset reads and the bucket writes.
    const logGroup = new LogGroup(this, 'DeployLogs', {
      retention: logRetention(config),
      removalPolicy: removalPolicyFor(config),
    });
    const role = new Role(this, 'DeployRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `opinion-desk console deployment: web/dist and config.json to the console bucket (${config.env})`,
    });
    logGroup.grantWrite(role);

    this.deployment = new BucketDeployment(this, 'Deploy', {
      sources: [
        Source.asset(CONSOLE_DIST_DIR, { exclude: CONSOLE_DIST_EXCLUDE }),
        Source.jsonData('config.json', runtimeConfig),
      ],
      destinationBucket: this.bucket,
      prune: false,
      role,
      logGroup,
      memoryLimit: 256,
    });
    // With our own role, BucketDeployment's grants are the only statements: read on the CDK
    // bootstrap asset bucket (the staged zips) and read-write on the console bucket.
    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    const grants =
      "BucketDeployment's own grants (grantRead on the staged asset, grantReadWrite on the console bucket)";
    Validations.of(role).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::arn:aws:s3:::cdk-hnb659fds-assets-${config.account ?? '<AWS::AccountId>'}-${config.region}/*]`,
        reason: `${grants}: the console's zips (web/dist and config.json) in the CDK bootstrap asset bucket, whose keys are content hashes.`,
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
        reason: `${grants}: the console bucket's objects, named by the build.`,
      },
      ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `${grants}: aws-cdk-lib's action groups, on those two buckets only.`,
      })),
    );
    // The deployment function is a stack-wide singleton that BucketDeployment creates with its own runtime.
    const handler = Stack.of(this).node.children.find((c) =>
      c.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (!handler) throw new Error('BucketDeployment created no handler function');
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        "The deployment function's runtime (Python, with the AWS CLI layer) is chosen by aws-cdk-lib's BucketDeployment and moves with it; it runs only during a deploy.",
    });
    return this.deployment;
  }
}
