// The page shell every page shares: head, header with the no-JavaScript search form, landmarks, footer.
import { escapeHtml, jsonForScript } from './escape.js';
import { PUBLISHER, type SiteInfo } from './model.js';
import { PAGE_TYPES } from './pageTypes.js';
import { OPENSEARCH_PATH, OPENSEARCH_TYPE } from '../openData/openSearch.js';

/** Pages may load scripts only from our own origin, and nothing inline; Pagefind needs wasm and a blob worker. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

export const STYLESHEET_PATH = '/assets/site.css';

export type NavSection = 'home' | 'archive' | 'columns' | 'search' | null;

export interface PageShell {
  site: SiteInfo;
  /** Unprefixed path of this page, e.g. `/2023/11/02/ab12cd34/`, for the canonical URL. */
  path: string;
  /** Shown before the site name in `<title>`; null on the home page. */
  title: string | null;
  description?: string;
  section?: NavSection;
  /** Extra stylesheets and module scripts, unprefixed site paths (`/assets/search.css`). */
  styles?: string[];
  scripts?: string[];
  /**
   * Files a page's scripts will ask for, requested with the page instead of one round trip after another as each
   * script finds it needs the next: `module` for ES modules (modulepreload), `fetch` for data the page fetches,
   * `worker` for files a Web Worker fetches (it finds the preloaded file in the HTTP cache).
   */
  preloads?: Preload[];
  openGraph?: { type: 'article' | 'website'; publishedTime?: string; section?: string };
  /** The picture a shared link shows (WeChat, social sites): the article's own photo, else the site's card. */
  shareImage?: ShareImage;
  jsonLd?: unknown;
  /** Robots `noindex` for pages such as 404. */
  noindex?: boolean;
  /** Unprefixed path of the page that stands for this one (a redirect page's target); `path` by default. */
  canonicalPath?: string;
  /** Unprefixed path the browser goes to at once (`<meta http-equiv="refresh">`: the CSP allows no inline script). */
  refreshTo?: string;
  /** The page's own content; goes inside `<main>`. Already HTML. */
  main: string;
}

export interface Preload {
  /** Unprefixed site path. */
  path: string;
  /** `worker`: fetched by a Web Worker, which finds it in the HTTP cache; the page then claims it (WORKER_PRELOAD). */
  kind: 'module' | 'fetch' | 'worker';
}

/** Marks a preload that a Web Worker uses, not the page (templates/assets/search/archive.js claims them). */
export const WORKER_PRELOAD = 'data-worker-preload';

export interface ShareImage {
  /** Unprefixed site path of a JPEG or PNG (WeChat and most sites show no SVG or WebP). */
  path: string;
  width: number;
  height: number;
  alt: string;
}

/** The site's own share card and icons (drawn by scripts/make-icons.ts). */
export const SITE_SHARE_IMAGE: ShareImage = {
  path: '/assets/icons/share.png',
  width: 1200,
  height: 630,
  alt: '重庆市总工会工作简报：每周工作简报、往期文章与全文搜索',
};
const ICONS_DIR = '/assets/icons/';
/** A plain script in <head>, before the stylesheet: the reader's text size is set before the first paint. */
export const TEXT_SIZE_SCRIPT_PATH = '/assets/text-size.js';
/** The id of <main>: the skip link's target, and what the first paint waits for (`<link rel="expect">`). */
export const MAIN_ID = 'main';
const TEXT_SIZES = [
  { id: 'standard', label: '标准' },
  { id: 'large', label: '大' },
  { id: 'larger', label: '特大' },
];

