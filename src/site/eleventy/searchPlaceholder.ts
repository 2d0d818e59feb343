// /search/ belongs to the search work. It may be an Eleventy template (`templates/search.njk`, `search.11ty.ts`, …),
// which then renders itself with `layout: base`; or a module `templates/search.ts` exporting `searchPage` (the shell
// fields of `renderPage` minus `site`), which this plugin renders with the site's layout. With neither, a placeholder
// keeps the header's search form from leading to a 404.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { escapeHtml } from '../escape.js';
import { renderPage, type PageShell } from '../layout.js';
import type { SiteModel } from '../model.js';

const SEARCH_PATH = '/search/';

export default function searchPlaceholder(eleventyConfig: any, options: { templatesDir: string }): void {
  const names = readdirSync(options.templatesDir);
  const hasTemplate = names.some((name) => name.startsWith('search.') && name !== 'search.ts');
  if (hasTemplate) return;
  const moduleFile = join(options.templatesDir, 'search.ts');
  eleventyConfig.addTemplate('search-page.11ty.js', {
    data: { permalink: 'search/index.html', eleventyExcludeFromCollections: true },
    async render(data: { siteModel: SiteModel }): Promise<string> {
      const site = data.siteModel.site;
      if (existsSync(moduleFile)) {
        const { searchPage } = (await import(pathToFileURL(moduleFile).href)) as { searchPage: Omit<PageShell, 'site'> };
        return renderPage({ ...searchPage, path: SEARCH_PATH, site });
      }
      return renderPage({
        site,
        path: SEARCH_PATH,
        title: '搜索',
        section: 'search',
        main: `<h1>搜索</h1>\n<p>搜索功能正在建设中。请先浏览<a href="${escapeHtml(`${site.prefix}/archive/`)}">往期回顾</a>。</p>`,
      });
    },
  });
}
