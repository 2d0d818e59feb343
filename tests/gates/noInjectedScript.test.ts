// Gate: no injected script. A hostile bulletin (tests/gates/fixtures/hostile) full of markup, event handlers,
// javascript: links and template syntax builds into pages whose only scripts are our own, shows every hostile
// snippet as literal text, and never evaluates a template expression. Every page carries the CSP <meta>.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { bulletinBody, missingCharacters, pagesOfBulletin, pagesText } from '../support/characters.js';
import { scratchDir } from '../support/fsSnapshot.js';
import { attr, describe as describeElement, elements, visibleText, type Document } from '../support/html.js';
import { readPages, sitesToCheck, type BuiltPage } from '../support/site.js';
import { htmlErrors } from '../support/validate.js';

// 2025-01.txt attacks the markup and the template engines; 2025-02.txt is full of Markdown look-alikes
// (numbered lines, quotes, indented lines, emphasis, URLs) that a renderer could swallow.
const HOSTILE_CONTENT = 'tests/gates/fixtures/hostile';
const HOSTILE_BULLETINS = readdirSync(join(HOSTILE_CONTENT, 'bulletins')).filter((name) => name.endsWith('.txt')).sort();

/** Each must reach a reader as text, exactly as written (up to the parser's punctuation and spacing clean-up). */
const HOSTILE_SNIPPETS = [
  `<script>alert('期刊')</script>`,
  `<script>alert("标题")</script>`,
  '<img src=x onerror=alert(1)>',
  '[领取补贴](javascript:alert(2))',
  '<a href="javascript:alert(3)">点此领取</a>',
  'javascript:alert(4)',
  '{{ 7*191 }}',
  '{% raw %}',
  '{% include "x" %}',
  '{{ site.title }}',
  '${7*191}',
  '</title><style>body{display:none}</style>',
  '<!-- 隐藏 -->',
  '&lt;b&gt;加粗&lt;/b&gt;',
  '<iframe src="https://evil.example/"></iframe>',
  '<svg onload=alert(5)>',
  '"><script src=https://evil.example/x.js></script>',
];
/** 7*191: would appear if any template engine evaluated the bulletin's `{{ 7*191 }}`. */
const EVALUATED = '1337';

const SITE_ORIGIN = 'http://site.invalid';
const SOURCE_VIEW = /^\/issues\/[^/]+\/source\/$/;

/** Folds what the parser may legitimately normalise (full-width and curly punctuation, spacing) before comparing. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[“”„〝〞＂]/g, '"')
    .replace(/[‘’‚]/g, "'")
    .replace(/[、]/g, ',')
    .replace(/\s+/g, '');
}

/** Why a <script> is not ours, or null when it is: same-origin `src` with no inline code, or JSON-LD data. */
function foreignScript(script: ReturnType<typeof elements>[number], pageUrl: URL, prefix: string): string | null {
  const inline = script.childNodes.map((node) => ('value' in node ? String(node.value) : '')).join('');
  const src = attr(script, 'src');
  if (src !== undefined) {
    if (inline.trim() !== '') return 'has both src and inline code';
    const url = new URL(src, pageUrl);
    if (url.origin !== SITE_ORIGIN || !url.pathname.startsWith(prefix)) return `loads ${url.href}`;
    return null;
  }
  if ((attr(script, 'type') ?? '').toLowerCase() === 'application/ld+json') {
    try {
      JSON.parse(inline);
      return null;
    } catch {
      return 'JSON-LD that is not JSON (markup broke out of it?)';
    }
  }
  return 'inline code';
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href', 'srcset']);
const FRAME_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'applet']);

function injectionProblems(page: BuiltPage, prefix: string): string[] {
  const pageUrl = new URL(prefix + page.path.slice(1), SITE_ORIGIN);
  const problems: string[] = [];
  for (const element of elements(page.document)) {
    if (element.tagName === 'script') {
      const why = foreignScript(element, pageUrl, prefix);
      if (why) problems.push(`${describeElement(element)}: ${why}`);
    }
    if (FRAME_ELEMENTS.has(element.tagName)) problems.push(`${describeElement(element)}: embeds or rebases content`);
    if (element.tagName === 'meta' && (attr(element, 'http-equiv') ?? '').toLowerCase() === 'refresh') {
      problems.push(`${describeElement(element)}: navigates away`);
    }
    for (const { name, value } of element.attrs) {
      if (/^on/i.test(name)) problems.push(`${describeElement(element)}: event handler ${name}`);
      // Browsers ignore control characters and spaces inside a scheme: `java\tscript:` still runs.
      if (URL_ATTRIBUTES.has(name) && /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''))) {
        problems.push(`${describeElement(element)}: javascript: URL`);
      }
    }
  }
  return problems.map((problem) => `${page.file}: ${problem}`);
}

