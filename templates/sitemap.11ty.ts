// /sitemap.xml
import { renderSitemap } from '../src/site/pages/feeds.js';
import type { SiteModel } from '../src/site/model.js';

export const data = { permalink: 'sitemap.xml', eleventyExcludeFromCollections: true };

export function render(data: { siteModel: SiteModel }): string {
  return renderSitemap(data.siteModel);
}
