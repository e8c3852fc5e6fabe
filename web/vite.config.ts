// The console's build: Preact through Vite's own JSX transform (no Babel preset),
// hashed file names under web/dist, the service worker as its own unhashed entry
// (a service worker's URL must stay the same across releases).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // A small file inline would need 'unsafe-inline'-free data: URLs only for images; keep files separate.
    assetsInlineLimit: 0,
    manifest: true,
    rollupOptions: {
      input: { index: `${root}index.html`, sw: `${root}src/sw.ts` },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
