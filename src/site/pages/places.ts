// A district's or union's records, and the index of all of them with counts.
import type { PlaceListPage, PlacesIndex } from '../builders/places.js';
import { escapeHtml } from '../escape.js';
import { renderPage } from '../layout.js';
import type { SiteInfo } from '../model.js';
import { pagination, recordList } from './parts.js';

export function renderPlaceList(page: PlaceListPage, site: SiteInfo): string {
  const { place } = page;
  const title = page.pageNumber > 1 ? `${page.heading}（第 ${page.pageNumber} 页）` : page.heading;
  const about = [
    place.fullName ? escapeHtml(place.fullName) : '',
    place.count > 0 ? `共 ${place.count} 篇` : '',
    `<a href="${escapeHtml(page.indexUrl)}">全部区县和工会</a>`,
  ].filter(Boolean);
  const feed = page.feed ? `<p class="list-feed"><a href="${escapeHtml(page.feed.url)}">${escapeHtml(page.feed.label)}</a></p>` : '';
  const list =
    page.items.length > 0
      ? recordList(page.items, { showColumn: page.showColumn })
      : `<p class="place-empty">${page.asOf ? `截至最新一期（<a href="${escapeHtml(page.asOf.url)}">${escapeHtml(page.asOf.name)}</a>），` : ''}简报中还没有提到${escapeHtml(place.label)}的文章。</p>`;
  return renderPage({
    site,
    path: page.path,
    title,
    description: page.description,
    section: page.section,
    main: `<h1>${escapeHtml(title)}</h1>
<p class="place-about">${about.join(' · ')}</p>
${feed}
${list}
${pagination(page)}`,
  });
}

export function renderPlacesIndex(index: PlacesIndex, site: SiteInfo, section: PlaceListPage['section']): string {
  const groups = index.groups.map((group, i) => {
    const items = group.places.map((p) => {
      const count = p.count > 0 ? `${p.count} 篇` : '暂无文章';
      // The full name is for screen readers and the tooltip-less phone alike: it is in the text, smaller.
      const full = p.fullName ? `<span class="place-full">${escapeHtml(p.fullName)}</span>` : '';
      return `<li${p.count === 0 ? ' class="place-none"' : ''}><a href="${escapeHtml(p.url)}"><span class="place-name">${escapeHtml(p.label)}</span>${full}<span class="place-count">${count}</span></a></li>`;
    });
    return `<section class="place-group" aria-labelledby="place-group-${i}">
<h2 id="place-group-${i}">${escapeHtml(group.heading)}</h2>
<ul class="place-grid">
${items.join('\n')}
</ul>
</section>`;
  });
  return renderPage({
    site,
    path: index.path,
    title: '区县与工会',
    description: `${site.name}：按区县、功能区和市级产业工会查看提到它们的文章`,
    section,
    main: `<h1>区县与工会</h1>
<p class="place-intro">按文章提到的区县、功能区和市级产业（系统）工会查看。一篇文章提到几处，就列在几处之下；“暂无文章”表示到目前为止简报中还没有提到。</p>
${groups.join('\n')}`,
  });
}
