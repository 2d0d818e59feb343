// @ts-check
// What the build (src/search/) and the search page must agree on, in the one module both load: the build imports
// it from here, the page is served it from /assets/search/. If the two cut text differently, a phrase can never
// match, so nothing here is copied to the other side.
//
// The index holds each record as overlapping two-character tokens (集体协商 → 集体 体协 协商 商 is left to the last
// pair); src/search/tokens.ts says why.

/**
 * The index holds our own tokens, not prose for a word segmenter: under a zh language Pagefind would cut the pairs
 * apart again (Intl.Segmenter in the browser splits the pair 商竞 into 商 + 竞). `und` (undetermined) turns
 * segmentation and stemming off on both sides.
 */
export const INDEX_LANGUAGE = 'und';

/** Separates fields and paragraphs: it takes a position in the index, so no phrase can match across it. */
export const BREAK_TOKEN = '¶';

/**
 * Where one searchable part ends and the next begins in an excerpt (title, then body): a space there would read as
 * the stray space between Chinese characters that the parser removes everywhere else.
 */
export const PART_SEPARATOR = '｜';

/** The file beside Pagefind's that names this build's indexes and filter values (src/search/contract.ts). */
export const SEARCH_MANIFEST_FILE = 'search-manifest.json';

/** The one-character index's folder under `pagefind/` (src/search/characterIndex.ts). */
export const CHARACTER_INDEX_DIR = 'characters';

// Letters and digits of scripts written with spaces stay whole words (12351, APP); Han, kana and hangul
// characters become one token each.
const SPACED_WORD = /^[\p{L}\p{N}]$/u;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;

// What tokenize does with a character: adds it to a word, drops it, or makes it a token of its own.
const WORD_PART = 1;
const DROPPED = 2;
const ALONE_HAN = 3;
const ALONE_OTHER = 4;

// Classifying a character takes up to four Unicode property tests; an archive uses a few thousand distinct
// characters millions of times, so each is classified once: in a table for the Basic Multilingual Plane, in a map
// beyond it. (Testing every character again was a quarter of Node's indexing time at 10,000 records.)
const basicKinds = new Uint8Array(0x10000);
/** @type {Map<string, number>} */
const astralKinds = new Map();

/** @param {string} char */
function classify(char) {
  if (SPACED_WORD.test(char) && !CJK.test(char)) return WORD_PART;
  if (/\s/u.test(char) || char === '\u200B' || char === BREAK_TOKEN) return DROPPED;
  return CJK.test(char) ? ALONE_HAN : ALONE_OTHER;
}

/** @param {string} char one code point */
function kindOf(char) {
  if (char.length === 1) {
    const code = char.charCodeAt(0);
    return (basicKinds[code] ||= classify(char));
  }
  let kind = astralKinds.get(char);
  if (kind === undefined) astralKinds.set(char, (kind = classify(char)));
  return kind;
}

/**
 * Splits text into characters and words: one Han character each, Latin words and numbers whole, punctuation alone.
 * Whitespace disappears, since readers do not type the stray spaces of the exports.
 * @param {string} text
 * @returns {string[]}
 */
export function tokenize(text) {
  /** @type {string[]} */
  const tokens = [];
  let word = '';
  for (const char of text.normalize('NFC')) {
    const kind = kindOf(char);
    if (kind === WORD_PART) {
      word += char;
      continue;
    }
    if (word) {
      tokens.push(word);
      word = '';
    }
    if (kind !== DROPPED) tokens.push(char);
  }
  if (word) tokens.push(word);
  return tokens;
}

/**
 * Whether a token is one Han (kana, hangul) character; tokens of several characters are words or pairs.
 * @param {string | undefined} token
 */
export function isHan(token) {
  if (token === undefined) return false;
  const oneCharacter = token.length === 1 || (token.length === 2 && token.charCodeAt(0) >= 0xd800 && token.charCodeAt(0) <= 0xdbff);
  return oneCharacter && kindOf(token) === ALONE_HAN;
}

/**
 * The index tokens of a run of units (tokenize's output): each Han character with the one after it. The last
 * character of a run is already in the run's last pair, so it gets no token of its own unless it stands alone.
 * The build cuts text this way; the page cuts a query the same way into the phrase it asks Pagefind for.
 * @param {readonly string[]} units
 * @param {Set<string>} [characters] each Han character met is added, for the one-character index
 * @returns {string[]}
 */
export function pairTokens(units, characters) {
  /** @type {string[]} */
  const tokens = [];
  const n = units.length;
  for (let i = 0; i < n; i++) {
    const unit = /** @type {string} */ (units[i]);
    const han = isHan(unit);
    if (han) characters?.add(unit);
    if (han && i + 1 < n && isHan(units[i + 1])) tokens.push(unit + units[i + 1]);
    else if (!han || i === 0 || !isHan(units[i - 1])) tokens.push(unit);
  }
  return tokens;
}
