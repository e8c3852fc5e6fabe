// The import graph points one way: the pure domain (shared/domain) imports
// nothing from the layers above it (the functions, the HTTP edge, the store,
// mail, the services, the infrastructure), and the services and the HTTP edge
// do not import each other's way. Each rule below is checked over every
// source file of its layer, from the files' own import lines. (More rules of
// this kind join the table as the layers are made to keep them.)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Rule {
  layer: string;
  forbidden: readonly string[];
}

const RULES: readonly Rule[] = [
  {
    layer: 'shared/domain',
    forbidden: ['functions', 'shared/http', 'shared/store', 'shared/mail', 'shared/service', 'infra'],
  },
  // The use cases take decoded input and a Principal; the HTTP edge calls them and never the reverse.
  { layer: 'shared/service', forbidden: ['functions', 'shared/http', 'infra'] },
  { layer: 'shared/http', forbidden: ['shared/service', 'infra'] },
];

// package.json "imports": '#domain/*' -> 'shared/domain/*.ts', and so on.
const ALIASES: readonly (readonly [string, string])[] = Object.entries(
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { imports: Record<string, string> }).imports,
).map(([from, to]) => [from.replace(/\*$/, ''), to.replace(/^\.\//, '').replace(/\*\.ts$/, '')] as const);

/** A specifier as a project path (relative to the root), or undefined for a package. */
const projectPath = (file: string, specifier: string): string | undefined => {
  if (specifier.startsWith('.')) return relative(ROOT, resolve(ROOT, dirname(file), specifier)).split('\\').join('/');
  const alias = ALIASES.find(([from]) => specifier.startsWith(from));
  return alias ? alias[1] + specifier.slice(alias[0].length) : undefined;
};

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });

/** The project paths (relative to the root) a source text imports; packages are left out. */
const importedPaths = (file: string, text: string): string[] => {
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] as string);
  return specifiers.flatMap((s) => projectPath(file, s) ?? []);
};

const breaks = (rule: Rule, file: string, text: string): string[] =>
  importedPaths(file, text)
    .filter((p) => rule.forbidden.some((f) => p === f || p.startsWith(`${f}/`)))
    .map((p) => `${file} imports ${p}`);

describe('the import graph points one way', () => {
  for (const rule of RULES) {
    it(`${rule.layer} imports nothing from ${rule.forbidden.join(', ')}`, () => {
      const files = sourceFiles(rule.layer);
      expect(files.length).toBeGreaterThan(5);
      const found = files.flatMap((f) => breaks(rule, f, readFileSync(join(ROOT, f), 'utf8')));
      expect(found).toEqual([]);
    });
  }

  it('the check finds a forbidden import, static or dynamic, and lets the rest through', () => {
    const rule = RULES[0] as Rule;
    const text = [
      "import type { Role } from '#functions/routes';",
      "import { z } from 'zod';",
      "import { maskContacts } from './mask';",
      "export { x } from '../store/reports';",
      "const m = await import('../http/problem');",
      "import type { AppConfig } from '../config/schema';",
    ].join('\n');
    expect(breaks(rule, 'shared/domain/example.ts', text)).toEqual([
      'shared/domain/example.ts imports functions/routes',
      'shared/domain/example.ts imports shared/store/reports',
      'shared/domain/example.ts imports shared/http/problem',
    ]);
  });
});
