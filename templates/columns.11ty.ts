// The list of columns at /columns/.
import { renderColumns } from '../src/site/pages/columns.js';
import type { SiteModel } from '../src/site/model.js';

export const data = { permalink: 'columns/index.html', eleventyExcludeFromCollections: true };

export function render(data: { siteModel: SiteModel }): string {
  return renderColumns(data.siteModel);
}
