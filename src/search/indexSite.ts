// Indexes the rendered site with Pagefind into `<siteDir>/pagefind/`, in indexes of consecutive years of at most
// MAX_PAGES_PER_INDEX record pages. Only record pages (articles and briefs, which carry `data-pagefind-body`) are
// indexed, and what Pagefind reads of them is our search text expanded into character pairs (see tokens.ts and
// pageExtras.ts), so the pages themselves carry each character once.
//
// Why several indexes: Pagefind builds an index in memory, and one index of the whole archive grows with it
// (2.1–2.9 GB at 10,000 records, 14 GB at 50,000 with Chinese segmentation; bench/README.md). Writing a few
// years at a time holds only their pages, then frees them. Why not one per year: the browser loads each merged
// index's metadata and, for every word searched, a chunk from each; twenty yearly indexes tripled what a search
// downloads. The newest index sits in `pagefind/` itself, with Pagefind's runtime; each older one in
// `pagefind/<years>/`, and the search page merges them (Pagefind's mergeIndex).
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { searchDocument } from './pageExtras.js';

/**
 * The index holds our own search tokens, not prose for a word segmenter: under a zh language Pagefind would
 * cut the pairs apart again (Intl.Segmenter in the browser splits the pair 商竞 into 商 + 竞). `und`
 * (undetermined) turns segmentation and stemming off on both sides; forcing one language also keeps a stray
 * `lang` from splitting the index in two.
 */
export const INDEX_LANGUAGE = 'und';

export interface IndexResult {
  errors: string[];
}

export interface IndexOptions {
  /** Lower only to test merging on a small site. */
  maxPagesPerIndex?: number;
}

/**
 * Pagefind cuts each index's word list into chunks of about this many word positions, and a search downloads the
 * whole chunk holding each word it looks up. Pagefind's default (20,000) made a later search on a 10,000-record
 * archive download a median 73 KiB; 2,000 halves that, at a few more files. Pagefind reads it from its
 * environment (`PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`, Pagefind 1.6); an unknown setting is ignored, not an error.
 */
export const INDEX_CHUNK_POSITIONS = 2000;
const CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/** Written beside Pagefind's files: what the search page needs before its first search. */
export const SEARCH_MANIFEST_FILE = 'search-manifest.json';
export interface SearchManifest {
  /** Folders under `pagefind/` holding the older years' indexes, newest first, to merge into the root one. */
  indexes: string[];
  column: string[];
  year: string[];
}

/**
 * Pagefind also writes its Default, Modular and Component UIs and a highlighter. The search page uses none
 * of them, and the Default UI renders filter values as HTML, so they must not be there for anyone to load.
 */
const UNUSED_UI_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;
/** Every index is written with a copy of the runtime; the search page loads only the root's. */
const RUNTIME_FILES = /^(pagefind\.js|pagefind-worker\.js|wasm\.[\w-]+\.pagefind)$/;

/** The filters the search page offers; it reads their values from the manifest (see below). */
const OFFERED_FILTERS = ['column', 'year'] as const;
const FILTER_ATTRIBUTE = /data-pagefind-filter="([a-z]+):([^"]*)"/g;

/**
 * Pagefind's merged search sorts all results by score, and under a sort a result's score is its rank within
 * its own index (0, 1, 2 … in each year), so newest-first would interleave the years. Sorting each index's
 * results on its own keeps them in index order: newest year first, each year in Pagefind's order. (The search
 * page ranks by relevance itself, search.js.) Checked to match exactly once, so a Pagefind upgrade that moves
 * this code fails the build instead of silently misordering results.
 */
const MERGED_SCORE_SORT = /\.flatMap\(\(s\)=>s\.results\)\.sort\(\(a,b\)=>b\.score-a\.score\)/g;
const SORT_WITHIN_EACH_INDEX = '.flatMap((s)=>s.results.sort((a,b)=>b.score-a.score))';
const PATCHED_RUNTIME_FILES = ['pagefind.js', 'pagefind-worker.js'];

