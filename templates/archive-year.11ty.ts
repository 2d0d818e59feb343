// Each year's articles, paginated: /archive/<YYYY>/, /archive/<YYYY>/page/<n>/.
import { renderList } from '../src/site/pages/list.js';
import type { ListPage, SiteModel } from '../src/site/model.js';
import { eachPageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

interface Data {
  siteModel: SiteModel;
  entry: ListPage;
}

export const data = eachPageOf(PAGE_TYPES.archiveYear);

export function render(data: Data): string {
  return renderList(data.entry, data.siteModel.site);
}
