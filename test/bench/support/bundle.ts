// Bundles the Lambda entries the way CDK does (infra/aws/constructs/function.ts:
// NodejsFunction's `bundling`), with esbuild's JS API instead of its CLI, so
// sizes and cold starts are measured on what is deployed. Used by
// test/build/bundle-size.test.ts (sizes, in `npm test`) and by the benchmarks.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { type HandlerGroup, handlerGroups } from '#functions/routes';
import { schedules } from '#functions/schedules';
import {
  bundledConfigDefine,
  ESM_REQUIRE_BANNER,
  HANDLER_GROUP_SETTINGS,
  LAMBDA_BUNDLE_ALIASES,
} from '#infra/aws/constructs/function';
import { OUTBOX_SENDER_ENTRY } from '#infra/aws/constructs/outbox-sender';
import { loadAppConfig } from '#infra/config/index';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** 1 KB = 1,000 bytes, 1 MB = 1,000,000 bytes (the stricter reading of the budgets). */
export const KB = 1000;
export const MB = 1000 * KB;
/** The budget per API function, and its hard cap. */
export const API_BUNDLE_TARGET_BYTES = 600 * KB;
export const API_BUNDLE_HARD_CAP_BYTES = 1 * MB;

/**
 * What NodejsFunction passes to esbuild for our `bundling` props: `--bundle`,
 * `--target=node22 --platform=node --format=esm --minify --sourcemap
 * --sources-content=false --banner:js=… --main-fields=module,main
 * --alias:…` (esbuildArgs) `--define:__OPINION_DESK_CONFIG__=…` (the dev
 * stage's config: the benchmarks run with APP_ENV=dev), and no `--external`
 * (bundleAwsSDK: true). checkMirror() below guards the mirror.
 */
export const lambdaBuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  banner: { js: ESM_REQUIRE_BANNER },
  alias: { ...LAMBDA_BUNDLE_ALIASES },
  define: bundledConfigDefine(loadAppConfig('dev')),
  external: [],
  absWorkingDir: PROJECT_ROOT,
  logLevel: 'silent',
} as const satisfies BuildOptions;

/**
 * The props of function.ts's `bundling` block that the mirror depends on. If
 * one changes there, this fails and says which, so the mirror is updated
 * rather than measuring something that is not deployed.
 */
export const checkMirror = async (): Promise<string[]> => {
  const source = await readFile(join(PROJECT_ROOT, 'infra/aws/constructs/function.ts'), 'utf8');
  const block = /bundling:\s*\{([^}]*)\}/.exec(source)?.[1] ?? '';
  const expected = [
    'format: OutputFormat.ESM',
    "target: 'node22'",
    "mainFields: ['module', 'main']",
    'minify: true',
    'sourceMap: true',
    'sourcesContent: false',
    'banner: ESM_REQUIRE_BANNER',
    'bundleAwsSDK: true',
    'externalModules: [...(props.externalModules ?? [])]',
    'esbuildArgs: LAMBDA_ESBUILD_ARGS',
    'define: bundledConfigDefine(config)',
  ];
  const problems = expected.filter((e) => !block.includes(e)).map((e) => `missing \`${e}\``);
  const props = [...block.matchAll(/^\s*(\w+):/gm)].map((m) => m[1]!);
  const known = new Set(expected.map((e) => e.split(':')[0]!));
  for (const p of props) if (!known.has(p)) problems.push(`unmirrored bundling prop \`${p}\``);
  if (!block) problems.push('no `bundling: { ... }` block found');
  return problems;
};

export type EntryKind = 'api' | 'job' | 'event';

export interface LambdaEntry {
  name: string;
  kind: EntryKind;
  /** Relative to the project root. */
  entry: string;
  /** Left out of the bundle (a layer provides them): HANDLER_GROUP_SETTINGS' externalModules. */
  external?: string[];
}

/** Every function CDK deploys: one per API handler group, per schedule, and the outbox stream sender. */
export const lambdaEntries = (): LambdaEntry[] => [
  ...Object.entries(handlerGroups).map(([name, g]) => ({
    name,
    kind: 'api' as const,
    entry: g.entry,
    external: [...(HANDLER_GROUP_SETTINGS[name as HandlerGroup]?.externalModules ?? [])],
  })),
  ...schedules.map((s) => ({ name: s.name, kind: 'job' as const, entry: s.entry, external: [] })),
  { name: 'outbox-stream', kind: 'event', entry: OUTBOX_SENDER_ENTRY, external: [] },
];

export interface BundleInput {
  path: string;
  bytes: number;
}

export interface BundleSize {
  name: string;
  kind: EntryKind;
  entry: string;
  /** index.mjs, minified, banner included (the source map is not counted). */
  bytes: number;
  mapBytes: number;
  /** The biggest contributors, by package (node_modules/<pkg>) or project folder. */
  topPackages: BundleInput[];
  /** The biggest single input files. */
  topFiles: BundleInput[];
  /** What esbuild warned about (CDK's bundling prints these at synth). */
  warnings: string[];
}

const packageOf = (path: string): string => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (m) return m[1]!;
  const parts = path.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : path;
};

const top = (m: Map<string, number>, n: number): BundleInput[] =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([path, bytes]) => ({ path, bytes }));

const sizeOf = (l: LambdaEntry, metafile: Metafile): Omit<BundleSize, 'warnings'> => {
  const outputs = Object.entries(metafile.outputs);
  const js = outputs.find(([p]) => p.endsWith('.mjs'))?.[1];
  const map = outputs.find(([p]) => p.endsWith('.map'))?.[1];
  if (!js) throw new Error(`esbuild produced no .mjs for ${l.entry}`);
  const byPackage = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [path, input] of Object.entries(js.inputs)) {
    byFile.set(path, input.bytesInOutput);
    const pkg = packageOf(path);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + input.bytesInOutput);
  }
  return {
    name: l.name,
    kind: l.kind,
    entry: l.entry,
    bytes: js.bytes,
    mapBytes: map?.bytes ?? 0,
    topPackages: top(byPackage, 8),
    topFiles: top(byFile, 8),
  };
};

/** Bundles one entry in memory (or into `outdir` as index.mjs + index.mjs.map) and reads its metafile. */
export const bundleLambda = async (l: LambdaEntry, outdir?: string): Promise<BundleSize> => {
  const result = await build({
    ...lambdaBuildOptions,
    external: [...(l.external ?? [])],
    entryPoints: [join(PROJECT_ROOT, l.entry)],
    outfile: join(outdir ?? join(PROJECT_ROOT, '.bench-bundle', l.name), 'index.mjs'),
    metafile: true,
    write: outdir !== undefined,
  });
  return {
    ...sizeOf(l, result.metafile),
    warnings: result.warnings.map((w) =>
      w.location ? `${w.location.file}:${w.location.line}: ${w.text}` : w.text,
    ),
  };
};

/** Every entry, built in parallel (esbuild runs them on its own threads). */
export const bundleAll = (entries = lambdaEntries()): Promise<BundleSize[]> =>
  Promise.all(entries.map((l) => bundleLambda(l)));

export const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;
