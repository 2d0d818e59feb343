// The site's feeds, then the feeds each page type offers (a column's), in the order of the table.
import { SITE_NAME, type Feed } from '../model.js';
import { outputFileFor } from '../urls.js';
import type { BuildContext } from './context.js';
import { feedEntries } from './lists.js';

export function feeds(ctx: BuildContext): Feed[] {
  // Briefs (简讯) are in the main feeds too: each is news with its own page, and a subscriber should miss none of an
  // issue. A weekly issue holds about 20 records, so the newest FEED_SIZE still cover the latest issue.
  const site = { title: SITE_NAME, homeUrl: ctx.absolute('/'), id: ctx.absolute('/'), entries: feedEntries(ctx, ctx.newest) };
  const feed = (path: string, format: Feed['format']): Feed => ({ permalink: outputFileFor(path), path, format, selfUrl: ctx.absolute(path), ...site });
  return [
    feed('/feed.xml', 'atom'),
    feed('/feed.json', 'json'),
    ...ctx.pageTypes.flatMap((type) => (type.feeds ? ctx.once(type.feeds) : [])),
  ];
}
