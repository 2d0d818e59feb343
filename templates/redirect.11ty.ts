// A redirect page at every address the site published and no longer builds (content/published-urls.json).
import { renderRedirect } from '../src/site/pages/redirect.js';
import type { RedirectPage, SiteModel } from '../src/site/model.js';

interface Data {
  siteModel: SiteModel;
  entry: RedirectPage;
}

export const data = {
  pagination: { data: 'siteModel.redirects', size: 1, alias: 'entry' },
  permalink: (data: Data) => data.entry.permalink,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return renderRedirect(data.entry, data.siteModel.site);
}
