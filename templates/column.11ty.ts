// Each column's articles, paginated: /columns/<id>/, /columns/<id>/page/<n>/.
import { renderList } from '../src/site/pages/list.js';
import type { ListPage, SiteModel } from '../src/site/model.js';

interface Data {
  siteModel: SiteModel;
  entry: ListPage;
}

export const data = {
  pagination: { data: 'siteModel.columnPages', size: 1, alias: 'entry' },
  permalink: (data: Data) => data.entry.permalink,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return renderList(data.entry, data.siteModel.site, 'column');
}
