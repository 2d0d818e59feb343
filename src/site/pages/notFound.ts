// 404: served from any depth, so every link is prefix-absolute.
import { escapeHtml } from '../escape.js';
import { renderPage } from '../layout.js';
import type { SiteInfo } from '../model.js';
import { PAGE_TYPES, pathOf } from '../pageTypes.js';

export function renderNotFound(site: SiteInfo): string {
  const url = (path: string) => escapeHtml(`${site.prefix}${path}`);
  return renderPage({
    site,
    path: pathOf(PAGE_TYPES.notFound),
    title: '页面不存在',
    noindex: true,
    main: `<h1>页面不存在</h1>
<p>您要找的页面不存在或已移动。可以回到<a href="${url('/')}">首页</a>，查看<a href="${url('/archive/')}">往期回顾</a>，或用上方的搜索框查找文章。</p>`,
  });
}
