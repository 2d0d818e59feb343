// Character bookkeeping for the "nothing lost" gate: which letters, digits and Chinese characters of a bulletin
// are missing from the text of its built pages.
import { basename } from 'node:path';
import { narrowAlphanumerics } from '../../src/parse/punctuation.js';
import { visibleText } from './html.js';
import type { BuiltPage } from './site.js';

// Letters (Chinese characters are letters too) and digits; punctuation and spacing may legitimately change.
const COUNTED = /[\p{L}\p{N}]/u;

/** The bulletin text after its optional front matter, which is metadata and is not expected verbatim. */
export function bulletinBody(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return lines.join('\n');
  const close = lines.findIndex((line, i) => i > 0 && /^---[ \t]*$/.test(line));
  return close < 0 ? lines.join('\n') : lines.slice(close + 1).join('\n');
}

/** Full-width digits and letters (２０２４, ＡＰＰ) count as the ASCII ones the parser publishes for them. */
export function countCharacters(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of narrowAlphanumerics(text)) if (COUNTED.test(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

/** `字 ×n` for every counted character the pages hold fewer times than the source. */
export function missingCharacters(source: string, pagesText: string): string[] {
  const have = countCharacters(pagesText);
  const missing: string[] = [];
  for (const [char, need] of countCharacters(source)) {
    const shortBy = need - (have.get(char) ?? 0);
    if (shortBy > 0) missing.push(`${char} ×${shortBy}`);
  }
  return missing;
}

// The site's URL scheme (src/site/urls.ts): records at /YYYY/MM/DD/<id>/, issues at /issues/<key>/.
const RECORD_PATH = /^\/\d{4}\/\d{2}\/\d{2}\/[A-Za-z0-9_-]+\/$/;

/** The issue's own page for a bulletin file named by its issue (`2023-12-year-end.txt` → `/issues/2023-12-year-end/`). */
export function issuePathFor(bulletinFile: string): string {
  return `/issues/${basename(bulletinFile, '.txt')}/`;
}

/**
 * A bulletin's pages as readers see them: its issue page and every record page the issue page links to.
 * The verbatim source view is deliberately not one of them: it would hide any loss in the article pages.
 */
export function pagesOfBulletin(pages: BuiltPage[], bulletinFile: string, prefix: string, linksOf: (page: BuiltPage) => string[]): BuiltPage[] {
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const issuePage = byPath.get(issuePathFor(bulletinFile));
  if (!issuePage) return [];
  const recordPaths = new Set(
    linksOf(issuePage)
      .map((href) => new URL(href, `http://site.invalid${prefix}${issuePage.path.slice(1)}`).pathname)
      .filter((path) => path.startsWith(prefix))
      .map((path) => `/${path.slice(prefix.length)}`)
      .filter((path) => RECORD_PATH.test(path)),
  );
  return [issuePage, ...[...recordPaths].map((path) => byPath.get(path)).filter((page): page is BuiltPage => page !== undefined)];
}

export function pagesText(pages: BuiltPage[]): string {
  return pages.map((page) => visibleText(page.document)).join('\n');
}
