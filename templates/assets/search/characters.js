// @ts-check
// One-character lookups, from the files src/search/characterIndex.ts writes under pagefind/characters/<version>/
// (the manifest's version; gzip JSON): records.json.gz (each record's index, date and column, newest first),
// ids/<n>.json.gz (Pagefind page ids of records n·idsPerFile …) and <code point in hex>.json.gz (the records holding
// that character, as gaps). The types of those files are in src/search/contract.ts.
import { fetchInflated, fetchJson, loadManifest, once, siteRoot } from './files.js';
import { CHARACTER_INDEX_DIR } from './shared.js';

/** @typedef {import('../../../src/search/contract.js').CharacterRecords} CharacterRecords */
/** @typedef {import('../../../src/search/contract.js').RecordFragment} RecordFragment */
/** @typedef {import('../../../src/search/contract.js').SearchFilters} SearchFilters */

const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/**
 * @param {URL} root
 * @param {string} name
 */
const characterFile = async (root, name) => new URL(`pagefind/${CHARACTER_INDEX_DIR}/${(await loadManifest(root)).version}/${name}`, root).href;

/**
 * @param {URL} root
 * @returns {Promise<CharacterRecords>}
 */
const characterRecords = async (root) => once(await characterFile(root, 'records.json.gz'), fetchJson());

/**
 * The page ids of the newest records, which hold nearly every first page of results newest first.
 * @param {URL} root
 * @returns {Promise<string[]>}
 */
const firstIdFile = async (root) => once(await characterFile(root, 'ids/0.json.gz'), fetchJson());

/**
 * Loads the files every one-character search reads, whatever the character: the records' list (≈ 16 KiB at 10,000
 * records, and parsed once) and the first id file. Called once a first search is done, so a later one-character
 * search waits for its own list only, not for these too (0.5 s on a phone at 10,000 records, half of it this).
 * @param {URL} [root]
 */
export async function prepareCharacterLookups(root = siteRoot) {
  await Promise.all([characterRecords(root), firstIdFile(root)]);
}

/**
 * Numbers of the records (newest first) that hold `character` and pass the column and year filters.
 * @param {string} character
 * @param {SearchFilters} [filters]
 * @param {URL} [root]
 * @returns {Promise<number[]>}
 */
export async function recordsWithCharacter(character, filters = {}, root = siteRoot) {
  const file = await characterFile(root, `${/** @type {number} */ (character.codePointAt(0)).toString(16)}.json.gz`);
  // Newest first, a character's first page of results is nearly always among the newest records, whose page ids are
  // in the first id file: asked for now, with the character's list, not a round trip after it (pageIds reuses it).
  firstIdFile(root).catch(() => undefined);
  /** @type {[CharacterRecords, number[] | null]} */
  const [records, gaps] = await Promise.all([characterRecords(root), once(file, fetchJson({ missingIsEmpty: true }))]);
  /** @type {number[]} */
  const numbers = [];
  let number = 0;
  for (const [i, gap] of (gaps ?? []).entries()) {
    number = i === 0 ? gap : number + gap;
    if (filters.column && records.columns[/** @type {number} */ (records.column[number])] !== filters.column) continue;
    if (filters.year && records.date[number]?.slice(0, 4) !== filters.year) continue;
    numbers.push(number);
  }
  return numbers;
}

/**
 * Pagefind's page ids of these records, loading only the id files that hold them.
 * @param {number[]} numbers
 * @param {URL} [root]
 * @returns {Promise<string[]>}
 */
export async function pageIds(numbers, root = siteRoot) {
  const { idsPerFile } = await characterRecords(root);
  const files = [...new Set(numbers.map((n) => Math.floor(n / idsPerFile)))];
  /** @type {Map<number, string[]>} */
  const lists = new Map(await Promise.all(files.map(async (f) => /** @type {[number, string[]]} */ ([f, await once(await characterFile(root, `ids/${f}.json.gz`), fetchJson())]))));
  return numbers.map((n) => /** @type {string} */ (lists.get(Math.floor(n / idsPerFile))?.[n % idsPerFile]));
}

/**
 * A record's Pagefind fragment, read as Pagefind's runtime reads it, with its URL under the site's path.
 * @param {number} number
 * @param {URL} [root]
 * @returns {Promise<RecordFragment>}
 */
export async function recordFragment(number, root = siteRoot) {
  const [records, [id]] = await Promise.all([characterRecords(root), pageIds([number], root)]);
  const folder = records.indexes[/** @type {number} */ (records.index[number])];
  const url = new URL(`pagefind/${folder ? `${folder}/` : ''}fragment/${id}.pf_fragment`, root).href;
  return once(url, async () => {
    const bytes = /** @type {Uint8Array} */ (await fetchInflated(url));
    const signed = new TextDecoder().decode(bytes.subarray(0, PAGEFIND_SIGNATURE.length)) === PAGEFIND_SIGNATURE;
    /** @type {RecordFragment} */
    const fragment = JSON.parse(new TextDecoder().decode(signed ? bytes.subarray(PAGEFIND_SIGNATURE.length) : bytes));
    fragment.url = `${root.pathname}${fragment.url.replace(/^\/+/, '')}`;
    return fragment;
  });
}
