// Bundle-size budgets, deterministic: every Lambda entry is bundled with the
// same esbuild options CDK uses (test/bench/support/bundle.ts mirrors
// infra/aws/constructs/function.ts), and its size read from the metafile.
// Every function (API groups, jobs, the stream sender) must stay under the
// 1 MB hard cap and the 600 KB budget, with no exception.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  API_BUNDLE_HARD_CAP_BYTES,
  API_BUNDLE_TARGET_BYTES,
  type BundleSize,
  bundleAll,
  checkMirror,
  kb,
  lambdaEntries,
} from '#test/bench/support/bundle';

let sizes: BundleSize[];

const describeBiggest = (s: BundleSize): string =>
  `${s.name} (${s.entry}) is ${kb(s.bytes)}; biggest inputs: ${s.topPackages
    .slice(0, 5)
    .map((p) => `${p.path} ${kb(p.bytes)}`)
    .join(', ')}`;

beforeAll(async () => {
  sizes = await bundleAll();
  console.log(
    sizes
      .map(
        (s) =>
          `${s.kind.padEnd(5)} ${s.name.padEnd(24)} ${kb(s.bytes).padStart(10)}  (map ${kb(s.mapBytes)})`,
      )
      .join('\n'),
  );
}, 60_000);

describe('Lambda bundles (minified, AWS SDK bundled, as CDK builds them)', () => {
  it('the bundling options mirror infra/aws/constructs/function.ts', async () => {
    expect(await checkMirror()).toEqual([]);
  });

  it('bundles every entry without an esbuild warning (CDK would print it at synth and in npm test)', () => {
    expect(sizes.filter((s) => s.warnings.length > 0).map((s) => [s.name, s.warnings])).toEqual([]);
  });

  it('bundles every API group, job and event entry', () => {
    expect(sizes.map((s) => s.entry).sort()).toEqual(
      lambdaEntries()
        .map((l) => l.entry)
        .sort(),
    );
  });

  const all = lambdaEntries();

  it.each(all.map((l) => [l.kind, l.name]))('%s function %s is under the 1 MB hard cap', (_kind, name) => {
    const s = sizes.find((x) => x.name === name)!;
    expect(s.bytes, describeBiggest(s)).toBeLessThanOrEqual(API_BUNDLE_HARD_CAP_BYTES);
  });

  it.each(all.map((l) => [l.kind, l.name]))('%s function %s is within the 600 KB budget', (_kind, name) => {
    const s = sizes.find((x) => x.name === name)!;
    expect(s.bytes, describeBiggest(s)).toBeLessThanOrEqual(API_BUNDLE_TARGET_BYTES);
  });
});
