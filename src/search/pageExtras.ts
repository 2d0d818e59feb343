// TEMPORARY stub owned by the search work: extra, already-escaped HTML placed inside an article's
// `data-pagefind-body` (for example hidden tokens that raise Chinese recall). The site calls it per record.
import type { ArticleRecord } from '../types.js';

export function searchExtrasHtml(_record: ArticleRecord): string {
  return '';
}
