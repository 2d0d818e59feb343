// @ts-check
// Fetching what the build wrote beside Pagefind's index: the manifest, and the gzip JSON of the character index.
import { SEARCH_MANIFEST_FILE } from './shared.js';

/** @typedef {import('../../../src/search/contract.js').SearchManifest} SearchManifest */

/** `pagefind/` sits next to `assets/` at the site root, so the root (with any path prefix) comes from this file's URL. */
export const siteRoot = new URL('../../', import.meta.url);

/** @type {Map<string, Promise<any>>} */
const fetched = new Map();

/**
 * One request per file and page, however many searches ask; a failed request may be tried again.
 * @template T
 * @param {string} url
 * @param {(url: string) => Promise<T>} load
 * @returns {Promise<T>}
 */
export function once(url, load) {
  let loading = fetched.get(url);
  if (!loading) {
    loading = load(url).catch((error) => {
      fetched.delete(url);
      throw error;
    });
    fetched.set(url, loading);
  }
  return loading;
}

/**
 * The bytes of a gzip file, inflated here unless the host already did (Content-Encoding), as Pagefind checks too.
 * @param {string} url
 * @param {{ missingIsEmpty?: boolean }} [options]
 * @returns {Promise<Uint8Array | null>} null for a missing file when `missingIsEmpty`
 */
export async function fetchInflated(url, { missingIsEmpty = false } = {}) {
  const response = await fetch(url);
  if (missingIsEmpty && response.status === 404) return null;
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

/**
 * @param {{ missingIsEmpty?: boolean }} [options]
 * @returns {(url: string) => Promise<any>}
 */
export const fetchJson = (options) => async (url) => {
  const bytes = await fetchInflated(url, options);
  return bytes === null ? null : JSON.parse(new TextDecoder().decode(bytes));
};

/**
 * Written at build time by src/search/indexSite.ts; Pagefind's filters() would fetch far more.
 * @param {URL} [root]
 * @returns {Promise<SearchManifest>}
 */
export function loadManifest(root = siteRoot) {
  return once(new URL(`pagefind/${SEARCH_MANIFEST_FILE}`, root).href, fetchManifest);
}

/**
 * @param {string} url
 * @param {RequestInit} [options]
 * @returns {Promise<SearchManifest>}
 */
async function fetchManifest(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`search manifest: HTTP ${response.status}`);
  return response.json();
}

/**
 * Whether the site was rebuilt since this page loaded its index: Pagefind then finds nothing (it logs the missing
 * files and answers with no results) and the character index would not be found either, so an empty or failed
 * search asks this before telling the reader there is nothing.
 * @param {URL} [root]
 */
export async function indexReplaced(root = siteRoot) {
  try {
    const url = new URL(`pagefind/${SEARCH_MANIFEST_FILE}`, root).href;
    const [loaded, now] = await Promise.all([loadManifest(root), fetchManifest(url, { cache: 'no-store' })]);
    return loaded.version !== now.version;
  } catch {
    return false;
  }
}
