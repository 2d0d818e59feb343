// A paginated list of records (one year of the archive, one column, …): what it is called and where it sits in the
// navigation come with the page, from its page type (src/site/pageTypes.ts).
import { escapeHtml } from '../escape.js';
import { renderPage } from '../layout.js';
import type { ListPage, SiteInfo } from '../model.js';
import { pagination, recordList } from './parts.js';

export function renderList(page: ListPage, site: SiteInfo): string {
  const title = page.pageNumber > 1 ? `${page.heading}（第 ${page.pageNumber} 页）` : page.heading;
  const feed = page.feed ? `<p class="list-feed"><a href="${escapeHtml(page.feed.url)}">${escapeHtml(page.feed.label)}</a></p>` : '';
  return renderPage({
    site,
    path: page.path,
    title,
    description: page.description,
    section: page.section,
    main: `<h1>${escapeHtml(title)}</h1>
${feed}
${recordList(page.items, { showColumn: page.showColumn })}
${pagination(page)}`,
  });
}
