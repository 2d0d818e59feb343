// A paginated list of records: one year of the archive, or one column.
import { escapeHtml } from '../escape.js';
import { renderPage, type NavSection } from '../layout.js';
import type { ListPage, SiteInfo } from '../model.js';
import { pagination, recordList } from './parts.js';

export function renderList(page: ListPage, site: SiteInfo, kind: 'year' | 'column'): string {
  const heading = kind === 'year' ? `${page.heading}文章` : page.heading;
  const title = page.pageNumber > 1 ? `${heading}（第 ${page.pageNumber} 页）` : heading;
  const section: NavSection = kind === 'year' ? 'archive' : 'columns';
  const feed = page.feedUrl ? `<p class="list-feed"><a href="${escapeHtml(page.feedUrl)}">订阅本栏目（Atom）</a></p>` : '';
  return renderPage({
    site,
    path: page.path,
    title,
    description: kind === 'year' ? `${page.heading}的全部文章` : `栏目“${page.heading}”的全部文章`,
    section,
    main: `<h1>${escapeHtml(title)}</h1>
${feed}
${recordList(page.items, { showColumn: kind === 'year' })}
${pagination(page)}`,
  });
}
