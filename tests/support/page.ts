// Reading built pages for the site tests: parse5 (the browsers' parsing algorithm) and a few plain queries.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

export type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

export const SEED_SITE = 'tests/.output/site';
export const PREFIXED_SITE = 'tests/.output/site-prefixed';

export interface Page {
  /** Site path without prefix: `/2023/11/02/ab12cd34/`. */
  path: string;
  html: string;
  elements: Element[];
  /** Elements with this tag name, optionally only those whose attribute `name` equals (or matches) `value`. */
  all(tag: string, name?: string, value?: string | RegExp): Element[];
  one(tag: string, name?: string, value?: string | RegExp): Element;
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** Text content, whitespace collapsed. */
export function text(node: Node): string {
  const parts: string[] = [];
  const visit = (n: Node) => {
    if (n.nodeName === '#text') parts.push((n as DefaultTreeAdapterMap['textNode']).value);
    if ('childNodes' in n) for (const child of (n as DefaultTreeAdapterMap['parentNode']).childNodes) visit(child);
  };
  visit(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function flatten(root: Node): Element[] {
  const found: Element[] = [];
  const visit = (node: Node) => {
    if ('tagName' in node) found.push(node as Element);
    if ('childNodes' in node) for (const child of (node as DefaultTreeAdapterMap['parentNode']).childNodes) visit(child);
  };
  visit(root);
  return found;
}

export function within(root: Element, tag: string, name?: string, value?: string | RegExp): Element[] {
  return select(flatten(root), tag, name, value);
}

function select(elements: Element[], tag: string, name?: string, value?: string | RegExp): Element[] {
  return elements.filter((e) => {
    if (tag !== '*' && e.tagName !== tag) return false;
    if (name === undefined) return true;
    const v = attr(e, name);
    if (v === undefined) return false;
    if (value === undefined) return true;
    return typeof value === 'string' ? v === value : value.test(v);
  });
}

export function readPage(siteDir: string, path: string): Page {
  const file = join(siteDir, path.endsWith('/') ? `${path}index.html` : path);
  if (!existsSync(file)) throw new Error(`${path} was not built (${file} is missing)`);
  const html = readFileSync(file, 'utf8');
  const elements = flatten(parse(html));
  return {
    path,
    html,
    elements,
    all: (tag, name, value) => select(elements, tag, name, value),
    one(tag, name, value) {
      const found = select(elements, tag, name, value);
      if (found.length !== 1) throw new Error(`${path}: expected one <${tag}${name ? ` ${name}` : ''}>, found ${found.length}`);
      return found[0]!;
    },
  };
}

/** Every file under `dir`, `/`-separated and relative to it. */
export function filesUnder(dir: string, sub = ''): string[] {
  return readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((entry) => {
    const path = sub ? `${sub}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(dir, path) : [path];
  });
}

/** `2023/11/02/x/index.html` → `/2023/11/02/x/`; `404.html` → `/404.html`. */
export function pathOfFile(file: string): string {
  return `/${file}`.replace(/\/index\.html$/, '/');
}

export function htmlPages(siteDir: string): string[] {
  return filesUnder(siteDir)
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))
    .map(pathOfFile)
    .sort();
}

/** The page's structured data of one type (an article page has its NewsArticle and its BreadcrumbList). */
export function structuredData(page: Page, type: string): any {
  const blocks = page.all('script', 'type', 'application/ld+json').flatMap((script) => [JSON.parse(text(script))].flat());
  const found = blocks.filter((block) => block['@type'] === type);
  if (found.length !== 1) throw new Error(`${page.path}: expected one ${type} in its structured data, found ${found.length}`);
  return found[0];
}
