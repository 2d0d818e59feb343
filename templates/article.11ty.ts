// One page per record (articles and briefs) at /YYYY/MM/DD/<id>/.
import { renderArticle } from '../src/site/pages/article.js';
import type { RecordPage, SiteModel } from '../src/site/model.js';

interface Data {
  siteModel: SiteModel;
  entry: RecordPage;
}

export const data = {
  pagination: { data: 'siteModel.records', size: 1, alias: 'entry' },
  permalink: (data: Data) => data.entry.permalink,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return renderArticle(data.entry, data.siteModel.site);
}
