// Maps the minified positions in a stack trace from a function's logs back to
// the TypeScript sources, with the source map shipped beside the bundle. The
// functions run without --enable-source-maps (FUNCTION_NODE_OPTIONS in
// constructs/function.ts), so their logged traces point into index.mjs.
//
//   npx tsx infra/aws/decode-stack.ts index.mjs.map < trace.txt
//
// Each `index.mjs:<line>:<column>` becomes `<source>:<line>:<column>` (1-based,
// like Node's traces), with the original name when the map has one.
import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { pathToFileURL } from 'node:url';

const POSITION = /(?:file:\/\/)?[^\s()]*index\.mjs:(\d+):(\d+)/g;

/** Rewrites every bundle position in `trace` that the map knows; leaves the rest as it is. */
export const decodeStack = (trace: string, map: SourceMapPayload): string => {
  const sourceMap = new SourceMap(map);
  return trace.replace(POSITION, (whole, line: string, column: string) => {
    const entry = sourceMap.findEntry(Number(line) - 1, Number(column) - 1);
    if (!('originalSource' in entry)) return whole;
    const name = 'name' in entry && entry.name ? ` [${entry.name}]` : '';
    return `${entry.originalSource}:${entry.originalLine + 1}:${entry.originalColumn + 1}${name}`;
  });
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const mapFile = process.argv[2];
  if (!mapFile) {
    console.error('usage: npx tsx infra/aws/decode-stack.ts <index.mjs.map> < trace.txt');
    process.exit(2);
  }
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMapPayload;
  process.stdout.write(decodeStack(readFileSync(0, 'utf8'), map));
}
