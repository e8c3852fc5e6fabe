// The runtime configuration, loaded once before the app renders.
import { parseRuntimeConfig, type RuntimeConfig } from './runtime-config';

let loaded: RuntimeConfig | undefined;

export const loadConfig = async (): Promise<RuntimeConfig> => {
  // The server sends it with `cache-control: no-cache` (revalidated every time);
  // index.html preloads it with the same request, so it loads beside the scripts.
  const res = await fetch('/config.json');
  if (!res.ok) throw new Error(`config.json: HTTP ${res.status}`);
  loaded = parseRuntimeConfig(await res.json());
  return loaded;
};

/** The loaded configuration (after loadConfig()). */
export const config = (): RuntimeConfig => {
  if (!loaded) throw new Error('config.json is not loaded yet');
  return loaded;
};

/** Tests set the configuration directly. */
export const setConfig = (c: RuntimeConfig): void => {
  loaded = c;
};
