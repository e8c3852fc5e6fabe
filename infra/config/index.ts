// The one entry to the environment configs: validated on first use, by CDK at
// synth time (which inlines the result into the functions' bundles, see
// bundledConfigDefine), by the local stack and by the tests.
import { type AppConfig, ENVIRONMENTS, type EnvironmentName, parseAppConfig } from '#config/schema';
import { dev } from './dev';
import { prod } from './prod';
import { staging } from './staging';

const raw = { dev, staging, prod } as const;
const cache = new Map<EnvironmentName, AppConfig>();

export const isEnvironmentName = (name: string): name is EnvironmentName =>
  (ENVIRONMENTS as readonly string[]).includes(name);

export const loadAppConfig = (name: string): AppConfig => {
  if (!isEnvironmentName(name)) {
    throw new Error(`Unknown environment "${name}": expected one of ${ENVIRONMENTS.join(', ')}`);
  }
  let cfg = cache.get(name);
  if (!cfg) {
    cfg = parseAppConfig(raw[name], `infra/config/${name}.ts`);
    cache.set(name, cfg);
  }
  return cfg;
};
