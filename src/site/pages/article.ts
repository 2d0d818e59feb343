// One record (article or brief): kicker, title and subtitle set like a newspaper page, then date, column, byline, body.
import { escapeHtml } from '../escape.js';
import { issuePublishedDate, publishedDate } from '../dates.js';
import { renderBody, excerpt } from '../markdown.js';
import { renderPage } from '../layout.js';
import { PUBLISHER, type RecordLink, type RecordPage, type SiteInfo } from '../model.js';
import { bodyWithPhotos, captionsWithoutPhoto, shareImage } from '../../photos/markup.js';

export function articleJsonLd(page: RecordPage, site: SiteInfo): unknown {
  const absolute = (url: string) => `${site.origin}${url}`;
  const { record } = page;
  const photo = shareImage(record);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: record.title,
    ...(record.subtitle ? { alternativeHeadline: record.subtitle } : {}),
    datePublished: publishedDate(record, page.issue),
    ...(page.column ? { articleSection: page.column.name } : {}),
    inLanguage: 'zh-CN',
    url: absolute(page.url),
    mainEntityOfPage: absolute(page.url),
    ...(record.byline ? { author: { '@type': 'Person', name: record.byline } } : {}),
    ...(photo ? { image: { '@type': 'ImageObject', url: absolute(`${site.prefix}${photo.path}`), width: photo.width, height: photo.height } } : {}),
    publisher: { '@type': 'Organization', name: PUBLISHER },
    isPartOf: { '@type': 'PublicationIssue', name: page.issue.name, url: absolute(page.issue.url), datePublished: issuePublishedDate(page.issue) },
  };
}

function neighbour(rel: 'prev' | 'next', label: string, link: RecordLink | null): string {
  if (!link) return '';
  return `<li class="${rel}"><span class="label">${label}</span><a rel="${rel}" href="${escapeHtml(link.url)}">${escapeHtml(link.title)}</a></li>`;
}

export function renderArticle(page: RecordPage, site: SiteInfo): string {
  const { record } = page;
  const meta = [
    `<time datetime="${escapeHtml(page.datetime)}">${escapeHtml(page.displayDate)}</time>`,
    page.column
      ? `<a href="${escapeHtml(page.column.url)}">${escapeHtml(page.column.name)}</a>`
      : '',
    record.kind === 'brief' ? '<span>简讯</span>' : '',
    record.byline ? `<span class="byline">${escapeHtml(record.byline)}</span>` : '',
  ].filter(Boolean);
  // Captions whose photo the archive does not have: said plainly, so they never read as a picture failing to load.
  const unillustrated = captionsWithoutPhoto(record);
  const captions = unillustrated.length
    ? `<aside class="captions" aria-labelledby="captions-heading">\n<p class="captions-label" id="captions-heading">原刊图片说明（图片未收录）</p>\n${unillustrated.map((c) => `<p class="caption">${escapeHtml(c)}</p>`).join('\n')}\n</aside>`
    : '';
  const lines =
    record.source.startLine === record.source.endLine
      ? `第 ${record.source.startLine} 行`
      : `第 ${record.source.startLine}–${record.source.endLine} 行`;
  const related = page.related.length
    ? `<section class="related" aria-labelledby="related-heading">
<h2 id="related-heading">相关文章</h2>
<ul>
${page.related.map((r) => `<li><a href="${escapeHtml(r.url)}">${escapeHtml(r.title)}</a><span class="item-meta">${escapeHtml([r.displayDate, r.column].filter(Boolean).join(' · '))}</span></li>`).join('\n')}
</ul>
</section>`
    : '';

  const headline = [
    record.kicker ? `<p class="kicker">${escapeHtml(record.kicker)}</p>` : '',
    `<h1>${escapeHtml(record.title)}</h1>`,
    record.subtitle ? `<p class="subtitle">${escapeHtml(record.subtitle)}</p>` : '',
  ].filter(Boolean);
  const neighbours = [neighbour('prev', '上一篇', page.previous), neighbour('next', '下一篇', page.next)].filter(Boolean);

  const main = `<article class="record">
<header class="record-head">
${headline.join('\n')}
<p class="record-meta">${meta.join('<span class="sep" aria-hidden="true"> · </span>')}</p>
</header>
<div class="record-body">
${bodyWithPhotos(record, renderBody(record.body, 2), site.prefix)}</div>
${captions}
</article>
<footer class="record-foot">
${page.places.length ? `<p class="record-places">本文涉及：${page.places.map((p) => `<a href="${escapeHtml(p.url)}">${escapeHtml(p.label)}</a>`).join('、')}</p>` : ''}
<p class="from-issue">出自 <a href="${escapeHtml(page.issue.url)}">${escapeHtml(page.issue.name)}</a> · <a href="${escapeHtml(page.sourceUrl)}">原文${lines}</a>（<a href="${escapeHtml(page.sourceTextUrl)}">纯文本</a>）</p>
${neighbours.length ? `<nav class="neighbours" aria-label="本期上下篇">\n<ul>\n${neighbours.join('\n')}\n</ul>\n</nav>` : ''}
${related}
</footer>`;

  return renderPage({
    site,
    path: page.path,
    title: record.title,
    description: excerpt(record.body),
    openGraph: { type: 'article', publishedTime: publishedDate(record, page.issue), ...(page.column ? { section: page.column.name } : {}) },
    jsonLd: articleJsonLd(page, site),
    main,
  });
}
