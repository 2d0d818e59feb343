// Every kind of page the site has, one entry each: its data and the builder that makes it, its address, the header
// link it sits under, whether it is in the sitemap and what feeds it offers, and its templates. The model
// (buildModel), the sitemap, the feeds, the header navigation, the dev server's list of paginated data and the tests'
// list of page kinds all read this table, so a new kind of page is one builder file, one template and one entry here.
// The order is the sitemap's and the navigation's.
import { archiveYears, yearLists } from './builders/archive.js';
import { columnLists, columnSummaries } from './builders/columns.js';
import type { BuildContext } from './builders/context.js';
import { feeds } from './builders/feeds.js';
import { homePage } from './builders/home.js';
import { issuePages, newestIssueDate, sourcePages } from './builders/issues.js';
import { recordListType } from './builders/lists.js';
import { dataFiles, dataPage, openSearch } from './builders/openData.js';
import { districtLists, placeListType, placesIndex, unionLists } from './builders/places.js';
import { recordPages } from './builders/records.js';
import { redirectPages } from './builders/redirects.js';
import { sitemap } from './builders/sitemap.js';
import type { NavSection } from './layout.js';
import type { Feed } from './model.js';
import { outputFileFor } from './urls.js';

/** What one page of a type is: an item of its data, or for a single page its path alone. */
type PageOf<D, Paginated extends boolean> = Paginated extends true ? (D extends readonly (infer P)[] ? P : never) : { path: string };

export interface PageType<K extends string = never, D = unknown, Paginated extends boolean = boolean> {
  /** What tests and messages call it. */
  kind: string;
  /** Where its data is in the site model (`siteModel.<data>`); none for a page that needs only the site (404). */
  data?: K;
  build?: (ctx: BuildContext) => D;
  /** One page per item of the data (each item has its own `path`), or one page at `path`. */
  paginated: Paginated;
  /** An HTML page a reader sees (the accessibility and larger-text gates check one of each). */
  html: boolean;
  /** A site may have none (a redirect exists only once a published address moved), so tests require none. */
  mayBeAbsent?: boolean;
  /** Unprefixed: the page's own path, or the pattern every path of a paginated type matches. */
  path: string | RegExp;
  /** The header link marked as the current section on its pages. */
  section: NavSection;
  /** Its link text in the header navigation, for a page the navigation leads to. */
  navLink?: string;
  /** In the sitemap, with this <lastmod> (`YYYY-MM-DD`); left out without. */
  sitemapLastmod?: (page: PageOf<D, Paginated>, ctx: BuildContext) => string;
  /** Feeds its pages offer, listed after the site's own. */
  feeds?: (ctx: BuildContext) => Feed[];
  /** In templates/; a page written in two forms (HTML and text) has two. */
  templates: readonly string[];
}

/** Any entry of the table, whatever its data. */
export type AnyPageType = PageType<string, any, boolean>;

/** Declares a page type; its data key and `paginated` stay literal, so the site model's type follows the table. */
export function pageType<const K extends string = never, D = unknown, const Paginated extends boolean = boolean>(
  type: PageType<K, D, Paginated>,
): PageType<K, D, Paginated> {
  return type;
}

