// A tiny static server for browser tests. It counts the bytes it sends, because Pagefind fetches its index
// from a Web Worker, where the page's resource timing cannot see the transfers. Bytes are counted as sent,
// after compression.
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml|wasm))/;

export interface StaticServer {
  /** Origin plus path prefix, ending in `/`. */
  url: string;
  bytesSent(): number;
  /** Bytes sent for requests whose path matches, since the last reset. */
  pageBytes(paths: RegExp): number;
  requests(): string[];
  resetCounters(): void;
  close(): Promise<void>;
}

/** Serves `dir` under `prefix` (`/` or `/archive/`) on 127.0.0.1; anything outside the prefix is a 404. */
export async function serveStatic(dir: string, prefix = '/'): Promise<StaticServer> {
  let bytes = 0;
  let log: { path: string; size: number }[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file: string | null = null;
    if (path.startsWith(prefix)) {
      const rel = normalize(path.slice(prefix.length));
      if (!rel.startsWith('..')) {
        file = join(dir, rel);
        try {
          if (statSync(file).isDirectory()) file = join(file, 'index.html');
          if (!statSync(file).isFile()) file = null;
        } catch {
          file = null;
        }
      }
    }
    if (!file || !file.startsWith(dir + sep)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    let body: Buffer = readFileSync(file);
    const headers: Record<string, string | number> = { 'content-type': type, 'cache-control': 'no-cache' };
    // Like GitHub Pages and most static hosts, compress text; Pagefind's own index files are gzipped already.
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body, { level: 6 });
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    bytes += body.length;
    log.push({ path, size: body.length });
    res.writeHead(200, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    bytesSent: () => bytes,
    pageBytes: (paths) => log.filter((r) => paths.test(r.path)).reduce((sum, r) => sum + r.size, 0),
    requests: () => log.map((r) => r.path),
    resetCounters: () => {
      bytes = 0;
      log = [];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
