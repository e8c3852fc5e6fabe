// The files bucket's rules and the sharp layer (infra/aws/constructs/files-bucket.ts,
// files-layer.ts), without a synth of the whole app: the CORS origins the console
// posts from, the key prefixes the grants name, and a layer that holds everything
// sharp and pdf-lib load on Lambda (proved by loading them from the assembled layer alone),
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
  assembleFilesLayer,
  FILES_LAYER_DIR,
  FILES_LAYER_PACKAGES,
  FilesLayer,
  missingLayerPackages,
} from '#infra/aws/constructs/files-layer';
import { repoRoot } from '#infra/aws/paths';
import { loadAppConfig } from '#infra/config/index';

const scratch: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'files-layer-'));
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

describe('the files layer (sharp, pdf-lib)', () => {
  it('stops a synth without the linux-x64 packages, naming them and the npm command that adds them', () => {
    const empty = tempDir();
    expect(missingLayerPackages(empty)).toEqual([...FILES_LAYER_PACKAGES]);
    const stack = new Stack(new App(), 'Layer');
    expect(() => new FilesLayer(stack, 'Files', { nodeModules: empty })).toThrow(
      /sharp, @img\/colour, detect-libc, semver, @img\/sharp-linux-x64, @img\/sharp-libvips-linux-x64, pdf-lib, .*npm install --no-save --os=linux --cpu=x64 sharp/,
    );
  });

  it('finds every package in this machine’s node_modules', () => {
    expect(missingLayerPackages(join(repoRoot, 'node_modules'))).toEqual([]);
  });

  it('holds all sharp and pdf-lib load: from the assembled layer alone they encode an image and a PDF', () => {
    const out = tempDir();
    assembleFilesLayer(join(repoRoot, 'node_modules'), out);
    const layerModules = join(out, FILES_LAYER_DIR);
    expect(readdirSync(layerModules).sort()).toEqual([
      '@img',
      '@pdf-lib',
      'detect-libc',
      'pako',
      'pdf-lib',
      'semver',
      'sharp',
    ]);
    expect(existsSync(join(layerModules, '@img', 'sharp-libvips-linux-x64', 'lib'))).toBe(true);
    // As Lambda loads it: from NODE_PATH (/opt/nodejs/node_modules), in a directory with no node_modules.
    const script = `
      const sharp = require('sharp');
      if (!require.resolve('sharp').startsWith(${JSON.stringify(layerModules)})) throw new Error('not the layer: ' + require.resolve('sharp'));
      if (!require.resolve('pdf-lib').startsWith(${JSON.stringify(layerModules)})) throw new Error('not the layer: ' + require.resolve('pdf-lib'));
      const { PDFDocument } = require('pdf-lib');
      sharp({ create: { width: 4, height: 4, channels: 3, background: '#f00' } }).webp().toBuffer()
        .then(async (b) => {
          const pdf = await PDFDocument.create(); pdf.addPage();
          const bytes = await pdf.save();
          process.stdout.write(String(b.subarray(8, 12)) + ' ' + Buffer.from(bytes.subarray(0, 5)).toString());
        });`;
    const stdout = execFileSync(process.execPath, ['-e', script], {
      cwd: tempDir(),
      env: { PATH: process.env.PATH ?? '', NODE_PATH: layerModules },
      encoding: 'utf8',
    });
    expect(stdout).toBe('WEBP %PDF-');
  });
});
