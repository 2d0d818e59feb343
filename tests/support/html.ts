// Reading built pages with a real HTML parser (parse5, the same algorithm browsers use), never with regexes.
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

export type Document = DefaultTreeAdapterMap['document'];
export type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

export function parseHtml(html: string): Document {
  return parse(html);
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childrenOf(node: Node): Node[] {
  if (isElement(node) && node.tagName === 'template') return (node as DefaultTreeAdapterMap['template']).content.childNodes;
  return 'childNodes' in node ? (node as ParentNode).childNodes : [];
}

/** Every element in document order, template contents included. */
export function elements(root: Node): Element[] {
  const found: Element[] = [];
  const visit = (node: Node) => {
    if (isElement(node)) found.push(node);
    for (const child of childrenOf(node)) visit(child);
  };
  visit(root);
  return found;
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

export function hasAttr(element: Element, name: string): boolean {
  return element.attrs.some((a) => a.name === name);
}

const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript', 'head']);

/**
 * The text a reader can see: text nodes of <body>, skipping scripts, styles, templates and `hidden`
 * elements (hidden search tokens must not stand in for text a reader cannot see).
 */
export function visibleText(document: Document): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeName === '#text') {
      parts.push((node as DefaultTreeAdapterMap['textNode']).value);
      return;
    }
    if (isElement(node)) {
      if (NOT_TEXT.has(node.tagName) || hasAttr(node, 'hidden')) return;
      if (/display\s*:\s*none/i.test(attr(node, 'style') ?? '')) return;
    }
    for (const child of childrenOf(node)) visit(child);
  };
  visit(document);
  return parts.join('\n');
}

/** Every id on the page, and every `<a name>`, which browsers also scroll to. */
export function fragmentTargets(document: Document): Set<string> {
  const targets = new Set<string>();
  for (const element of elements(document)) {
    const id = attr(element, 'id');
    if (id) targets.add(id);
    const name = element.tagName === 'a' ? attr(element, 'name') : undefined;
    if (name) targets.add(name);
  }
  return targets;
}

/** A URL an element makes the browser load or follow, with the attribute it came from. */
export interface UrlReference {
  element: Element;
  attribute: string;
  url: string;
  /** True when the browser fetches it while showing the page (scripts, styles, images…), false for links. */
  isResource: boolean;
}

const LINK_RELS_THAT_LOAD = /\b(stylesheet|icon|apple-touch-icon|preload|modulepreload|prefetch|manifest|mask-icon)\b/i;

export function urlReferences(document: Document): UrlReference[] {
  const found: UrlReference[] = [];
  const add = (element: Element, attribute: string, isResource: boolean) => {
    const url = attr(element, attribute);
    if (url !== undefined) found.push({ element, attribute, url: url.trim(), isResource });
  };
  for (const element of elements(document)) {
    switch (element.tagName) {
      case 'a':
      case 'area':
        add(element, 'href', false);
        break;
      case 'link':
        add(element, 'href', LINK_RELS_THAT_LOAD.test(attr(element, 'rel') ?? ''));
        break;
      case 'form':
        add(element, 'action', false);
        break;
      case 'script':
      case 'iframe':
      case 'embed':
      case 'audio':
      case 'video':
      case 'source':
      case 'track':
      case 'img':
      case 'input':
        add(element, 'src', true);
        for (const candidate of srcsetUrls(attr(element, 'srcset'))) found.push({ element, attribute: 'srcset', url: candidate, isResource: true });
        if (element.tagName === 'video') add(element, 'poster', true);
        break;
      case 'object':
        add(element, 'data', true);
        break;
      case 'meta':
        // <meta http-equiv="refresh" content="0; url=…"> navigates.
        if ((attr(element, 'http-equiv') ?? '').toLowerCase() === 'refresh') {
          const target = /url\s*=\s*(.+)$/i.exec(attr(element, 'content') ?? '')?.[1];
          if (target) found.push({ element, attribute: 'content', url: target.trim().replace(/^['"]|['"]$/g, ''), isResource: false });
        }
        break;
    }
    const style = attr(element, 'style');
    if (style) for (const url of cssUrls(style)) found.push({ element, attribute: 'style', url, isResource: true });
    if (element.tagName === 'style') {
      const css = element.childNodes.map((n) => ('value' in n ? String(n.value) : '')).join('');
      for (const url of cssUrls(css)) found.push({ element, attribute: 'style', url, isResource: true });
    }
  }
  return found;
}

function srcsetUrls(srcset: string | undefined): string[] {
  if (!srcset) return [];
  return srcset.split(',').map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean);
}

export function cssUrls(css: string): string[] {
  const urls: string[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3/g)) urls.push((m[2] ?? m[4] ?? '').trim());
  return urls.filter(Boolean);
}

/** A short description of an element for failure messages: `<script src="…">`. */
export function describe(element: Element): string {
  const attrs = element.attrs.map((a) => ` ${a.name}="${a.value.slice(0, 80)}"`).join('');
  return `<${element.tagName}${attrs}>`;
}
