// The per-record HTML the site places inside an article's `data-pagefind-body`: the record's searchable text
// (see tokens.ts), once, in a hidden nested `data-pagefind-body`. At index time indexSite expands it into
// character-pair tokens before Pagefind reads the page. Pagefind indexes only the innermost body when bodies
// nest, so the visible article text, which a segmenter would cut into words, is not indexed a second time.
import type { ArticleRecord } from '../types.js';
import { BREAK_TOKEN, CHARACTERS_TOKEN, distinctCharacters, indexTokens, searchableParts } from './tokens.js';

const OPEN = '<div class="search-text" hidden data-pagefind-body>';
export const SEARCH_TEXT_ELEMENT = new RegExp(`${OPEN}([^<]*)</div>`, 'g');

export function searchExtrasHtml(record: ArticleRecord): string {
  const parts = searchableParts(record).map((part) => part.replace(/\s+/gu, ' ').trim());
  if (parts.length === 0) return '';
  return `${OPEN}${escapeHtml(parts.join(` ${BREAK_TOKEN} `))}</div>`;
}

/** Elements that give Pagefind a page's title, filters, sort keys and other metadata; each holds only text. */
const PAGEFIND_DATA_ELEMENT = /<(\w+)\b[^<>]*\sdata-pagefind-(?:meta|filter|sort)="[^"]*"[^<>]*>[^<]*<\/\1>/g;

/**
 * What Pagefind needs of a record page and nothing more: its metadata elements and its search text, expanded
 * into index tokens. Handing Pagefind whole pages (layout, navigation, the visible article) cost 4 of 38 CPU-s
 * at 10,000 records. `null` when the page does not hold exactly one search text.
 */
export function searchDocument(html: string): string | null {
  const searchText = html.match(SEARCH_TEXT_ELEMENT);
  if (searchText?.length !== 1) return null;
  const data = html.match(PAGEFIND_DATA_ELEMENT) ?? [];
  return expandSearchText(`<html><body>${data.join('')}${searchText[0]}</body></html>`);
}

/**
 * Replaces the search text in a page's HTML by its index tokens, space-separated, followed by the record's
 * distinct characters (see tokens.ts); the rest is untouched.
 */
export function expandSearchText(html: string): string {
  return html.replace(SEARCH_TEXT_ELEMENT, (_, text: string) => {
    const plain = unescapeText(text);
    const tokens = plain.split(BREAK_TOKEN).map((part) => indexTokens(part).join(' ')).filter(Boolean);
    const characters = distinctCharacters(plain);
    const list = characters.length > 0 ? ` ${CHARACTERS_TOKEN} ${characters.join(' ')}` : '';
    return `${OPEN}${escapeHtml(tokens.join(` ${BREAK_TOKEN} `) + list)}</div>`;
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function unescapeText(text: string): string {
  return text.replace(/&#(\d+);|&(amp|lt|gt|quot|apos);/g, (_, code: string | undefined, name: string | undefined) =>
    code ? String.fromCodePoint(Number(code)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name!]!,
  );
}
