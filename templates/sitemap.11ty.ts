// /sitemap.xml
import { renderSitemap } from '../src/site/pages/feeds.js';
import type { SiteModel } from '../src/site/model.js';
import { onePageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

export const data = onePageOf(PAGE_TYPES.sitemap);

export function render(data: { siteModel: SiteModel }): string {
  return renderSitemap(data.siteModel);
}
