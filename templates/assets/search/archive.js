// @ts-check
// The Pagefind merge: loading Pagefind's runtime with the archive's indexes, and running a planned query (query.js)
// against it and the character index (characters.js).
//
// The build writes the newest years in `pagefind/` and older ones beside it (src/search/indexSite.ts). Each index
// Pagefind merges costs its metadata (a list of every page and chunk, ≈ 40 KiB at 3,000 records) before any word
// is looked up, so the page loads the newest index alone when it opens (loadSearch) and lists its results first; it
// merges the older ones (mergeOlder) into a second instance only once a first search is under way, one at a time
// until the first page of results is full: on a slow phone line the first answer then waits for one index's
// metadata, not four, and every later search's first page for one word chunk, not four.
import { pageIds, recordFragment, recordsWithCharacter } from './characters.js';
import { loadManifest, siteRoot } from './files.js';
import { queryPhrases } from './query.js';
import { INDEX_LANGUAGE } from './shared.js';

/** @typedef {import('../../../src/search/contract.js').RecordFragment} RecordFragment */
/** @typedef {import('../../../src/search/contract.js').SearchFilters} SearchFilters */
/** @typedef {import('../../../src/search/contract.js').SearchManifest} SearchManifest */
/** @typedef {import('./query.js').Phrase} Phrase */

/**
 * What the page uses of Pagefind's runtime (pagefind/pagefind.js, Pagefind 1.6).
 * @typedef {object} PagefindResult
 * @property {string} id
 * @property {number} score
 * @property {number[]} words
 * @property {() => Promise<RecordFragment>} data
 *
 * @typedef {object} PagefindSearchOptions
 * @property {SearchFilters} [filters]
 * @property {Record<string, 'asc' | 'desc'>} [sort]
 *
 * @typedef {object} Pagefind
 * @property {(options: Record<string, unknown>) => Promise<void>} options
 * @property {() => Promise<void>} init
 * @property {(path: string, options?: Record<string, unknown>) => Promise<void>} mergeIndex
 * @property {(query: string, options?: PagefindSearchOptions) => Promise<{ results: PagefindResult[] } | null>} search
 *
 * The runtime's module: its functions drive its default instance, and createInstance makes another in the same worker.
 * @typedef {Pagefind & { createInstance: (options: Record<string, unknown>) => Pagefind }} PagefindModule
 */

/**
 * A search's answer: each result's data() loads its fragment when the page shows it.
 * @typedef {object} Found
 * @property {Phrase[]} phrases
 * @property {{ id: string | null, score: number, data: () => Promise<RecordFragment> }[]} results
 * @property {boolean} whole whether every index answered (a query of lone characters needs no Pagefind index)
 */

/** @type {Promise<{ pagefind: PagefindModule, manifest: SearchManifest }> | null} */
let searchLoading = null;

/**
 * The newest index alone (Pagefind's default instance, which loadSearch starts), and the newest index with the older
 * ones merged in (a second instance in the same worker, which mergeOlder starts): a search lists its first page from
 * the newest index's one word chunk, without waiting for every older index's chunk of the same word.
 * @param {URL} [root]
 */
export function loadSearch(root = siteRoot) {
  searchLoading ??= Promise.all([loadManifest(root), /** @type {Promise<PagefindModule>} */ (import(new URL('pagefind/pagefind.js', root).href))]).then(
    async ([manifest, pagefind]) => {
      await pagefind.options(instanceOptions(manifest));
      // init() starts the worker, which loads the newest index's entry, metadata and wasm at once, unasked.
      await inIndexLanguage(() => pagefind.init());
      claimWorkerPreloads();
      return { pagefind, manifest };
    },
  );
  return searchLoading;
}

/**
 * Pagefind asks for each index's entry file with a query that defeats caching (`?ts=` and the time) unless given a
 * tag; the manifest's version changes whenever an entry does, and the search page preloads the entries under it
 * (src/search/searchPagePreloads.ts), so the worker need not wait a round trip for them.
 * @param {SearchManifest} manifest
 */
const instanceOptions = (manifest) => ({ excerptLength: 1, metaCacheTag: manifest.version });