export async function indexSite(siteDir: string, options: IndexOptions = {}): Promise<IndexResult> {
  const root = resolve(siteDir);
  const outputRoot = join(root, 'pagefind');
  const errors: string[] = [];
  const filterValues = new Map<string, Set<string>>(OFFERED_FILTERS.map((name) => [name, new Set<string>()]));
  const olderIndexes: string[] = [];
  let rootWritten = false;
  // Read by the Pagefind process, which the first createIndex starts; a value already set (to measure) wins.
  const chunkSetting = process.env[CHUNK_SIZE_VARIABLE];
  process.env[CHUNK_SIZE_VARIABLE] ??= String(INDEX_CHUNK_POSITIONS);
  try {
    // The folder is Pagefind's alone; an index left from an earlier run would be merged with this one.
    await rm(outputRoot, { recursive: true, force: true });
    for (const bucket of bucketsNewestFirst(root, await htmlFiles(root), options.maxPagesPerIndex)) {
      const outputPath = rootWritten ? join(outputRoot, bucket.name) : outputRoot;
      const written = await indexBucket(root, bucket.files, outputPath, filterValues);
      errors.push(...written.errors);
      if (written.pages === 0) continue;
      if (rootWritten) olderIndexes.push(bucket.name);
      rootWritten = true;
    }
    if (errors.length === 0 && !rootWritten) {
      errors.push(`pagefind: no page in ${root} has data-pagefind-body, so search would find nothing`);
    }
    if (errors.length === 0) {
      await removeFiles(outputRoot, UNUSED_UI_FILES);
      for (const name of olderIndexes) await removeFiles(join(outputRoot, name), new RegExp(`${UNUSED_UI_FILES.source}|${RUNTIME_FILES.source}`));
      errors.push(...(await keepMergedResultsInIndexOrder(outputRoot)));
      await writeManifest(outputRoot, olderIndexes, filterValues);
    }
  } catch (error) {
    errors.push(`pagefind: ${(error as Error).message}`);
  } finally {
    await pagefind.close().catch(() => undefined);
    if (chunkSetting === undefined) delete process.env[CHUNK_SIZE_VARIABLE];
  }
  return { errors };
}

export interface Bucket {
  name: string;
  files: string[];
}

/**
 * Pagefind's memory follows the pages of the index it is writing (about 1 GB for 2,600 record pages), so
 * however large or dense the archive, no index holds more pages than this.
 */
export const MAX_PAGES_PER_INDEX = 3000;

/**
 * Record pages live under `/<year>/MM/DD/`, so the first folder of a page's path names its year, and sorted
 * paths are in date order. Whole years are grouped, newest first, up to `max` pages (`2021-2025`); a year with
 * more becomes parts of consecutive dates (`2024-part2`, then `2024-part1`). Pages anywhere else (none today)
 * share one more index, merged last.
 */
export function bucketsNewestFirst(root: string, files: string[], max = MAX_PAGES_PER_INDEX): Bucket[] {
  const byYear = new Map<string, string[]>();
  const elsewhere: string[] = [];
  for (const file of files) {
    const first = relative(root, file).split(sep)[0]!;
    if (!/^\d{4}$/.test(first)) elsewhere.push(file);
    else if (byYear.has(first)) byYear.get(first)!.push(file);
    else byYear.set(first, [file]);
  }
  const buckets: Bucket[] = [];
  let years: string[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (years.length === 0) return;
    buckets.push({ name: years.length === 1 ? years[0]! : `${years.at(-1)}-${years[0]}`, files: pending });
    years = [];
    pending = [];
  };
  for (const year of [...byYear.keys()].sort().reverse()) {
    const yearFiles = byYear.get(year)!;
    if (pending.length + yearFiles.length > max) flush();
    if (yearFiles.length <= max) {
      years.push(year);
      pending = [...yearFiles, ...pending];
      continue;
    }
    const parts = Math.ceil(yearFiles.length / max);
    const size = Math.ceil(yearFiles.length / parts);
    for (let part = parts; part >= 1; part--) {
      buckets.push({ name: `${year}-part${part}`, files: yearFiles.slice((part - 1) * size, part * size) });
    }
  }
  flush();
  if (elsewhere.length > 0) buckets.push({ name: 'other', files: elsewhere });
  return buckets;
}

