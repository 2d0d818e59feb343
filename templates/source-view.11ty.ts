// Each bulletin's original text as HTML with line anchors, at /issues/<issue>/source/.
import { renderSource } from '../src/site/pages/source.js';
import type { SiteModel, SourcePage } from '../src/site/model.js';

interface Data {
  siteModel: SiteModel;
  entry: SourcePage;
}

export const data = {
  pagination: { data: 'siteModel.sources', size: 1, alias: 'entry' },
  permalink: (data: Data) => data.entry.htmlPermalink,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return renderSource(data.entry, data.siteModel.site);
}
