// 往期回顾 at /archive/.
import { renderArchive } from '../src/site/pages/archive.js';
import type { SiteModel } from '../src/site/model.js';
import { onePageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

export const data = onePageOf(PAGE_TYPES.archive);

export function render(data: { siteModel: SiteModel }): string {
  return renderArchive(data.siteModel);
}
