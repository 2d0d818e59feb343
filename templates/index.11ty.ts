// Home page.
import { renderHome } from '../src/site/pages/home.js';
import type { SiteModel } from '../src/site/model.js';

export const data = { permalink: 'index.html', eleventyExcludeFromCollections: true };

export function render(data: { siteModel: SiteModel }): string {
  return renderHome(data.siteModel);
}
