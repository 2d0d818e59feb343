// One record (article or brief): kicker, title and subtitle set like a newspaper page, then date, column, byline, body.
import { escapeHtml } from '../escape.js';
import { issuePublishedDate, publishedDate } from '../dates.js';
import { excerpt, plainText, renderBodyWithSections, type BodySection } from '../markdown.js';
import { renderPage, SITE_SHARE_IMAGE } from '../layout.js';
import { bylineAuthors } from '../authors.js';
import { qrCodeSvg } from '../qrCode.js';
import { PUBLISHER, type RecordLink, type RecordPage, type SiteInfo } from '../model.js';
import { bodyWithPhotos, captionsWithoutPhoto, shareImage } from '../../photos/markup.js';

export function articleJsonLd(page: RecordPage, site: SiteInfo): unknown {
  const absolute = (url: string) => `${site.origin}${url}`;
  const { record } = page;
  const image = shareImage(record) ?? SITE_SHARE_IMAGE;
  const authors = record.byline ? bylineAuthors(record.byline) : [];
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
    ...(authors.length ? { author: authors.map((name) => ({ '@type': 'Person', name })) } : {}),
    image: { '@type': 'ImageObject', url: absolute(`${site.prefix}${image.path}`), width: image.width, height: image.height },
    publisher: {
      '@type': 'Organization',
      name: PUBLISHER,
      logo: { '@type': 'ImageObject', url: absolute(`${site.prefix}${PUBLISHER_LOGO.path}`), width: PUBLISHER_LOGO.width, height: PUBLISHER_LOGO.height },
    },
    isPartOf: { '@type': 'PublicationIssue', name: page.issue.name, url: absolute(page.issue.url), datePublished: issuePublishedDate(page.issue) },
  };
}

const PUBLISHER_LOGO = { path: '/assets/icons/icon-512.png', width: 512, height: 512 };
/** Characters a minute for a reader of Chinese news; estimates for adults run from 300 to 500. */
const CHARACTERS_PER_MINUTE = 400;
/** From here an article gets a way back to the top even without sections: about three phone screens. */
const LONG_ARTICLE_CHARACTERS = 1200;

/** Where the page sits, for the eye and for search engines (BreadcrumbList). */
function breadcrumbs(page: RecordPage, site: SiteInfo): { html: string; jsonLd: unknown[] } {
  const trail = [
    { name: '首页', url: `${site.prefix}/` },
    { name: page.issue.name, url: page.issue.url },
    ...(page.column ? [{ name: page.column.name, url: page.column.url }] : []),
  ];
  const html = `<nav class="breadcrumbs" aria-label="当前位置">\n<ol>\n${trail
    .map((step) => `<li><a href="${escapeHtml(step.url)}">${escapeHtml(step.name)}</a></li>`)
    .join('\n')}\n</ol>\n</nav>`;
  return { html, jsonLd: [...trail, { name: page.record.title, url: page.url }] };
}

function breadcrumbJsonLd(steps: unknown[], site: SiteInfo): unknown {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: (steps as { name: string; url: string }[]).map((step, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: step.name,
      item: `${site.origin}${step.url}`,
    })),
  };
}

/** 字数 counts every written character, punctuation included, as Chinese editors count them; spaces are not. */
export function readingLength(body: string): { characters: number; minutes: number } {
  const characters = Array.from(plainText(body).replace(/\s/g, '')).length;
  return { characters, minutes: Math.max(1, Math.round(characters / CHARACTERS_PER_MINUTE)) };
}

function tableOfContents(sections: BodySection[]): string {
  // Subsections nest inside their section's item, so the numbers count sections only.
  const top = Math.min(...sections.map((s) => s.level));
  const link = (s: BodySection) => `<a href="#${s.id}">${escapeHtml(s.text)}</a>`;
  const items: string[] = [];
  let subs: string[] = [];
  const closeSubs = () => {
    if (subs.length === 0) return;
    const sub = `\n<ul>\n${subs.join('\n')}\n</ul>\n`;
    if (items.length === 0) items.push(`<li>${sub}</li>`);
    else items[items.length - 1] = items[items.length - 1]!.replace(/<\/li>$/, `${sub}</li>`);
    subs = [];
  };
  for (const section of sections) {
    if (section.level > top) {
      subs.push(`<li>${link(section)}</li>`);
    } else {
      closeSubs();
      items.push(`<li>${link(section)}</li>`);
    }
  }
  closeSubs();
  return `<nav class="article-toc" aria-labelledby="article-toc-heading">\n<h2 id="article-toc-heading">本文目录</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</nav>`;
}

/** A QR code of the page for a reader at a desk or with a printout, and a share button for a reader on a phone. */
function sharing(page: RecordPage, site: SiteInfo): string {
  const address = `${site.origin}${page.url}`;
  return `<aside class="share" aria-labelledby="share-heading">
<h2 id="share-heading">分享与保存</h2>
<figure class="share-qr">
${qrCodeSvg(address, `本文地址的二维码：${address}`)}
<figcaption>微信“扫一扫”，在手机上阅读本文</figcaption>
</figure>
<p class="share-actions"><button type="button" class="share-button" data-share-url="${escapeHtml(address)}" data-share-title="${escapeHtml(page.record.title)}">分享本文</button><span class="share-status" role="status"></span></p>
<p class="print-address">本文地址：${escapeHtml(address)}<br>出自：${escapeHtml(page.issue.name)}</p>
</aside>`;
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
  const body = renderBodyWithSections(record.body, 2);
  const length = readingLength(record.body);
  const trail = breadcrumbs(page, site);
  const toc = body.sections.length >= 2 ? tableOfContents(body.sections) : '';
  const toTop = toc !== '' || length.characters >= LONG_ARTICLE_CHARACTERS ? '<p class="to-top"><a href="#main">回到顶部</a></p>' : '';

  const main = `${trail.html}
<article class="record">
<header class="record-head">
${headline.join('\n')}
<p class="record-meta">${meta.join('<span class="sep" aria-hidden="true"> · </span>')}</p>
${record.kind === 'article' ? `<p class="reading-length">全文 ${length.characters.toLocaleString('en-US')} 字，约 ${length.minutes} 分钟读完</p>` : ''}
</header>
${toc}
<div class="record-body">
${bodyWithPhotos(record, body.html, site.prefix)}</div>
${captions}
${toTop}
${sharing(page, site)}
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
    jsonLd: [articleJsonLd(page, site), breadcrumbJsonLd(trail.jsonLd, site)],
    shareImage: shareImage(record) ?? SITE_SHARE_IMAGE,
    scripts: ['/assets/share.js'],
    main,
  });
}