/**
 * Pagefind cuts queries by the page's <html lang> (zh-CN would split the pair 商竞 into 商 + 竞) and reads it once,
 * synchronously, when an instance is created; the page's language is back a moment later.
 * @template T
 * @param {() => Promise<T>} create
 * @returns {Promise<T>}
 */
function inIndexLanguage(create) {
  const html = document.documentElement;
  const pageLanguage = html.getAttribute('lang');
  html.setAttribute('lang', INDEX_LANGUAGE);
  try {
    return create();
  } finally {
    if (pageLanguage === null) html.removeAttribute('lang');
    else html.setAttribute('lang', pageLanguage);
  }
}

/**
 * The search page preloads the files Pagefind's worker asks for first (templates/search.ts); the worker finds them in
 * the HTTP cache, but Chromium counts a preload as used only when the page itself asks for it, and warns in the
 * console a few seconds after load that it was not. Once the worker has what it needs, the page asks for each from
 * its own preload cache (no request goes out) and drops it. The manifest, which the page reads itself, is not one.
 */
function claimWorkerPreloads() {
  for (const link of document.querySelectorAll('link[rel="preload"][data-worker-preload]')) {
    // Read to the end: a response dropped halfway is a failed request in the browser's eyes.
    fetch(/** @type {HTMLLinkElement} */ (link).href)
      .then((response) => response.arrayBuffer())
      .catch(() => undefined);
  }
}

/** @type {Pagefind | null} */
let archive = null;
/** How many of the manifest's older indexes `archive` holds, newest first; merges run one after another. */
let olderMergedCount = 0;
/** @type {Promise<unknown>} */
let merging = Promise.resolve();

/**
 * Merges the next older index (`count` = 1) or all that are left (`count` = Infinity) into the archive's instance, in
 * the manifest's order, newest first, and resolves to that instance: the merged search keeps that order, and within
 * each index Pagefind's own sort, so a newest-first list stays newest first. An index whose merge failed is asked
 * for again by the next call. A site with one index has no archive instance: its newest index is the whole archive.
 *
 * One at a time lets a rare word's first results show as soon as the index holding them has loaded: on a phone line
 * each index's metadata (≈ 40 KiB at 3,000 records) takes a quarter of a second, and three loaded side by side all
 * arrive at the end. All at once is for the count, once the first page is full.
 * @param {number} count
 * @param {URL} [root]
 * @returns {Promise<Pagefind>}
 */
export function mergeOlder(count = Infinity, root = siteRoot) {
  const next = merging.then(async () => {
    const { pagefind, manifest } = await loadSearch(root);
    if (manifest.indexes.length === 0) return pagefind;
    if (!archive) {
      const created = inIndexLanguage(async () => pagefind.createInstance(instanceOptions(manifest)));
      await (await created).init();
      archive = await created;
    }
    const names = manifest.indexes.slice(olderMergedCount, olderMergedCount + count);
    // Pagefind registers each index as its request arrives, before loading anything, so these may run at once.
    const instance = archive;
    await Promise.all(names.map((name) => instance.mergeIndex(new URL(`pagefind/${name}/`, root).pathname, { language: INDEX_LANGUAGE, ...instanceOptions(manifest) })));
    olderMergedCount += names.length;
    return instance;
  });
  merging = next.catch(() => undefined);
  return next;
}

/**
 * The archive's instance if every older index is merged into it already (a search has needed them before), else null.
 * @param {URL} [root]
 * @returns {Promise<Pagefind | null>}
 */
export async function mergedArchive(root = siteRoot) {
  const { manifest } = await loadSearch(root);
  return archive && olderMergedCount === manifest.indexes.length ? archive : null;
}

/**
 * Pagefind with every index merged.
 * @param {URL} [root]
 */
export function loadPagefind(root = siteRoot) {
  return mergeOlder(Infinity, root);
}

/**
 * Whether a search of this instance answers for the whole archive.
 * @param {Pagefind} pagefind
 * @param {URL} root
 */
async function answersForWholeArchive(pagefind, root) {
  const { pagefind: newest, manifest } = await loadSearch(root);
  return pagefind === newest ? manifest.indexes.length === 0 : olderMergedCount === manifest.indexes.length;
}

