import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build` puts the console (fleet/console/vite.config.ts), from this file's folder. */
export const BUILT_CONSOLE_DIR = path.resolve(import.meta.dirname, '../../../dist/console');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The console's pages run only the bundle's own script and style, talk to this origin only, and may not
 * be framed: an injected string can neither run nor send the session anywhere.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the built console on every path outside /api: a file when one exists under `dir`, otherwise
 * index.html, so that a reload of /kiosks/<id> opens the same page (the console routes in the browser).
 */
export function serveConsole(app: FastifyInstance, dir: string): void {
  app.get('/*', async (request, reply) => {
    const raw = request.url.split('?')[0] ?? '/';
    let pathname: string;
    try {
      pathname = decodeURIComponent(raw);
    } catch {
      return reply.code(400).type('text/plain; charset=utf-8').send('malformed path');
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) return reply.code(404).send({ error: `no route GET ${pathname}` });
    void reply.headers({
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    const file = path.resolve(dir, `.${path.posix.normalize(pathname)}`);
    const inside = file.startsWith(`${dir}${path.sep}`);
    const extension = path.extname(file);
    if (inside && extension && CONTENT_TYPES[extension]) {
      const body = await readFile(file).catch(() => undefined);
      if (body) {
        // Vite names every asset by its content hash: it never changes under the same name.
        const immutable = pathname.startsWith('/assets/');
        return reply.type(CONTENT_TYPES[extension]).header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache').send(body);
      }
      if (pathname.startsWith('/assets/')) return reply.code(404).type('text/plain; charset=utf-8').send('not found');
    }
    const index = await readFile(path.join(dir, 'index.html')).catch(() => undefined);
    if (!index) return reply.code(404).type('text/plain; charset=utf-8').send('The console is not built: run `npm run build`.');
    return reply.type(CONTENT_TYPES['.html']!).header('cache-control', 'no-cache').send(index);
  });
}
