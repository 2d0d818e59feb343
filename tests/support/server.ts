// The tests' static server on 127.0.0.1: sirv serves the files; this wrapper makes it answer as a static host
// (GitHub Pages, the README's nginx) does, and counts what it sends.
//
// - The site is mounted under its path prefix, as on a GitHub project site; `/archive` redirects to `/archive/`.
// - `/dir/` serves `dir/index.html` and nothing else (never `dir.html`), `/dir` redirects to `/dir/`, so relative
//   links resolve as they will when published.
// - Anything missing is answered 404 with the site's own 404.html.
// - Text is gzipped when the browser accepts it, as hosts do, and the bytes are counted after that: Pagefind fetches
//   its index from a Web Worker, where the page's resource timing cannot see the transfers.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createGzip } from 'node:zlib';
import sirv from 'sirv';

export interface StaticServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The site's root: origin plus path prefix, ending in `/`. */
  url: string;
  /** Absolute URL of a site path, with the prefix: `urlOf('/search/')` → `http://127.0.0.1:PORT/archive/search/`. */
  urlOf(sitePath: string): string;
  /** Bytes of response bodies sent since the last reset, after compression. */
  bytesSent(): number;
  /** Bytes sent for requests whose path matches, since the last reset. */
  pageBytes(paths: RegExp): number;
  /** Paths requested since the last reset, in order. */
  requests(): string[];
  resetCounters(): void;
  close(): Promise<void>;
}

// What a host compresses; Pagefind's index files are gzipped already and go as they are.
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json|xml)|image\/svg\+xml)/;

/** Serves `dir` under `prefix` (`/` or `/archive/`) on 127.0.0.1. */
export async function serveStatic(dir: string, prefix = '/'): Promise<StaticServer> {
  if (!/^\/([^/]+\/)*$/.test(prefix)) throw new Error(`prefix ${JSON.stringify(prefix)} must look like / or /archive/`);
  const root = resolve(dir);
  // dev: look at the folder on every request, since some tests rebuild it while it is served.
  const files = sirv(root, { dev: true, extensions: [], onNoMatch: (_, response) => notFound(root, response) });
  let log: Sent[] = [];

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (request.method === 'GET') {
      const sent = { path, bytes: 0 };
      log.push(sent);
      countBody(response, sent);
    }
    finishHeaders(response, request.method === 'GET' && !request.headers.range && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')));
    if (!url.pathname.startsWith(prefix)) {
      if (`${url.pathname}/` === prefix) return redirect(response, prefix + url.search);
      return notFound(root, response);
    }
    const sitePath = url.pathname.slice(prefix.length - 1);
    if (!sitePath.endsWith('/') && isFolder(join(root, decodeURIComponent(sitePath)))) {
      return redirect(response, `${url.pathname}/${url.search}`);
    }
    request.url = (sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath) + url.search;
    files(request, response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: origin + prefix,
    urlOf: (sitePath) => origin + prefix + sitePath.replace(/^\//, ''),
    bytesSent: () => log.reduce((sum, sent) => sum + sent.bytes, 0),
    pageBytes: (paths) => log.filter((sent) => paths.test(sent.path)).reduce((sum, sent) => sum + sent.bytes, 0),
    requests: () => log.map((sent) => sent.path),
    resetCounters: () => {
      log = [];
    },
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

interface Sent {
  path: string;
  bytes: number;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(301, { location }).end();
}

function notFound(root: string, response: ServerResponse): void {
  const page = join(root, '404.html');
  if (existsSync(page)) response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(readFileSync(page));
  else response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
}

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;
type End = (...args: unknown[]) => ServerResponse;

/** Counts the body bytes that reach the socket: installed first, so it sees them after finishHeaders' gzip. */
function countBody(response: ServerResponse, sent: Sent): void {
  const write = response.write.bind(response) as Write;
  const end = response.end.bind(response) as End;
  const count = (chunk: unknown) => {
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) sent.bytes += Buffer.byteLength(chunk);
  };
  response.write = ((chunk: unknown, ...rest: unknown[]) => {
    count(chunk);
    return write(chunk, ...rest);
  }) as typeof response.write;
  response.end = ((...args: unknown[]) => {
    if (typeof args[0] !== 'function') count(args[0]);
    return end(...args);
  }) as typeof response.end;
}

/**
 * Gives text a charset and anything sirv cannot name a type, as hosts do (the originals are Chinese plain text),
 * and, when `gzip`, compresses a text body on its way out.
 */
function finishHeaders(response: ServerResponse, gzip: boolean): void {
  const writeHead = response.writeHead.bind(response) as (status: number, headers?: OutgoingHttpHeaders) => ServerResponse;
  response.writeHead = ((status: number, given: OutgoingHttpHeaders = {}) => {
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(given)) headers[name.toLowerCase()] = value;
    let type = String(headers['content-type'] ?? '');
    if (status === 200 && !type) type = 'application/octet-stream';
    if (/^text\//.test(type) && !/charset=/i.test(type)) type += '; charset=utf-8';
    if (type) headers['content-type'] = type;
    if (gzip && COMPRESSIBLE.test(type)) {
      delete headers['content-length'];
      headers['content-encoding'] = 'gzip';
      headers.vary = 'Accept-Encoding';
      gzipBody(response);
    }
    return writeHead(status, headers);
  }) as typeof response.writeHead;
}

function gzipBody(response: ServerResponse): void {
  const write = response.write.bind(response) as Write;
  const end = response.end.bind(response) as End;
  const gzip = createGzip({ level: 6 });
  gzip.on('data', (chunk: Buffer) => write(chunk));
  gzip.on('end', () => end());
  // sirv pipes the file into the response, and a pipe that was told to wait resumes on the response's 'drain'.
  gzip.on('drain', () => response.emit('drain'));
  response.write = ((chunk: Buffer | string) => gzip.write(chunk)) as typeof response.write;
  response.end = ((chunk?: unknown) => {
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) gzip.end(chunk);
    else gzip.end();
    return response;
  }) as typeof response.end;
}
