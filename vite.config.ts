import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes `x.js.br` and `x.js.gz` beside each hashed script and style sheet, compressed once at the
 * highest levels, so the server (bot/api/tabAssets.ts) sends them as they are instead of compressing
 * on every request.
 */
function precompressAssets(): Plugin {
  return {
    name: 'precompress-assets',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist/tab';
      for (const fileName of Object.keys(bundle)) {
        if (!/^assets\/.+\.(js|css)$/.test(fileName)) continue;
        const path = join(dir, fileName);
        const content = readFileSync(path);
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(content, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
          }),
        );
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

// The tab is a static single-page app served by the bot's Express server from dist/tab. The first
// view (sign-in, then a plan) loads one entry chunk; dialogs and rarely opened parts load when used.
// No source maps: the server would otherwise publish the whole source next to the bundle.
export default defineConfig({
  root: 'tab',
  plugins: [react(), precompressAssets()],
  build: {
    outDir: '../dist/tab',
    emptyOutDir: true,
    sourcemap: false,
    // Everything the page imports statically goes into one chunk: a dozen small shared chunks would
    // each cost a request, its headers and a worse compression ratio. What only dynamic imports
    // reach (tab/app/lazyParts.tsx, teams-js) is split as usual.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'first-view', tags: ['$initial'] }] } } },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3978' } },
});
