// Indexes the rendered site with Pagefind (the extended binary, which can segment Chinese) into
// `<siteDir>/pagefind/`. Only pages with `data-pagefind-body` (articles and briefs) are indexed.
import { readdir, rm } from 'node:fs/promises';
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
    if (written.errors.length === 0) await removeUnusedUi(join(root, 'pagefind'));
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
