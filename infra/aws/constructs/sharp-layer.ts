// sharp (libvips, native) for the files function, as a Lambda layer assembled
// at synth from this machine's node_modules: sharp, its three JS dependencies,
// and its prebuilt Linux x64 binary and libvips, under `nodejs/node_modules/`
// (Lambda puts /opt/nodejs/node_modules on NODE_PATH, which the Node.js 18+
// runtimes also search for ES module imports). The function's bundle leaves
// `sharp` external and runs on x86_64: `npm ci` on the project's x64 Linux
// machines installs only the linux-x64 binaries (docs/files.md).
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
export const SHARP_LAYER_PACKAGES = [
  'sharp',
  '@img/colour',
  'detect-libc',
  'semver',
  '@img/sharp-linux-x64',
  '@img/sharp-libvips-linux-x64',
] as const;

/** Where the packages go in the layer (Lambda extracts it to /opt). */
export const SHARP_LAYER_DIR = join('nodejs', 'node_modules');

/** The packages of SHARP_LAYER_PACKAGES that `nodeModules` lacks. */
export const missingSharpPackages = (nodeModules: string): string[] =>
  SHARP_LAYER_PACKAGES.filter((p) => !existsSync(join(nodeModules, p, 'package.json')));

/** The synth error for missing packages: which, and the fix. */
export const sharpPackagesError = (nodeModules: string, missing: readonly string[]): Error =>
  new Error(
    `The files function's sharp layer needs ${missing.join(', ')} in ${nodeModules}, and they are missing. ` +
      "npm installs sharp's binaries for the machine it runs on; on macOS or an arm64 machine, add Lambda's: " +
      '`npm install --no-save --os=linux --cpu=x64 sharp`, then synth again (docs/files.md).',
  );

/** The installed sharp version (the layer's description names it). */
export const sharpVersion = (nodeModules: string): string =>
  (JSON.parse(readFileSync(join(nodeModules, 'sharp', 'package.json'), 'utf8')) as { version: string })
    .version;

/** Copies the packages into `outputDir/nodejs/node_modules/`, failing with the fix when one is missing. */
export const assembleSharpLayer = (nodeModules: string, outputDir: string): void => {
  const missing = missingSharpPackages(nodeModules);
  if (missing.length > 0) throw sharpPackagesError(nodeModules, missing);
  for (const pkg of SHARP_LAYER_PACKAGES) {
    cpSync(join(nodeModules, pkg), join(outputDir, SHARP_LAYER_DIR, pkg), {
      recursive: true,
      dereference: true,
    });
  }
};

export interface SharpLayerProps {
  /** @default the project's node_modules */
  nodeModules?: string;
}

export class SharpLayer extends Construct {
  readonly layer: LayerVersion;

  constructor(scope: Construct, id: string, props: SharpLayerProps = {}) {
    super(scope, id);
    const nodeModules = props.nodeModules ?? join(repoRoot, 'node_modules');
    // At construction, not only when bundling: a synth that skips bundling (the tests) still fails early.
    const missing = missingSharpPackages(nodeModules);
    if (missing.length > 0) throw sharpPackagesError(nodeModules, missing);

    this.layer = new LayerVersion(this, 'Layer', {
      description: `sharp ${sharpVersion(nodeModules)} with libvips for linux-x64 (opinion-desk files function)`,
      compatibleRuntimes: [Runtime.NODEJS_22_X],
      compatibleArchitectures: [Architecture.X86_64],
      code: Code.fromAsset(join(nodeModules, 'sharp'), {
        // The hash of what is copied: a new sharp or libvips makes a new layer version.
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // Never pulled: the local copy below always succeeds or throws.
          image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
          local: {
            tryBundle: (outputDir) => {
              assembleSharpLayer(nodeModules, outputDir);
              return true;
            },
          },
        },
      }),
    });
  }
}
