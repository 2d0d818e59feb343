// One page per bulletin at /issues/<issue>[-slug]/.
import { renderIssue } from '../src/site/pages/issue.js';
import type { IssuePage, SiteModel } from '../src/site/model.js';

interface Data {
  siteModel: SiteModel;
  entry: IssuePage;
}

export const data = {
  pagination: { data: 'siteModel.issues', size: 1, alias: 'entry' },
  permalink: (data: Data) => data.entry.permalink,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return renderIssue(data.entry, data.siteModel.site);
}
