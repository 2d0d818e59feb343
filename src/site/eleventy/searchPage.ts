// /search/ is written by the search work as a module, templates/search.ts, exporting `searchPage`: the shell fields
// of `renderPage` (its own <main>, stylesheet and script) minus `site`. This plugin renders it with the site's layout.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderPage, type PageShell } from '../layout.js';
import type { SiteModel } from '../model.js';
import { PAGE_TYPES, pathOf } from '../pageTypes.js';
import { outputFileFor } from '../urls.js';

export default function renderSearchPage(eleventyConfig: any, options: { templatesDir: string }): void {
  const type = PAGE_TYPES.search;
  const moduleFile = join(options.templatesDir, type.templates[0]!);
  eleventyConfig.addTemplate('search-page.11ty.js', {
    data: { permalink: outputFileFor(pathOf(type)), eleventyExcludeFromCollections: true },
    async render(data: { siteModel: SiteModel }): Promise<string> {
      const { searchPage } = (await import(pathToFileURL(moduleFile).href)) as { searchPage: Omit<PageShell, 'site'> };
      return renderPage({ ...searchPage, path: pathOf(type), site: data.siteModel.site });
    },
  });
}
