// The search index sees a record as a stream of overlapping two-character tokens, so that any run of
// characters a reader remembers is a phrase of tokens, whatever a word segmenter would have made of it.
//
// Pagefind's own Chinese segmentation (jieba at build time, Intl.Segmenter in the browser) disagrees with
// itself often enough to lose articles: 刘颖 is indexed as 刘 + 颖 but searched as 刘颖, and 赛 at the end
// of 竞赛 is never the start of a word, which is all Pagefind's prefix matching can find.
//
// Every Han character but a run's last starts one token: itself and the next character (集体协商 → 集体 体协 协商;
// a character standing alone is its own token). A query
// of two or more characters is the quoted phrase of its pairs (协商竞 → "协商 商竞"). Pairs rather than single
// characters keep each token's list of pages short: on a 10,000-article archive the page list of 工 alone is
// over 150 KB.
//
// A single character is looked up outside Pagefind, in characterIndex.ts: Pagefind's prefix search (赛 → 赛事,
// 赛场 …) loads only the one index chunk whose range holds 赛 and misses the pairs in the next chunks (on a
// 10,000-record archive it found 5,879 of the 6,368 records that contain 赛), and listing every record's distinct
// characters as Pagefind words cost 15 of 50 CPU-s of indexing.
//
// The browser side of this rule lives in templates/assets/search.js; keep the two in step.
import type { ArticleRecord } from '../types.js';

/** Separates fields and paragraphs: it takes a position in the index, so no phrase can match across it. */
export const BREAK_TOKEN = '¶';

// Letters and digits of scripts written with spaces stay whole words (12351, APP); Han, kana and hangul
// characters become one token each.
const SPACED_WORD = /^[\p{L}\p{N}]$/u;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;

/** What tokenize does with a character: adds it to a word, drops it, or makes it a token of its own. */
const enum Kind {
  Unknown,
  WordPart,
  Dropped,
  AloneHan,
  AloneOther,
}

// Classifying a character takes up to four Unicode property tests; an archive uses a few thousand distinct
// characters millions of times, so each is classified once: in a table for the Basic Multilingual Plane, in a map
// beyond it. (Testing every character again was a quarter of Node's indexing time at 10,000 records.)
const basicKinds = new Uint8Array(0x10000);
const astralKinds = new Map<string, Kind>();

function classify(char: string): Kind {
  if (SPACED_WORD.test(char) && !CJK.test(char)) return Kind.WordPart;
  if (/\s/u.test(char) || char === '\u200B' || char === BREAK_TOKEN) return Kind.Dropped;
  return CJK.test(char) ? Kind.AloneHan : Kind.AloneOther;
}

function kindOf(char: string): Kind {
  if (char.length === 1) {
    const code = char.charCodeAt(0);
    return (basicKinds[code] ||= classify(char));
  }
  let kind = astralKinds.get(char);
  if (kind === undefined) astralKinds.set(char, (kind = classify(char)));
  return kind;
}

/**
 * Splits one line into characters and words: one Han character each, Latin words and numbers whole,
 * punctuation alone. Whitespace disappears, since readers do not type the stray spaces of the exports.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const char of text.normalize('NFC')) {
    const kind = kindOf(char);
    if (kind === Kind.WordPart) {
      word += char;
      continue;
    }
    if (word) {
      tokens.push(word);
      word = '';
    }
    if (kind !== Kind.Dropped) tokens.push(char);
  }
  if (word) tokens.push(word);
  return tokens;
}

/**
 * The text a reader can search, and the search test's truth: kicker, title, subtitle, byline (readers look
 * for a correspondent such as 刘颖 by name), body paragraphs and captions.
 */
export function searchableParts(record: ArticleRecord): string[] {
  const parts = [record.kicker, record.title, record.subtitle, record.byline, ...markdownParagraphs(record.body), ...record.captions];
  return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '');
}

/** Whether a token is one Han (kana, hangul) character; tokens of several characters are words or pairs. */
function isHan(token: string): boolean {
  const oneCharacter = token.length === 1 || (token.length === 2 && isHighSurrogate(token.charCodeAt(0)));
  return oneCharacter && kindOf(token) === Kind.AloneHan;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Index tokens of one line: each Han character with the one after it (see the top of this file). The last
 * character of a run is already in the run's last pair, so it gets no token of its own unless it stands alone.
 * Each Han character met is added to `characters`, when given, for the one-character index.
 */
export function indexTokens(text: string, characters?: Set<string>): string[] {
  const units = tokenize(text);
  const tokens: string[] = [];
  units.forEach((unit, i) => {
    const han = isHan(unit);
    if (han) characters?.add(unit);
    const pairsWithNext = han && i + 1 < units.length && isHan(units[i + 1]!);
    if (pairsWithNext) tokens.push(unit + units[i + 1]);
    else if (!han || i === 0 || !isHan(units[i - 1]!)) tokens.push(unit);
  });
  return tokens;
}

/** Each Han (kana, hangul) character of the text once, sorted, as the character index lists them. */
export function distinctCharacters(text: string): string[] {
  const characters = new Set<string>();
  indexTokens(text, characters);
  return [...characters].sort();
}

/** Paragraph text of the Markdown body, without heading marks or backslash escapes (the body never holds HTML). */
export function markdownParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, ''))
        .join('\n')
        .replace(/\\([!-/:-@[-`{-~])/g, '$1'),
    )
    .filter((block) => block.trim() !== '');
}
