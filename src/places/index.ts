// What the district and union pages need from the whole archive: each record's tags, once, and for every gazetteer
// entry (empty ones too, so an index can show 0 instead of a broken link) the records that name it, newest first.
import type { ArticleRecord } from '../types.js';
import { GAZETTEER, type PlaceEntry } from './gazetteer.js';
import { tagPlaces, type PlaceTag } from './tag.js';

export { DISTRICTS, GAZETTEER, UNIONS, placeById, type PlaceEntry, type PlaceKind, type PlaceCategory } from './gazetteer.js';
export { tagPlaces, type PlaceMention, type PlaceTag, type PlaceField, type TaggableRecord } from './tag.js';

export interface PlaceListing {
  entry: PlaceEntry;
  /** Newest first: by date, then by issue, then in reading order. */
  records: ArticleRecord[];
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
