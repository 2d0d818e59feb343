// Atom and JSON Feed. Entry times are the records' calendar dates at midnight in Chongqing, never the build's clock; a
// record whose day is unknown is dated by its issue (both formats want a full timestamp).
import { escapeXml } from '../escape.js';
import { feedDateTime, isoDateTime } from '../dates.js';
import { excerpt, renderBody } from '../markdown.js';
import type { Feed, RecordPage, SiteModel } from '../model.js';

/** An entry's categories: its column if it has one, and 简讯 for a brief. */
function tagsOf(page: RecordPage): string[] {
  return [...(page.column ? [page.column.name] : []), ...(page.record.kind === 'brief' ? ['简讯'] : [])];
}

function entryHtml(feedEntry: Feed['entries'][number]): string {
  const { record } = feedEntry.page;
  const head = [record.kicker, record.subtitle].filter(Boolean).map((t) => `<p>${escapeXml(t!)}</p>`).join('');
  return head + renderBody(record.body, 2);
}

export function renderAtom(feed: Feed): string {
  const times = feed.entries.map(({ page }) => feedDateTime(page.record, page.issue));
  const updated = times.length ? times.reduce((a, b) => (b > a ? b : a)) : isoDateTime('2000-01-01');
  const entries = feed.entries.map((entry, i) => {
    const { page } = entry;
    const record = page.record;
    return `<entry>
<title>${escapeXml(record.title)}</title>
<link href="${escapeXml(entry.url)}"/>
<id>${escapeXml(entry.id)}</id>
<published>${times[i]}</published>
<updated>${times[i]}</updated>
${record.byline ? `<author><name>${escapeXml(record.byline)}</name></author>` : ''}
${tagsOf(page).map((tag) => `<category term="${escapeXml(tag)}"/>`).join('')}
<summary>${escapeXml(excerpt(record.body))}</summary>
<content type="html">${escapeXml(entryHtml(entry))}</content>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<title>${escapeXml(feed.title)}</title>
<link href="${escapeXml(feed.selfUrl)}" rel="self"/>
<link href="${escapeXml(feed.homeUrl)}"/>
<id>${escapeXml(feed.id)}</id>
<updated>${updated}</updated>
<author><name>重庆市总工会</name></author>
${entries.join('\n')}
</feed>
`;
}

export function renderJsonFeed(feed: Feed): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      home_page_url: feed.homeUrl,
      feed_url: feed.selfUrl,
      language: 'zh-CN',
      items: feed.entries.map((entry) => ({
        id: entry.id,
        url: entry.url,
        title: entry.page.record.title,
        content_html: entryHtml(entry),
        summary: excerpt(entry.page.record.body),
        date_published: feedDateTime(entry.page.record, entry.page.issue),
        ...(tagsOf(entry.page).length ? { tags: tagsOf(entry.page) } : {}),
        ...(entry.page.record.byline ? { authors: [{ name: entry.page.record.byline }] } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}

export function renderFeed(feed: Feed): string {
  return feed.format === 'atom' ? renderAtom(feed) : renderJsonFeed(feed);
}

export function renderSitemap(model: SiteModel): string {
  const { origin, prefix } = model.site;
  const urls = model.sitemap.map(({ path, lastmod }) => `<url><loc>${escapeXml(`${origin}${prefix}${path}`)}</loc><lastmod>${lastmod}</lastmod></url>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

export function renderRobots(model: SiteModel): string {
  const { origin, prefix } = model.site;
  return `User-agent: *
Allow: /

Sitemap: ${origin}${prefix}/sitemap.xml
`;
}