const CSP_META = (document: Document) =>
  elements(document).filter(
    (element) => element.tagName === 'meta' && (attr(element, 'http-equiv') ?? '').toLowerCase() === 'content-security-policy',
  );

/** Why a page's CSP does not stop injected scripts, or null when it does. */
function weakCsp(document: Document): string | null {
  const metas = CSP_META(document);
  if (metas.length === 0) return 'no Content-Security-Policy <meta>';
  const policy = attr(metas[0]!, 'content') ?? '';
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values.map((v) => v.toLowerCase())] as const),
  );
  const scriptSources = directives.get('script-src') ?? directives.get('default-src');
  if (!scriptSources) return `no script-src or default-src in "${policy}"`;
  const unsafe = scriptSources.filter((s) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:', 'data:'].includes(s));
  if (unsafe.length > 0) return `script-src allows ${unsafe.join(' ')} in "${policy}"`;
  return null;
}

describe('a hostile bulletin builds into a safe site', () => {
  let build: Awaited<ReturnType<typeof buildSite>>;
  let pages: BuiltPage[];
  const outputDir = join('tests', '.output', 'gates', 'hostile', 'site');

  beforeAll(async () => {
    scratchDir('hostile');
    build = await buildSite({ contentDir: HOSTILE_CONTENT, outputDir, quiet: true });
    pages = build.ok ? readPages(outputDir) : [];
  }, 120_000);

  it('builds (hostile text is content, not an error)', () => {
    expect(build.errors).toEqual([]);
    expect(build.ok).toBe(true);
    expect(pages.length).toBeGreaterThan(0);
  });

  it('has no script but our own, no event handler, no javascript: URL and no frame', () => {
    expect(pages.flatMap((page) => injectionProblems(page, '/'))).toEqual([]);
  });

  it.each(HOSTILE_SNIPPETS)('shows %s literally to readers', (snippet) => {
    const readerPages = pages.filter((page) => !SOURCE_VIEW.test(page.path));
    const showing = readerPages.filter((page) => fold(visibleText(page.document)).includes(fold(snippet)));
    expect(showing.map((page) => page.file), `no reader page shows ${snippet} as text`).not.toEqual([]);
  });

  it('never evaluates template syntax from a bulletin', () => {
    const titleAndText = (page: BuiltPage) =>
      elements(page.document)
        .filter((e) => e.tagName === 'title')
        .map((e) => e.childNodes.map((n) => ('value' in n ? String(n.value) : '')).join(''))
        .join('') + visibleText(page.document);
    expect(pages.filter((page) => titleAndText(page).includes(EVALUATED)).map((page) => page.file)).toEqual([]);
  });

  it.each(HOSTILE_BULLETINS)('loses no character of %s either', (name) => {
    const source = bulletinBody(readFileSync(join(HOSTILE_CONTENT, 'bulletins', name), 'utf8'));
    const own = pagesOfBulletin(pages, name, '/', (page) =>
      elements(page.document).flatMap((e) => (e.tagName === 'a' && attr(e, 'href') ? [attr(e, 'href')!] : [])),
    );
    expect(own.length).toBeGreaterThan(1);
    expect(missingCharacters(source, pagesText(own))).toEqual([]);
  });

  it('is still valid HTML', async () => {
    expect(await htmlErrors(outputDir)).toEqual([]);
  });

  it('puts a script-blocking CSP <meta> on every page', () => {
    expect(pages.map((page) => [page.file, weakCsp(page.document)]).filter(([, why]) => why)).toEqual([]);
  });
});

describe.each(sitesToCheck())('the $name build', (site) => {
  it('has no script but our own, no event handler, no javascript: URL and no frame', () => {
    const pages = readPages(site.dir);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.flatMap((page) => injectionProblems(page, site.prefix))).toEqual([]);
  });

  it('puts a script-blocking CSP <meta> on every page', () => {
    const pages = readPages(site.dir);
    expect(pages.map((page) => [page.file, weakCsp(page.document)]).filter(([, why]) => why)).toEqual([]);
  });
});
