// One bulletin: its table of contents by column in source order, and its briefs (一周动态) in full.
import { escapeHtml } from '../escape.js';
import { renderBody } from '../markdown.js';
import { renderPage } from '../layout.js';
import type { IssuePage, IssueRef, SiteInfo, TocGroup } from '../model.js';
import { PAGE_TYPES } from '../pageTypes.js';

/** Numbers run on across groups, so the table of contents also shows the reading order of the issue. */
function tocGroup(group: TocGroup, start: number): string {
  const heading = group.columnUrl
    ? `<a href="${escapeHtml(group.columnUrl)}">${escapeHtml(group.column)}</a>`
    : escapeHtml(group.column);
  const items = group.records.map((r) => `<li><a href="${escapeHtml(r.url)}">${escapeHtml(r.title)}</a></li>`).join('\n');
  return `<section class="toc-group">\n<h2>${heading}</h2>\n<ol${start > 1 ? ` start="${start}"` : ''}>\n${items}\n</ol>\n</section>`;
}

function tocGroups(groups: TocGroup[]): string {
  let start = 1;
  return groups
    .map((group) => {
      const html = tocGroup(group, start);
      start += group.records.length;
      return html;
    })
    .join('\n');
}

function counts(issue: IssuePage): string {
  return [issue.articleCount ? `${issue.articleCount} 篇文章` : '', issue.briefCount ? `${issue.briefCount} 条简讯` : ''].filter(Boolean).join('、') || '暂无文章';
}

export function issueNeighbours(previous: IssueRef | null, next: IssueRef | null, label = '前后期'): string {
  if (!previous && !next) return '';
  const item = (rel: 'prev' | 'next', label: string, ref: IssueRef | null) =>
    ref ? `<li class="${rel}"><span class="label">${label}</span><a rel="${rel}" href="${escapeHtml(ref.url)}">${escapeHtml(ref.name)}</a></li>` : '';
  return `<nav class="neighbours" aria-label="${escapeHtml(label)}">\n<ul>\n${item('prev', '上一期', previous)}\n${item('next', '下一期', next)}\n</ul>\n</nav>`;
}

/** The issue under an h1 (`heading`), its columns as h2, briefs as h3 with their sections from h4. */
export function issueContents(issue: IssuePage, heading: string, options: { briefsInFull: boolean }): string {
  const briefList = () =>
    `<ul class="brief-list">\n${issue.briefs.map((b) => `<li><a href="${escapeHtml(b.url)}">${escapeHtml(b.record.title)}</a></li>`).join('\n')}\n</ul>`;
  const briefs = issue.briefs.length && !options.briefsInFull
    ? `<section class="briefs" aria-labelledby="briefs-heading">\n<h2 id="briefs-heading">一周动态</h2>\n${briefList()}\n</section>`
    : issue.briefs.length
    ? `<section class="briefs" aria-labelledby="briefs-heading">
<h2 id="briefs-heading">一周动态</h2>
${issue.briefs
  .map(
    (b) => `<article class="brief">
<h3><a href="${escapeHtml(b.url)}">${escapeHtml(b.record.title)}</a></h3>
${renderBody(b.record.body, 4)}</article>`,
  )
  .join('\n')}
</section>`
    : '';
  return `<h1 class="issue-title">${heading}</h1>
<p class="issue-meta">${issue.nameIsDate ? '' : `<time datetime="${escapeHtml(issue.ref.datetime)}">${escapeHtml(issue.displayDate)}</time> · `}${counts(issue)} · <a href="${escapeHtml(issue.sourceUrl)}">原文</a>（<a href="${escapeHtml(issue.sourceTextUrl)}">纯文本</a>）</p>
${issue.toc.length ? `<nav class="toc" aria-label="本期目录">\n${tocGroups(issue.toc)}\n</nav>` : ''}
${briefs}`;
}

export function renderIssue(issue: IssuePage, site: SiteInfo): string {
  return renderPage({
    site,
    path: issue.path,
    title: issue.ref.name,
    description: `${issue.ref.name}：${issue.toc.flatMap((g) => g.records.map((r) => r.title)).slice(0, 5).join('；')}`,
    section: PAGE_TYPES.issue.section,
    // Also at the top: a reader going through the issues one by one need not scroll past a whole issue each time.
    main: `${issueNeighbours(issue.previous, issue.next, '前后期（页首）')}\n${issueContents(issue, escapeHtml(issue.ref.name), { briefsInFull: true })}\n${issueNeighbours(issue.previous, issue.next)}`,
  });
}
