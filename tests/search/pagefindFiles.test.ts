// The build reads Pagefind's metadata for the page ids of its records (src/search/pagefindFiles.ts). These pin what
// it relies on: the page order, and that a mismatch stops the build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSite } from '../../src/search/indexSite.js';
import { decodeCbor, fragmentPath, indexedPages, pageIdsOf, readFragment } from '../../src/search/pagefindFiles.js';
import type { SearchRecord } from '../../src/search/searchRecords.js';

describe('decodeCbor', () => {
  it.each([
    ['00', 0],
    ['1903e8', 1000],
    ['20', -1],
    ['6161', 'a'],
    ['63e5b7a5', '工'],
    ['83010203', [1, 2, 3]],
    ['9f0102ff', [1, 2]],
    ['f5', true],
  ])('reads %s as %j (RFC 8949 examples)', (hex, value) => {
    expect(decodeCbor(Buffer.from(hex, 'hex'))).toEqual(value);
  });

  it('refuses bytes left over or missing, rather than guessing', () => {
    expect(() => decodeCbor(Buffer.from('0000', 'hex'))).toThrow(/left over/);
    expect(() => decodeCbor(Buffer.from('830102', 'hex'))).toThrow(/ends early/);
  });
});

describe('the fragments of a written index', () => {
  const record = (n: number, text: string): SearchRecord => ({
    url: `/2024/0${n}/01/r${n}/`,
    title: `标题${n}`,
    date: `2024-0${n}-01`,
    displayDate: `2024年${n}月1日`,
    column: '一周动态',
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
});
