// Builds the console (web/) with Vite into web/dist. `npm start`, the test run's
// global setup and `npm run synth` call ensureConsoleBuilt(): it builds only when
// a source file is newer than the last build, so a fresh clone needs no extra step.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = fileURLToPath(new URL('.', import.meta.url));
export const CONSOLE_DIST_DIR = join(WEB_DIR, 'dist');
const STAMP = join(CONSOLE_DIST_DIR, '.build-stamp');
const SOURCES = ['index.html', 'vite.config.ts', 'csp.ts', 'src', 'public'];

const newestMtime = async (path: string): Promise<number> => {
  const s = await stat(path).catch(() => undefined);
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
};

/** Builds web/dist now (about ten seconds); returns the output folder. */
export const buildConsole = async (): Promise<string> => {
  const { build } = await import('vite');
  await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
  await mkdir(CONSOLE_DIST_DIR, { recursive: true });
  await writeFile(STAMP, new Date().toISOString());
  return CONSOLE_DIST_DIR;
};

/** Whether web/dist is missing or older than a source file. */
export const consoleBuildIsStale = async (): Promise<boolean> => {
  const built = await stat(STAMP).catch(() => undefined);
  if (!built) return true;
  const sources = await Promise.all(SOURCES.map((p) => newestMtime(join(WEB_DIR, p))));
  return Math.max(...sources) > built.mtimeMs;
};

/**
 * Builds the console when it is stale. Two processes starting at once (a test
 * run's setup and `npm start`) may both build; Vite writes whole files, and the
 * second build's output is the same.
 */
export const ensureConsoleBuilt = async (log?: (line: string) => void): Promise<string> => {
  if (await consoleBuildIsStale()) {
    log?.('Building the console (web/)...');
    await buildConsole();
  }
  return CONSOLE_DIST_DIR;
};

/** The files a page loads first: index.html's scripts and their static imports (from Vite's manifest). */
export const initialScripts = async (): Promise<string[]> => {
  const manifest = JSON.parse(
    await readFile(join(CONSOLE_DIST_DIR, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, { file: string; imports?: string[]; isEntry?: boolean }>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imp of chunk.imports ?? []) visit(imp);
  };
  visit('index.html');
  return [...files];
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`built ${await buildConsole()}`);
}
