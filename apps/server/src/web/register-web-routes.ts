import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defaultWebDistDir } from './default-web-dist-dir.ts';
import { contentTypeOf, resolveStaticFile } from './static-file.ts';

export interface WebRoutesOptions {
  /** The built dashboard; apps/web/dist of this checkout by default. */
  distDir?: string;
}

/** Paths the dashboard never answers, even when no route matched: they 404 as the API does. */
const RESERVED = /^\/(api|health)(\/|$)/;
/** Vite names hashed assets `name-<hash>.ext` under /assets/: their content never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fixloop</title></head>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>The dashboard is not built</h1><p>Run <code>npm run build</code> (or <code>npm start</code>, which builds first).
The API and ingestion work without it.</p></body></html>`;

/**
 * Serves the dashboard: files from `distDir` (hashed assets cached for a year) and index.html for every
 * other GET that is not an API, health or ingest path, so deep links survive a reload. Routes registered
 * by other modules are more specific than this catch-all and always win.
 */
export function registerWebRoutes(app: FastifyInstance, options: WebRoutesOptions = {}): void {
  const distDir = options.distDir ?? defaultWebDistDir();
  // Read per request (it is 1 KB): a rebuild while running must never serve an index of deleted assets.
  const indexPath = join(distDir, 'index.html');
  const loadIndex = () => readFile(indexPath, 'utf8').catch(() => null);

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (RESERVED.test(path)) return reply.callNotFound();
    const file = await resolveStaticFile(distDir, path);
    if (file !== null) {
      const immutable = path.startsWith('/assets/');
      return reply
        .header('Cache-Control', immutable ? IMMUTABLE : 'public, max-age=3600')
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Length', file.size)
        .type(contentTypeOf(file.path))
        .send(createReadStream(file.path));
    }
    // A missing script or stylesheet must 404, not turn into HTML the browser then refuses to run.
    if (/\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
    const html = await loadIndex();
    return reply
      .code(html === null ? 503 : 200)
      .header('Cache-Control', 'no-cache')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Referrer-Policy', 'same-origin')
      .type('text/html; charset=utf-8')
      .send(html ?? NOT_BUILT);
  };
  app.get('/', handler);
  app.get('/*', handler);
}
