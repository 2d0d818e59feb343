// Record lists cut into pages (a year of the archive, a column): how a list page type is declared, and what every
// such type shares, the pagination, the sitemap date and the optional Atom feed of each list.
import type { NavSection } from '../layout.js';
import { FEED_SIZE, LIST_PAGE_SIZE, SITE_NAME, type Feed, type FeedEntry, type ListPage, type RecordPage } from '../model.js';
import type { PageType } from '../pageTypes.js';
import { listPagePath, outputFileFor } from '../urls.js';
import type { BuildContext } from './context.js';

export interface RecordList {
  /** The first page's path (`/columns/<id>/`); later pages are at `page/N/` under it. */
  path: string;
  name: string;
  /** Newest first. */
  records: RecordPage[];
}

export interface RecordListType<K extends string> {
  kind: string;
  data: K;
  /** The lists, each of which becomes one or more pages, in the order their feeds are listed. */
  lists: (ctx: BuildContext) => RecordList[];
  heading: (list: RecordList) => string;
  description: (list: RecordList) => string;
  /** Whether an item shows its column (a column's own list need not). */
  showColumn: boolean;
  /** Each list's own Atom feed at `<path>feed.xml`, offered on its pages with this link; none without. */
  feedLink?: string;
  path: RegExp;
  section: NavSection;
  templates: readonly string[];
}

/** A page type whose pages are record lists, paginated `LIST_PAGE_SIZE` to a page, and all in the sitemap. */
export function recordListType<const K extends string>(type: RecordListType<K>): PageType<K, ListPage[], true> {
  return {
    kind: type.kind,
    data: type.data,
    build: (ctx) => ctx.once(type.lists).flatMap((list) => listPages(ctx, type, list)),
    paginated: true,
    html: true,
    path: type.path,
    section: type.section,
    sitemapLastmod: (page) => page.lastmod,
    feeds: type.feedLink === undefined ? undefined : (ctx) => ctx.once(type.lists).map((list) => listFeed(ctx, list)),
    templates: type.templates,
  };
}

function listPages(ctx: BuildContext, type: RecordListType<string>, list: RecordList): ListPage[] {
  const pageCount = Math.max(1, Math.ceil(list.records.length / LIST_PAGE_SIZE));
  // Every page of a list changes when an item is added at its head, so all of them carry the list's newest issue.
  const lastmod = list.records.reduce((d, p) => (p.issue.date > d ? p.issue.date : d), '');
  const feed = type.feedLink === undefined ? null : { url: ctx.url(`${list.path}feed.xml`), label: type.feedLink };
  const pages: ListPage[] = [];
  for (let n = 1; n <= pageCount; n++) {
    const path = listPagePath(list.path, n);
    pages.push({
      permalink: outputFileFor(path),
      path,
      url: ctx.url(path),
      heading: type.heading(list),
      description: type.description(list),
      section: type.section,
      showColumn: type.showColumn,
      baseUrl: ctx.url(list.path),
      pageNumber: n,
      pageCount,
      previousUrl: n > 1 ? ctx.url(listPagePath(list.path, n - 1)) : null,
      nextUrl: n < pageCount ? ctx.url(listPagePath(list.path, n + 1)) : null,
      items: list.records.slice((n - 1) * LIST_PAGE_SIZE, n * LIST_PAGE_SIZE).map(ctx.link),
      feed,
      lastmod,
    });
  }
  return pages;
}

function listFeed(ctx: BuildContext, list: RecordList): Feed {
  const path = `${list.path}feed.xml`;
  return {
    permalink: outputFileFor(path),
    path,
    format: 'atom',
    title: `${list.name} · ${SITE_NAME}`,
    selfUrl: ctx.absolute(path),
    homeUrl: ctx.absolute(list.path),
    id: ctx.absolute(list.path),
    entries: feedEntries(ctx, list.records),
  };
}

/** The newest `FEED_SIZE` of `pages` (newest first), each under the address it was first published at. */
export function feedEntries(ctx: BuildContext, pages: RecordPage[]): FeedEntry[] {
  return pages
    .slice(0, FEED_SIZE)
    .map((page) => ({ page, url: ctx.absolute(page.path), id: ctx.absolute(ctx.plan?.feedIds.get(page.path) ?? page.path) }));
}
