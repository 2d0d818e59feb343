// Small pieces several pages share.
import { escapeHtml } from '../escape.js';
import type { ListPage, RecordLink } from '../model.js';

export function recordList(items: RecordLink[], options: { showIssue?: boolean; showColumn?: boolean } = {}): string {
  const { showIssue = true, showColumn = true } = options;
  const rows = items.map((item) => {
    const meta = [
      `<time datetime="${escapeHtml(item.datetime)}">${escapeHtml(item.displayDate)}</time>`,
      showColumn && item.column ? escapeHtml(item.column) : '',
      item.kind === 'brief' ? '简讯' : '',
      // A month-only date reads as the monthly issue's name (2024年12月 · … · 2024年12月): said once.
      showIssue && item.issueName !== item.displayDate ? escapeHtml(item.issueName) : '',
    ].filter(Boolean);
    return `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a><span class="item-meta">${meta.join(' · ')}</span></li>`;
  });
  return `<ul class="record-list">\n${rows.join('\n')}\n</ul>`;
}

export function pagination(page: ListPage): string {
  if (page.pageCount <= 1) return '';
  const previous = page.previousUrl
    ? `<a rel="prev" href="${escapeHtml(page.previousUrl)}">上一页</a>`
    : '<span class="disabled">上一页</span>';
  const next = page.nextUrl ? `<a rel="next" href="${escapeHtml(page.nextUrl)}">下一页</a>` : '<span class="disabled">下一页</span>';
  return `<nav class="pagination" aria-label="分页">${previous}<span>第 ${page.pageNumber} / ${page.pageCount} 页</span>${next}</nav>`;
}
