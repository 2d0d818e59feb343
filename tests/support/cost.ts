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
