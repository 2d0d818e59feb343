// What a search costs a reader: bytes sent by our server and milliseconds, for the first search on a fresh
// page (cold: Pagefind's script, worker, wasm, metadata, index chunks and the shown results' fragments) and
// for later searches on the same page (warm). Driven through the search page itself.
import type { Browser, Page } from 'playwright-core';
import type { StaticServer } from './server.js';

export interface SearchCost {
  query: string;
  /** Bytes our server sent for the search, not counting the page's own HTML, CSS and script. */
  bytes: number;
  /** Cold: from navigation start to results on screen. Warm: from the query to results on screen. */
  ms: number;
  results: number;
}

export interface CostReport {
  cold: SearchCost[];
  warm: SearchCost[];
  /** Bytes of the search page itself (HTML, CSS, our script). */
  pageBytes: number;
}

const PAGE_FILES = /\/search\/(index\.html)?$|\/assets\/|\.ico$/;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : NaN;
}

async function searchesDone(page: Page, count: number): Promise<void> {
  await page.waitForSelector(`[data-search-form][data-searches="${count}"]`);
}

export async function resultCount(page: Page): Promise<number> {
  const text = (await page.textContent('[data-search-status]')) ?? '';
  return Number(/找到 (\d+) 篇/.exec(text)?.[1] ?? 0);
}

export async function measureCost(browser: Browser, server: StaticServer, coldQueries: string[], warmQueries: string[]): Promise<CostReport> {
  const cold: SearchCost[] = [];
  const warm: SearchCost[] = [];
  let pageBytes = 0;
  for (const [i, query] of coldQueries.entries()) {
    const context = await browser.newContext();
    const page = await context.newPage();
    server.resetCounters();
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await searchesDone(page, 1);
    const shownAt = await page.evaluate(() => performance.now());
    const total = server.bytesSent();
    pageBytes = server.pageBytes(PAGE_FILES);
    cold.push({ query, bytes: total - pageBytes, ms: shownAt, results: await resultCount(page) });
    if (i === 0) {
      for (const [k, next] of warmQueries.entries()) {
        server.resetCounters();
        await page.fill('#search-q', next);
        await page.press('#search-q', 'Enter');
        await searchesDone(page, k + 2);
        const ms = Number(await page.getAttribute('[data-search-form]', 'data-search-ms'));
        warm.push({ query: next, bytes: server.bytesSent(), ms, results: await resultCount(page) });
      }
    }
    await context.close();
  }
  return { cold, warm, pageBytes };
}

// ---------------------------------------------------------------------------------------------------------------
// A phone's network, for comparing our search with plain Pagefind's on the same pages (scripts/measure-search.ts
// --compare). Chromium's own network throttling is set per page, and Pagefind fetches its index from a Web Worker,
// so the server throttles instead: every response waits one round trip, then its bytes queue on one shared link
// of the given speed, first come first served. It can send gzip (as GitHub Pages does) or not, and counts both sizes.
// Like GitHub Pages it lets the browser keep what it sent for ten minutes: the search page preloads the files
// Pagefind's worker asks for, and the worker finds them in the HTTP cache (a fresh browser context starts empty).

export interface PhoneLink {
  /** Bits per second of the shared link (1.6 Mbps on the phone profile). */
  bitsPerSecond: number;
  /** Added to each request before its first byte. */
  roundTripMs: number;
}

export const PHONE: PhoneLink = { bitsPerSecond: 1_600_000, roundTripMs: 150 };

export interface ThrottledServer {
  url: string;
  /** Paths with their query, in the order asked, since the last reset. */
  requests(): string[];
  /** Bytes sent (compressed when `gzip`) and their uncompressed size, since the last reset, for paths not matching `except`. */
  sent(except?: RegExp): { bytes: number; rawBytes: number; requests: number };
  reset(): void;
  close(): Promise<void>;
}

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** GitHub Pages' Cache-Control. */
export const HOST_CACHE_CONTROL = 'max-age=600';

/**
 * `hold`, when given, is asked before each response is sent and may delay it (a test holding back some files).
 */
export async function serveThrottled(
  dir: string,
  { gzip, link = PHONE, hold }: { gzip: boolean; link?: PhoneLink; hold?: (path: string) => Promise<void> | undefined },
): Promise<ThrottledServer> {
  const { createServer } = await import('node:http');
  const { readFileSync, statSync } = await import('node:fs');
  const { extname, join, normalize, sep } = await import('node:path');
  const { gzipSync } = await import('node:zlib');
  const root = normalize(dir);
  const bytesPerMs = link.bitsPerSecond / 8 / 1000;
  let linkFreeAt = 0;
  let log: { path: string; target: string; bytes: number; raw: number }[] = [];
  const cache = new Map<string, { raw: Buffer; gz: Buffer | null; type: string }>();
  const server = createServer((req, res) => {
    const asked = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(asked.pathname);
    let file = join(root, normalize(path));
    let entry = cache.get(file);
    if (!entry) {
      try {
        if (!file.startsWith(root + sep) && file !== root) throw new Error('outside');
        if (statSync(file).isDirectory()) file = join(file, 'index.html');
        const raw = readFileSync(file);
        const type = STATIC_TYPES[extname(file)] ?? 'application/octet-stream';
        // Pagefind's index files are gzipped already; a host compresses only text.
        const gz = /^(text\/|application\/(json|wasm))/.test(type) ? gzipSync(raw, { level: 6 }) : null;
        entry = { raw, gz, type };
        cache.set(file, entry);
      } catch {
        res.writeHead(404).end();
        return;
      }
    }
    const useGzip = gzip && entry.gz !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = useGzip ? entry.gz! : entry.raw;
    log.push({ path, target: `${path}${asked.search}`, bytes: body.length, raw: entry.raw.length });
    const headers: Record<string, string | number> = { 'content-type': entry.type, 'cache-control': HOST_CACHE_CONTROL, 'content-length': body.length };
    if (useGzip) headers['content-encoding'] = 'gzip';
    const send = () => {
      const start = Date.now() + link.roundTripMs;
      linkFreeAt = Math.max(start, linkFreeAt) + body.length / bytesPerMs;
      setTimeout(() => res.writeHead(200, headers).end(body), linkFreeAt - Date.now());
    };
    const held = hold?.(path);
    if (held) held.then(send, () => res.destroy());
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests: () => log.map((r) => r.target),
    sent: (except) => {
      const counted = log.filter((r) => !except?.test(r.path));
      return { bytes: counted.reduce((s, r) => s + r.bytes, 0), rawBytes: counted.reduce((s, r) => s + r.raw, 0), requests: counted.length };
    },
    reset: () => {
      log = [];
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
