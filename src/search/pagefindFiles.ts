// Reading what Pagefind wrote: its metadata, for the page ids an index holds in the order the records were added
// (the character index names records by them), and a fragment or two, to check that order. Pagefind 1.6 compresses
// both with gzip behind a signature, the metadata as CBOR (read with cborg) and each fragment as JSON; anything else
// fails the build. (Reading the ids from all 10,000 fragments instead took 0.6 CPU-s; the metadata takes 0.03.)
import { decode } from 'cborg';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { RecordFragment } from './contract.js';
import type { SearchRecord } from './searchRecords.js';

const SIGNATURE = 'pagefind_dcd';

export interface IndexedPage {
  /** Pagefind's page id, also its fragment's file name (`und_48e8d4e`). */
  id: string;
  /** Pagefind's count of the page's words, which its ranking uses. */
  wordCount: number;
}

/** The pages of the index in `outputPath`, in the order they were added (Pagefind numbers pages that way). */
export function indexedPages(outputPath: string): IndexedPage[] {
  const metaFiles = readdirSync(outputPath).filter((name) => name.endsWith('.pf_meta'));
  if (metaFiles.length !== 1) throw new Error(`${outputPath} has ${metaFiles.length} Pagefind metadata files where 1 was expected`);
  const path = join(outputPath, metaFiles[0]!);
  // Maps as Maps: Pagefind's keys need not be strings. cborg refuses bytes left over or missing, as it should.
  const meta: unknown = decode(unsigned(path, gunzipSync(readFileSync(path))), { useMaps: true });
  const pages = Array.isArray(meta) ? meta[1] : undefined;
  const valid =
    Array.isArray(pages) &&
    pages.every((page) => Array.isArray(page) && typeof page[0] === 'string' && /^[\w-]+$/.test(page[0]) && typeof page[1] === 'number');
  if (!valid) throw new Error(`${path}: its page list is not where Pagefind 1.6 puts it; check src/search/pagefindFiles.ts before upgrading`);
  return (pages as [string, number][]).map(([id, wordCount]) => ({ id, wordCount }));
}

export function fragmentPath(outputPath: string, id: string): string {
  return join(outputPath, 'fragment', `${id}.pf_fragment`);
}

/** What the build wrote for a record (contract.ts), as far as these checks read it. */
export function readFragment(path: string): Partial<RecordFragment> {
  return JSON.parse(unsigned(path, gunzipSync(readFileSync(path))).toString()) as Partial<RecordFragment>;
}

/**
 * The page ids of the records added to the index in `outputPath`, in their order. The first and last record's
 * fragments are compared with what Pagefind was given, so a Pagefind that numbers pages differently stops the
 * build instead of showing one record for another.
 */
export function pageIdsOf(outputPath: string, records: readonly SearchRecord[]): { ids: string[]; errors: string[] } {
  const pages = indexedPages(outputPath);
  if (pages.length !== records.length) return { ids: [], errors: [`pagefind: ${outputPath} holds ${pages.length} pages for ${records.length} records`] };
  for (const i of new Set([0, records.length - 1])) {
    const record = records[i]!;
    const path = fragmentPath(outputPath, pages[i]!.id);
    const { url, meta, filters } = readFragment(path);
    if (url !== record.url || meta?.title !== record.title || filters?.year?.[0] !== record.date.slice(0, 4)) {
      return { ids: [], errors: [`pagefind: ${path} is ${url} (“${meta?.title}”), where the index's page ${i + 1} should be ${record.url}; check src/search/pagefindFiles.ts`] };
    }
  }
  return { ids: pages.map((page) => page.id), errors: [] };
}

function unsigned(path: string, inflated: Buffer): Buffer {
  if (inflated.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) {
    throw new Error(`${path} is not a Pagefind file of the version this was written for (no signature)`);
  }
  return inflated.subarray(SIGNATURE.length);
}
