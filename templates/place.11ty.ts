// Each district's and zone's records, paginated: /places/<id>/, /places/<id>/page/<n>/.
import type { PlaceListPage } from '../src/site/builders/places.js';
import { renderPlaceList } from '../src/site/pages/places.js';
import type { SiteModel } from '../src/site/model.js';
import { eachPageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

export const data = eachPageOf(PAGE_TYPES.district);

export function render(data: { siteModel: SiteModel; entry: PlaceListPage }): string {
  return renderPlaceList(data.entry, data.siteModel.site);
}
