// The search page is rendered before the index exists, so the files its worker needs first that are named by this
// build's index (the root index's entry, asked for under the manifest's version, and its metadata, named by its
// hash) are added to the page once the index is written. Without them the worker waits two round trips after it
// starts (entry, then metadata: on a 10,000-record archive 40 KiB) before a search can begin. The older indexes'
// entries (a few hundred bytes each) come too, so merging one costs a round trip less; their metadata waits until
// a search needs it (templates/assets/search/archive.js).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INDEX_LANGUAGE, SEARCH_MANIFEST_FILE } from '../../templates/assets/search/shared.js';
import { searchPage } from '../../templates/search.js';
import { WORKER_PRELOAD } from '../site/layout.js';
import type { SearchManifest } from './contract.js';

/** Marks the links this module writes, so a page indexed again gets the new ones in their place. */
const MARK = 'data-search-index';
const OUR_LINKS = new RegExp(`<link [^>]*${MARK}>\\n`, 'g');

/** The page's path to `pagefind/`, relative, so a site served under a path prefix needs nothing more. */
const PAGEFIND_FROM_PAGE = `${'../'.repeat(searchPage.path.split('/').filter(Boolean).length)}pagefind/`;

/** Site-relative paths (under `pagefind/`) of the files named by the index in `pagefindDir`. */
export async function indexFilesToPreload(pagefindDir: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(pagefindDir, SEARCH_MANIFEST_FILE), 'utf8')) as SearchManifest;
  const entry = JSON.parse(await readFile(join(pagefindDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const language = entry.languages[INDEX_LANGUAGE];
  if (!language) throw new Error(`pagefind-entry.json has no ${INDEX_LANGUAGE} index`);
  // The query is the one Pagefind's runtime adds when given `metaCacheTag` (templates/assets/search/archive.js).
  const tag = `?ts=${encodeURIComponent(manifest.version)}`;
  return [`pagefind-entry.json${tag}`, `pagefind.${language.hash}.pf_meta`, ...manifest.indexes.map((name) => `${name}/pagefind-entry.json${tag}`)];
}

/**
 * Writes the preloads of `siteDir/pagefind/`'s index into the site's search page, replacing any written before.
 * A folder without a search page (an index written into a scratch folder) is left as it is.
 */
export async function preloadIndexOnSearchPage(siteDir: string): Promise<void> {
  const pagePath = join(siteDir, ...searchPage.path.split('/').filter(Boolean), 'index.html');
  if (!existsSync(pagePath)) return;
  const files = await indexFilesToPreload(join(siteDir, 'pagefind'));
  const links = files.map((file) => `<link rel="preload" href="${PAGEFIND_FROM_PAGE}${file}" as="fetch" crossorigin ${WORKER_PRELOAD} ${MARK}>\n`).join('');
  const html = (await readFile(pagePath, 'utf8')).replace(OUR_LINKS, '');
  if (!html.includes('</head>')) throw new Error(`${pagePath}: no </head> to add the search index's preloads before`);
  await writeFile(pagePath, html.replace('</head>', `${links}</head>`));
}
