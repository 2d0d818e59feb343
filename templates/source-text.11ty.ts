// Each bulletin's original text as published: decoded to UTF-8 with LF line endings, at /issues/<issue>/source.txt.
import type { SiteModel, SourcePage } from '../src/site/model.js';

interface Data {
  siteModel: SiteModel;
  entry: SourcePage;
}

export const data = {
  pagination: { data: 'siteModel.sources', size: 1, alias: 'entry' },
  permalink: (data: Data) => data.entry.textPermalink,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return data.entry.text;
}
