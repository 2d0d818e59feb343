// All districts, zones and unions with their counts, at /places/.
import { renderPlacesIndex } from '../src/site/pages/places.js';
import type { SiteModel } from '../src/site/model.js';
import { onePageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

export const data = onePageOf(PAGE_TYPES.places);

export function render(data: { siteModel: SiteModel }): string {
  return renderPlacesIndex(data.siteModel.placesIndex, data.siteModel.site, PAGE_TYPES.places.section);
}
