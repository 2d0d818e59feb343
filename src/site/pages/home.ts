// The front page: the latest issue in full reading order, then the most recent articles, then ways into the archive.
import { escapeHtml } from '../escape.js';
import { renderPage } from '../layout.js';
import type { SiteModel } from '../model.js';
import { issueContents } from './issue.js';
import { recordList } from './parts.js';
import { PAGE_TYPES, pathOf } from '../pageTypes.js';

export function renderHome(model: SiteModel): string {
  const { site, home } = model;
  const url = (path: string) => escapeHtml(`${site.prefix}${path}`);
  const latest = home.latest
    ? `<section class="latest-issue">
${issueContents(home.latest, `<span class="eyebrow">最新一期</span> <a href="${escapeHtml(home.latest.url)}">${escapeHtml(home.latest.ref.name)}</a>`, { briefsInFull: false })}
</section>`
    : '<h1>最新一期</h1>\n<p>还没有发布简报。</p>';
  const recent = home.recent.length
    ? `<section class="recent" aria-labelledby="recent-heading">\n<h2 id="recent-heading">近期文章</h2>\n${recordList(home.recent)}\n</section>`
    : '';
  const browse = `<section class="browse" aria-labelledby="browse-heading">
<h2 id="browse-heading">浏览与查找</h2>
<ul class="browse-links">
<li><a href="${url('/archive/')}">往期回顾</a>：按年份、月份查看每一期简报</li>
<li><a href="${url('/columns/')}">栏目</a>：按栏目阅读</li>
<li><a href="${url('/places/')}">区县与工会</a>：按区县、功能区和市级产业工会查看</li>
<li><a href="${url('/search/')}">搜索</a>：按关键词查找文章</li>
</ul>
</section>`;
  return renderPage({
    site,
    path: pathOf(PAGE_TYPES.home),
    title: null,
    description: `${site.name}：按期、按日期、按栏目浏览重庆市总工会每周工作简报。`,
    section: PAGE_TYPES.home.section,
    main: `${latest}\n${recent}\n${browse}`,
  });
}
