// Atom /feed.xml, JSON Feed /feed.json, and one Atom feed per column at /columns/<id>/feed.xml.
import { renderFeed } from '../src/site/pages/feeds.js';
import type { Feed } from '../src/site/model.js';

interface Data {
  entry: Feed;
}

export const data = {
  pagination: { data: 'siteModel.feeds', size: 1, alias: 'entry' },
  permalink: (data: Data) => data.entry.permalink,
  eleventyExcludeFromCollections: true,
};

export function render(data: Data): string {
  return renderFeed(data.entry);
}
