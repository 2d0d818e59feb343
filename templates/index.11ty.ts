// Home page.
import { renderHome } from '../src/site/pages/home.js';
import type { SiteModel } from '../src/site/model.js';
import { onePageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

export const data = onePageOf(PAGE_TYPES.home);

export function render(data: { siteModel: SiteModel }): string {
  return renderHome(data.siteModel);
}
