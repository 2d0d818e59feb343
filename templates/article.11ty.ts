// One page per record (articles and briefs) at /YYYY/MM/DD/<id>/.
import { renderArticle } from '../src/site/pages/article.js';
import type { RecordPage, SiteModel } from '../src/site/model.js';
import { eachPageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

interface Data {
  siteModel: SiteModel;
  entry: RecordPage;
}

export const data = eachPageOf(PAGE_TYPES.article);

export function render(data: Data): string {
  return renderArticle(data.entry, data.siteModel.site);
}
