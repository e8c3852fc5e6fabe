// Code names an index by what it serves (INDEXES in shared/store/table.ts); only
// table.ts knows the physical `gsiN` names and their key attributes (issue 16, §3).
// This fails on a `'gsi3'` or `` `gsi${n}pk` `` literal anywhere else in the code
// that ships, builds the table or measures it.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDEXES, indexOf, PHYSICAL_INDEX_NAMES } from '#store/table';

const ROOT = join(import.meta.dirname, '..', '..');
const FOLDERS = ['shared', 'functions', 'infra', 'test/bench'];
const ALLOWED = new Set(['shared/store/table.ts']);
const PHYSICAL_LITERAL = /['"`]gsi(\d|\$\{)/;

const sources = async (dir: string): Promise<string[]> => {
  const out: string[] = [];
  for (const entry of await readdir(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'cdk.out') out.push(...(await sources(path)));
    } else if (/\.(ts|tsx)$/.test(entry.name)) out.push(path);
  }
  return out;
};

describe('index names', () => {
  it('no physical index name is written outside shared/store/table.ts', async () => {
    const offenders: string[] = [];
    for (const folder of FOLDERS)
      for (const file of await sources(folder)) {
        const rel = relative(ROOT, join(ROOT, file)).split('\\').join('/');
        if (ALLOWED.has(rel)) continue;
        const lines = (await readFile(join(ROOT, file), 'utf8')).split('\n');
        lines.forEach((line, i) => {
          if (PHYSICAL_LITERAL.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
      }
    expect(offenders).toEqual([]);
  });

  it('finds such a literal (control)', () => {
    expect(PHYSICAL_LITERAL.test("IndexName: 'gsi7',")).toBe(true);
    expect(PHYSICAL_LITERAL.test('names[`gsi$' + '{n}pk`]')).toBe(true);
    expect(PHYSICAL_LITERAL.test("...onIndex('reportsNewest'),")).toBe(false);
  });

  it('maps every named index onto a physical index of the definition, each with its reason', () => {
    for (const name of Object.keys(INDEXES) as (keyof typeof INDEXES)[]) {
      expect(PHYSICAL_INDEX_NAMES).toContain(indexOf(name).indexName);
      expect(INDEXES[name].reason.length, name).toBeGreaterThan(10);
    }
    // every physical index serves something
    const used = new Set(Object.keys(INDEXES).map((n) => indexOf(n as keyof typeof INDEXES).indexName));
    expect([...used].sort()).toEqual([...PHYSICAL_INDEX_NAMES].sort());
  });
});