async function indexBucket(
  root: string,
  files: string[],
  outputPath: string,
  filterValues: Map<string, Set<string>>,
): Promise<{ pages: number; errors: string[] }> {
  const errors: string[] = [];
  let pages = 0;
  const created = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
  errors.push(...created.errors.map((e) => `pagefind: ${e}`));
  const index = created.index;
  if (!index) return { pages, errors: errors.length ? errors : ['pagefind: could not create an index'] };
  try {
    for (const file of files) {
      const html = await readFile(file, 'utf8');
      if (!html.includes('data-pagefind-body')) continue;
      for (const [, name, value] of html.matchAll(FILTER_ATTRIBUTE)) filterValues.get(name!)?.add(unescapeHtml(value!));
      const document = searchDocument(html);
      if (document === null) {
        errors.push(`pagefind: ${relative(root, file)}: a record page must hold exactly one search text (src/search/pageExtras.ts)`);
        continue;
      }
      const added = await index.addHTMLFile({ url: pageUrl(root, file), content: document });
      errors.push(...added.errors.map((e) => `pagefind: ${relative(root, file)}: ${e}`));
      pages += 1;
    }
    if (pages > 0) {
      const written = await index.writeFiles({ outputPath });
      errors.push(...written.errors.map((e) => `pagefind: ${e}`));
    }
  } finally {
    // Frees this year's pages in the Pagefind process before the next year is read.
    await index.deleteIndex();
  }
  return { pages, errors };
}

/** `2023/11/02/ab12cd34/index.html` → `/2023/11/02/ab12cd34/`, as Pagefind's own directory walk would say. */
function pageUrl(root: string, file: string): string {
  const path = `/${relative(root, file).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'pagefind') files.push(...(await htmlFiles(path)));
    } else if (entry.name.endsWith('.html')) files.push(path);
  }
  // Sorted, so Pagefind sees pages in the same order on every build and writes the same index.
  return files.sort();
}

async function removeFiles(dir: string, pattern: RegExp): Promise<void> {
  for (const name of await readdir(dir)) {
    if (pattern.test(name)) await rm(join(dir, name));
  }
}

async function keepMergedResultsInIndexOrder(outputRoot: string): Promise<string[]> {
  const errors: string[] = [];
  for (const name of PATCHED_RUNTIME_FILES) {
    const path = join(outputRoot, name);
    const source = await readFile(path, 'utf8');
    const found = source.match(MERGED_SCORE_SORT)?.length ?? 0;
    if (found !== 1) {
      errors.push(
        `pagefind: ${name} of this Pagefind version has ${found} merged-result sorts where 1 was expected; ` +
          'check how it merges the yearly indexes (src/search/indexSite.ts) before upgrading',
      );
      continue;
    }
    await writeFile(path, source.replace(MERGED_SCORE_SORT, SORT_WITHIN_EACH_INDEX));
  }
  return errors;
}

/**
 * Pagefind's `filters()` downloads every filter's page lists (72 KB on a 10,000-article archive) just to
 * name the values, before the first search; the page needs only the names.
 */
async function writeManifest(outputRoot: string, indexes: string[], values: Map<string, Set<string>>): Promise<void> {
  const manifest: SearchManifest = {
    indexes,
    column: [...values.get('column')!].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    year: [...values.get('year')!].sort().reverse(),
  };
  await writeFile(join(outputRoot, SEARCH_MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
}

export function unescapeHtml(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, code: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (code[0] !== '#') return named[code.toLowerCase()]!;
    return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
  });
}
