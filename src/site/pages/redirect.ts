// A page at an address the site once published (content/published-urls.json) that no longer holds its page: it
// sends the browser on at once with a meta refresh (the CSP allows no inline script), names the new address as
// canonical so search engines move their entry, and shows the link for a reader whose browser does not follow.
import { escapeHtml } from '../escape.js';
import { renderPage } from '../layout.js';
import type { RedirectPage, SiteInfo } from '../model.js';

export function renderRedirect(page: RedirectPage, site: SiteInfo): string {
  const link = `<a href="${escapeHtml(page.targetUrl)}">${escapeHtml(page.targetTitle)}</a>`;
  const what = page.kind === 'issue' ? '本期简报' : '本文';
  const [title, heading, body] =
    page.reason === 'moved'
      ? [
          `已移至：${page.targetTitle}`,
          `${what}已移至新地址`,
          `<p>您打开的是${what}的旧地址。${what}现在的地址是：</p>\n<p>${link}</p>`,
        ]
      : page.kind === 'issue'
        ? ['本期简报已撤下', '本期简报已撤下', `<p>这期简报已从网站撤下。可以在${link}中查看其他各期。</p>`]
        : page.targetPath.startsWith('/issues/')
          ? ['本文已撤下', '本文已撤下', `<p>这篇文章已从网站撤下。它原来刊登在：</p>\n<p>${link}</p>`]
          : ['本文已撤下', '本文已撤下', `<p>这篇文章已从网站撤下。可以在${link}中查看其他文章。</p>`];
  return renderPage({
    site,
    path: page.path,
    canonicalPath: page.targetPath,
    refreshTo: page.targetPath,
    title,
    main: `<h1>${escapeHtml(heading)}</h1>
${body}
<p>如果浏览器没有自动跳转，请点击上面的链接，并更新您的书签或收藏。</p>`,
  });
}
