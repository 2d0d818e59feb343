// The per-record HTML the site places inside an article's `data-pagefind-body`: the record as search tokens
// (two-character pairs, see tokens.ts), in a nested `data-pagefind-body` of its own. Pagefind indexes only the
// innermost body when bodies nest, so the index and the stored excerpt text hold the tokens once, and the
// visible article text, which a segmenter would cut into words, is not indexed twice.
import type { ArticleRecord } from '../types.js';
import { recordTokens } from './tokens.js';

export function searchExtrasHtml(record: ArticleRecord): string {
  const tokens = recordTokens(record);
  if (tokens.length === 0) return '';
  return `<div class="search-tokens" hidden data-pagefind-body>${escapeHtml(tokens.join(' '))}</div>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
