// Bulletin text is data: markup in a title, column or body must reach the search page as text, never as HTML.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { loadContent } from '../../src/load.js';
import type { ArticleRecord } from '../../src/types.js';
import { launchChromium } from '../support/browser.js';
import { serveStatic, type StaticServer } from '../support/server.js';
import { buildStandInSite } from '../support/standInSite.js';

const SCRIPT = `<script>document.title='pwned'</script>`;
const IMG = `<img src=x onerror="document.title='pwned'">`;

let browser: Browser;
let page: Page;
const servers: StaticServer[] = [];
const dirs: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function serve(dir: string): Promise<string> {
  const server = await serveStatic(dir, '/');
  servers.push(server);
  return server.url;
}

async function search(siteUrl: string, query: string): Promise<void> {
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector('[data-search-form][data-searches="1"]');
  while (await page.isVisible('[data-search-more]')) await page.click('[data-search-more]');
}

/** Nothing from the bulletin became an element or ran. */
async function expectNothingRan(): Promise<void> {
  expect(await page.title()).not.toBe('pwned');
  // The article's own QR code (an SVG the build draws, in its share box) is ours, not the bulletin's.
  expect(await page.locator('main img, main script, main iframe, main svg:not(.share-qr svg)').count()).toBe(0);
  expect(dialogs).toEqual([]);
}

describe('hostile text on the search page', () => {
  it('a bulletin whose title and body contain <img onerror> and <script> shows them as text, in results and on the page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'search-hostile-'));
    dirs.push(dir);
    const built = await buildSite({ contentDir: 'tests/search/fixtures/hostile', outputDir: join(dir, 'site'), quiet: true });
    expect(built.errors).toEqual([]);
    const url = await serve(join(dir, 'site'));

    await search(url, '钓鱼邮件');
    const result = page.locator('.search-result').first();
    const title = await result.locator('h2 a').textContent();
    expect(title).toContain(SCRIPT);
    expect(title).toContain('<img src=x onerror=');
    await search(url, '字样的邮件');
    expect(await page.locator('.search-result-excerpt').first().textContent()).toContain('<img src=x onerror=');
    await search(url, 'document');
    expect(await page.locator('.search-result-excerpt mark').first().textContent()).toBe('document');
    await expectNothingRan();

    await page.locator('.search-result h2 a').first().click();
    await page.waitForURL((u) => !u.pathname.includes('/search/'));
    expect(await page.textContent('h1')).toContain(SCRIPT);
    expect(await page.textContent('main')).toContain('<img src=x onerror=');
    await expectNothingRan();
  });

  // Column labels from the parser are two to six Han characters, so a hostile column cannot come from a
  // bulletin; this record goes straight to the indexer, which is where filter values come from.
  it('a column name with <img onerror> and <script> shows as text in the column filter and in results', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'search-hostile-column-'));
    dirs.push(dir);
    const [seed] = loadContent('content').bulletins.flatMap((b) => b.records) as [ArticleRecord];
    const column = `渝工${IMG}${SCRIPT}之家`;
    await buildStandInSite([{ ...seed, column, title: `标题${SCRIPT}`, body: `正文${IMG}工会` }], dir);
    const url = await serve(dir);

    await search(url, '正文');
    expect(await page.locator('select[name="column"] option').allTextContents()).toContain(column);
    expect(await page.locator('.search-result-facts').first().textContent()).toContain(column);
    expect(await page.locator('.search-result h2 a').first().textContent()).toBe(`标题${SCRIPT}`);
    await page.selectOption('select[name="column"]', column);
    await page.waitForSelector('[data-search-form][data-searches="2"]');
    expect(await page.locator('.search-result').count()).toBe(1);
    await expectNothingRan();
  });
});
