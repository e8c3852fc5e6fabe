// The files function's file tools as a Lambda layer, assembled at synth from
// this machine's node_modules under `nodejs/node_modules/` (Lambda puts
// /opt/nodejs/node_modules on NODE_PATH, which the Node.js 18+ runtimes also
// search for ES module imports):
// - sharp (libvips, native): sharp, its three JS dependencies, and its prebuilt
//   Linux x64 binary and libvips. The function runs on x86_64 because `npm ci`
//   on the project's x64 Linux machines installs only the linux-x64 binaries.
// - pdf-lib and its dependencies: plain JavaScript, but 400 KB of the bundle
//   (its standard fonts among them), which would put the files function over
//   the 600 KB budget (test/build/bundle-size.test.ts); loaded from the layer, it
//   is read from /opt instead.
// The function's bundle leaves both external (HANDLER_GROUP_SETTINGS in
// ./function.ts); docs/files.md has the sizes.
//
// No Docker: the copy is CDK's local bundling. A machine without those packages
// (macOS, an arm64 Linux) fails synth with the command that fetches them.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Architecture, Code, LayerVersion, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { repoRoot } from '#infra/aws/paths';

/** What sharp needs at run time on Lambda's x86_64 Linux (glibc), as npm installs it there. */
export const SHARP_PACKAGES = [
  'sharp',
  '@img/colour',
  'detect-libc',
  'semver',
  '@img/sharp-linux-x64',
  '@img/sharp-libvips-linux-x64',
] as const;
/** pdf-lib and what it requires (its own tslib 1.x sits inside it). */
export const PDF_LIB_PACKAGES = ['pdf-lib', '@pdf-lib/standard-fonts', '@pdf-lib/upng', 'pako'] as const;
export const FILES_LAYER_PACKAGES = [...SHARP_PACKAGES, ...PDF_LIB_PACKAGES] as const;
/** The bundle's externals: the packages the function's code imports, the layer provides. */
export const FILES_LAYER_MODULES = ['sharp', 'pdf-lib'];

/** Where the packages go in the layer (Lambda extracts it to /opt). */
export const FILES_LAYER_DIR = join('nodejs', 'node_modules');

/** The packages of FILES_LAYER_PACKAGES that `nodeModules` lacks. */
export const missingLayerPackages = (nodeModules: string): string[] =>
  FILES_LAYER_PACKAGES.filter((p) => !existsSync(join(nodeModules, p, 'package.json')));

/** The synth error for missing packages: which, and the fix. */
export const layerPackagesError = (nodeModules: string, missing: readonly string[]): Error =>
  new Error(
    `The files function's layer needs ${missing.join(', ')} in ${nodeModules}, and they are missing. ` +
      "Run `npm ci`. npm installs sharp's binaries for the machine it runs on; on macOS or an arm64 machine, add Lambda's: " +
      '`npm install --no-save --os=linux --cpu=x64 sharp`, then synth again (docs/files.md).',
  );

/** An installed package's version (the layer's description names them). */
export const versionOf = (nodeModules: string, pkg: string): string =>
  (JSON.parse(readFileSync(join(nodeModules, pkg, 'package.json'), 'utf8')) as { version: string }).version;

/** Copies the packages into `outputDir/nodejs/node_modules/`, failing with the fix when one is missing. */
export const assembleFilesLayer = (nodeModules: string, outputDir: string): void => {
  const missing = missingLayerPackages(nodeModules);
  if (missing.length > 0) throw layerPackagesError(nodeModules, missing);
  for (const pkg of FILES_LAYER_PACKAGES) {
    cpSync(join(nodeModules, pkg), join(outputDir, FILES_LAYER_DIR, pkg), {
      recursive: true,
      dereference: true,
    });
  }
};

export interface FilesLayerProps {
  /** @default the project's node_modules */
  nodeModules?: string;
}

export class FilesLayer extends Construct {
  readonly layer: LayerVersion;

  constructor(scope: Construct, id: string, props: FilesLayerProps = {}) {
    super(scope, id);
    const nodeModules = props.nodeModules ?? join(repoRoot, 'node_modules');
    // At construction, not only when bundling: a synth that skips bundling (the tests) still fails early.
    const missing = missingLayerPackages(nodeModules);
    if (missing.length > 0) throw layerPackagesError(nodeModules, missing);

    this.layer = new LayerVersion(this, 'Layer', {
      description: `sharp ${versionOf(nodeModules, 'sharp')} (libvips, linux-x64) and pdf-lib ${versionOf(nodeModules, 'pdf-lib')} for the opinion-desk files function`,
      compatibleRuntimes: [Runtime.NODEJS_22_X],
      compatibleArchitectures: [Architecture.X86_64],
      code: Code.fromAsset(join(nodeModules, 'sharp'), {
        // The hash of what is copied: a new sharp, libvips or pdf-lib makes a new layer version.
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // Never pulled: the local copy below always succeeds or throws.
          image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
          local: {
            tryBundle: (outputDir) => {
              assembleFilesLayer(nodeModules, outputDir);
              return true;
            },
          },
        },
      }),
    });
  }
}
