// The list of columns (栏目), newest first.
import { escapeHtml } from '../escape.js';
import { renderPage } from '../layout.js';
import type { SiteModel } from '../model.js';
import { PAGE_TYPES, pathOf } from '../pageTypes.js';

export function renderColumns(model: SiteModel): string {
  const items = model.columns.map(
    (c) =>
      `<li><a href="${escapeHtml(c.url)}">${escapeHtml(c.name)}</a><span class="item-meta">${c.count} 篇 · 最近 <time datetime="${escapeHtml(c.latestDatetime)}">${escapeHtml(c.latestDisplayDate)}</time></span></li>`,
  );
  return renderPage({
    site: model.site,
    path: pathOf(PAGE_TYPES.columns),
    title: '栏目',
    description: `${model.site.name}的全部栏目`,
    section: PAGE_TYPES.columns.section,
    main: `<h1>栏目</h1>\n${items.length ? `<ul class="record-list">\n${items.join('\n')}\n</ul>` : '<p>还没有栏目。</p>'}`,
  });
}
