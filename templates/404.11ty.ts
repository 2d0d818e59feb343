// /404.html, which static hosts serve for missing paths.
import { renderNotFound } from '../src/site/pages/notFound.js';
import type { SiteModel } from '../src/site/model.js';
import { onePageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

export const data = onePageOf(PAGE_TYPES.notFound);

export function render(data: { siteModel: SiteModel }): string {
  return renderNotFound(data.siteModel.site);
}
