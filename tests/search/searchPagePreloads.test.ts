// The built search page names the files of the index written after it (src/search/searchPagePreloads.ts): once per
// index, replaced when the site is indexed again (the dev server's live index), and never on a folder without one.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { preloadIndexOnSearchPage } from '../../src/search/searchPagePreloads.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function site(version: string, hash: string, indexes: string[] = []): void {
  mkdirSync(join(dir, 'pagefind'), { recursive: true });
  writeFileSync(join(dir, 'pagefind', 'search-manifest.json'), JSON.stringify({ version, indexes, column: [], year: [] }));
  writeFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { und: { hash, wasm: null, page_count: 1 } } }));
}

const links = () => readFileSync(join(dir, 'search', 'index.html'), 'utf8').match(/<link [^>]*data-search-index>/g) ?? [];

describe('the search page’s preloads of its index', () => {
  it('name the root entry under the manifest’s version, the root metadata and each older entry, relative to the page', async () => {
    dir = mkdtempSync(join(tmpdir(), 'search-preloads-'));
    mkdirSync(join(dir, 'search'));
    writeFileSync(join(dir, 'search', 'index.html'), '<!doctype html><html><head><title>搜索</title></head><body></body></html>');
    site('v1', 'und_aaa', ['2016-2020']);
    await preloadIndexOnSearchPage(dir);
    expect(links()).toEqual([
      '<link rel="preload" href="../pagefind/pagefind-entry.json?ts=v1" as="fetch" crossorigin data-worker-preload data-search-index>',
      '<link rel="preload" href="../pagefind/pagefind.und_aaa.pf_meta" as="fetch" crossorigin data-worker-preload data-search-index>',
      '<link rel="preload" href="../pagefind/2016-2020/pagefind-entry.json?ts=v1" as="fetch" crossorigin data-worker-preload data-search-index>',
    ]);

    // Indexed again, as the dev server does after an edit: the new files replace the old ones.
    site('v2', 'und_bbb');
    await preloadIndexOnSearchPage(dir);
    expect(links()).toEqual([
      '<link rel="preload" href="../pagefind/pagefind-entry.json?ts=v2" as="fetch" crossorigin data-worker-preload data-search-index>',
      '<link rel="preload" href="../pagefind/pagefind.und_bbb.pf_meta" as="fetch" crossorigin data-worker-preload data-search-index>',
    ]);
    expect(readFileSync(join(dir, 'search', 'index.html'), 'utf8')).toMatch(/data-search-index>\n<\/head>/);
  });

  it('leave a folder without a search page as it is (an index written into a scratch folder)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'search-preloads-'));
    site('v1', 'und_aaa');
    await expect(preloadIndexOnSearchPage(dir)).resolves.toBeUndefined();
  });
});
