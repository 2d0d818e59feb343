// A page that arrives slowly, as on a phone line, is painted piece by piece as it comes. Nothing painted may move when
// the next piece lands: the header once grew a row when its size buttons arrived after the search form, a scrollbar
// appearing mid-load re-wrapped the header, and the article's share button, shown by its script, pushed the footer down.
// Each page here is sent in small pieces with pauses, so Chromium paints the half-arrived page every time, and every
// layout shift it records is counted. Those three scored 0.003 to 0.013 on one page; the bound is a tenth of the least.
// What stays under it: a list's number drops by its link's padding (6 px, 0.00002) when a piece ends between <li>
// and <a>, because the number sits on the first line of whatever the item holds so far.
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { READER_PAGE_KINDS } from '../support/pageKinds.js';
import { builtSite, htmlFilesIn, sitePathOf } from '../support/site.js';

const site = builtSite('site');
const paths = htmlFilesIn(site.dir).map(sitePathOf);

const PIECE_BYTES = 600;
/** A short page (the 404 page is 4 KB) is cut smaller, so it too arrives over several frames on a busy machine. */
const PIECES_AT_LEAST = 16;
const PAUSE_MS = 35;
const MOST_SHIFT = 0.0003;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
};

/** Serves the built site; HTML pages go out in pieces with a pause after each, everything else at once. */
function serveInPieces(dir: string): Promise<{ server: Server; origin: string }> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root)) file = join(root, '404.html');
    let body: Buffer;
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      body = readFileSync(file);
    } catch {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    if (extname(file) !== '.html') {
      response.end(body);
      return;
    }
    const piece = Math.min(PIECE_BYTES, Math.ceil(body.length / PIECES_AT_LEAST));
    let offset = 0;
    const next = () => {
      if (response.destroyed) return;
      if (offset >= body.length) {
        response.end();
        return;
      }
      response.write(body.subarray(offset, offset + piece));
      offset += piece;
      setTimeout(next, PAUSE_MS);
    };
    next();
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe('a page arriving in pieces', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    browser = await launchChromium();
    ({ server, origin } = await serveInPieces(site.dir));
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  const viewports = [
    { name: 'a 390 px phone', width: 390, height: 844 },
    { name: 'a 1280 px screen', width: 1280, height: 800 },
  ];
  for (const kind of READER_PAGE_KINDS) {
    it(`${kind.kind}: what is painted stays put as the rest arrives`, async () => {
      const path = paths.find((p) => kind.path.test(p));
      expect(path, `a built ${kind.kind} page`).toBeDefined();
      for (const viewport of viewports) {
        const context = await browser.newContext({ viewport, locale: 'zh-CN' });
        const page = await context.newPage();
        try {
          await page.addInitScript(() => {
            const seen = { shifts: [] as string[], paintsBeforeLoad: 0 };
            (window as unknown as { steadyLoad: typeof seen }).steadyLoad = seen;
            new PerformanceObserver((list) => {
              type Source = { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
              const box = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
              for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources?: Source[] })[]) {
                const moved = (entry.sources ?? []).map((source) => {
                  const node = source.node instanceof Element ? source.node : source.node?.parentElement;
                  const name = node ? `${node.tagName.toLowerCase()}${node.className ? `.${node.className}` : ''}${source.node instanceof Element ? '' : ' text'}` : 'a removed node';
                  return `${name} ${box(source.previousRect)} → ${box(source.currentRect)}`;
                });
                seen.shifts.push(`${entry.value.toFixed(6)} ${moved.join(', ')}`);
              }
            }).observe({ type: 'layout-shift', buffered: true });
            // Frames drawn while the page is still arriving: the test's pieces must really have been painted apart.
            const count = () => {
              if (document.readyState !== 'loading') return;
              seen.paintsBeforeLoad += 1;
              requestAnimationFrame(count);
            };
            requestAnimationFrame(count);
          });
          await page.goto(`${origin}${path}${kind.query ?? ''}`, { waitUntil: 'load' });
          await kind.ready?.(page);
          await page.waitForTimeout(100);
          const seen = await page.evaluate(() => (window as unknown as { steadyLoad: { shifts: string[]; paintsBeforeLoad: number } }).steadyLoad);
          expect(seen.paintsBeforeLoad, `${viewport.name}: frames while ${path} arrived`).toBeGreaterThan(1);
          const total = seen.shifts.reduce((sum, shift) => sum + Number(shift.split(' ')[0]), 0);
          expect(total, `${viewport.name}: ${path} shifted:\n${seen.shifts.join('\n')}`).toBeLessThan(MOST_SHIFT);
        } finally {
          await context.close();
        }
      }
    });
  }
});
