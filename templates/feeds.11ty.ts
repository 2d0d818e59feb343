// Atom /feed.xml, JSON Feed /feed.json, and one Atom feed per column at /columns/<id>/feed.xml.
import { renderFeed } from '../src/site/pages/feeds.js';
import type { Feed } from '../src/site/model.js';
import { eachPageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

interface Data {
  entry: Feed;
}

export const data = eachPageOf(PAGE_TYPES.feed);

export function render(data: Data): string {
  return renderFeed(data.entry);
}
