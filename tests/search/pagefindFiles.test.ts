// The build reads Pagefind's metadata for the page ids of its records (src/search/pagefindFiles.ts). These pin what
// it relies on: the page order, and that a mismatch stops the build.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSite } from '../../src/search/indexSite.js';
import { fragmentPath, indexedPages, pageIdsOf, readFragment } from '../../src/search/pagefindFiles.js';
import type { SearchRecord } from '../../src/search/searchRecords.js';

describe('the fragments of a written index', () => {
  const record = (n: number, text: string): SearchRecord => ({
    url: `/2024/0${n}/01/r${n}/`,
    title: `标题${n}`,
    date: `2024-0${n}-01`,
    displayDate: `2024年${n}月1日`,
    column: '一周动态',
    shownColumn: '一周动态',
    kind: '文章',
    parts: [`标题${n}`, text],
  });
  const records = [record(1, '全市工会开展集体协商。'), record(2, '劳模工匠 12351 热线'), record(3, '竞赛、工会')];
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pagefind-files-'));
    const { errors } = await indexSite(dir, records);
    expect(errors).toEqual([]);
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are listed in the metadata in the order the records were added', () => {
    const outputPath = join(dir, 'pagefind');
    const pages = indexedPages(outputPath);
    expect(pages.map((page) => readFragment(fragmentPath(outputPath, page.id)).url)).toEqual(records.map((r) => r.url));
    for (const page of pages) expect(page.wordCount).toBeGreaterThan(0);
    expect(pageIdsOf(outputPath, records)).toEqual({ ids: pages.map((page) => page.id), errors: [] });
  });

  it('give no ids when the records do not line up with the pages', () => {
    const outputPath = join(dir, 'pagefind');
    expect(pageIdsOf(outputPath, [...records].reverse())).toEqual({ ids: [], errors: [expect.stringMatching(/is \/2024\/01\/01\/r1\/ .*should be \/2024\/03\/01\/r3\//)] });
    expect(pageIdsOf(outputPath, records.slice(1))).toEqual({ ids: [], errors: [expect.stringMatching(/holds 3 pages for 2 records/)] });
  });

  it('refuse metadata with a byte missing, rather than guessing (cborg)', () => {
    const outputPath = join(dir, 'pagefind');
    const cut = join(dir, 'cut');
    mkdirSync(cut);
    const name = readdirSync(outputPath).find((file) => file.endsWith('.pf_meta'))!;
    copyFileSync(join(outputPath, name), join(cut, name));
    const bytes = gunzipSync(readFileSync(join(cut, name)));
    writeFileSync(join(cut, name), gzipSync(bytes.subarray(0, bytes.length - 1)));
    expect(() => indexedPages(cut)).toThrow();
  });
});
