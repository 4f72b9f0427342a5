// The built tab (dist/tab). Scripts and styles under /assets/ carry a content hash in their names,
// so a browser may keep them for a year without asking again; the page that names them
// (index.html) is revalidated every time, so a new deploy is picked up on the next open. Assets are
// sent as the brotli or gzip file the build wrote beside them (vite.config.ts), when the browser
// accepts it.
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { sep } from 'node:path';
import express, { type Router } from 'express';
import expressStaticGzip from 'express-static-gzip';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

const isHashedAsset = (filePath: string) => filePath.includes(`${sep}assets${sep}`);

export function tabAssets(tabDir: string): Router {
  const router = express.Router();
  if (!existsSync(tabDir)) {
    router.get('/', (_req, res) => res.type('text').send('The tab is not built: run `npm run build`.'));
    return router;
  }

  // Source maps would publish the tab's whole source. The build writes none; one left on disk by an
  // older or hand-made build is still not served.
  router.get(/\.map$/, (_req, res) => res.status(404).type('text').send('Not found'));
  router.use(
    expressStaticGzip(tabDir, {
      enableBrotli: true,
      // Brotli is about a fifth smaller than gzip for the tab's scripts; browsers accept both.
      orderPreference: ['br', 'gzip'],
      index: 'index.html',
      serveStatic: {
        // Express' own ETag is off app-wide; Last-Modified still lets index.html revalidate cheaply.
        setHeaders: (res: ServerResponse, filePath: string) =>
          res.setHeader('Cache-Control', isHashedAsset(filePath) ? IMMUTABLE : REVALIDATE),
      },
    }),
  );
  // A hashed file that is not there (an old page after a deploy) is a 404, never the page itself,
  // which the browser would try to run as a script.
  router.get(/^\/assets\//, (_req, res) => res.status(404).type('text').send('Not found'));
  // The tab is a single-page app: unknown paths outside /api get its page.
  router.get(/^\/(?!api\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile('index.html', { root: tabDir });
  });
  return router;
}
