// The /search/ page in Chromium, on the seed site built by tests/global-setup.ts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/types.js';
import { launchChromium } from '../support/browser.js';
import { recordText, truthFor } from '../support/recall.js';
import { serveStatic, type StaticServer } from '../support/server.js';
import { SEED_SITE, SEED_SITE_PREFIXED, seedRecords } from '../support/searchSite.js';

let browser: Browser;
let server: StaticServer;
let prefixed: StaticServer;
let page: Page;
let records: ArticleRecord[];
let texts: Map<string, string>;
const pageErrors: string[] = [];
let searchPagesLoaded = 0;

beforeAll(async () => {
  records = seedRecords();
  texts = new Map(records.map((r) => [r.id, recordText(r)]));
  // gc() lets a test collect garbage at will: results whose objects were collected must still show.
  [browser, server, prefixed] = await Promise.all([launchChromium(['--js-flags=--expose-gc']), serveStatic(SEED_SITE, '/'), serveStatic(SEED_SITE_PREFIXED, '/archive/')]);
  // axe-core needs a page from an explicit context.
  page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('load', () => {
    if (new URL(page.url()).pathname.endsWith('/search/')) searchPagesLoaded += 1;
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await prefixed?.close();
});

interface ShownResult {
  title: string;
  href: string;
  facts: string;
  excerpt: string;
  marks: string[];
}

async function open(url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('[data-search-form][data-ready="true"]');
}

/** Types a query as a reader would and waits until the page has finished that search. */
async function typeQuery(query: string): Promise<void> {
  const before = Number((await page.getAttribute('[data-search-form]', 'data-searches')) ?? 0);
  await page.fill('#search-q', query);
  await page.waitForSelector(`[data-search-form][data-searches="${before + 1}"]`);
}

async function waitForSearch(count: number): Promise<void> {
  await page.waitForSelector(`[data-search-form][data-searches="${count}"]`);
}

async function showAll(): Promise<void> {
  while (await page.isVisible('[data-search-more]')) {
    const shown = await page.locator('.search-result').count();
    await page.click('[data-search-more]');
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, shown);
  }
}

async function shownResults(): Promise<ShownResult[]> {
  await showAll();
  return page.$$eval('.search-result', (items) =>
    items.map((item) => ({
      title: item.querySelector('h2 a')!.textContent!,
      href: (item.querySelector('h2 a') as HTMLAnchorElement).href,
      facts: item.querySelector('.search-result-facts')!.textContent!,
      excerpt: item.querySelector('.search-result-excerpt')!.textContent!,
      marks: [...item.querySelectorAll('mark')].map((m) => m.textContent!),
    })),
  );
}

const status = () => page.textContent('[data-search-status]');
const titlesOf = (ids: Iterable<string>) => [...ids].map((id) => records.find((r) => r.id === id)!.title).sort();

describe('the search page', () => {
  it.each([
    ['协商', 'the collective-bargaining article (集体协商竞赛)', '集体协商竞赛'],
    ['工匠', 'every article on model workers and craftsmen (劳模工匠)', '劳模工匠'],
    ['刘颖', "correspondent 刘颖's article", null],
    ['12351', 'the article with the 12351 hotline', null],
    ['黔江', 'the articles from 黔江', null],
  ])('searching %s finds %s, and only what contains it', async (query, _what, titleWord) => {
    await open(`${server.url}search/`);
    await typeQuery(query);
    const truth = truthFor(texts, query);
    expect(truth.size).toBeGreaterThan(0);
    const results = await shownResults();
    expect(results.map((r) => r.title).sort()).toEqual(titlesOf(truth));
    if (titleWord) expect(results.some((r) => r.title.includes(titleWord))).toBe(true);
    expect(await status()).toContain(`找到 ${truth.size} 篇`);
  });

  it('finds nothing for a number that no record contains, though shorter numbers (12 in dates) are indexed', async () => {
    await open(`${server.url}search/`);
    await typeQuery('12399');
    expect(truthFor(texts, '12399').size).toBe(0);
    expect(await shownResults()).toEqual([]);
    expect(await status()).toContain('没有找到');
  });

  it.each([
    ['劳模工匠', 'index|fragment|characters'],
    ['赛', 'index|fragment|characters'],
    ['劳模工匠', 'fragment'], // the words were found, the results' texts are gone
  ])('asks the reader to reload when the site was rebuilt while the page stayed open: %s (%s gone)', async (query, gone) => {
    await open(`${server.url}search/`);
    // A rebuild replaces the index files this page loaded the list of, and the manifest names a new version.
    await page.route(new RegExp(`/pagefind/(${gone})/`), (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.route(/\/pagefind\/search-manifest\.json$/, async (route) => {
      const manifest = await (await route.fetch()).json();
      await route.fulfill({ json: { ...manifest, version: 'rebuilt' } });
    });
    try {
      await page.fill('#search-q', query);
      await page.waitForFunction(() => document.querySelector('[data-search-status]')!.textContent!.includes('刷新'));
      expect(await status()).toBe('网站的搜索索引已更新，请刷新页面后再搜索。');
    } finally {
      await page.unrouteAll();
    }
    // The query is in the URL, so a reload searches again, now with the index that is there.
    await page.reload();
    await waitForSearch(1);
    expect(await status()).toContain('找到');
  });

  it('still says it found nothing when nothing matches and the index is the one it loaded', async () => {
    await open(`${server.url}search/`);
    await typeQuery('鹦鹉螺');
    expect(await status()).toBe('没有找到包含“鹦鹉螺”的文章。');
  });

  it('?q= in the URL shows results on load', async () => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent('劳模工匠')}`);
    await waitForSearch(1);
    expect(await page.inputValue('#search-q')).toBe('劳模工匠');
    const results = await shownResults();
    expect(results.map((r) => r.title).sort()).toEqual(titlesOf(truthFor(texts, '劳模工匠')));
  });

  it('each result shows title, date, column and an excerpt with the query highlighted, and links to its record', async () => {
    await open(`${server.url}search/`);
    await typeQuery('集体协商');
    const [first] = await shownResults();
    const record = records.find((r) => r.title === first!.title)!;
    expect(record).toBeDefined();
    expect(first!.facts).toMatch(new RegExp(`^${record.date.slice(0, 4)}年`));
    expect(first!.facts).toContain(record.column ?? '');
    expect(first!.marks.length).toBeGreaterThan(0);
    for (const mark of first!.marks) expect(mark).toBe('集体协商');
    expect(first!.excerpt).not.toMatch(/[\u200B¶]/);
    const target = await browser.newPage();
    const response = await target.goto(first!.href);
    expect(response?.status()).toBe(200);
    expect(await target.textContent('h1')).toBe(record.title);
    await target.close();
  });

  it('names no column for a result whose article has none (其他 is only the filter’s bucket)', async () => {
    const without = records.find((r) => !r.column && r.kind !== 'brief' && r.title.includes('务虚'))!;
    expect(without, 'a seed article without a column').toBeDefined();
    await open(`${server.url}search/`);
    await typeQuery('务虚会');
    const shown = (await shownResults()).find((r) => r.title === without.title);
    expect(shown).toBeDefined();
    expect(shown!.facts).not.toContain('其他');
    expect(shown!.facts).not.toContain('·');
  });

  it('two words separated by a space find only records that contain both', async () => {
    await open(`${server.url}search/`);
    await typeQuery('劳模 工会');
    const results = await shownResults();
    expect(results.map((r) => r.title).sort()).toEqual(titlesOf(truthFor(texts, '劳模 工会')));
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThan(truthFor(texts, '工会').size);
  });

  // 赛 alone is looked up in the character index, which filters on its own (src/search/characterIndex.ts).
  it.each(['工会', '赛'])('filters narrow %s by column and year', async (query) => {
    await open(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await waitForSearch(1);
    const all = truthFor(texts, query);
    const columns = await page.$$eval('select[name="column"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const column = columns.find((c) => records.some((r) => all.has(r.id) && r.column === c))!;
    expect(column).toBeDefined();
    await page.selectOption('select[name="column"]', column);
    await waitForSearch(2);
    const inColumn = [...all].filter((id) => records.find((r) => r.id === id)!.column === column);
    const byColumn = await shownResults();
    expect(byColumn.map((r) => r.title).sort()).toEqual(titlesOf(inColumn));
    expect(new URL(page.url()).searchParams.get('column')).toBe(column);

    await page.selectOption('select[name="column"]', '');
    await waitForSearch(3);
    const years = await page.$$eval('select[name="year"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(years.length).toBeGreaterThan(1);
    await page.selectOption('select[name="year"]', years.at(-1)!);
    await waitForSearch(4);
    const inYear = [...all].filter((id) => records.find((r) => r.id === id)!.date.startsWith(years.at(-1)!));
    expect((await shownResults()).map((r) => r.title).sort()).toEqual(titlesOf(inYear));
    expect(inYear.length).toBeLessThan(all.size);
  });

  it.each(['职工', '赛'])('sorts %s newest first by default, and by relevance on request', async (query) => {
    await open(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await waitForSearch(1);
    const newest = (await shownResults()).map((r) => records.find((record) => record.title === r.title)!.date);
    expect(newest.length).toBeGreaterThan(2);
    // Each year has its own index (src/search/indexSite.ts), so this order crosses merged indexes.
    expect(new Set(newest.map((date) => date.slice(0, 4))).size).toBeGreaterThan(1);
    expect(newest).toEqual([...newest].sort().reverse());
    await page.selectOption('select[name="sort"]', 'relevance');
    await waitForSearch(2);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('relevance');
    expect((await shownResults()).length).toBe(newest.length);
  });

  it('still shows more results after the browser has collected the garbage of the search that found them', async () => {
    // Pagefind's worker frees a result's data once the result object is collected (a FinalizationRegistry), so
    // the page must keep each result, not only its data() function, until the reader has seen it.
    await open(`${server.url}search/?q=${encodeURIComponent('职工')}`);
    await waitForSearch(1);
    const truth = truthFor(texts, '职工');
    expect(truth.size).toBeGreaterThan(10);
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => (globalThis as unknown as { gc: () => void }).gc());
      await page.waitForTimeout(100);
    }
    expect((await shownResults()).map((r) => r.title).sort()).toEqual(titlesOf(truth));
  });

  it('by relevance, an article with the words in its title and throughout comes first', async () => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent('劳模工匠')}&sort=relevance`);
    await waitForSearch(1);
    expect(await page.inputValue('select[name="sort"]')).toBe('relevance');
    const [first] = await shownResults();
    expect(first!.title).toContain('劳模工匠');
  });

  it('finds briefs like articles, marked 简讯', async () => {
    const brief = records.find((r) => r.kind === 'brief');
    expect(brief, 'the seed bulletins have ◆ briefs').toBeDefined();
    const words = recordText(brief!).match(/\p{Script=Han}{6,}/u)![0].slice(0, 6);
    await open(`${server.url}search/`);
    await typeQuery(words);
    const result = (await shownResults()).find((r) => r.title === brief!.title);
    expect(result).toBeDefined();
    expect(result!.facts).toContain('简讯');
  });

  it('says so in Chinese when nothing matches', async () => {
    await open(`${server.url}search/`);
    await typeQuery('不存在的词语甲乙丙');
    expect(await status()).toBe('没有找到包含“不存在的词语甲乙丙”的文章。');
    expect(await page.locator('.search-result').count()).toBe(0);
  });

  it('can be used with the keyboard alone', async () => {
    await open(`${server.url}search/`);
    await page.focus('#search-q');
    await page.keyboard.type('劳模');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.search-result');
    const focused: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      focused.push(
        await page.evaluate(() => {
          const active = document.activeElement;
          return active?.closest('.search-result') ? 'result' : (active?.getAttribute('name') ?? active?.tagName ?? '');
        }),
      );
    }
    expect(focused).toEqual(expect.arrayContaining(['column', 'year', 'sort', 'result']));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.includes('/search/'));
    expect(await page.locator('article h1').count()).toBe(1);
  });

  it.each(['协商', '赛'])('works under /archive/, searching %s', async (query) => {
    await page.goto(`${prefixed.url}search/?q=${encodeURIComponent(query)}`);
    await waitForSearch(1);
    const results = await shownResults();
    expect(results.map((r) => r.title).sort()).toEqual(titlesOf(truthFor(texts, query)));
    for (const result of results) {
      expect(new URL(result.href).pathname).toMatch(/^\/archive\/\d{4}\//);
      const response = await page.request.get(result.href);
      expect(response.status()).toBe(200);
    }
  });

  // axe checks this page with results shown in tests/gates/accessible.test.ts.

  it('ran without a script error', () => {
    // The errors come from the searches above; run alone (-t), this check would have watched no page at all.
    expect(searchPagesLoaded, 'search pages loaded before this check').toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
