// `npm run build:server`: bundles the server (bot/main.ts and everything it imports) into
// dist/server/ as plain ES modules for Node 20 and 22, so production runs `node dist/server/main.js`
// with no TypeScript, tsx or other development tooling. The server module is a separate chunk
// (main.ts imports it dynamically) so telemetry starts before it loads.
//
// Dependencies are bundled too: the deployed zip is dist/ and package.json, no node_modules.
// Azurite (the local embedded storage) stays out: it is loaded only when no storage is configured,
// which production refuses.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const serverOutdir = join(root, 'dist', 'server');

/** Builds into dist/server (tests build elsewhere; the memory bench builds its own entry the same way). */
export async function buildServer(outdir = serverOutdir, entry = join(root, 'bot', 'main.ts')): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { main: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    legalComments: 'linked',
    // Chunks sit beside main.js: bot/server.ts finds the tab at ../tab from there.
    chunkNames: '[name]-[hash]',
    external: ['azurite', 'azurite/*'],
    // Bundled CommonJS packages call require() for Node's own modules; give the ES module one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  // The bundle is ES modules whatever package.json sits above it in a deployment.
  writeFileSync(join(outdir, 'package.json'), `${JSON.stringify({ type: 'module' })}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildServer().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
