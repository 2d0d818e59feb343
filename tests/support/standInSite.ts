// A minimal site of record pages and the search page, for measuring search on its own (before/after a remedy)
// without the rest of the site. The real site is tested from tests/.output/. The pages carry Pagefind's markup
// only for the 'without our tokens' baseline, which lets Pagefind read them as its own command would.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { indexSite, SEARCH_MANIFEST_FILE, type IndexOptions, type SearchManifest } from '../../src/search/indexSite.js';
import type { SearchRecord } from '../../src/search/searchRecords.js';
import { searchableParts } from '../../src/search/tokens.js';
import type { ArticleRecord } from '../../src/types.js';
import { searchPage } from '../../templates/search.js';

const ASSETS = fileURLToPath(new URL('../../templates/assets/', import.meta.url));
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const shell = (title: string, main: string, head = '') => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>${head}</head>
<body><main>${main}</main></body></html>`;

export function recordUrlPath(record: ArticleRecord): string {
  return `/${record.date.slice(0, 4)}/${record.date.slice(5, 7)}/${record.date.slice(8, 10)}/${record.id}/`;
}

/**
 * `tokens: false` builds the pages as they would be without our search tokens, indexed the way Pagefind
 * indexes Chinese by default (zh-cn, word segmentation), to measure what the tokens change.
 */
export async function buildStandInSite(
  records: ArticleRecord[],
  dir: string,
  { tokens = true, index = {} }: { tokens?: boolean; index?: IndexOptions } = {},
): Promise<void> {
  for (const record of records) {
    const column = record.column ?? '综合';
    const body = record.body
      .split(/\n\s*\n/)
      .map((p) => (/^#{2,3}\s/.test(p) ? `<h2>${esc(p.replace(/^#+\s*/, ''))}</h2>` : `<p>${esc(p)}</p>`))
      .join('\n');
    const main = `<article data-pagefind-body>
${record.kicker ? `<p>${esc(record.kicker)}</p>` : ''}<h1 data-pagefind-meta="title">${esc(record.title)}</h1>
${record.subtitle ? `<p>${esc(record.subtitle)}</p>` : ''}
<div hidden><span data-pagefind-filter="column:${esc(column)}"></span><span data-pagefind-filter="year:${record.date.slice(0, 4)}"></span>
<span data-pagefind-filter="kind:${record.kind === 'brief' ? '简讯' : '文章'}"></span><span data-pagefind-sort="date:${record.date}"></span>
<span data-pagefind-meta="date:${record.date}"></span><span data-pagefind-meta="column:${esc(column)}"></span></div>
${body}
${record.captions.map((c) => `<p>${esc(c)}</p>`).join('\n')}
</article>`;
    const pageDir = join(dir, recordUrlPath(record));
    mkdirSync(pageDir, { recursive: true });
    writeFileSync(join(pageDir, 'index.html'), shell(record.title, main));
  }
  mkdirSync(join(dir, 'search'), { recursive: true });
  const head = `<link rel="stylesheet" href="../assets/search.css"><script type="module" src="../assets/search/page.js"></script>`;
  writeFileSync(join(dir, 'search', 'index.html'), shell(searchPage.title, searchPage.main, head));
  mkdirSync(join(dir, 'assets'), { recursive: true });
  cpSync(join(ASSETS, 'search'), join(dir, 'assets', 'search'), { recursive: true });
  cpSync(join(ASSETS, 'search.css'), join(dir, 'assets', 'search.css'));
  const { errors } = tokens ? await indexSite(dir, records.map(searchRecord), index) : await indexAsPagefindWould(dir);
  if (errors.length) throw new Error(errors.join('\n'));
}

function searchRecord(record: ArticleRecord): SearchRecord {
  return {
    url: recordUrlPath(record),
    title: record.title,
    date: record.date,
    displayDate: record.date,
    column: record.column ?? '综合',
    shownColumn: record.column ?? '',
    kind: record.kind === 'brief' ? '简讯' : '文章',
    parts: searchableParts(record),
  };
}

/**
 * The visible text of every page in one index, with Pagefind's own Chinese segmentation: what a site without
 * our tokens gets from the `pagefind` command. indexSite indexes records, so it cannot stand in for this.
 */
async function indexAsPagefindWould(dir: string): Promise<{ errors: string[] }> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    if (!index) return { errors };
    const added = await index.addDirectory({ path: dir });
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    const manifest: SearchManifest = { version: 'pagefind-only', indexes: [], column: [], year: [] };
    writeFileSync(join(dir, 'pagefind', SEARCH_MANIFEST_FILE), JSON.stringify(manifest));
    return { errors: [...errors, ...added.errors, ...written.errors] };
  } finally {
    await pagefind.close();
  }
}