export function renderPage(shell: PageShell): string {
  const { site } = shell;
  const url = (path: string) => `${site.prefix}${path}`;
  const canonical = `${site.origin}${url(shell.canonicalPath ?? shell.path)}`;
  const fullTitle = shell.title ? `${shell.title} · ${site.name}` : site.name;
  const current = (section: NavSection) => (shell.section === section ? ' aria-current="page"' : '');
  const og = shell.openGraph ?? { type: 'website' as const };
  const shareImage = shell.shareImage ?? SITE_SHARE_IMAGE;
  const nav = Object.values(PAGE_TYPES).flatMap((type) =>
    type.navLink && typeof type.path === 'string'
      ? [`<li><a href="${escapeHtml(url(type.path))}"${current(type.section)}>${escapeHtml(type.navLink)}</a></li>`]
      : [],
  );
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // A constant without `"`, `<` or `&`: written as is, so the policy reads the same in the source as in the browser.
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    shell.refreshTo === undefined ? '' : `<meta http-equiv="refresh" content="0; url=${escapeHtml(url(shell.refreshTo))}">`,
    `<title>${escapeHtml(fullTitle)}</title>`,
    shell.description ? `<meta name="description" content="${escapeHtml(shell.description)}">` : '',
    shell.noindex ? '<meta name="robots" content="noindex">' : `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    // A redirect page is left at once and keeps to plain HTML: no script, so its size buttons stay hidden.
    shell.refreshTo === undefined ? `<script src="${escapeHtml(url(TEXT_SIZE_SCRIPT_PATH))}"></script>` : '',
    `<link rel="icon" type="image/png" sizes="32x32" href="${escapeHtml(url(`${ICONS_DIR}favicon-32.png`))}">`,
    `<link rel="apple-touch-icon" href="${escapeHtml(url(`${ICONS_DIR}apple-touch-icon.png`))}">`,
    `<link rel="manifest" href="${escapeHtml(url(`${ICONS_DIR}site.webmanifest`))}">`,
    '<meta name="theme-color" content="#a3201b">',
    `<link rel="stylesheet" href="${escapeHtml(url(STYLESHEET_PATH))}">`,
    // The first paint waits for the whole header: painted while it still arrived, it grew a row under what was drawn.
    // Chromium, the one engine that knows rel=expect, paints once the element is in the page, that is once everything
    // before <main> is; the spec's reading (main parsed to its end) would only paint later, never a half header.
    `<link rel="expect" href="#${MAIN_ID}" blocking="render">`,
    ...(shell.styles ?? []).map((href) => `<link rel="stylesheet" href="${escapeHtml(url(href))}">`),
    `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(site.name)}" href="${escapeHtml(url('/feed.xml'))}">`,
    `<link rel="alternate" type="application/feed+json" title="${escapeHtml(site.name)}" href="${escapeHtml(url('/feed.json'))}">`,
    `<link rel="search" type="${OPENSEARCH_TYPE}" title="${escapeHtml(site.name)}" href="${escapeHtml(url(OPENSEARCH_PATH))}">`,
    `<meta property="og:site_name" content="${escapeHtml(site.name)}">`,
    `<meta property="og:title" content="${escapeHtml(shell.title ?? site.name)}">`,
    `<meta property="og:type" content="${og.type}">`,
    `<meta property="og:url" content="${escapeHtml(canonical)}">`,
    '<meta property="og:locale" content="zh_CN">',
    shell.description ? `<meta property="og:description" content="${escapeHtml(shell.description)}">` : '',
    `<meta property="og:image" content="${escapeHtml(`${site.origin}${url(shareImage.path)}`)}">`,
    `<meta property="og:image:width" content="${shareImage.width}">`,
    `<meta property="og:image:height" content="${shareImage.height}">`,
    `<meta property="og:image:alt" content="${escapeHtml(shareImage.alt)}">`,
    '<meta name="twitter:card" content="summary_large_image">',
    `<meta name="twitter:title" content="${escapeHtml(shell.title ?? site.name)}">`,
    shell.description ? `<meta name="twitter:description" content="${escapeHtml(shell.description)}">` : '',
    `<meta name="twitter:image" content="${escapeHtml(`${site.origin}${url(shareImage.path)}`)}">`,
    `<meta name="twitter:image:alt" content="${escapeHtml(shareImage.alt)}">`,
    og.publishedTime ? `<meta property="article:published_time" content="${escapeHtml(og.publishedTime)}">` : '',
    og.section ? `<meta property="article:section" content="${escapeHtml(og.section)}">` : '',
    shell.jsonLd === undefined ? '' : `<script type="application/ld+json">${jsonForScript(shell.jsonLd)}</script>`,
    ...(shell.scripts ?? []).map((src) => `<script type="module" src="${escapeHtml(url(src))}"></script>`),
    // After the scripts, which come first in the browser's queue.
    ...(shell.preloads ?? []).map(({ path, kind }) =>
      kind === 'module'
        ? `<link rel="modulepreload" href="${escapeHtml(url(path))}">`
        : `<link rel="preload" href="${escapeHtml(url(path))}" as="fetch" crossorigin${kind === 'worker' ? ` ${WORKER_PRELOAD}` : ''}>`,
    ),
  ].filter((line) => line !== '');

  return `<!doctype html>
<html lang="zh-CN">
<head>
${head.join('\n')}
</head>
<body>
<a class="skip-link" href="#${MAIN_ID}">跳到正文</a>
<header class="site-header">
<div class="wrap header-row">
<p class="site-name"><a href="${escapeHtml(url('/'))}">${escapeHtml(site.name)}</a></p>
<nav class="site-nav" aria-label="网站导航">
<ul>
${nav.join('\n')}
</ul>
</nav>
<div class="text-size" role="group" aria-label="字号">
<span class="text-size-label" aria-hidden="true">字号</span>
${TEXT_SIZES.map((size) => `<button type="button" data-text-size-choice="${size.id}" aria-pressed="false">${size.label}</button>`).join('\n')}
</div>
<form class="site-search" role="search" aria-label="全站搜索" action="${escapeHtml(url('/search/'))}" method="get">
<label for="site-search-q">搜索文章</label>
<input type="search" id="site-search-q" name="q" placeholder="关键词" autocomplete="off">
<button type="submit">搜索</button>
</form>
</div>
</header>
<main id="${MAIN_ID}" class="wrap" tabindex="-1">
${shell.main}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${escapeHtml(site.name)} · 主办：${escapeHtml(PUBLISHER)} · 内容整理自每周工作简报</p>
<p><a href="${escapeHtml(url('/archive/'))}">往期回顾</a> · <a href="${escapeHtml(url('/places/'))}">区县与工会</a> · <a href="${escapeHtml(url('/search/'))}">搜索</a> · <a href="${escapeHtml(url('/feed.xml'))}">订阅（Atom）</a> · <a href="${escapeHtml(url('/feed.json'))}">JSON Feed</a> · <a href="${escapeHtml(url('/data/'))}">开放数据</a></p>
</div>
</footer>
</body>
</html>
`;
}