/**
 * Runs a query against Pagefind: one search per phrase, intersected. Results that matched only in metadata (a date
 * such as 2023-11-02 is indexed as words too) are dropped, since every searchable word is in the body.
 * `sort` is 'date' (newest first) or 'relevance'.
 * @param {Pagefind} pagefind
 * @param {string} query
 * @param {{ filters?: SearchFilters, sort?: string, root?: URL }} [options]
 * @returns {Promise<Found>}
 */
export async function searchArchive(pagefind, query, { filters = {}, sort = 'date', root = siteRoot } = {}) {
  const phrases = queryPhrases(query);
  const whole = await answersForWholeArchive(pagefind, root);
  if (phrases.length === 0) return { phrases, results: [], whole: true };
  // Record numbers holding every lone character asked for, newest first; null when none was asked for.
  /** @type {number[] | null} */
  let numbers = null;
  for (const phrase of phrases) {
    if (!phrase.character) continue;
    const found = await recordsWithCharacter(phrase.character, filters, root);
    /** @type {Set<number> | null} */
    const kept = numbers === null ? null : new Set(numbers);
    numbers = kept === null ? found : found.filter((n) => kept.has(n));
    if (numbers.length === 0) return { phrases, results: [], whole: true };
  }
  const words = phrases.filter((p) => !p.character);
  if (words.length === 0) {
    return { phrases, results: (numbers ?? []).map((n) => ({ id: null, score: 0, data: () => recordFragment(n, root) })), whole: true };
  }

  const byRelevance = sort !== 'date';
  /** @type {PagefindSearchOptions} */
  const options = { filters, sort: byRelevance ? {} : { date: 'desc' } };
  /** @type {Found['results'] | null} */
  let merged = null;
  // Every phrase at once: each waits a round trip for its word chunks, and one after another they added up.
  for (const hits of await Promise.all(words.map((phrase) => pagefindHits(pagefind, phrase, options, byRelevance)))) {
    if (merged === null) {
      // data() closes over the result itself, not only its bound data(): Pagefind's worker frees a result's data
      // once the result object is garbage-collected, and a reader may ask for more results long after this search.
      merged = [...hits.values()].map((r) => ({ id: r.id, score: r.score, data: () => r.result.data() }));
    } else {
      merged = merged.filter((r) => r.id !== null && hits.has(r.id));
      for (const r of merged) r.score += /** @type {Hit} */ (hits.get(/** @type {string} */ (r.id))).score;
    }
    if (merged.length === 0) break;
  }
  let results = merged ?? [];
  if (numbers !== null && results.length > 0) {
    const ids = new Set(await pageIds(numbers, root));
    results = results.filter((r) => r.id !== null && ids.has(r.id));
  }
  if (byRelevance) results.sort((a, b) => b.score - a.score);
  return { phrases, results, whole };
}

/** @typedef {{ id: string, score: number, result: PagefindResult }} Hit */

/**
 * The pages holding a phrase, in Pagefind's order, by id, each with its result and its ranking score.
 * @param {Pagefind} pagefind
 * @param {Phrase} phrase
 * @param {PagefindSearchOptions} options
 * @param {boolean} byRelevance
 * @returns {Promise<Map<string, Hit>>}
 */
async function pagefindHits(pagefind, phrase, options, byRelevance) {
  const found = await pagefind.search(/** @type {string} */ (phrase.pagefindQuery), options);
  const score = byRelevance ? await rankingScores(pagefind, phrase, options) : new Map();
  /** @type {Map<string, Hit>} */
  const hits = new Map();
  for (const result of found?.results ?? []) {
    if (result.words.length > 0) hits.set(result.id, { id: result.id, score: score.get(result.id) ?? result.score, result });
  }
  return hits;
}

/**
 * Pagefind scores every page of an exact phrase search alike, so relevance comes from the same pairs searched
 * loosely, which Pagefind ranks by how often and how densely they occur (BM25). Its chunks are loaded already.
 * @param {Pagefind} pagefind
 * @param {Phrase} phrase
 * @param {PagefindSearchOptions} options
 * @returns {Promise<Map<string, number>>}
 */
async function rankingScores(pagefind, phrase, options) {
  if (!phrase.rankQuery) return new Map();
  const loose = await pagefind.search(phrase.rankQuery, options);
  return new Map((loose?.results ?? []).map((r) => [r.id, r.score]));
}
