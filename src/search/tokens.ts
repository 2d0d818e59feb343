// The search index sees a record as a stream of one-character tokens, so that any run of characters a
// reader remembers is a phrase of tokens, whatever a word segmenter would have made of it.
//
// Pagefind's own Chinese segmentation (jieba at build time, Intl.Segmenter in the browser) disagrees with
// itself often enough to lose articles: 刘颖 is indexed as 刘 + 颖 but searched as 刘颖, and 赛 at the end
// of 竞赛 is never the start of a word, which is all Pagefind's prefix matching can find. One token per
// Han character, searched as a quoted phrase, finds every occurrence and nothing else.
//
// The browser side of this rule lives in templates/assets/search.js (`tokenize`); keep the two in step.
import type { ArticleRecord } from '../types.js';

/** Separates fields and paragraphs: it takes a position in the index, so no phrase can match across it. */
export const BREAK_TOKEN = '¶';

// Letters and digits of scripts written with spaces stay whole words (12351, APP); Han, kana and hangul
// characters become one token each.
const SPACED_WORD = /^[\p{L}\p{N}]$/u;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;

/** Splits one line of text into index tokens. Whitespace disappears; punctuation stays as its own token. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const char of text.normalize('NFC')) {
    if (SPACED_WORD.test(char) && !CJK.test(char)) {
      word += char;
      continue;
    }
    if (word) {
      tokens.push(word);
      word = '';
    }
    if (/\s/u.test(char) || char === '\u200B' || char === BREAK_TOKEN) continue;
    tokens.push(char);
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

/** The whole record as index tokens, fields and paragraphs kept apart by BREAK_TOKEN. */
export function recordTokens(record: ArticleRecord): string[] {
  const tokens: string[] = [];
  for (const part of searchableParts(record)) {
    const partTokens = tokenize(part);
    if (partTokens.length === 0) continue;
    if (tokens.length > 0) tokens.push(BREAK_TOKEN);
    tokens.push(...partTokens);
  }
  return tokens;
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
