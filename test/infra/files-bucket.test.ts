// The files bucket's rules and the sharp layer (infra/aws/constructs/files-bucket.ts,
// sharp-layer.ts), without a synth of the whole app: the CORS origins the console
// posts from, the key prefixes the grants name, and a layer that holds everything
// sharp loads on Lambda (proved by loading sharp from the assembled layer alone),
// or a synth that stops with the fix when the packages are missing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { objectKeys } from '#domain/files';
import { FILE_KEY_PREFIXES } from '#functions/permissions';
import { CLOUDFRONT_ORIGINS, filesLifecycle, uploadOrigins } from '#infra/aws/constructs/files-bucket';
import {
  assembleSharpLayer,
  missingSharpPackages,
  SHARP_LAYER_DIR,
  SHARP_LAYER_PACKAGES,
  SharpLayer,
} from '#infra/aws/constructs/sharp-layer';
import { repoRoot } from '#infra/aws/paths';
import { loadAppConfig } from '#infra/config/index';

const scratch: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'sharp-layer-'));
  scratch.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('the files bucket', () => {
  it('grants name the prefixes the object keys use, and nothing else', () => {
    const keys = objectKeys('01JTESTFILEID');
    expect(Object.values(keys).map((k) => k.split('/')[0])).toEqual([...FILE_KEY_PREFIXES]);
  });

  it('lets the console post uploads from the configured origins, and from CloudFront while no console URL is configured', () => {
    const dev = loadAppConfig('dev');
    expect(uploadOrigins(dev)).toEqual(['http://localhost:5173', CLOUDFRONT_ORIGINS]);
    const withConsole = { ...dev, links: { consoleUrl: 'https://desk.example.org/console' } };
    expect(uploadOrigins(withConsole)).toEqual(['http://localhost:5173', 'https://desk.example.org']);
  });

  it('expires noncurrent versions only where the environment keeps them', () => {
    const ids = (env: string) => filesLifecycle(loadAppConfig(env)).map((r) => r.id);
    expect(ids('dev')).toEqual(['incoming-after-1-day', 'abort-incomplete-multipart-uploads']);
    expect(ids('prod')).toEqual([
      'incoming-after-1-day',
      'abort-incomplete-multipart-uploads',
      'noncurrent-versions',
    ]);
  });
});

describe('the sharp layer', () => {
  it('stops a synth without the linux-x64 packages, naming them and the npm command that adds them', () => {
    const empty = tempDir();
    expect(missingSharpPackages(empty)).toEqual([...SHARP_LAYER_PACKAGES]);
    const stack = new Stack(new App(), 'Layer');
    expect(() => new SharpLayer(stack, 'Sharp', { nodeModules: empty })).toThrow(
      /sharp, @img\/colour, detect-libc, semver, @img\/sharp-linux-x64, @img\/sharp-libvips-linux-x64 .*npm install --no-save --os=linux --cpu=x64 sharp/,
    );
  });

  it('finds every package in this machine’s node_modules', () => {
    expect(missingSharpPackages(join(repoRoot, 'node_modules'))).toEqual([]);
  });

  it('holds all sharp loads: sharp from the assembled layer alone encodes an image', () => {
    const out = tempDir();
    assembleSharpLayer(join(repoRoot, 'node_modules'), out);
    const layerModules = join(out, SHARP_LAYER_DIR);
    expect(readdirSync(layerModules).sort()).toEqual(['@img', 'detect-libc', 'semver', 'sharp']);
    expect(existsSync(join(layerModules, '@img', 'sharp-libvips-linux-x64', 'lib'))).toBe(true);
    // As Lambda loads it: from NODE_PATH (/opt/nodejs/node_modules), in a directory with no node_modules.
    const script = `
      const sharp = require('sharp');
      if (!require.resolve('sharp').startsWith(${JSON.stringify(layerModules)})) throw new Error('not the layer: ' + require.resolve('sharp'));
      sharp({ create: { width: 4, height: 4, channels: 3, background: '#f00' } }).webp().toBuffer()
        .then((b) => process.stdout.write(String(b.subarray(8, 12))));`;
    const stdout = execFileSync(process.execPath, ['-e', script], {
      cwd: tempDir(),
      env: { PATH: process.env.PATH ?? '', NODE_PATH: layerModules },
      encoding: 'utf8',
    });
    expect(stdout).toBe('WEBP');
  });
});
