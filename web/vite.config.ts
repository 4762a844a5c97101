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
    // The browser's build only: the prerender's (--ssr, web/dist-server) is not served.
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    generateBundle(_options, bundle) {
      // The staff console's chunks (web/src/staff/) are not precached: residents never download them.
      const staffOnly = new Set<string>();
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type !== 'chunk' || out.isEntry || !out.moduleIds.some((m) => m.includes('/web/src/staff/'))) continue;
        staffOnly.add(file);
        for (const css of out.viteMetadata?.importedCss ?? []) staffOnly.add(css);
      }
      const built = Object.keys(bundle).filter((f) => !staffOnly.has(f));
      const files = ['/index.html', ...built.map((f) => `/${f}`), ...publicFiles(path.join(root, 'public'))]
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

/**
 * The scripts at low priority, and the cabinet's start (src/boot.tsx, which main.tsx imports once the
 * page has painted) preloaded with them: the service prerenders the first screens
 * (src/http/prerender.ts), so the first paint needs the HTML and the stylesheet only, and the scripts,
 * which hydrate the page, should download beside them, not ahead of them.
 */
function scriptsAfterPaint(): Plugin {
  return {
    name: 'domhub-scripts-after-paint',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const boot = chunks.find((c) => c.facadeModuleId?.endsWith('/src/boot.tsx'));
        const files = new Set<string>();
        const add = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          for (const imported of chunks.find((c) => c.fileName === file)?.imports ?? []) add(imported);
        };
        if (boot) add(boot.fileName);
        const preloads = [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`)
          .join('\n    ');
        return html
          .replace('</head>', `  ${preloads}\n  </head>`)
          .replace(/<(script type="module"|link rel="modulepreload")/g, '<$1 fetchpriority="low"');
      },
    },
  };
}

const service = process.env.DOMHUB_URL ?? 'http://localhost:3000';

export default defineConfig(({ isSsrBuild }) => ({
  root,
  plugins: [react(), serviceWorker(), scriptsAfterPaint()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill would be an inline script, which the CSP forbids; every supported browser has modulepreload.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 400,
    copyPublicDir: !isSsrBuild,
  },
  // React's production build in the prerender too, whatever NODE_ENV the service runs with.
  define: isSsrBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  // The prerender (src/entry-server.tsx) carries its libraries: the service's production install has
  // no React, which is a dependency of the build only.
  ssr: { noExternal: true },
  server: { proxy: { '/api': service, '/auth': service, '/sandbox': service, '/payments': service } },
}));
