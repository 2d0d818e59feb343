// Indexes the site's records with Pagefind into `<siteDir>/pagefind/`, in indexes of consecutive years of at most
// MAX_PAGES_PER_INDEX records. Pagefind is handed each record as a custom record: our search text expanded into
// character pairs (see tokens.ts), with the title, date and column to show and the filters to offer. The rendered
// pages are not read back, so they carry no search markup. One-character lookups get an index of their own
// (characterIndex.ts), which names records by the page ids Pagefind gave them (pagefindFiles.ts).
//
// Why several indexes: Pagefind builds an index in memory, and one index of the whole archive grows with it
// (2.1–2.9 GB at 10,000 records, 14 GB at 50,000 with Chinese segmentation; bench/README.md). Writing a few
// years at a time holds only their pages, then frees them. Why not one per year: the browser loads each merged
// index's metadata and, for every word searched, a chunk from each; twenty yearly indexes tripled what a search
// downloads. The newest index sits in `pagefind/` itself, with Pagefind's runtime; each older one in
// `pagefind/<years>/`, and the search page merges them (Pagefind's mergeIndex).
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { INDEX_LANGUAGE, SEARCH_MANIFEST_FILE } from '../../templates/assets/search/shared.js';
import { writeCharacterIndex, type IndexedBucket } from './characterIndex.js';
import type { RecordFilters, RecordMeta, RecordSort, SearchManifest } from './contract.js';
import { preloadIndexOnSearchPage } from './searchPagePreloads.js';
import { byDateThenUrl, type SearchRecord } from './searchRecords.js';
import { BREAK_TOKEN, indexTokens } from './tokens.js';

// The index language (shared with the search page): forcing one also keeps a stray `lang` from splitting the index
// in two.
export { INDEX_LANGUAGE, SEARCH_MANIFEST_FILE };
export type { SearchManifest };

export interface IndexResult {
  errors: string[];
}

export interface IndexOptions {
  /** Lower only to test merging on a small site. */
  maxPagesPerIndex?: number;
  /** Lower only to test, on a small site, one-character results spread over several id files (characterIndex.ts). */
  idsPerFile?: number;
}

/**
 * Pagefind cuts each index's word list into chunks of about this many word positions, and a search downloads the
 * whole chunk holding each word it looks up. Pagefind's default (20,000) made a later search on a 10,000-record
 * archive download a median 73 KiB; 2,000 halves that, at a few more files.
 */
export const INDEX_CHUNK_POSITIONS = 2000;

/**
 * The Pagefind binary's allocator (jemalloc, read from `_RJEM_MALLOC_CONF`) by default hands freed memory back to
 * the system within seconds and faults it in again for the next pages: about 500,000 page faults and 22,000
 * `madvise` calls to index 10,000 records, a third of Pagefind's CPU (bench/README.md). Keeping freed memory for
 * reuse (no decay) and asking for huge pages cut that to 15,000 faults and no `madvise`. Memory stays bounded:
 * each index is freed before the next is built, and its freed pages are what the next one reuses.
 */
export const ALLOCATOR_SETTINGS = 'dirty_decay_ms:-1,muzzy_decay_ms:-1,thp:always,metadata_thp:always';

/**
 * Read by the Pagefind process from its environment, which it inherits when the first createIndex starts it.
 * Both are Pagefind 1.6 internals: an unknown variable, or an allocator setting another build does not know, is
 * ignored, not an error (tests/search/pagefindEnvironment.test.ts checks that this binary reads both).
 */
export const PAGEFIND_ENVIRONMENT: Readonly<Record<string, string>> = {
  PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_POSITIONS),
  _RJEM_MALLOC_CONF: ALLOCATOR_SETTINGS,
};

/** Sets each variable not already set (a value given to measure wins) and returns how to undo that. */
export function applyPagefindEnvironment(env: NodeJS.ProcessEnv = process.env): () => void {
  const added = Object.keys(PAGEFIND_ENVIRONMENT).filter((name) => env[name] === undefined);
  for (const name of added) env[name] = PAGEFIND_ENVIRONMENT[name];
  return () => {
    for (const name of added) delete env[name];
  };
}

/**
 * Pagefind also writes its Default, Modular and Component UIs and a highlighter. The search page uses none
 * of them, and the Default UI renders filter values as HTML, so they must not be there for anyone to load.
 */
const UNUSED_UI_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;
/** Every index is written with a copy of the runtime; the search page loads only the root's. */
const RUNTIME_FILES = /^(pagefind\.js|pagefind-worker\.js|wasm\.[\w-]+\.pagefind)$/;

/**
 * Changes to Pagefind's runtime, each checked to match as often as expected, so a Pagefind upgrade that moves the
 * code fails the build instead of silently misordering or slowing results.
 */
interface RuntimePatch {
  file: 'pagefind.js' | 'pagefind-worker.js';
  /** What the code does, for the message when it is not found. */
  what: string;
  pattern: RegExp;
  expected: number;
  replacement: string;
}

