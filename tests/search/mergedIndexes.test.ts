// The search index is written as several Pagefind indexes of consecutive years (src/search/indexSite.ts), which
// the search page merges. The seed site fits in one, so these tests index the seed records in small pieces.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketsNewestFirst, SEARCH_MANIFEST_FILE, type SearchManifest } from '../../src/search/indexSite.js';
import type { SearchRecord } from '../../src/search/searchRecords.js';
import type { ArticleRecord } from '../../src/types.js';
import { launchChromium } from '../support/browser.js';
import { CHOSEN_QUERIES, columnQueries, measureRecall, recordText, sampledQueries } from '../support/recall.js';
import { serveStatic, type StaticServer } from '../support/server.js';
import { seedRecords } from '../support/searchSite.js';
import { buildStandInSite } from '../support/standInSite.js';

describe('the split of records into indexes', () => {
  const record = (year: number, n: number): SearchRecord => ({
    url: `/${year}/${String(1 + (n % 12)).padStart(2, '0')}/01/p${String(n).padStart(5, '0')}/`,
    title: `第${n}篇`,
    date: `${year}-${String(1 + (n % 12)).padStart(2, '0')}-01`,
    displayDate: '',
    column: '其他',
    shownColumn: '',
    kind: '文章',
    parts: [],
  });
  const records = (year: number, count: number) => Array.from({ length: count }, (_, n) => record(year, n));
  const inDateOrder = (list: SearchRecord[]) => [...list].sort((a, b) => a.date.localeCompare(b.date) || a.url.localeCompare(b.url));

  it('groups whole years, newest first, up to the limit, each index in date order', () => {
    const all = [...records(2024, 6), ...records(2021, 4), ...records(2023, 3), ...records(2022, 3)];
    const buckets = bucketsNewestFirst(all, 6);
    expect(buckets.map((b) => [b.name, b.records.length])).toEqual([['2024', 6], ['2022-2023', 6], ['2021', 4]]);
    for (const bucket of buckets) expect(bucket.records).toEqual(inDateOrder(bucket.records));
    expect(inDateOrder(buckets.flatMap((b) => b.records))).toEqual(inDateOrder(all));
  });

  it('cuts a year over the limit into parts of consecutive dates, newest part first, losing none', () => {
    const all = records(2023, 13);
    const buckets = bucketsNewestFirst(all, 6);
    expect(buckets.map((b) => b.name)).toEqual(['2023-part3', '2023-part2', '2023-part1']);
    for (const bucket of buckets) expect(bucket.records.length).toBeLessThanOrEqual(6);
    expect([...buckets].reverse().flatMap((b) => b.records)).toEqual(inDateOrder(all));
  });
});

