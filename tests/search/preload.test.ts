// The search page asks for what its first search needs as it opens (templates/search.ts, and the index's own files
// added by src/search/searchPagePreloads.ts), each file once, and lists results in order as their texts arrive.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { serveThrottled, type PhoneLink } from '../support/cost.js';
import { attr, elements, parseHtml } from '../support/html.js';
import { SEED_SITE, SEED_SITE_PREFIXED } from '../support/searchSite.js';

const SEARCH_MODULES = readdirSync('templates/assets/search').filter((name) => name.endsWith('.js') && name !== 'page.js');
/** A link that costs nothing: these tests count requests and hold some back, they do not time anything. */
const LOCAL: PhoneLink = { bitsPerSecond: 1e10, roundTripMs: 0 };

function preloadsOf(siteDir: string): string[] {
  const document = parseHtml(readFileSync(join(siteDir, 'search', 'index.html'), 'utf8'));
  return elements(document)
    .filter((e) => e.tagName === 'link' && ['preload', 'modulepreload'].includes(attr(e, 'rel') ?? ''))
    .map((e) => attr(e, 'href')!);
}

describe('the search page preloads', () => {
  it.each([
    ['at the root', SEED_SITE, '/'],
    ['under a path prefix', SEED_SITE_PREFIXED, '/archive/'],
  ])('files that exist, %s: its modules, Pagefind’s runtime, worker and wasm, and this build’s entry and metadata', (_where, siteDir, prefix) => {
    const manifest = JSON.parse(readFileSync(join(siteDir, 'pagefind', 'search-manifest.json'), 'utf8')) as { version: string };
    const entry = JSON.parse(readFileSync(join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
    const pageUrl = new URL(`http://host${prefix}search/`);
    const targets = preloadsOf(siteDir).map((href) => new URL(href, pageUrl));
    const paths = targets.map((url) => url.pathname.slice(prefix.length - 1));
    for (const path of paths) expect(statSync(join(siteDir, path)).isFile(), path).toBe(true);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(
      expect.arrayContaining([
        ...SEARCH_MODULES.map((name) => `/assets/search/${name}`),
        '/pagefind/pagefind.js',
        '/pagefind/pagefind-worker.js',
        '/pagefind/search-manifest.json',
        `/pagefind/pagefind.${entry.languages.und!.hash}.pf_meta`,
      ]),
    );
    expect(targets.map((url) => `${url.pathname.slice(prefix.length - 1)}${url.search}`)).toContain(`/pagefind/pagefind-entry.json?ts=${manifest.version}`);
    expect(paths.some((path) => /^\/pagefind\/wasm\.[\w-]+\.pagefind$/.test(path))).toBe(true);
  });
});

describe('a first search on a host that lets the browser cache (as GitHub Pages does)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks for each file once: every preloaded file is the very one the page or Pagefind’s worker then uses', async () => {
    const server = await serveThrottled(SEED_SITE, { gzip: true, link: LOCAL });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const failed: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      await page.goto(`${server.url}search/?q=${encodeURIComponent('劳模')}`);
      await page.waitForSelector('[data-search-form][data-searches="1"]');
      expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
      // The page claims the worker's preloads from its own preload cache once the worker has them; none is dropped.
      await page.waitForTimeout(500);
      expect(failed).toEqual([]);
      await context.close();
      const asked = server.requests();
      const twice = asked.filter((target, i) => asked.indexOf(target) !== i);
      expect(twice).toEqual([]);
      // Pagefind's entry under any other query (its default is the time) would mean the preloaded one went unused.
      expect(asked.filter((target) => target.startsWith('/pagefind/pagefind-entry.json'))).toHaveLength(1);
      const preloaded = preloadsOf(SEED_SITE).map((href) => {
        const url = new URL(href, `${server.url}search/`);
        return `${url.pathname}${url.search}`;
      });
      expect(asked).toEqual(expect.arrayContaining(preloaded));
    } finally {
      await server.close();
    }
  });

  /**
   * Opens `/search/?q=query` on a server that holds back the files `held` picks, checks what was asked for while they
   * were held, then lets them through and checks the search finished with results.
   */
  async function searchWhileHeld(query: string, held: (path: string) => boolean, whileHeld: (asked: () => string[]) => Promise<void>) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const server = await serveThrottled(SEED_SITE, { gzip: true, link: LOCAL, hold: (path) => (held(path) ? released : undefined) });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      await whileHeld(() => server.requests());
      release();
      await page.waitForSelector('[data-search-form][data-searches="1"]');
      expect(await countOf(page)).toBeGreaterThan(0);
      await page.close();
    } finally {
      release();
      await server.close();
    }
  }

  it('asks for a lone character’s records and first id file together with its list, not a round trip after it', async () => {
    const version = (JSON.parse(readFileSync(join(SEED_SITE, 'pagefind', 'search-manifest.json'), 'utf8')) as { version: string }).version;
    const folder = `/pagefind/characters/${version}/`;
    const list = `${folder}${'赛'.codePointAt(0)!.toString(16)}.json.gz`;
    await searchWhileHeld('赛', (path) => path === list, async (asked) => {
      await expect.poll(() => asked().filter((path) => path.startsWith(folder)).sort()).toEqual([`${folder}ids/0.json.gz`, list, `${folder}records.json.gz`].sort());
    });
  });

  it('after a first search, loads what any one-character search reads, so a later one waits for its own list only', async () => {
    const version = (JSON.parse(readFileSync(join(SEED_SITE, 'pagefind', 'search-manifest.json'), 'utf8')) as { version: string }).version;
    const folder = `/pagefind/characters/${version}/`;
    const shared = [`${folder}ids/0.json.gz`, `${folder}records.json.gz`];
    const server = await serveThrottled(SEED_SITE, { gzip: true, link: LOCAL });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}search/?q=${encodeURIComponent('劳模')}`);
      await page.waitForSelector('[data-search-form][data-searches="1"]');
      await expect.poll(() => server.requests().filter((path) => path.startsWith(folder)).sort()).toEqual(shared);
      server.reset();
      await page.fill('#search-q', '赛');
      await page.press('#search-q', 'Enter');
      await page.waitForSelector('[data-search-form][data-searches="2"]');
      expect(await countOf(page)).toBeGreaterThan(0);
      expect(server.requests().filter((path) => path.startsWith(folder))).toEqual([`${folder}${'赛'.codePointAt(0)!.toString(16)}.json.gz`]);
      await page.close();
    } finally {
      await server.close();
    }
  });

  it('asks for the word chunks of every word of a query together, not one word after another', async () => {
    const chunk = (path: string) => path.startsWith('/pagefind/index/');
    // 工匠 and 精神 lie in different chunks of the seed index; both are asked for while neither has answered.
    await searchWhileHeld('工匠 精神', chunk, async (asked) => {
      await expect.poll(() => new Set(asked().filter(chunk)).size).toBe(2);
    });
  });

  it('shows the first result as soon as its text has arrived, before the others’, and keeps the list in order', async () => {
    // The fragment of the newest article holding 劳模 is let through; every other one waits until released.
    const fragmentUrls = fragmentUrlsByPage(SEED_SITE);
    const whole = await serveThrottled(SEED_SITE, { gzip: true, link: LOCAL });
    let firstHref: string;
    let wholeTitles: string[];
    try {
      const page = await browser.newPage();
      await page.goto(`${whole.url}search/?q=${encodeURIComponent('劳模')}`);
      await page.waitForSelector('[data-search-form][data-searches="1"]');
      wholeTitles = await page.$$eval('.search-result h2 a', (links) => links.map((a) => a.textContent ?? ''));
      firstHref = new URL((await page.getAttribute('.search-result h2 a', 'href'))!, whole.url).pathname;
      await page.close();
    } finally {
      await whole.close();
    }
    expect(wholeTitles.length).toBeGreaterThan(2);
    const firstFragment = fragmentUrls.get(firstHref);
    expect(firstFragment, firstHref).toBeDefined();

    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const server = await serveThrottled(SEED_SITE, {
      gzip: true,
      link: LOCAL,
      hold: (path) => (path.startsWith('/pagefind/fragment/') && path !== firstFragment ? released : undefined),
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}search/?q=${encodeURIComponent('劳模')}`);
      await page.waitForSelector('.search-result');
      expect(await page.$$eval('.search-result h2 a', (links) => links.map((a) => a.textContent ?? ''))).toEqual([wholeTitles[0]]);
      expect(await page.textContent('[data-search-status]')).toContain(`找到 ${await countOf(page)} 篇`);
      expect(await page.isVisible('[data-search-more]')).toBe(false);
      release();
      await page.waitForSelector('[data-search-form][data-searches="1"]');
      expect(await page.$$eval('.search-result h2 a', (links) => links.map((a) => a.textContent ?? ''))).toEqual(wholeTitles);
      await page.close();
    } finally {
      release();
      await server.close();
    }
  });
});

async function countOf(page: import('playwright-core').Page): Promise<number> {
  return Number(/找到 (\d+) 篇/.exec((await page.textContent('[data-search-status]')) ?? '')?.[1] ?? NaN);
}

/** Each record page's path → its Pagefind fragment's path, read from the fragments themselves. */
function fragmentUrlsByPage(siteDir: string): Map<string, string> {
  const folder = join(siteDir, 'pagefind', 'fragment');
  const byPage = new Map<string, string>();
  for (const name of readdirSync(folder)) {
    const bytes = gunzipSync(readFileSync(join(folder, name)));
    const fragment = JSON.parse(bytes.subarray('pagefind_dcd'.length).toString('utf8')) as { url: string };
    byPage.set(new URL(fragment.url, 'http://host/').pathname, `/pagefind/fragment/${name}`);
  }
  return byPage;
}
