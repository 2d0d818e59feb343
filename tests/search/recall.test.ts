// Recall and precision of search on the seed site, in Chromium, against the truth computed from the records:
// every record whose text (whitespace removed) contains every word of the query.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { CHOSEN_QUERIES, columnQueries, measureRecall, sampledQueries } from '../support/recall.js';
import { serveStatic, type StaticServer } from '../support/server.js';
import { SEED_SITE, seedRecords } from '../support/searchSite.js';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveStatic(SEED_SITE, '/')]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('finds at least 98% of the records that contain a query, and at least 95% of what it finds contains it', async () => {
  const records = seedRecords();
  const columns = columnQueries(records);
  const queries = [...new Set([...CHOSEN_QUERIES, ...sampledQueries(records, 40), ...columns])];
  const page = await browser.newPage();
  await page.goto(`${server.url}search/`);
  const report = await measureRecall(page, records, queries, 'tokens');
  const misses = report.queries.filter((q) => q.recall < 1 || q.precision < 1);
  console.log(
    `search recall ${report.meanRecall.toFixed(3)}, precision ${report.meanPrecision.toFixed(3)} over ${report.queries.length} queries` +
      misses.map((q) => `\n  ${q.query}: ${q.correct}/${q.truth} found, ${q.found} returned`).join(''),
  );
  expect(report.queries.length).toBeGreaterThanOrEqual(50);
  expect(report.queries.filter((q) => q.query.includes(' ')).length).toBeGreaterThanOrEqual(5);
  expect(report.meanRecall).toBeGreaterThanOrEqual(0.98);
  expect(report.meanPrecision).toBeGreaterThanOrEqual(0.95);
  // A column's name finds every article shown under it (the label is indexed with the text), and only those
  // and the articles whose text names it.
  const byColumn = report.queries.filter((q) => columns.includes(q.query));
  expect(byColumn.length).toBe(columns.length);
  expect(byColumn.filter((q) => q.recall < 1 || q.precision < 1).map((q) => `${q.query}: ${q.correct}/${q.truth} found, ${q.found} returned`)).toEqual([]);
  for (const column of columns) {
    const labelled = records.filter((r) => r.column === column).map((r) => r.id);
    expect(byColumn.find((q) => q.query === column)!.missed.filter((id) => labelled.includes(id)), column).toEqual([]);
  }
});
