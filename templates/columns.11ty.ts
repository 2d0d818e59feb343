// The list of columns at /columns/.
import { renderColumns } from '../src/site/pages/columns.js';
import type { SiteModel } from '../src/site/model.js';
import { onePageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

export const data = onePageOf(PAGE_TYPES.columns);

export function render(data: { siteModel: SiteModel }): string {
  return renderColumns(data.siteModel);
}
