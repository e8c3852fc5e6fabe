// The functions log minified stack traces (no --enable-source-maps); the
// operators map them back with infra/aws/decode-stack.ts and the bundle's map.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { decodeStack } from '#infra/aws/decode-stack';

const SOURCE = `export const handler = () => {
  return explode('x');
};
function explode(why) {
  throw new Error('boom ' + why);
}
`;

describe('decode-stack', () => {
  it('maps a minified bundle trace back to the source line that threw', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'opinion-desk-decode-'));
    try {
      await writeFile(join(dir, 'handler.js'), SOURCE);
      await build({
        entryPoints: [join(dir, 'handler.js')],
        outfile: join(dir, 'index.mjs'),
        bundle: true,
        format: 'esm',
        platform: 'node',
        minify: true,
        sourcemap: true,
        sourcesContent: false,
        logLevel: 'silent',
      });
      // In a plain `node`, as on Lambda (vitest would map the trace itself).
      const stack = execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(pathToFileURL(join(dir, 'index.mjs')).href)}); try { m.handler(); } catch (e) { console.log(e.stack); }`,
        ],
        { encoding: 'utf8' },
      );
      expect(stack).toMatch(/index\.mjs:1:\d+/);
      const map = JSON.parse(await readFile(join(dir, 'index.mjs.map'), 'utf8'));
      const decoded = decodeStack(stack, map);
      expect(decoded).toContain('handler.js:5:');
      expect(decoded).toContain('handler.js:2:');
      expect(decoded).not.toMatch(/index\.mjs:\d+:\d+/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('leaves lines that are not bundle positions alone', () => {
    const map = { version: 3, file: 'index.mjs', sources: [], names: [], mappings: '', sourceRoot: '' };
    const trace = 'Error: boom\n    at node:internal/process/task_queues:95:5';
    expect(decodeStack(trace, map as never)).toBe(trace);
  });
});
