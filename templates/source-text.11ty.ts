// Each bulletin's original text as published: decoded to UTF-8 with LF line endings, at /issues/<issue>/source.txt.
import type { SiteModel, SourcePage } from '../src/site/model.js';
import { eachPageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

interface Data {
  siteModel: SiteModel;
  entry: SourcePage;
}

export const data = eachPageOf(PAGE_TYPES.source, (entry: SourcePage) => entry.textPermalink);

export function render(data: Data): string {
  return data.entry.text;
}
