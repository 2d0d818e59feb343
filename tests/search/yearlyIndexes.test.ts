// The search index is written one year at a time (src/search/indexSite.ts); the seed site spans two years.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bucketsNewestFirst, MAX_PAGES_PER_INDEX, SEARCH_MANIFEST_FILE, type SearchManifest } from '../../src/search/indexSite.js';
import { SEED_SITE, seedRecords } from './support/site.js';

const bundle = join(SEED_SITE, 'pagefind');

describe('the yearly search indexes', () => {
  const records = seedRecords();
  const years = [...new Set(records.map((r) => r.date.slice(0, 4)))].sort().reverse();
  const manifest = JSON.parse(readFileSync(join(bundle, SEARCH_MANIFEST_FILE), 'utf8')) as SearchManifest;

  it('puts the newest year at the root and lists every older year, newest first, for merging', () => {
    expect(years.length).toBeGreaterThan(1);
    expect(manifest.indexes).toEqual(years.slice(1));
    expect(manifest.year).toEqual(years);
  });

  it('gives every year its own entry and metadata, and only the root the runtime', () => {
    for (const dir of [bundle, ...manifest.indexes.map((year) => join(bundle, year))]) {
      const names = readdirSync(dir);
      expect(names, dir).toContain('pagefind-entry.json');
      expect(names.some((name) => name.endsWith('.pf_meta')), dir).toBe(true);
    }
    for (const year of manifest.indexes) {
      expect(readdirSync(join(bundle, year)).filter((name) => /\.js$|^wasm\./.test(name)), year).toEqual([]);
    }
    expect(existsSync(join(bundle, 'pagefind.js'))).toBe(true);
  });

  it('holds each record page in exactly one year, its own', () => {
    const pageCount = (dir: string) => (JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> }).languages;
    const counts = [bundle, ...manifest.indexes.map((year) => join(bundle, year))].map((dir) =>
      Object.values(pageCount(dir)).reduce((sum, language) => sum + language.page_count, 0),
    );
    expect(counts).toEqual(years.map((year) => records.filter((r) => r.date.startsWith(year)).length));
  });
});

describe('the split of pages into indexes', () => {
  const page = (year: number, n: number) => `/site/${year}/${String(1 + (n % 12)).padStart(2, '0')}/01/p${String(n).padStart(5, '0')}/index.html`;

  it('keeps a year whole up to the limit, newest year first, pages outside a year last', () => {
    const files = [page(2023, 1), page(2024, 1), page(2023, 2), '/site/other/index.html'].sort();
    expect(bucketsNewestFirst('/site', files).map((b) => [b.name, b.files.length])).toEqual([['2024', 1], ['2023', 2], ['other', 1]]);
  });

  it('cuts a larger year into parts of consecutive pages, newest part first, losing none', () => {
    const files = Array.from({ length: 2 * MAX_PAGES_PER_INDEX + 5 }, (_, n) => page(2023, n)).sort();
    const buckets = bucketsNewestFirst('/site', files);
    expect(buckets.map((b) => b.name)).toEqual(['2023-3', '2023-2', '2023-1']);
    for (const bucket of buckets) expect(bucket.files.length).toBeLessThanOrEqual(MAX_PAGES_PER_INDEX);
    expect([...buckets].reverse().flatMap((b) => b.files)).toEqual(files);
  });
});
