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
// The rule itself (tokenize, pairTokens) and the constants both sides need live in one module that the search page is
// served too, templates/assets/search/shared.js, so the build and the browser cannot cut text differently.
import { markdownToPlainText } from '../parse/markdown.js';
import type { ArticleRecord } from '../types.js';
import { pairTokens, tokenize } from '../../templates/assets/search/shared.js';

export { BREAK_TOKEN, tokenize } from '../../templates/assets/search/shared.js';

/**
 * The text a reader can search, and the search test's truth: kicker, title, subtitle, byline (readers look
 * for a correspondent such as 刘颖 by name), body paragraphs, captions, and the column label the article is shown
 * under (a reader who types 渝工港湾 expects its articles; without it 1,260 of 1,465 were found on a 10,000-record
 * archive, those that happened to name their column in the text). The label comes last, so an excerpt starts
 * with the article; a record with no label has none (not the filter's 其他).
 */
export function searchableParts(record: ArticleRecord): string[] {
  const parts = [record.kicker, record.title, record.subtitle, record.byline, ...markdownParagraphs(record.body), ...record.captions, record.column];
  return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '');
}

/**
 * Index tokens of one line: each Han character with the one after it (see the top of this file). Each Han
 * character met is added to `characters`, when given, for the one-character index.
 */
export function indexTokens(text: string, characters?: Set<string>): string[] {
  return pairTokens(tokenize(text), characters);
}

/** Each Han (kana, hangul) character of the text once, sorted, as the character index lists them. */
export function distinctCharacters(text: string): string[] {
  const characters = new Set<string>();
  indexTokens(text, characters);
  return [...characters].sort();
}

/**
 * Paragraph text of the Markdown body: the parser's own Markdown-to-text (heading marks and escapes removed, as
 * every other plain-text use of a body reads it), cut at blank lines, since each paragraph is a part of its own
 * that no phrase may cross.
 */
export function markdownParagraphs(body: string): string[] {
  return markdownToPlainText(body)
    .split(/\n\s*\n/)
    .filter((block) => block.trim() !== '');
}
