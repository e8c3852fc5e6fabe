// The import graph points one way. The pure domain (shared/domain) imports
// nothing from the layers above it (the functions, the HTTP edge, the store,
// mail, the services, the infrastructure); the services and the HTTP edge do
// not import each other's way; the config's shape (shared/config) imports no
// other layer, so the composition roots hand it the config they load; the store
// and mail sit below the services and the edge; the functions never reach into
// infra (CDK and the local stack build and run them, not the reverse), and
// the HTTP edge sends no email. And raw DynamoDB (its clients, commands and
// attribute values) is the store's business alone. Each rule is checked over
// every source file of its layer, from the files' own import lines, and has a
// control proving it finds a violation.
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
    forbidden: [
      'functions',
      'shared/http',
      'shared/store',
      'shared/mail',
      'shared/service',
      'shared/files',
      'infra',
    ],
  },
  // The use cases take decoded input and a Principal; the HTTP edge calls them and never the reverse.
  { layer: 'shared/service', forbidden: ['functions', 'shared/http', 'infra'] },
  { layer: 'shared/http', forbidden: ['shared/service', 'shared/mail', 'infra'] },
  // The config's shape and the runtime settings: infra/config's files are loaded by the composition roots.
  {
    layer: 'shared/config',
    forbidden: [
      'functions',
      'shared/domain',
      'shared/http',
      'shared/store',
      'shared/mail',
      'shared/service',
      'infra',
    ],
  },
  // The I/O modules: the services and the edge call them, never the reverse.
  {
    layer: 'shared/store',
    forbidden: ['functions', 'shared/http', 'shared/service', 'shared/mail', 'infra'],
  },
  { layer: 'shared/mail', forbidden: ['functions', 'shared/http', 'shared/service', 'infra'] },
  // The evidence bucket and the checking of files: I/O like the store, below the services and the edge.
  { layer: 'shared/files', forbidden: ['functions', 'shared/http', 'shared/service', 'infra'] },
  // The handlers and their manifests: CDK (infra/aws) and the local stack (infra/local) import them.
  { layer: 'functions', forbidden: ['infra', 'test', 'web'] },
  // The HTTP functions send no email (their deps carry no mailer, their bundles no SES client).
  { layer: 'functions/http', forbidden: ['shared/mail'] },
];

/** Raw DynamoDB: its clients and commands, and its attribute-value codec. */
const DYNAMODB_PACKAGES = ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb'];
/**
 * The layers that reach DynamoDB only through shared/store (infra and test may
 * use it directly: they make tables and arrange items). Type-only imports
 * count too: none of these layers needs a DynamoDB type (Deps carries the client).
 */
const NO_RAW_DYNAMODB = [
  'shared/domain',
  'shared/service',
  'shared/http',
  'shared/mail',
  'shared/config',
  'shared/files',
  'functions',
];
// package.json "imports": '#domain/*' -> 'shared/domain/*.ts', and so on.
const ALIASES: readonly (readonly [string, string])[] = Object.entries(
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { imports: Record<string, string> })
    .imports,
).map(([from, to]) => [from.replace(/\*$/, ''), to.replace(/^\.\//, '').replace(/\*\.ts$/, '')] as const);

/** A specifier as a project path (relative to the root), or undefined for a package. */
const projectPath = (file: string, specifier: string): string | undefined => {
  if (specifier.startsWith('.'))
    return relative(ROOT, resolve(ROOT, dirname(file), specifier))
      .split('\\')
      .join('/');
  const alias = ALIASES.find(([from]) => specifier.startsWith(from));
  return alias ? alias[1] + specifier.slice(alias[0].length) : undefined;
};

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });

/** Every specifier a source text imports: static, side-effect only, re-exported, dynamic. */
const importSpecifiers = (text: string): string[] =>
  [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] as string);

/** The project paths (relative to the root) a source text imports; packages are left out. */
const importedPaths = (file: string, text: string): string[] =>
  importSpecifiers(text).flatMap((s) => projectPath(file, s) ?? []);

const breaks = (rule: Rule, file: string, text: string): string[] =>
  importedPaths(file, text)
    .filter((p) => rule.forbidden.some((f) => p === f || p.startsWith(`${f}/`)))
    .map((p) => `${file} imports ${p}`);

/** The DynamoDB packages (or their subpaths) a source text imports. */
const dynamodbImports = (file: string, text: string): string[] =>
  importSpecifiers(text)
    .filter((s) => DYNAMODB_PACKAGES.some((p) => s === p || s.startsWith(`${p}/`)))
    .map((s) => `${file} imports ${s}`);

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

describe('the import graph points one way', () => {
  for (const rule of RULES) {
    it(`${rule.layer} imports nothing from ${rule.forbidden.join(', ')}`, () => {
      const files = sourceFiles(rule.layer);
      expect(files.length).toBeGreaterThan(1);
      const found = files.flatMap((f) => breaks(rule, f, read(f)));
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

  // Each rule's control: a file of its layer importing each forbidden folder,
  // once by its alias and once by a relative path, is caught every time.
  const ALIAS_OF: Readonly<Record<string, string>> = {
    functions: '#functions',
    infra: '#infra',
    test: '#test',
    web: '#web',
    'shared/domain': '#domain',
    'shared/http': '#http',
    'shared/store': '#store',
    'shared/mail': '#mail',
    'shared/service': '#service',
    'shared/files': '#files',
  };
  it.each(RULES.map((r) => [r.layer, r] as const))('the %s rule catches each forbidden import', (_, rule) => {
    const file = `${rule.layer}/example.ts`;
    const up = '../'.repeat(rule.layer.split('/').length);
    const text = rule.forbidden
      .flatMap((f) => [`import { a } from '${ALIAS_OF[f]}/x';`, `import { b } from '${up}${f}/y';`])
      .join('\n');
    expect(breaks(rule, file, text)).toEqual(
      rule.forbidden.flatMap((f) => [`${file} imports ${f}/x`, `${file} imports ${f}/y`]),
    );
    expect(breaks(rule, file, "import { c } from './z';\nimport * as z from 'zod';")).toEqual([]);
  });
});

describe('raw DynamoDB only in shared/store (and infra, test)', () => {
  it.each(NO_RAW_DYNAMODB)('%s imports no DynamoDB package', (layer) => {
    const files = sourceFiles(layer);
    expect(files.length).toBeGreaterThan(1);
    const found = files.flatMap((f) => dynamodbImports(f, read(f)));
    expect(found).toEqual([]);
  });

  it('the check finds DynamoDB imports, type-only and dynamic ones too, and lets other AWS clients through', () => {
    const text = [
      "import { GetCommand } from '@aws-sdk/lib-dynamodb';",
      "import type { AttributeValue } from '@aws-sdk/client-dynamodb';",
      "const { unmarshall } = await import('@aws-sdk/util-dynamodb');",
      "import { SESv2Client } from '@aws-sdk/client-sesv2';",
      "import { getCase } from '#store/cases';",
    ].join('\n');
    expect(dynamodbImports('shared/service/example.ts', text)).toEqual([
      'shared/service/example.ts imports @aws-sdk/lib-dynamodb',
      'shared/service/example.ts imports @aws-sdk/client-dynamodb',
      'shared/service/example.ts imports @aws-sdk/util-dynamodb',
    ]);
  });

  it('the store itself is where DynamoDB is imported', () => {
    expect(
      sourceFiles('shared/store').filter((f) => dynamodbImports(f, read(f)).length > 0).length,
    ).toBeGreaterThan(5);
  });
});
