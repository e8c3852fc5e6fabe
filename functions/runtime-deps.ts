// The composition root of a deployed function: its deps, built once per
// process (at the first invocation) from the function's environment and the
// config its bundle carries (shared/config/bundled.ts). The local stack, the
// CLIs and the tests are composition roots of their own: they build deps with
// createDeps / createMailingDeps from the config they load from infra/config.
// What sends email takes runtimeMailingDeps (./runtime-mailing-deps.ts), a
// file of its own so that the HTTP bundles leave the SES client out.
import { bundledConfig } from '#config/bundled';
import { type RuntimeSettings, readRuntimeSettings } from '#config/runtime';
import { createDeps, type Deps } from '#shared/deps';

/** A deployed function's settings: its environment variables and its bundle's config. */
export const deployedSettings = (): RuntimeSettings => readRuntimeSettings(process.env, bundledConfig);

let cached: Deps | undefined;
/** The deps of an HTTP function or of a job that sends nothing (no SES client in them or in the bundle). */
export const runtimeDeps = (): Deps => {
  cached ??= createDeps(deployedSettings());
  return cached;
};