export const PAGE_TYPES = {
  home: pageType({
    kind: 'home',
    data: 'home',
    build: homePage,
    paginated: false,
    html: true,
    path: '/',
    section: 'home',
    navLink: '首页',
    sitemapLastmod: (_, ctx) => newestIssueDate(ctx),
    templates: ['index.11ty.ts'],
  }),
  archive: pageType({
    kind: 'archive',
    data: 'archiveYears',
    build: archiveYears,
    paginated: false,
    html: true,
    path: '/archive/',
    section: 'archive',
    navLink: '往期',
    sitemapLastmod: (_, ctx) => newestIssueDate(ctx),
    templates: ['archive.11ty.ts'],
  }),
  columns: pageType({
    kind: 'columns',
    data: 'columns',
    build: columnSummaries,
    paginated: false,
    html: true,
    path: '/columns/',
    section: 'columns',
    navLink: '栏目',
    sitemapLastmod: (_, ctx) => newestIssueDate(ctx),
    templates: ['columns.11ty.ts'],
  }),
  // Districts and unions a record names (src/places/): the index with counts, and a list per gazetteer entry.
  places: pageType({
    kind: 'places',
    data: 'placesIndex',
    build: placesIndex,
    paginated: false,
    html: true,
    path: '/places/',
    // No header link: a fourth one makes the header taller than a third of a 390×844 screen with text at 200 %
    // (319 px against 281); the archive page and the footer link it instead, so it sits under 往期.
    section: 'archive',
    sitemapLastmod: (_, ctx) => newestIssueDate(ctx),
    templates: ['places.11ty.ts'],
  }),
  issue: pageType({
    kind: 'issue',
    data: 'issues',
    build: issuePages,
    paginated: true,
    html: true,
    path: /^\/issues\/[^/]+\/$/,
    section: 'archive',
    sitemapLastmod: (issue) => issue.ref.date,
    templates: ['issue.11ty.ts'],
  }),
  article: pageType({
    kind: 'article',
    data: 'records',
    build: recordPages,
    paginated: true,
    html: true,
    path: /^\/\d{4}\/\d{2}\/\d{2}\/[A-Za-z0-9_-]+\/$/,
    section: null,
    sitemapLastmod: (page) => page.issue.date,
    templates: ['article.11ty.ts'],
  }),
  column: recordListType({
    kind: 'column',
    data: 'columnPages',
    lists: columnLists,
    heading: (column) => column.name,
    description: (column) => `栏目“${column.name}”的全部文章`,
    showColumn: false,
    feedLink: '订阅本栏目（Atom）',
    path: /^\/columns\/[0-9a-f]{8}\/(?:page\/\d+\/)?$/,
    section: 'columns',
    templates: ['column.11ty.ts'],
  }),
  archiveYear: recordListType({
    kind: 'archive year',
    data: 'yearPages',
    lists: yearLists,
    heading: (year) => `${year.name}文章`,
    description: (year) => `${year.name}的全部文章`,
    showColumn: true,
    path: /^\/archive\/\d{4}\/(?:page\/\d+\/)?$/,
    section: 'archive',
    templates: ['archive-year.11ty.ts'],
  }),
  district: placeListType({
    kind: 'district',
    data: 'districtPages',
    lists: districtLists,
    heading: (list) => list.name,
    description: (list) => `提到${list.name}的全部文章`,
    showColumn: true,
    feedLink: '订阅本区县（Atom）',
    path: /^\/places\/[a-z]+\/(?:page\/\d+\/)?$/,
    section: 'archive',
    templates: ['place.11ty.ts'],
  }),
  union: placeListType({
    kind: 'union',
    data: 'unionPages',
    lists: unionLists,
    heading: (list) => list.name,
    description: (list) => `提到${list.name}的全部文章`,
    showColumn: true,
    feedLink: '订阅本工会（Atom）',
    path: /^\/unions\/[a-z]+\/(?:page\/\d+\/)?$/,
    section: 'archive',
    templates: ['union.11ty.ts'],
  }),
  source: pageType({
    kind: 'issue source',
    data: 'sources',
    build: sourcePages,
    paginated: true,
    html: true,
    // The HTML view at `source/`, the text itself beside it at `source.txt`.
    path: /^\/issues\/[^/]+\/source(?:\/|\.txt)$/,
    section: 'archive',
    templates: ['source-view.11ty.ts', 'source-text.11ty.ts'],
  }),
  redirect: pageType({
    kind: 'redirect',
    data: 'redirects',
    build: redirectPages,
    paginated: true,
    html: true,
    mayBeAbsent: true,
    path: /^\/(?:\d{4}\/\d{2}\/\d{2}\/[A-Za-z0-9_-]+|issues\/[^/]+)\/$/,
    section: null,
    templates: ['redirect.11ty.ts'],
  }),
  feed: pageType({
    kind: 'feed',
    data: 'feeds',
    build: feeds,
    paginated: true,
    html: false,
    path: /^\/(?:columns\/[0-9a-f]{8}\/|(?:places|unions)\/[a-z]+\/)?feed\.(?:xml|json)$/,
    section: null,
    templates: ['feeds.11ty.ts'],
  }),
  sitemap: pageType({
    kind: 'sitemap',
    data: 'sitemap',
    build: sitemap,
    paginated: false,
    html: false,
    path: '/sitemap.xml',
    section: null,
    templates: ['sitemap.11ty.ts'],
  }),
  // The archive as data (src/openData/): the page that explains the files, the files, and the browser's search.
  openData: pageType({
    kind: 'open data',
    data: 'dataPage',
    build: dataPage,
    paginated: false,
    html: true,
    path: '/data/',
    section: null,
    sitemapLastmod: (_, ctx) => newestIssueDate(ctx),
    templates: ['data.11ty.ts'],
  }),
  dataFile: pageType({
    kind: 'open data file',
    data: 'dataFiles',
    build: dataFiles,
    paginated: true,
    html: false,
    path: /^\/data\/records(?:-\d{4}\.json|\.json|\.csv|\.schema\.json)$/,
    section: null,
    templates: ['data-file.11ty.ts'],
  }),
  openSearch: pageType({
    kind: 'opensearch',
    data: 'openSearch',
    build: openSearch,
    paginated: false,
    html: false,
    path: '/opensearch.xml',
    section: null,
    templates: ['opensearch.11ty.ts'],
  }),
  robots: pageType({ kind: 'robots.txt', paginated: false, html: false, path: '/robots.txt', section: null, templates: ['robots.11ty.ts'] }),
  notFound: pageType({ kind: '404', paginated: false, html: true, path: '/404.html', section: null, templates: ['404.11ty.ts'] }),
  // Rendered by the searchPage plugin from templates/search.ts, which the search work owns.
  search: pageType({ kind: 'search', paginated: false, html: true, path: '/search/', section: 'search', templates: ['search.ts'] }),
};

