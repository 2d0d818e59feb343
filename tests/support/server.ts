// A plain static file server on 127.0.0.1, behaving like a static host (GitHub Pages, nginx):
// `/dir/` serves `dir/index.html`, `/dir` redirects to `/dir/`, anything else missing is a 404.
// With a path prefix the site is mounted under it, as on a GitHub project site.
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Absolute URL of a site path, with the prefix: `url('/search/')` → `http://127.0.0.1:PORT/archive/search/`. */
  url(sitePath: string): string;
  close(): Promise<void>;
}

export async function serveStatic(rootDir: string, options: { prefix?: string } = {}): Promise<StaticSite> {
  const prefix = options.prefix ?? '/';
  const root = normalize(rootDir);
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!pathname.startsWith(prefix)) {
      if (`${pathname}/` === prefix) return redirect(response, prefix);
      return notFound(response);
    }
    const file = normalize(join(root, pathname.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) return notFound(response);
    let stats;
    try {
      stats = statSync(file);
    } catch {
      return notFound(response);
    }
    if (stats.isDirectory()) {
      if (!pathname.endsWith('/')) return redirect(response, `${pathname}/`);
      return send(response, join(file, 'index.html'));
    }
    return send(response, file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (sitePath) => origin + prefix + sitePath.replace(/^\//, ''),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(response: import('node:http').ServerResponse, file: string): void {
  try {
    statSync(file);
  } catch {
    return notFound(response);
  }
  response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
}

function redirect(response: import('node:http').ServerResponse, location: string): void {
  response.writeHead(301, { location });
  response.end();
}

function notFound(response: import('node:http').ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('not found');
}
