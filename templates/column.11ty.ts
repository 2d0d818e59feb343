// Each column's articles, paginated: /columns/<id>/, /columns/<id>/page/<n>/.
import { renderList } from '../src/site/pages/list.js';
import type { ListPage, SiteModel } from '../src/site/model.js';
import { eachPageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

interface Data {
  siteModel: SiteModel;
  entry: ListPage;
}

export const data = eachPageOf(PAGE_TYPES.column);

export function render(data: Data): string {
  return renderList(data.entry, data.siteModel.site);
}
