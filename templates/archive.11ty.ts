// 往期回顾 at /archive/.
import { renderArchive } from '../src/site/pages/archive.js';
import type { SiteModel } from '../src/site/model.js';

export const data = { permalink: 'archive/index.html', eleventyExcludeFromCollections: true };

export function render(data: { siteModel: SiteModel }): string {
  return renderArchive(data.siteModel);
}