type Table = typeof PAGE_TYPES;
type DataOf<T> = T extends PageType<infer K, infer D, boolean> ? [K, D] : never;

/** What the builders make, by data key: the part of the site model that follows the table. */
export type PageData = { [E in DataOf<Table[keyof Table]> as E[0]]: E[1] };

/** The data keys Eleventy paginates over (one output file per item). */
export type PaginatedKey = { [N in keyof Table]: Table[N]['paginated'] extends true ? DataOf<Table[N]>[0] : never }[keyof Table];

/** Every path a type's pages have: its own for a single page, else each item's. */
export function pagesOf(type: AnyPageType, ctx: BuildContext): { path: string }[] {
  if (!type.paginated) return typeof type.path === 'string' ? [{ path: type.path }] : [];
  return type.build ? (ctx.once(type.build) as { path: string }[]) : [];
}

/** The type's `path` as a pattern for whole paths. */
export function pathPattern(type: AnyPageType): RegExp {
  return typeof type.path === 'string' ? new RegExp(`^${type.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : type.path;
}

/** Eleventy data for a template that makes one page per item of the type's data, at `permalinkOf(item)`. */
export function eachPageOf<Entry = { permalink: string }>(
  type: AnyPageType,
  permalinkOf: (entry: Entry) => string = (entry) => (entry as { permalink: string }).permalink,
): object {
  if (!type.paginated) throw new Error(`${type.kind} is one page; use onePageOf`);
  return {
    pagination: { data: `siteModel.${type.data}`, size: 1, alias: 'entry' },
    permalink: (data: { entry: Entry }) => permalinkOf(data.entry),
    eleventyExcludeFromCollections: true,
  };
}

/** The path of a type that is one page. */
export function pathOf(type: AnyPageType): string {
  if (typeof type.path !== 'string') throw new Error(`${type.kind} has many pages, each with its own path`);
  return type.path;
}

/** Eleventy data for a template that makes the type's one page. */
export function onePageOf(type: AnyPageType): object {
  return { permalink: outputFileFor(pathOf(type)), eleventyExcludeFromCollections: true };
}
