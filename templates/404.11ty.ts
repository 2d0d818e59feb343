// /404.html, which static hosts serve for missing paths.
import { renderNotFound } from '../src/site/pages/notFound.js';
import type { SiteModel } from '../src/site/model.js';

export const data = { permalink: '404.html', eleventyExcludeFromCollections: true };

export function render(data: { siteModel: SiteModel }): string {
  return renderNotFound(data.siteModel.site);
}
