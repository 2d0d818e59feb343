// Each bulletin's original text as HTML with line anchors, at /issues/<issue>/source/.
import { renderSource } from '../src/site/pages/source.js';
import type { SiteModel, SourcePage } from '../src/site/model.js';
import { eachPageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

interface Data {
  siteModel: SiteModel;
  entry: SourcePage;
}

export const data = eachPageOf(PAGE_TYPES.source, (entry: SourcePage) => entry.htmlPermalink);

export function render(data: Data): string {
  return renderSource(data.entry, data.siteModel.site);
}
