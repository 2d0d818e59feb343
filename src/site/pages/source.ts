// The original bulletin, line by line with anchors (`#L12`), so each article can point at the lines it came from.
import { escapeHtml } from '../escape.js';
import { renderPage } from '../layout.js';
import type { SiteInfo, SourcePage } from '../model.js';
import { PAGE_TYPES } from '../pageTypes.js';

export function renderSource(source: SourcePage, site: SiteInfo): string {
  const lines = source.text.replace(/\n$/, '').split('\n');
  const rows = lines.map((line, i) => `<li id="L${i + 1}">${escapeHtml(line)}</li>`).join('\n');
  const title = `${source.issue.name} · 原文`;
  return renderPage({
    site,
    path: source.path,
    title,
    description: `${source.issue.name}的原始文本`,
    section: PAGE_TYPES.source.section,
    // The raw text is for checking an article against its source, not for search results: each article carries it.
    noindex: true,
    main: `<h1>${escapeHtml(title)}</h1>
<p class="issue-meta">返回 <a href="${escapeHtml(source.issue.url)}">${escapeHtml(source.issue.name)}</a> · <a href="${escapeHtml(`${site.prefix}/${source.textPermalink}`)}">下载纯文本</a></p>
<ol class="source-lines">
${rows}
</ol>`,
  });
}
