// Indexes the rendered site with Pagefind (the extended binary, which can segment Chinese) into
// `<siteDir>/pagefind/`. Only pages with `data-pagefind-body` (articles and briefs) are indexed.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';

export const INDEX_LANGUAGE = 'und';

export interface IndexResult {
  errors: string[];
}

/** Pagefind also writes its Default, Modular and Component UIs and a highlighter; the search page uses none of them,
 * and the Default UI renders filter values as HTML, so it must not be there for anyone to load. */
const UNUSED_UI_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

export interface IndexOptions {
  /** Only for measuring Pagefind's own Chinese segmentation against ours (scripts/measure-search.ts). */
  language?: string;
}

export async function indexSite(siteDir: string, options: IndexOptions = {}): Promise<IndexResult> {
  const root = resolve(siteDir);
  const errors: string[] = [];
  try {
    // The index holds our own search tokens (character pairs, see tokens.ts), not prose for a word segmenter:
    // under a zh language Pagefind would cut the pairs apart again (Intl.Segmenter in the browser splits the
    // pair 商竞 into 商 + 竞). `und` (undetermined) turns segmentation and stemming off on both sides, and one
    // forced language keeps a stray `lang` from splitting the index.
    const created = await pagefind.createIndex({ forceLanguage: options.language ?? INDEX_LANGUAGE });
    errors.push(...created.errors.map((e) => `pagefind: ${e}`));
    const index = created.index;
    if (!index) return { errors: errors.length ? errors : ['pagefind: could not create an index'] };

    const added = await index.addDirectory({ path: root });
    errors.push(...added.errors.map((e) => `pagefind: ${e}`));
    if (added.page_count === 0) errors.push(`pagefind: no page in ${root} has data-pagefind-body, so search would find nothing`);

    const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
    errors.push(...written.errors.map((e) => `pagefind: ${e}`));
    if (written.errors.length === 0) {
      await removeUnusedUi(join(root, 'pagefind'));
      await writeFilterValues(root);
    }
  } catch (error) {
    errors.push(`pagefind: ${(error as Error).message}`);
  } finally {
    await pagefind.close().catch(() => undefined);
  }
  return { errors };
}

async function removeUnusedUi(outputDir: string): Promise<void> {
  for (const name of await readdir(outputDir)) {
    if (UNUSED_UI_FILES.test(name)) await rm(join(outputDir, name));
  }
}

/** The filters the search page offers; the page reads their values from a small file of ours. */
const OFFERED_FILTERS = ['column', 'year'] as const;
export const FILTER_VALUES_FILE = 'filter-values.json';
const FILTER_ATTRIBUTE = /data-pagefind-filter="([a-z]+):([^"]*)"/g;

/**
 * Pagefind's `filters()` downloads every filter's page lists (72 KB on a 10,000-article archive) just to
 * name the values, before the first search; the page needs only the names, so they are written here.
 */
async function writeFilterValues(root: string): Promise<void> {
  const values = new Map<string, Set<string>>(OFFERED_FILTERS.map((name) => [name, new Set<string>()]));
  for (const file of await htmlFiles(root)) {
    for (const [, name, value] of (await readFile(file, 'utf8')).matchAll(FILTER_ATTRIBUTE)) {
      values.get(name!)?.add(unescapeHtml(value!));
    }
  }
  const column = [...values.get('column')!].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const year = [...values.get('year')!].sort().reverse();
  await writeFile(join(root, 'pagefind', FILTER_VALUES_FILE), `${JSON.stringify({ column, year })}\n`);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'pagefind') files.push(...(await htmlFiles(path)));
    } else if (entry.name.endsWith('.html')) files.push(path);
  }
  return files.sort();
}

function unescapeHtml(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, code: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (code[0] !== '#') return named[code.toLowerCase()]!;
    return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
  });
}
