// Sitemap and feeds (issue 13): the sitemap lists the pages worth finding, with the issue date as <lastmod>; the raw
// originals are noindex and out of it, and so is /search/; the main feeds carry briefs as well as articles.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { attr, htmlPages, readPage, SEED_SITE } from '../support/page.js';
import { issuePathOf, loadSeeds } from '../support/seeds.js';

const { bulletins, records } = loadSeeds();
const sitemap = readFileSync(join(SEED_SITE, 'sitemap.xml'), 'utf8');
const entries = [...sitemap.matchAll(/<url>(.*?)<\/url>/gs)].map((m) => ({
  path: /<loc>https?:\/\/[^/<]+([^<]*)<\/loc>/.exec(m[1]!)![1]!,
  lastmod: /<lastmod>([^<]*)<\/lastmod>/.exec(m[1]!)?.[1],
}));
const newestIssueDate = bulletins.map((b) => b.meta.issueDate).sort().at(-1)!;

describe('the sitemap', () => {
  test('leaves out the raw originals and the search page, and lists every other page', () => {
    const paths = entries.map((e) => e.path);
    expect(paths.filter((p) => p.includes('/source'))).toEqual([]);
    expect(paths).not.toContain('/search/');
    const expected = htmlPages(SEED_SITE).filter((p) => p !== '/404.html' && p !== '/search/' && !p.endsWith('/source/'));
    expect([...paths].sort()).toEqual(expected.sort());
  });

  test('gives every page a <lastmod>: an ISO date from the issue it shows, or the newest issue it lists', () => {
    for (const { path, lastmod } of entries) expect(lastmod, path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const lastmodOf = new Map(entries.map((e) => [e.path, e.lastmod]));
    for (const { path, bulletin } of records) expect(lastmodOf.get(path), path).toBe(bulletin.meta.issueDate);
    for (const bulletin of bulletins) expect(lastmodOf.get(issuePathOf(bulletin))).toBe(bulletin.meta.issueDate);
    for (const path of ['/', '/archive/', '/columns/']) expect(lastmodOf.get(path), path).toBe(newestIssueDate);
    const year2023 = bulletins.filter((b) => records.some((r) => r.bulletin === b && r.record.date.startsWith('2023'))).map((b) => b.meta.issueDate).sort().at(-1);
    expect(lastmodOf.get('/archive/2023/')).toBe(year2023);
  });
});

test.each(bulletins.map((b) => [`${issuePathOf(b)}source/`] as const))('the original %s is marked noindex', (path) => {
  const page = readPage(SEED_SITE, path);
  expect(page.all('meta', 'name', 'robots').map((m) => attr(m, 'content'))).toEqual(['noindex']);
});

describe('the main feeds', () => {
  // Briefs (简讯) are news too, each with its own page; a reader who subscribes to the site must not miss them.
  const newest = [...records].sort((a, b) =>
    a.record.date !== b.record.date ? (a.record.date < b.record.date ? 1 : -1) : a.bulletin.meta.issueDate !== b.bulletin.meta.issueDate ? (a.bulletin.meta.issueDate < b.bulletin.meta.issueDate ? 1 : -1) : a.record.order - b.record.order,
  );
  const expected = newest.slice(0, 20).map((r) => r.path);

  test('feed.json holds the newest 20 records, briefs included, marked 简讯', () => {
    const feed = JSON.parse(readFileSync(join(SEED_SITE, 'feed.json'), 'utf8'));
    const paths = feed.items.map((i: { url: string }) => new URL(i.url).pathname);
    expect(paths).toEqual(expected);
    const briefs = newest.slice(0, 20).filter((r) => r.record.kind === 'brief');
    expect(briefs.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      const seed = records.find((r) => r.path === new URL(item.url).pathname)!;
      expect(item.tags ?? [], item.url).toEqual(seed.record.kind === 'brief' ? [...(seed.record.column ? [seed.record.column] : []), '简讯'] : seed.record.column ? [seed.record.column] : []);
    }
  });

  test('feed.xml holds the same entries', () => {
    const atom = readFileSync(join(SEED_SITE, 'feed.xml'), 'utf8');
    const links = [...atom.matchAll(/<entry>\s*<title>[^<]*<\/title>\s*<link href="https?:\/\/[^/"]+([^"]*)"\/>/g)].map((m) => m[1]);
    expect(links).toEqual(expected);
  });
});
