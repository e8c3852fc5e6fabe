// Bundled in place of `@aws-sdk/credential-provider-node` in the Lambda bundles
// only (LAMBDA_BUNDLE_ALIASES in infra/aws/constructs/function.ts); the local
// stack and the tests run the SDK's full default chain.
//
// On Lambda the execution role's credentials are in the environment
// (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), which is the
// first link of the SDK's default chain, so that link is all a function needs.
// The rest of the chain (SSO, shared ini files, credential_process, web
// identity, container and instance metadata, and the STS, SSO and sign-in
// clients they bring) never runs there, yet it was about a quarter of an HTTP
// function's bundle (~135 KB of ~507 KB), parsed at every cold start, and it
// imports node:child_process and more at load.
import { type FromEnvInit, fromEnv } from '@aws-sdk/credential-provider-env';

/** The default chain's export, reduced to its environment link (the SDK clients memoize it). */
export const defaultProvider = (init: FromEnvInit = {}): ReturnType<typeof fromEnv> => fromEnv(init);
