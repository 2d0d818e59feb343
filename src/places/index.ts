// What the district and union pages need from the whole archive: each record's tags, once, and for every gazetteer
// entry (empty ones too, so an index can show 0 instead of a broken link) the records that name it, newest first.
import type { ArticleRecord } from '../types.js';
import { GAZETTEER, type PlaceEntry } from './gazetteer.js';
import { tagPlaces, type PlaceTag, type TaggableRecord } from './tag.js';

export { DISTRICTS, GAZETTEER, UNIONS, placeById, type PlaceEntry, type PlaceKind, type PlaceCategory } from './gazetteer.js';
export { tagPlaces, type PlaceMention, type PlaceTag, type PlaceField, type TaggableRecord } from './tag.js';

export interface PlaceListing {
  entry: PlaceEntry;
  /** Newest first: by date, then by issue, then in reading order. */
  records: ArticleRecord[];
}

// The dev server rebuilds the model on every save but keeps the records of unchanged bulletins, so tags are kept per
// record object: only a changed bulletin's records are read again.
const TAGS = new WeakMap<TaggableRecord, PlaceTag[]>();

/** `tagPlaces(record)`, computed once per record object. */
export function placesOf(record: TaggableRecord): PlaceTag[] {
  let tags = TAGS.get(record);
  if (!tags) {
    tags = tagPlaces(record);
    TAGS.set(record, tags);
  }
  return tags;
}

/** The site path of an entry's page (before the path prefix): districts and zones under /places/, unions under /unions/. */
export function placePath(entry: Pick<PlaceEntry, 'id' | 'kind'>): string {
  return `/${entry.kind === 'union' ? 'unions' : 'places'}/${entry.id}/`;
}

/** Tags of every record, computed once; keyed by the record object, so two records with one id cannot collide. */
export function tagAll(records: readonly ArticleRecord[]): Map<ArticleRecord, PlaceTag[]> {
  return new Map(records.map((record) => [record, tagPlaces(record)]));
}

/** Every gazetteer entry in gazetteer order (districts in the official order, then zones, then unions), with its records. */
export function placeListings(records: readonly ArticleRecord[], tags: ReadonlyMap<ArticleRecord, PlaceTag[]> = tagAll(records)): PlaceListing[] {
  const byId = new Map<string, ArticleRecord[]>(GAZETTEER.map((entry) => [entry.id, []]));
  for (const record of records) {
    for (const tag of tags.get(record) ?? tagPlaces(record)) byId.get(tag.id)!.push(record);
  }
  return GAZETTEER.map((entry) => ({ entry, records: byId.get(entry.id)!.sort(newestFirst) }));
}

function newestFirst(a: ArticleRecord, b: ArticleRecord): number {
  return compare(b.date, a.date) || compare(b.issue, a.issue) || a.order - b.order;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
