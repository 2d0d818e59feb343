// What the search index holds of each record, taken from the site model rather than read back out of the rendered
// pages: reading 12,900 pages and picking them apart again cost a quarter of the indexing time at 10,000 records.
import type { RecordPage } from '../site/model.js';
import type { RecordKind } from './contract.js';
import { searchableParts } from './tokens.js';

export interface SearchRecord {
  /** The page's path from the site root (`/2023/11/02/ab12cd34/`); the search page adds any path prefix. */
  url: string;
  title: string;
  /** `YYYY-MM-DD`: the newest-first sort, and the year filter. */
  date: string;
  /** As the site shows it, on each result. */
  displayDate: string;
  /** The column filter's value: the record's column label, or NO_COLUMN's bucket for a record without one. */
  column: string;
  /** The column label the record is shown under, '' for none: a result names no column its article lacks. */
  shownColumn: string;
  kind: RecordKind;
  /** Kicker, title, subtitle, byline, paragraphs, captions and column label (tokens.ts searchableParts). */
  parts: string[];
}

export function searchRecordsOf(pages: readonly RecordPage[]): SearchRecord[] {
  return pages.map((page) => ({
    url: page.path,
    title: page.record.title,
    date: page.record.date,
    displayDate: page.displayDate,
    column: page.columnLabel,
    shownColumn: page.record.column ?? '',
    kind: page.kindLabel,
    parts: searchableParts(page.record),
  }));
}

/** Oldest first, then by URL, comparing code units rather than by locale, so every machine orders records alike. */
export function byDateThenUrl(a: SearchRecord, b: SearchRecord): number {
  return compare(a.date, b.date) || compare(a.url, b.url);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
