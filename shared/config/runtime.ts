// Runtime settings of a function or of the local stack, read from environment
// variables once (at cold start) and validated. Nothing else reads process.env.
import * as z from 'zod';
import { loadAppConfig } from '../../infra/config';
import { type AppConfig, ENVIRONMENTS } from './schema';

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
  /** Per-attempt timeout for the store, in milliseconds. */
  DYNAMODB_TIMEOUT_MS: z.coerce.number().int().min(50).max(10_000).default(1500),
});

export interface RuntimeSettings {
  config: AppConfig;
  tableName: string;
  region: string;
  dynamodbEndpoint?: string;
  sesEndpoint?: string;
  sesConfigurationSet?: string;
  dynamodbTimeoutMs: number;
}

export const readRuntimeSettings = (
  env: Record<string, string | undefined> = process.env,
): RuntimeSettings => {
  // Once per process: no JIT-compiled parser (see parseAppConfig).
  const parsed = runtimeEnvSchema.safeParse(env, { jitless: true });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid runtime environment: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const config = loadAppConfig(e.APP_ENV);
  return {
    config,
    tableName: e.TABLE_NAME,
    region: e.AWS_REGION ?? config.region,
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    sesEndpoint: e.SES_ENDPOINT,
    sesConfigurationSet: e.SES_CONFIGURATION_SET,
    dynamodbTimeoutMs: e.DYNAMODB_TIMEOUT_MS,
  };
};
