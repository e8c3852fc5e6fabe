// Runtime settings of a deployed function, read from environment variables
// once (at cold start) and validated. The config itself is handed in by the
// composition root (a ConfigSource): a Lambda bundle's is the config it carries
// (./bundled.ts); this layer never loads infra/config itself.
import * as z from 'zod';
import { type AppConfig, ENVIRONMENTS, type EnvironmentName } from './schema';

/** Where the config of an environment comes from; the composition root decides. */
export type ConfigSource = (env: EnvironmentName) => AppConfig;

const runtimeEnvSchema = z.object({
  APP_ENV: z.enum(ENVIRONMENTS).default('dev'),
  TABLE_NAME: z.string().min(3),
  AWS_REGION: z.string().optional(),
  /** Set only for the local stack and tests: DynamoDB Local's URL. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** Set only for the local stack and tests: the local SES v2 endpoint. */
  SES_ENDPOINT: z.url().optional(),
  /** The SES configuration set that records bounces and complaints (deployed stacks). */
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /**
   * The API's base URL, for links in emails when the config sets no
   * `links.apiUrl`: CDK hands the stage's endpoint to the functions that send mail.
   */
  API_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * The console's base URL, for links in emails when the config sets no
   * `links.consoleUrl`: CDK hands the stage's CloudFront address to the functions that send mail.
   */
  CONSOLE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Per-attempt timeout for the store, in milliseconds. */
  DYNAMODB_TIMEOUT_MS: z.coerce.number().int().min(50).max(10_000).default(1500),
  /** The evidence files bucket (docs/files.md); set on the functions that touch files. */
  FILES_BUCKET: z.string().min(3).optional(),
  /** Set only for the local stack and tests: the local S3-compatible server's URL (path-style). */
  S3_ENDPOINT: z.url().optional(),
});

/**
 * The config with the API address the deployment knows (the stage's endpoint
 * on AWS, the local stack's own address) as `links.apiUrl` for links in emails,
 * unless the config sets one itself.
 */
export const withApiUrl = (config: AppConfig, apiUrl: string | undefined): AppConfig => {
  const url = apiUrl?.trim().replace(/\/+$/, '');
  if (!url || config.links.apiUrl) return config;
  return { ...config, links: { ...config.links, apiUrl: url } };
};

/** The same for the console's address (`links.consoleUrl`), which links prefer over the API's. */
export const withConsoleUrl = (config: AppConfig, consoleUrl: string | undefined): AppConfig => {
  const url = consoleUrl?.trim().replace(/\/+$/, '');
  if (!url || config.links.consoleUrl) return config;
  return { ...config, links: { ...config.links, consoleUrl: url } };
};

export interface RuntimeSettings {
  config: AppConfig;
  tableName: string;
  region: string;
  dynamodbEndpoint?: string;
  sesEndpoint?: string;
  sesConfigurationSet?: string;
  dynamodbTimeoutMs: number;
  /** The evidence files bucket; absent on functions that never touch files. */
  filesBucket?: string;
  /** The local S3-compatible server (local stack, tests); absent on AWS. */
  s3Endpoint?: string;
}

/** The settings `env` (a function's environment) asks for, with the config `configFor` gives for its APP_ENV. */
export const readRuntimeSettings = (
  env: Record<string, string | undefined>,
  configFor: ConfigSource,
): RuntimeSettings => {
  // Once per process: no JIT-compiled parser (see parseAppConfig).
  const parsed = runtimeEnvSchema.safeParse(env, { jitless: true });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid runtime environment: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const config = withConsoleUrl(withApiUrl(configFor(e.APP_ENV), e.API_URL), e.CONSOLE_URL);
  return {
    config,
    tableName: e.TABLE_NAME,
    region: e.AWS_REGION ?? config.region,
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    sesEndpoint: e.SES_ENDPOINT,
    sesConfigurationSet: e.SES_CONFIGURATION_SET,
    dynamodbTimeoutMs: e.DYNAMODB_TIMEOUT_MS,
    filesBucket: e.FILES_BUCKET,
    s3Endpoint: e.S3_ENDPOINT,
  };
};
