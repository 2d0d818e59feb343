// /robots.txt
import { renderRobots } from '../src/site/pages/feeds.js';
import type { SiteModel } from '../src/site/model.js';

export const data = { permalink: 'robots.txt', eleventyExcludeFromCollections: true };

export function render(data: { siteModel: SiteModel }): string {
  return renderRobots(data.siteModel);
}