/**
 * Pagefind's merged search sorts all results by score, and under a sort a result's score is its rank within
 * its own index (0, 1, 2 … in each year), so newest-first would interleave the years. Sorting each index's
 * results on its own keeps them in index order: newest year first, each year in Pagefind's order. (The search
 * page ranks by relevance itself, templates/assets/search/archive.js.)
 */
const MERGED_SCORE_SORT = /\.flatMap\(\(s\)=>s\.results\)\.sort\(\(a,b\)=>b\.score-a\.score\)/g;
const SORT_WITHIN_EACH_INDEX = '.flatMap((s)=>s.results.sort((a,b)=>b.score-a.score))';

/**
 * The worker hands the page every result with the position of every word it matched (`words`). The page asks only
 * whether there is one (a page that matched in its metadata alone has none), and a common word's thousands of
 * position lists, copied to the page and unpacked there on a phone's slow CPU, made a warm two-word search at 10,000
 * records take 0.6 s. The worker keeps the full list for the excerpt; the page gets the first position. Twice: for
 * search and for debouncedSearch.
 */
const RESULT_HANDED_TO_PAGE = /registerDataCallback\(instanceId,dataId,dataFn\);result\.data=dataId;/g;
const RESULT_WITH_FIRST_WORD = 'registerDataCallback(instanceId,dataId,dataFn);result.data=dataId;result.words=result.words.slice(0,1);';

const RUNTIME_PATCHES: readonly RuntimePatch[] = [
  { file: 'pagefind.js', what: 'merged-result sorts (check how it merges the yearly indexes)', pattern: MERGED_SCORE_SORT, expected: 1, replacement: SORT_WITHIN_EACH_INDEX },
  { file: 'pagefind-worker.js', what: 'merged-result sorts (check how it merges the yearly indexes)', pattern: MERGED_SCORE_SORT, expected: 1, replacement: SORT_WITHIN_EACH_INDEX },
  { file: 'pagefind-worker.js', what: 'places where the worker hands a result to the page', pattern: RESULT_HANDED_TO_PAGE, expected: 2, replacement: RESULT_WITH_FIRST_WORD },
];

export async function indexSite(siteDir: string, records: readonly SearchRecord[], options: IndexOptions = {}): Promise<IndexResult> {
  const outputRoot = join(resolve(siteDir), 'pagefind');
  const errors: string[] = [];
  const written: IndexedBucket[] = [];
  const restoreEnvironment = applyPagefindEnvironment();
  try {
    // The folder is Pagefind's alone; an index left from an earlier run would be merged with this one.
    await rm(outputRoot, { recursive: true, force: true });
    if (records.length === 0) errors.push('pagefind: the site has no records, so search would find nothing');
    for (const bucket of bucketsNewestFirst(records, options.maxPagesPerIndex)) {
      const folder = written.length === 0 ? '' : bucket.name;
      const outputPath = join(outputRoot, folder);
      const indexed = await indexBucket(bucket.records, outputPath);
      errors.push(...indexed.errors);
      written.push({ folder, outputPath, records: bucket.records, characters: indexed.characters });
    }
    if (errors.length === 0) {
      const olderIndexes = written.slice(1).map((bucket) => bucket.folder);
      await removeFiles(outputRoot, UNUSED_UI_FILES);
      for (const name of olderIndexes) await removeFiles(join(outputRoot, name), new RegExp(`${UNUSED_UI_FILES.source}|${RUNTIME_FILES.source}`));
      errors.push(...(await patchRuntime(outputRoot)));
      const version = await versionOf(written);
      errors.push(...writeCharacterIndex(outputRoot, version, written, options.idsPerFile));
      await writeManifest(outputRoot, version, olderIndexes, records);
      await preloadIndexOnSearchPage(resolve(siteDir));
    }
  } catch (error) {
    errors.push(`pagefind: ${(error as Error).message}`);
  } finally {
    await pagefind.close().catch(() => undefined);
    restoreEnvironment();
  }
  return { errors };
}

export interface Bucket {
  name: string;
  records: SearchRecord[];
}

/**
 * Pagefind's memory follows the pages of the index it is writing (about 1 GB for 2,600 record pages), so
 * however large or dense the archive, no index holds more pages than this.
 */
export const MAX_PAGES_PER_INDEX = 3000;

/**
 * Whole years are grouped, newest first, up to `max` records (`2021-2025`); a year with more becomes parts of
 * consecutive dates (`2024-part2`, then `2024-part1`). Within an index, records are in date order.
 */
export function bucketsNewestFirst(records: readonly SearchRecord[], max = MAX_PAGES_PER_INDEX): Bucket[] {
  const byYear = new Map<string, SearchRecord[]>();
  // Sorted, so Pagefind sees records in the same order on every build and writes the same index.
  const sorted = [...records].sort(byDateThenUrl);
  for (const record of sorted) {
    const year = record.date.slice(0, 4);
    const list = byYear.get(year);
    if (list) list.push(record);
    else byYear.set(year, [record]);
  }
  const buckets: Bucket[] = [];
  let years: string[] = [];
  let pending: SearchRecord[] = [];
  const flush = () => {
    if (years.length === 0) return;
    buckets.push({ name: years.length === 1 ? years[0]! : `${years.at(-1)}-${years[0]}`, records: pending });
    years = [];
    pending = [];
  };
  for (const year of [...byYear.keys()].sort().reverse()) {
    const yearRecords = byYear.get(year)!;
    if (pending.length + yearRecords.length > max) flush();
    if (yearRecords.length <= max) {
      years.push(year);
      pending = [...yearRecords, ...pending];
      continue;
    }
    const parts = Math.ceil(yearRecords.length / max);
    const size = Math.ceil(yearRecords.length / parts);
    for (let part = parts; part >= 1; part--) {
      buckets.push({ name: `${year}-part${part}`, records: yearRecords.slice((part - 1) * size, part * size) });
    }
  }
  flush();
  return buckets;
}

