// A record the bulletin gave no column label shows none (issue 13): no 其他 in lists, JSON-LD, Open Graph or feeds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { attr, htmlPages, readPage, SEED_SITE, text, within, structuredData } from '../support/page.js';
import { loadSeeds } from '../support/seeds.js';

const { records } = loadSeeds();
const site = (path: string) => readPage(SEED_SITE, path);
const columnless = records.filter((r) => r.record.column === null);
const columnlessPaths = new Set(columnless.map((r) => r.path));

test('the seeds hold records without a column', () => {
  expect(columnless.length).toBeGreaterThan(5);
});

describe('a record without a column', () => {
  test.each(columnless.map((r) => [r.path] as const))('%s names no section in its metadata', (path) => {
    const page = site(path);
    const ld = structuredData(page, 'NewsArticle');
    expect(ld).not.toHaveProperty('articleSection');
    expect(page.all('meta', 'property', 'article:section')).toEqual([]);
  });

  test('is listed with no column on any page', () => {
    let seen = 0;
    for (const path of htmlPages(SEED_SITE)) {
      for (const li of site(path).all('li')) {
        const href = attr(within(li, 'a')[0] ?? li, 'href');
        if (href === undefined || !columnlessPaths.has(href)) continue;
        const meta = within(li, 'span', 'class', 'item-meta')[0];
        if (!meta) continue;
        seen++;
        expect(text(meta).split(' · '), `${path} → ${href}`).not.toContain('其他');
      }
    }
    expect(seen).toBeGreaterThan(10);
  });

  test('has no category in the feeds', () => {
    const json = JSON.parse(readFileSync(join(SEED_SITE, 'feed.json'), 'utf8'));
    for (const item of json.items) {
      expect(item.tags ?? [], item.url).not.toContain('其他');
      if (columnlessPaths.has(new URL(item.url).pathname)) expect((item.tags ?? []).filter((t: string) => t !== '简讯'), item.url).toEqual([]);
    }
    const atom = readFileSync(join(SEED_SITE, 'feed.xml'), 'utf8');
    expect(atom).not.toContain('<category term="其他"/>');
  });
});
