// A redirect page at every address the site published and no longer builds (content/published-urls.json).
import { renderRedirect } from '../src/site/pages/redirect.js';
import type { RedirectPage, SiteModel } from '../src/site/model.js';
import { eachPageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

interface Data {
  siteModel: SiteModel;
  entry: RedirectPage;
}

export const data = eachPageOf(PAGE_TYPES.redirect);

export function render(data: Data): string {
  return renderRedirect(data.entry, data.siteModel.site);
}
