// What a reader on a phone gets on every page: a text size they choose once (标准 / 大 / 特大), kept across pages and
// applied before the first paint; site icons; and a picture and card for a shared link.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { serveStatic, type StaticServer } from '../support/server.js';
import { builtSite, htmlFilesIn, sitePathOf } from '../support/site.js';

const site = builtSite('site');
const prefixed = builtSite('site-prefixed');
const pages = htmlFilesIn(site.dir).map((file) => ({ file, path: sitePathOf(file), html: readFileSync(join(site.dir, file), 'utf8') }));
const readerPages = pages.filter((p) => !/http-equiv="refresh"/.test(p.html) && !p.path.endsWith('/source/'));
const articlePath = pages.find((p) => /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(p.path))!.path;
const otherPath = pages.find((p) => p.path === '/archive/')!.path;

describe('text size', () => {
  it('every page loads the size script in <head>, blocking and before the stylesheet, so nothing repaints', () => {
    for (const page of readerPages) {
      const head = page.html.slice(0, page.html.indexOf('</head>'));
      const script = /<script src="[^"]*\/assets\/text-size\.js"><\/script>/.exec(head);
      expect(script, page.path).not.toBeNull();
      expect(script!.index, page.path).toBeLessThan(head.indexOf('rel="stylesheet"'));
    }
  });

  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveStatic(site.dir);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the reader picks 特大 once; it holds on the next page from its first paint, and 标准 brings it back', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await page.goto(server.urlOf(articlePath));
      const rootPx = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      expect(await rootPx()).toBe(16);
      await page.getByRole('button', { name: '特大' }).click();
      expect(await rootPx()).toBe(24);
      expect(await page.getByRole('button', { name: '特大' }).getAttribute('aria-pressed')).toBe('true');

      // Record the size on <html> as soon as <body> exists: nothing of the next page has been painted, and the
      // stylesheet (render-blocking) then paints it at that size from the first frame.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.body) {
            (window as unknown as { sizeAtFirstBody: string }).sizeAtFirstBody = document.documentElement.getAttribute('data-text-size') ?? 'none';
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(server.urlOf(otherPath));
      expect(await page.evaluate(() => (window as unknown as { sizeAtFirstBody: string }).sizeAtFirstBody)).toBe('larger');
      expect(await rootPx()).toBe(24);

      await page.getByRole('button', { name: '标准' }).click();
      expect(await rootPx()).toBe(16);
      await page.reload();
      expect(await rootPx()).toBe(16);
    } finally {
      await context.close();
    }
  });

  it('without JavaScript the page is whole and shows no buttons that would do nothing', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(server.urlOf(articlePath));
      expect(await page.locator('.text-size').isVisible()).toBe(false);
      expect(await page.locator('main h1').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('icons and share cards', () => {
  it('every page names real icons, a manifest and a share image, under the path prefix, with no data: favicon', () => {
    for (const built of [site, prefixed]) {
      for (const file of htmlFilesIn(built.dir)) {
        const html = readFileSync(join(built.dir, file), 'utf8');
        if (/http-equiv="refresh"/.test(html)) continue;
        const head = html.slice(0, html.indexOf('</head>'));
        const linkHref = (rel: string) => new RegExp(`<link rel="${rel}"[^>]* href="([^"]+)"`).exec(head)?.[1];
        const meta = (key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(head)?.[1];
        expect(html, file).not.toContain('href="data:');
        for (const rel of ['icon', 'apple-touch-icon', 'manifest']) {
          const href = linkHref(rel);
          expect(href, `${file} ${rel}`).toMatch(new RegExp(`^${built.prefix}assets/icons/`));
          expect(existsSync(join(built.dir, href!.slice(built.prefix.length))), `${file} ${href}`).toBe(true);
        }
        expect(meta('og:image'), file).toMatch(/^https?:\/\/.+\.(png|jpe?g)$/);
        expect(meta('og:image:alt'), file).toBeTruthy();
        expect(meta('twitter:card'), file).toBe('summary_large_image');
      }
    }
  });

  it('the site share card is the 1200×630 PNG the pages say it is', () => {
    const png = readFileSync(join(site.dir, 'assets/icons/share.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    const manifest = JSON.parse(readFileSync(join(site.dir, 'assets/icons/site.webmanifest'), 'utf8'));
    for (const icon of manifest.icons) expect(existsSync(join(site.dir, 'assets/icons', icon.src))).toBe(true);
  });
});
