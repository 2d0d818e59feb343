// /opensearch.xml, linked from every page's <head>, so a browser can add the site's search.
import type { SiteModel } from '../src/site/model.js';
import { onePageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

export const data = onePageOf(PAGE_TYPES.openSearch);

export function render(data: { siteModel: SiteModel }): string {
  return data.siteModel.openSearch.text;
}
