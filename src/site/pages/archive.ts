// 往期回顾: years, then the twelve months like an e-paper's past-issue calendar, then each month's issues.
import { escapeHtml } from '../escape.js';
import { renderPage } from '../layout.js';
import type { ArchiveYear, SiteModel } from '../model.js';
import { PAGE_TYPES, pathOf } from '../pageTypes.js';

function yearSection(year: ArchiveYear): string {
  const months = new Map(year.months.map((m) => [m.month, m.issues]));
  const cells = Array.from({ length: 12 }, (_, i) => i + 1).map((month) => {
    const issues = months.get(month);
    if (!issues) return `<li class="month empty"><span class="month-name">${month}月</span><span class="none">无</span></li>`;
    const links = issues.map((issue) => `<a href="${escapeHtml(issue.url)}" title="${escapeHtml(issue.name)}">${escapeHtml(issue.shortName)}</a>`).join('');
    return `<li class="month"><span class="month-name">${month}月</span>${links}</li>`;
  });
  const heading = year.url ? `<a href="${escapeHtml(year.url)}">${year.year}年</a>` : `${year.year}年`;
  const all = year.url ? `<p class="year-all"><a href="${escapeHtml(year.url)}">${year.year}年全部 ${year.count} 篇文章</a></p>` : '';
  return `<section class="archive-year" aria-labelledby="year-${year.year}">
<h2 id="year-${year.year}">${heading}</h2>
<ol class="months">
${cells.join('\n')}
</ol>
${all}
</section>`;
}

export function renderArchive(model: SiteModel): string {
  const years = model.archiveYears;
  const jump = years.length > 1
    ? `<nav class="year-jump" aria-label="年份"><ul>${years.map((y) => `<li><a href="#year-${y.year}">${y.year}</a></li>`).join('')}</ul></nav>`
    : '';
  return renderPage({
    site: model.site,
    path: pathOf(PAGE_TYPES.archive),
    title: '往期回顾',
    description: `${model.site.name}往期回顾：按年份和月份查看每一期简报。`,
    section: PAGE_TYPES.archive.section,
    main: `<h1>往期回顾</h1>\n<p class="archive-places">也可以<a href="${escapeHtml(`${model.site.prefix}/places/`)}">按区县和市级产业工会查看</a>。</p>\n${jump}\n${years.length ? years.map(yearSection).join('\n') : '<p>还没有发布简报。</p>'}`,
  });
}
