// Where the built sites are, and walking their files. tests/global-setup.ts builds the seed bulletins once
// per run into these folders; the gates read them instead of building again.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHtml, type Document } from './html.js';

export const OUTPUT_ROOT = 'tests/.output';
export const SEED_CONTENT = 'content';

export interface SiteUnderTest {
  name: string;
  dir: string;
  /** `/` or `/archive/`: every site-local URL starts with it. */
  prefix: string;
}

export const BUILT_SITES = [
  { name: 'site', dir: join(OUTPUT_ROOT, 'site'), prefix: '/' },
  { name: 'site-prefixed', dir: join(OUTPUT_ROOT, 'site-prefixed'), prefix: '/archive/' },
] as const satisfies readonly SiteUnderTest[];

function requireBuilt<T extends SiteUnderTest>(site: T): T {
  if (!existsSync(join(site.dir, 'index.html'))) {
    throw new Error(`${site.dir}/index.html is missing: tests/global-setup.ts should have built the seed bulletins there`);
  }
  return site;
}

export function builtSite(name: 'site' | 'site-prefixed'): SiteUnderTest {
  return requireBuilt(BUILT_SITES.find((s) => s.name === name)!);
}

/**
 * The seed builds, plus, when CI names it, the very folder about to be published (PUBLISHED_SITE_DIR, built under
 * PUBLISHED_SITE_PREFIX), so what is deployed is checked and not only a build like it.
 */
export function sitesToCheck(): SiteUnderTest[] {
  const sites: SiteUnderTest[] = BUILT_SITES.map((site) => requireBuilt(site));
  const published = process.env.PUBLISHED_SITE_DIR;
  if (published) {
    const prefix = process.env.PUBLISHED_SITE_PREFIX || '/';
    if (!/^\/([^/]+\/)*$/.test(prefix)) throw new Error(`PUBLISHED_SITE_PREFIX ${JSON.stringify(prefix)} must look like / or /repo/`);
    if (!existsSync(join(published, 'index.html'))) throw new Error(`PUBLISHED_SITE_DIR ${published} holds no index.html`);
    sites.push({ name: `published ${published}`, dir: published, prefix });
  }
  return sites;
}

/** Every file under `dir`, as sorted `/`-separated paths relative to it. */
export function filesIn(dir: string): string[] {
  const found: string[] = [];
  const visit = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(path);
      else found.push(path);
    }
  };
  visit('');
  return found.sort();
}

export function htmlFilesIn(dir: string): string[] {
  return filesIn(dir).filter((file) => file.endsWith('.html'));
}

export interface BuiltPage {
  /** Relative file path: `articles/abcd1234/index.html`. */
  file: string;
  /** Site path the page is served at, without prefix: `/articles/abcd1234/`. */
  path: string;
  html: string;
  document: Document;
}

export function sitePathOf(file: string): string {
  const path = `/${file.split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

export function readPages(dir: string): BuiltPage[] {
  return htmlFilesIn(dir).map((file) => {
    const html = readFileSync(join(dir, file), 'utf8');
    return { file, path: sitePathOf(file), html, document: parseHtml(html) };
  });
}

export function relativeTo(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}
