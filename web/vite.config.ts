// Builds the resident cabinet into web/dist (`npm run build:web`); `npm run dev:web` serves it with the
// API proxied to a running service on :3000.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

function publicFiles(dir: string, base = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? publicFiles(full, `${base}${name}/`) : [`/${base}${name}`];
  });
}

/**
 * Emits sw.js from web/sw.js with the list of files to precache and a version derived from it, so a
 * new build replaces the cached shell and an unchanged one keeps it. (A hand-written worker instead of
 * workbox: it is short, and it must never queue writes.)
 */
function serviceWorker(): Plugin {
  return {
    name: 'domhub-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      // The staff console's chunks (web/src/staff/) are not precached: residents never download them.
      const staffOnly = new Set<string>();
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type !== 'chunk' || out.isEntry || !out.moduleIds.some((m) => m.includes('/web/src/staff/'))) continue;
        staffOnly.add(file);
        for (const css of out.viteMetadata?.importedCss ?? []) staffOnly.add(css);
      }
      const built = Object.keys(bundle).filter((f) => !staffOnly.has(f));
      const files = ['/', ...built.map((f) => `/${f}`), ...publicFiles(path.join(root, 'public'))]
        .filter((f) => !f.endsWith('.map') && f !== '/sw.js')
        .sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(path.join(root, 'sw.js'), 'utf8')
        .replace('__PRECACHE__', JSON.stringify(files))
        .replace('__VERSION__', version);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

const service = process.env.DOMHUB_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  plugins: [react(), serviceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be an inline script, which the CSP forbids; every supported browser has modulepreload.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { '/api': service, '/auth': service, '/sandbox': service, '/payments': service } },
});
