// Districts and unions (issue #16): one record list per gazetteer entry, empty ones included (a reader from 城口县 finds
// a page that says there is nothing yet, and its feed, instead of a missing page), and the index of them all.
import { GAZETTEER, placePath, type PlaceCategory, type PlaceEntry, type PlaceKind } from '../../places/index.js';
import type { IssueRef, ListPage, RecordPage } from '../model.js';
import type { PageType } from '../pageTypes.js';
import type { BuildContext } from './context.js';
import { newestIssueDate } from './issues.js';
import { recordListType, type RecordList, type RecordListType } from './lists.js';

interface PlaceList extends RecordList {
  entry: PlaceEntry;
}

export interface PlaceSummary {
  id: string;
  label: string;
  /** The official name when it says more than the label (石柱土家族自治县), else null. */
  fullName: string | null;
  url: string;
  count: number;
}

export interface PlaceGroup {
  heading: string;
  places: PlaceSummary[];
}

/** A page of a district's or union's list: a list page plus what it says of the place and, when empty, since when. */
export interface PlaceListPage extends ListPage {
  place: PlaceSummary & { kind: PlaceKind };
  /** The index of all districts and unions. */
  indexUrl: string;
  /** The newest issue, for an empty list's 截至…; null in an archive without issues. */
  asOf: IssueRef | null;
}

export const PLACES_INDEX_PATH = '/places/';

// The index's groups, in the order of the official tables; each category belongs to one.
const GROUPS: readonly { heading: string; categories: readonly PlaceCategory[] }[] = [
  { heading: '区', categories: ['district'] },
  { heading: '县', categories: ['county', 'autonomous-county'] },
  { heading: '功能区', categories: ['zone'] },
  { heading: '市级产业和系统工会', categories: ['industry-union', 'system-union'] },
];

/** Every gazetteer entry with its records newest first, in gazetteer order. */
export function placeLists(ctx: BuildContext): PlaceList[] {
  const byId = new Map<string, RecordPage[]>(GAZETTEER.map((entry) => [entry.id, []]));
  for (const page of ctx.newest) for (const place of page.places) byId.get(place.id)!.push(page);
  return GAZETTEER.map((entry) => ({ entry, path: placePath(entry), name: entry.label, records: byId.get(entry.id)! }));
}

export const districtLists = (ctx: BuildContext): PlaceList[] => ctx.once(placeLists).filter((list) => list.entry.kind === 'district');
export const unionLists = (ctx: BuildContext): PlaceList[] => ctx.once(placeLists).filter((list) => list.entry.kind === 'union');

function summary(ctx: BuildContext, list: PlaceList): PlaceSummary {
  const { entry } = list;
  return { id: entry.id, label: entry.label, fullName: entry.name === entry.label ? null : entry.name, url: ctx.url(list.path), count: list.records.length };
}

export function placeGroups(ctx: BuildContext): PlaceGroup[] {
  const lists = ctx.once(placeLists);
  return GROUPS.map((group) => ({
    heading: group.heading,
    places: lists.filter((list) => group.categories.includes(list.entry.category)).map((list) => summary(ctx, list)),
  }));
}

/**
 * A record list type for one kind of gazetteer entry. Its pages carry the place, and an empty list's page has the
 * newest issue as its sitemap date: it says “nothing up to the newest issue”, which changes with every issue.
 */
export function placeListType<const K extends string>(
  type: Omit<RecordListType<K>, 'lists'> & { lists: (ctx: BuildContext) => PlaceList[] },
): PageType<K, PlaceListPage[], true> {
  const base = recordListType(type);
  return {
    ...base,
    build: (ctx) => {
      const lists = new Map(ctx.once(type.lists).map((list) => [ctx.url(list.path), list]));
      const asOf = ctx.issues.at(-1)?.ref ?? null;
      return base.build!(ctx).map((page) => {
        const list = lists.get(page.baseUrl)!;
        return { ...page, place: { ...summary(ctx, list), kind: list.entry.kind }, indexUrl: ctx.url(PLACES_INDEX_PATH), asOf };
      });
    },
    sitemapLastmod: (page, ctx) => page.lastmod || newestIssueDate(ctx),
  };
}

export interface PlacesIndex {
  path: string;
  groups: PlaceGroup[];
}

export function placesIndex(ctx: BuildContext): PlacesIndex {
  return { path: PLACES_INDEX_PATH, groups: ctx.once(placeGroups) };
}
