// Indexes the rendered site with Pagefind into `<siteDir>/pagefind/`. Only record pages (articles and briefs,
// which carry `data-pagefind-body`) are indexed, and what Pagefind reads of them is our search text expanded
// into character pairs (see tokens.ts and pageExtras.ts), so the pages themselves carry each character once.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { expandSearchText } from './pageExtras.js';

/**
 * The index holds our own search tokens, not prose for a word segmenter: under a zh language Pagefind would
 * cut the pairs apart again (Intl.Segmenter in the browser splits the pair 商竞 into 商 + 竞). `und`
 * (undetermined) turns segmentation and stemming off on both sides; forcing one language also keeps a stray
 * `lang` from splitting the index in two.
 */
export const INDEX_LANGUAGE = 'und';

export interface IndexResult {
  errors: string[];
}

export interface IndexOptions {
  /** Only for measuring Pagefind's own Chinese segmentation against ours (scripts/measure-search.ts). */
  language?: string;
}

/**
 * Pagefind also writes its Default, Modular and Component UIs and a highlighter. The search page uses none
 * of them, and the Default UI renders filter values as HTML, so they must not be there for anyone to load.
 */
const UNUSED_UI_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** The filters the search page offers; it reads their values from a small file of ours (see below). */
const OFFERED_FILTERS = ['column', 'year'] as const;
export const FILTER_VALUES_FILE = 'filter-values.json';
const FILTER_ATTRIBUTE = /data-pagefind-filter="([a-z]+):([^"]*)"/g;

export async function indexSite(siteDir: string, options: IndexOptions = {}): Promise<IndexResult> {
  const root = resolve(siteDir);
  const errors: string[] = [];
  try {
    const created = await pagefind.createIndex({ forceLanguage: options.language ?? INDEX_LANGUAGE });
    errors.push(...created.errors.map((e) => `pagefind: ${e}`));
    const index = created.index;
    if (!index) return { errors: errors.length ? errors : ['pagefind: could not create an index'] };

    const filterValues = new Map<string, Set<string>>(OFFERED_FILTERS.map((name) => [name, new Set<string>()]));
    let pages = 0;
    for (const file of await htmlFiles(root)) {
      const html = await readFile(file, 'utf8');
      if (!html.includes('data-pagefind-body')) continue;
      for (const [, name, value] of html.matchAll(FILTER_ATTRIBUTE)) filterValues.get(name!)?.add(unescapeHtml(value!));
      const added = await index.addHTMLFile({ url: pageUrl(root, file), content: expandSearchText(html) });
      errors.push(...added.errors.map((e) => `pagefind: ${relative(root, file)}: ${e}`));
      pages += 1;
    }
    if (pages === 0) errors.push(`pagefind: no page in ${root} has data-pagefind-body, so search would find nothing`);

    const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
    errors.push(...written.errors.map((e) => `pagefind: ${e}`));
    if (errors.length === 0) {
      await removeUnusedUi(join(root, 'pagefind'));
      await writeFilterValues(root, filterValues);
    }
  } catch (error) {
    errors.push(`pagefind: ${(error as Error).message}`);
  } finally {
    await pagefind.close().catch(() => undefined);
  }
  return { errors };
}

/** `2023/11/02/ab12cd34/index.html` → `/2023/11/02/ab12cd34/`, as Pagefind's own directory walk would say. */
function pageUrl(root: string, file: string): string {
  const path = `/${relative(root, file).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'pagefind') files.push(...(await htmlFiles(path)));
    } else if (entry.name.endsWith('.html')) files.push(path);
  }
  // Sorted, so Pagefind sees pages in the same order on every build and writes the same index.
  return files.sort();
}

async function removeUnusedUi(outputDir: string): Promise<void> {
  for (const name of await readdir(outputDir)) {
    if (UNUSED_UI_FILES.test(name)) await rm(join(outputDir, name));
  }
}

/**
 * Pagefind's `filters()` downloads every filter's page lists (72 KB on a 10,000-article archive) just to
 * name the values, before the first search; the page needs only the names.
 */
async function writeFilterValues(root: string, values: Map<string, Set<string>>): Promise<void> {
  const column = [...values.get('column')!].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const year = [...values.get('year')!].sort().reverse();
  await writeFile(join(root, 'pagefind', FILTER_VALUES_FILE), `${JSON.stringify({ column, year })}\n`);
}

export function unescapeHtml(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, code: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (code[0] !== '#') return named[code.toLowerCase()]!;
    return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
  });
}

