// /data/: the open-data files and what their fields mean.
import { renderDataPage } from '../src/site/pages/openData.js';
import type { SiteModel } from '../src/site/model.js';
import { onePageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

export const data = onePageOf(PAGE_TYPES.openData);

export function render(data: { siteModel: SiteModel }): string {
  return renderDataPage(data.siteModel.dataPage, data.siteModel.site, PAGE_TYPES.openData.section);
}
