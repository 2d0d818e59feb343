// @ts-check
// Query planning: what a typed query asks of the index. A query is cut as the build cuts text (shared.js) and
// searched as quoted phrases of pairs, one Pagefind search per phrase; a lone Chinese character is looked up in the
// character index instead (characters.js).
import { isHan, pairTokens, tokenize } from './shared.js';

/**
 * @typedef {object} Phrase
 * @property {string[]} units characters and words, lower-cased (for highlighting)
 * @property {string} [character] a lone Han character, looked up in the character index
 * @property {string} [pagefindQuery] the quoted phrase Pagefind is asked
 * @property {string} [rankQuery] the same pairs unquoted, which Pagefind ranks (archive.js rankingScores)
 */

/** @param {string} token */
const isSearchable = (token) => /[\p{L}\p{N}]/u.test(token);

/**
 * The phrases a query asks for. Words separated by spaces must all appear; punctuation inside a word splits it too,
 * because Pagefind drops punctuation from queries.
 * @param {string} query
 * @returns {Phrase[]}
 */
export function queryPhrases(query) {
  /** @type {Phrase[]} */
  const phrases = [];
  for (const word of query.trim().split(/\s+/u)) {
    /** @type {string[]} */
    let run = [];
    const flush = () => {
      if (run.length > 0) phrases.push(...phrasesOf(run.map((u) => u.toLowerCase())));
      run = [];
    };
    for (const unit of tokenize(word)) {
      if (isSearchable(unit)) run.push(unit);
      else flush();
    }
    flush();
  }
  const seen = new Set();
  /** @param {Phrase} p */
  const key = (p) => p.character ?? p.pagefindQuery;
  return phrases.filter((p) => !seen.has(key(p)) && seen.add(key(p)));
}

/**
 * A lone Han character is looked up in the character index (`character`), not in Pagefind. A lone number or Latin
 * word is searched whole: where no indexed word starts with it, Pagefind's prefix search falls back to the longest
 * word it starts with, so 12399 would find every page with 12 in a date. Anything longer is the exact phrase of its
 * tokens, cut as the index cuts text (shared.js pairTokens).
 * @param {string[]} units
 * @returns {Phrase[]}
 */
function phrasesOf(units) {
  const n = units.length;
  const only = /** @type {string} */ (units[0]);
  if (n === 1 && isHan(only)) return [{ units, character: only }];
  if (n === 1) return [{ units, pagefindQuery: `"${only}"`, rankQuery: only }];
  // 2024年: the 年 may be 年度 in the text, where it has no token of its own, so it is searched on its own.
  if (isHan(units[n - 1]) && !isHan(units[n - 2])) return [...phrasesOf(units.slice(0, -1)), ...phrasesOf(units.slice(-1))];
  // 布2023: the 布 may end 发布 in the text, where it has no token of its own either.
  if (isHan(units[0]) && !isHan(units[1])) return [...phrasesOf(units.slice(0, 1)), ...phrasesOf(units.slice(1))];
  const keys = pairTokens(units);
  return [{ units, pagefindQuery: `"${keys.join(' ')}"`, rankQuery: keys.join(' ') }];
}