/**
 * What Pagefind indexes of a record: its searchable parts as index tokens, a break token between parts so that no
 * phrase matches across them. Pagefind stores this text as the record's fragment; excerpts.js turns it back into
 * readable excerpts. The record's Han characters are collected into `characters`, when given.
 */
export function indexedText(record: Pick<SearchRecord, 'parts'>, characters?: Set<string>): string {
  return record.parts
    .map((part) => indexTokens(part, characters).join(' '))
    .filter(Boolean)
    .join(` ${BREAK_TOKEN} `);
}

const RECORDS_PER_BATCH = 100;

interface IndexedRecords {
  errors: string[];
  /** Each record's distinct Han characters, joined, for the character index. */
  characters: string[];
}

async function indexBucket(records: SearchRecord[], outputPath: string): Promise<IndexedRecords> {
  const characters: string[] = [];
  const created = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
  const errors = created.errors.map((e) => `pagefind: ${e}`);
  const index = created.index;
  if (!index) return { errors: errors.length ? errors : ['pagefind: could not create an index'], characters };
  try {
    // Pagefind's service takes messages one at a time, in the order sent, so records can be sent in batches
    // without waiting for each answer: the index is the same, and neither process wakes up once per record.
    for (let start = 0; start < records.length; start += RECORDS_PER_BATCH) {
      const batch = records.slice(start, start + RECORDS_PER_BATCH).map((record) => {
        const seen = new Set<string>();
        const added = index.addCustomRecord({
          url: record.url,
          content: indexedText(record, seen),
          language: INDEX_LANGUAGE,
          meta: recordMeta(record),
          filters: recordFilters(record),
          sort: { date: record.date } satisfies RecordSort,
        });
        characters.push([...seen].join(''));
        return added.then((result) => result.errors.map((e) => `pagefind: ${record.url}: ${e}`));
      });
      for (const recordErrors of await Promise.all(batch)) errors.push(...recordErrors);
    }
    const written = await index.writeFiles({ outputPath });
    errors.push(...written.errors.map((e) => `pagefind: ${e}`));
  } finally {
    // Frees these years' records in the Pagefind process before the next ones are added.
    await index.deleteIndex();
  }
  return { errors, characters };
}

/** What a result shows (src/search/contract.ts, read by templates/assets/search/page.js). */
export function recordMeta(record: SearchRecord): RecordMeta {
  return { title: record.title, date: record.displayDate, column: record.shownColumn };
}

export function recordFilters(record: SearchRecord): RecordFilters {
  return { column: [record.column], year: [record.date.slice(0, 4)], kind: [record.kind] };
}

async function removeFiles(dir: string, pattern: RegExp): Promise<void> {
  for (const name of await readdir(dir)) {
    if (pattern.test(name)) await rm(join(dir, name));
  }
}

async function patchRuntime(outputRoot: string): Promise<string[]> {
  const errors: string[] = [];
  for (const patch of RUNTIME_PATCHES) {
    const path = join(outputRoot, patch.file);
    const source = await readFile(path, 'utf8');
    const found = source.match(patch.pattern)?.length ?? 0;
    if (found !== patch.expected) {
      errors.push(
        `pagefind: ${patch.file} of this Pagefind version has ${found} ${patch.what} where ${patch.expected} ${patch.expected === 1 ? 'was' : 'were'} expected; ` +
          'see src/search/indexSite.ts before upgrading',
      );
      continue;
    }
    await writeFile(path, source.replace(patch.pattern, patch.replacement));
  }
  return errors;
}

/** Pagefind names its files by their content and lists them in each index's entry file. */
async function versionOf(buckets: readonly IndexedBucket[]): Promise<string> {
  const hash = createHash('sha1');
  for (const bucket of buckets) hash.update(bucket.folder).update('\0').update(await readFile(join(bucket.outputPath, 'pagefind-entry.json')));
  return hash.digest('hex').slice(0, 12);
}

/**
 * Pagefind's `filters()` downloads every filter's page lists (72 KB on a 10,000-article archive) just to
 * name the values, before the first search; the page needs only the names.
 */
async function writeManifest(outputRoot: string, version: string, indexes: string[], records: readonly SearchRecord[]): Promise<void> {
  const manifest: SearchManifest = {
    version,
    indexes,
    column: [...new Set(records.map((r) => r.column))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    year: [...new Set(records.map((r) => r.date.slice(0, 4)))].sort().reverse(),
  };
  await writeFile(join(outputRoot, SEARCH_MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
}
