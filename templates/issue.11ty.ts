// One page per bulletin at /issues/<issue>[-slug]/.
import { renderIssue } from '../src/site/pages/issue.js';
import type { IssuePage, SiteModel } from '../src/site/model.js';
import { eachPageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

interface Data {
  siteModel: SiteModel;
  entry: IssuePage;
}

export const data = eachPageOf(PAGE_TYPES.issue);

export function render(data: Data): string {
  return renderIssue(data.entry, data.siteModel.site);
}
