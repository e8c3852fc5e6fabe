// The config a Lambda bundle carries: CDK validated it at synth and esbuild
// inlines the result (`define`, bundledConfigDefine() in
// infra/aws/constructs/function.ts), so a cold start neither builds the config
// schema nor parses the config again. It is the config source of a deployed
// function's composition root (functions/runtime-deps.ts); everything that runs
// outside a bundle (the local stack, the CLIs, tests) hands in the config it
// loaded from infra/config instead.
import type { ConfigSource } from './runtime';
import type { AppConfig } from './schema';

declare const __OPINION_DESK_CONFIG__: AppConfig | undefined;

/** The bundle's config, for the APP_ENV the bundle was built for. */
export const bundledConfig: ConfigSource = (env) => {
  const carried = typeof __OPINION_DESK_CONFIG__ === 'undefined' ? undefined : __OPINION_DESK_CONFIG__;
  if (!carried) {
    throw new Error(
      'Invalid runtime environment: this code carries no bundled config (it runs outside a Lambda bundle); ' +
        'build its deps with createDeps(settings) from a config you load (infra/config)',
    );
  }
  if (carried.env !== env) {
    throw new Error(
      `Invalid runtime environment: APP_ENV is ${env} but this bundle was built for ${carried.env}`,
    );
  }
  return carried;
};
