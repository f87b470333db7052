import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.json': 'application/json',
};

/**
 * Serves the built client. Unknown paths get index.html so deep links (/runs/:id) work in the
 * single-page app; hashed assets are cached for a year, index.html never.
 */
export async function serveClient(res: ServerResponse, pathname: string, clientDir: string): Promise<void> {
  const index = path.join(clientDir, 'index.html');
  let file = path.join(clientDir, path.normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(clientDir + path.sep)) file = index;
  let stat = await fs.promises.stat(file).catch(() => null);
  if (!stat?.isFile()) {
    if (pathname.startsWith('/assets/')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    file = index;
    stat = await fs.promises.stat(file).catch(() => null);
  }
  if (!stat?.isFile()) {
    res
      .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      .end('The client is not built. Run `npm run build` (or `npm start`, which builds it).\n');
    return;
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, {
    'content-type': type,
    'content-length': stat.size,
    'cache-control': file === index ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  fs.createReadStream(file).pipe(res);
}
