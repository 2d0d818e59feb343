// The /search/ page's own part of the shell: everything inside <main>, plus its stylesheet and module script.
// The site renders it with its layout: renderPage({ site, ...searchPage }). The markup is static, so it needs
// no escaping; results are filled in by templates/assets/search/page.js (an ES module importing its neighbours). Without JavaScript the form still submits
// to /search/?q=… and the notice below says why nothing is listed.
import { readdirSync } from 'node:fs';
import type { Preload } from '../src/site/layout.js';
import { SEARCH_MANIFEST_FILE } from './assets/search/shared.js';

/**
 * Everything the page needs before its first search, asked for as the page opens. Without this each file was found
 * only when the one before it had run (page.js, then its imports, then Pagefind's script, its worker, its entry
 * and its wasm): seven round trips of 150 ms on a phone line before a search could start. The search modules are
 * every file beside page.js, all of which it imports; the Pagefind files are what its worker loads first
 * (`wasm.unknown.pagefind`, as the index's language is `und`) but for its entry, which it asks for with a
 * cache-busting query; tests/search/preload.test.ts checks the page uses each.
 */
const SEARCH_MODULES = readdirSync(new URL('./assets/search/', import.meta.url))
  .filter((name) => name.endsWith('.js') && name !== 'page.js')
  .sort();
const searchPreloads: Preload[] = [
  ...SEARCH_MODULES.map((name): Preload => ({ path: `/assets/search/${name}`, kind: 'module' })),
  { path: '/pagefind/pagefind.js', kind: 'module' },
  { path: `/pagefind/${SEARCH_MANIFEST_FILE}`, kind: 'fetch' },
  { path: '/pagefind/pagefind-worker.js', kind: 'worker' },
  { path: '/pagefind/wasm.unknown.pagefind', kind: 'worker' },
];

export const searchPage = {
  path: '/search/',
  title: '搜索',
  description: '在全部简报文章中按关键词搜索',
  section: 'search' as const,
  styles: ['/assets/search.css'],
  scripts: ['/assets/search/page.js'],
  preloads: searchPreloads,
  main: `<h1>搜索文章</h1>
<form class="search-form" role="search" method="get" data-search-form>
<div class="search-query">
<label for="search-q">关键词</label>
<input type="search" id="search-q" name="q" autocomplete="off" spellcheck="false" aria-describedby="search-hint">
<button type="submit">搜索</button>
</div>
<p id="search-hint" class="search-hint">可输入任意字词，例如“协商”“劳模工匠”；多个词用空格隔开，结果须同时包含每个词。</p>
<div class="search-options">
<p><label for="search-column">栏目</label>
<select id="search-column" name="column"><option value="">全部栏目</option></select></p>
<p><label for="search-year">年份</label>
<select id="search-year" name="year"><option value="">全部年份</option></select></p>
<p><label for="search-sort">排序</label>
<select id="search-sort" name="sort"><option value="date">最新优先</option><option value="relevance">相关度优先</option></select></p>
</div>
</form>
<noscript><p class="search-status">搜索需要启用 JavaScript。也可以从<a href="../archive/">往期回顾</a>和<a href="../columns/">栏目</a>浏览全部文章。</p></noscript>
<p class="search-status" role="status" aria-live="polite" data-search-status></p>
<ol class="search-results" data-search-results></ol>
<p class="search-more-row"><button type="button" class="search-more" data-search-more hidden>显示更多结果</button></p>`,
};