describe('search over merged indexes, in Chromium', () => {
  const MAX = 6;
  const CHUNK_POSITIONS = 100;
  let records: ArticleRecord[];
  let dir: string;
  let manifest: SearchManifest;
  let browser: Browser;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    records = seedRecords();
    dir = mkdtempSync(join(tmpdir(), 'merged-indexes-'));
    // Small chunks too, so a word's pages are spread over many chunk files, and small id files for one-character
    // lookups, so their results are spread over many of those.
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(CHUNK_POSITIONS);
    try {
      await buildStandInSite(records, dir, { index: { maxPagesPerIndex: MAX, idsPerFile: 4 } });
    } finally {
      delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    }
    manifest = JSON.parse(readFileSync(join(dir, 'pagefind', SEARCH_MANIFEST_FILE), 'utf8')) as SearchManifest;
    [browser, server] = await Promise.all([launchChromium(), serveStatic(dir, '/')]);
    page = await browser.newPage();
    await page.goto(`${server.url}search/`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes each index with its own entry and metadata, only the root with the runtime, and every page once', () => {
    expect(manifest.indexes.length).toBeGreaterThanOrEqual(records.length / MAX - 1);
    let pages = 0;
    for (const bundle of [join(dir, 'pagefind'), ...manifest.indexes.map((name) => join(dir, 'pagefind', name))]) {
      const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      const count = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
      expect(count, bundle).toBeLessThanOrEqual(MAX);
      pages += count;
      expect(readdirSync(bundle).some((name) => name.endsWith('.pf_meta')), bundle).toBe(true);
    }
    expect(pages).toBe(records.length);
    for (const name of manifest.indexes) {
      expect(readdirSync(join(dir, 'pagefind', name)).filter((file) => /\.js$|^wasm\./.test(file)), name).toEqual([]);
    }
    expect(existsSync(join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(readdirSync(join(dir, 'pagefind', 'index')).length, 'index chunks of the newest index').toBeGreaterThan(5);
  });

  it('finds what the single index finds: recall and precision 1 on the seed queries', async () => {
    const report = await measureRecall(page, records, [...new Set([...CHOSEN_QUERIES, ...sampledQueries(records, 40), ...columnQueries(records)])], 'tokens');
    const misses = report.queries.filter((q) => q.recall < 1 || q.precision < 1);
    expect(misses.map((q) => `${q.query}: ${q.correct}/${q.truth} found, ${q.found} returned`)).toEqual([]);
  });

  it("on the search page, shows the newest index's results while the older indexes still load, then all of them", async () => {
    const held = await browser.newPage();
    // The older indexes' metadata answers late, as on a slow phone line; the newest index's is not held.
    const older = new RegExp(`/pagefind/(${manifest.indexes.join('|')})/.*\\.pf_meta$`);
    let releaseOlder!: () => void;
    const olderHeld = new Promise<void>((resolve) => (releaseOlder = resolve));
    let olderAsked = 0;
    await held.route(older, async (route) => {
      olderAsked++;
      await olderHeld;
      await route.continue();
    });
    try {
      await held.goto(`${server.url}search/?q=${encodeURIComponent('工会')}`);
      await held.waitForSelector('[data-search-form][data-first-results-at]');
      const first = await held.$$eval('.search-result h2 a', (links) => links.map((a) => a.textContent));
      const truth = records.filter((r) => recordText(r).includes('工会'));
      expect(first.length).toBeGreaterThan(0);
      expect(first.length).toBeLessThan(truth.length);
      expect(await held.textContent('[data-search-status]')).toMatch(/^已找到 \d+ 篇.*正在查找更早的文章/);
      expect(await held.getAttribute('[data-search-form]', 'data-searches')).toBeNull();
      await expect.poll(() => olderAsked, { message: 'the older indexes are asked for once the first results are shown' }).toBeGreaterThan(0);
      releaseOlder();
      await held.waitForSelector('[data-search-form][data-searches="1"]');
      expect(await held.textContent('[data-search-status]')).toContain(`找到 ${truth.length} 篇`);
      // The first results stayed, and the older indexes' fill the rest of the first page.
      const all = await held.$$eval('.search-result h2 a', (links) => links.map((a) => a.textContent));
      expect(all.slice(0, first.length)).toEqual(first);
      expect(all.length).toBe(Math.min(10, truth.length));
      expect(await held.isVisible('[data-search-more]')).toBe(true);
    } finally {
      releaseOlder();
      await held.close();
    }
  });

  it('shows a word found only in an older index as soon as that index has loaded, before the ones older still', async () => {
    // A pair of characters that the newest index's records lack and the next one's hold.
    const [newest, next] = [fragmentsOf(join(dir, 'pagefind')), fragmentsOf(join(dir, 'pagefind', manifest.indexes[0]!))];
    const inNewest = new Set(newest.flatMap((f) => f.content.split(/\s+/)));
    const word = next.flatMap((f) => f.content.split(/\s+/)).find((token) => /^\p{Script=Han}{2}$/u.test(token) && !inNewest.has(token));
    expect(word, 'a pair only the older indexes hold').toBeDefined();
    const truth = records.filter((r) => recordText(r).includes(word!));
    const held = await browser.newPage();
    const olderStill = new RegExp(`/pagefind/(${manifest.indexes.slice(1).join('|')})/.*\\.pf_meta$`);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await held.route(olderStill, async (route) => {
      await released;
      await route.continue();
    });
    try {
      await held.goto(`${server.url}search/?q=${encodeURIComponent(word!)}`);
      await held.waitForSelector('.search-result');
      expect(await held.getAttribute('[data-search-form]', 'data-searches')).toBeNull();
      const first = await held.$$eval('.search-result h2 a', (links) => links.map((a) => a.textContent));
      expect(first.length).toBeGreaterThan(0);
      for (const title of first) expect(next.map((f) => f.title)).toContain(title);
      release();
      await held.waitForSelector('[data-search-form][data-searches="1"]');
      expect(await held.textContent('[data-search-status]')).toContain(`找到 ${truth.length} 篇`);
      expect((await held.$$eval('.search-result h2 a', (links) => links.map((a) => a.textContent))).slice(0, first.length)).toEqual(first);
    } finally {
      release();
      await held.close();
    }
  });

  it("on a later search, lists the newest index's results without waiting for the older indexes' word chunks", async () => {
    const held = await browser.newPage();
    try {
      await held.goto(`${server.url}search/?q=${encodeURIComponent('工会')}`);
      await held.waitForSelector('[data-search-form][data-searches="1"]');
      // Every index is merged now; the next search's chunks of the older indexes answer late.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await held.route(new RegExp(`/pagefind/(${manifest.indexes.join('|')})/index/`), async (route) => {
        await released;
        await route.continue();
      });
      try {
        const truth = records.filter((r) => recordText(r).includes('职工'));
        await held.fill('#search-q', '职工');
        await held.press('#search-q', 'Enter');
        await held.waitForFunction(() => /已找到 \d+ 篇.*职工.*正在查找更早的文章/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
        expect(await held.getAttribute('[data-search-form]', 'data-searches')).toBe('1');
        expect(await held.locator('.search-result').count()).toBeGreaterThan(0);
        release();
        await held.waitForSelector('[data-search-form][data-searches="2"]');
        expect(await held.textContent('[data-search-status]')).toContain(`找到 ${truth.length} 篇`);
      } finally {
        release();
      }
    } finally {
      await held.close();
    }
  });

  it('once every index is merged, asks the older indexes for a word together with the newest, not after it', async () => {
    const held = await browser.newPage();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    try {
      await held.goto(`${server.url}search/?q=${encodeURIComponent('工会')}`);
      await held.waitForSelector('[data-search-form][data-searches="1"]');
      // The newest index's word chunks answer late; the older indexes' are only counted.
      let olderAsked = 0;
      await held.route(/\/pagefind\/index\//, async (route) => {
        await released;
        await route.continue();
      });
      await held.route(new RegExp(`/pagefind/(${manifest.indexes.join('|')})/index/`), async (route) => {
        olderAsked++;
        await route.continue();
      });
      await held.fill('#search-q', '职工');
      await held.press('#search-q', 'Enter');
      await expect.poll(() => olderAsked, { message: "the older indexes' chunks are asked for while the newest's is awaited" }).toBeGreaterThan(0);
      expect(await held.getAttribute('[data-search-form]', 'data-searches')).toBe('1');
      release();
      await held.waitForSelector('[data-search-form][data-searches="2"]');
      expect(await held.textContent('[data-search-status]')).toContain(`找到 ${records.filter((r) => recordText(r).includes('职工')).length} 篇`);
    } finally {
      release();
      await held.close();
    }
  });

  it("once every index is merged, asks for the newest index's chunks of every word before any older index's", async () => {
    const later = await browser.newPage();
    try {
      await later.goto(`${server.url}search/?q=${encodeURIComponent('工会')}`);
      await later.waitForSelector('[data-search-form][data-searches="1"]');
      const asked: string[] = [];
      await later.route(/\/pagefind\/(.+\/)?index\//, async (route) => {
        asked.push(new URL(route.request().url()).pathname);
        await route.continue();
      });
      // On a phone line the first asked arrive first: the newest index's chunks of the second word came behind the
      // older indexes' chunks of the first, and the first page waited for them.
      await later.fill('#search-q', '职工 劳模');
      await later.press('#search-q', 'Enter');
      await later.waitForSelector('[data-search-form][data-searches="2"]');
      // (Routing turns Chromium's HTTP cache off, so the whole archive's search asks for the newest chunks again.)
      const isNewest = (path: string) => path.startsWith('/pagefind/index/');
      const newest = new Set(asked.filter(isNewest));
      expect(newest.size, 'the two words lie in different chunks of the newest index').toBeGreaterThanOrEqual(2);
      const firstOlder = asked.findIndex((path) => !isNewest(path));
      expect(firstOlder, 'the older indexes were asked too').toBeGreaterThan(0);
      expect(new Set(asked.slice(0, firstOlder)), asked.join('\n')).toEqual(newest);
    } finally {
      await later.close();
    }
  });

  it('the page gets one position of a matched word per result, and the excerpt still marks every one', async () => {
    const found = (await page.evaluate(`(async () => {
      const search = await import(new URL('../assets/search/archive.js', location.href).href);
      const { pagefind } = await search.loadSearch();
      const { results } = await pagefind.search('工会');
      const data = await Promise.all(results.slice(0, 5).map((r) => r.data()));
      return { words: results.map((r) => r.words.length), locations: data.map((d) => d.locations.length) };
    })()`)) as { words: number[]; locations: number[] };
    expect(found.words.length).toBeGreaterThan(0);
    expect(Math.max(...found.words)).toBe(1);
    expect(Math.max(...found.locations), 'pages with the word more than once').toBeGreaterThan(1);
  });

  it('lists results newest first across indexes', async () => {
    const dates = (await page.evaluate(`(async () => {
      const search = await import(new URL('../assets/search/archive.js', location.href).href);
      const { results } = await search.searchArchive(await search.loadPagefind(), '工会', { sort: 'date' });
      return Promise.all(results.map(async (r) => (await r.data()).meta.date));
    })()`)) as string[];
    // More results than two indexes can hold, so the order crosses at least three.
    expect(dates.length).toBeGreaterThan(2 * MAX);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

/** The title and stored text of each page of the Pagefind index in `bundle`. */
function fragmentsOf(bundle: string): { title: string; content: string }[] {
  const folder = join(bundle, 'fragment');
  return readdirSync(folder).map((name) => {
    const fragment = JSON.parse(gunzipSync(readFileSync(join(folder, name))).subarray('pagefind_dcd'.length).toString('utf8')) as { content: string; meta: { title: string } };
    return { title: fragment.meta.title, content: fragment.content };
  });
}
