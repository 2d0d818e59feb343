// The seed site that tests/global-setup.ts builds, with the records it was built from.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadContent } from '../../src/load.js';
import type { ArticleRecord } from '../../src/types.js';

export const SEED_SITE = resolve('tests/.output/site');
export const SEED_SITE_PREFIXED = resolve('tests/.output/site-prefixed');

export function seedRecords(): ArticleRecord[] {
  for (const dir of [SEED_SITE, SEED_SITE_PREFIXED]) {
    if (!existsSync(resolve(dir, 'pagefind'))) throw new Error(`${dir} has no search index; tests/global-setup.ts builds it`);
  }
  const loaded = loadContent('content');
  if (loaded.errors.length) throw new Error(loaded.errors.map(String).join('\n'));
  return loaded.bulletins.flatMap((b) => b.records);
}
