// The shapes the build writes and the search page reads: what each record carries in Pagefind (meta, filters,
// sort), the manifest beside the index, and the one-character index's record list. The build (indexSite.ts,
// characterIndex.ts, pagefindFiles.ts) and the browser modules (templates/assets/search/*.js, through JSDoc
// `import()` types) both name these, so the type checker holds the two sides to one definition.
//
// Types only: nothing here runs, in Node or in the browser.

export type RecordKind = '文章' | '简讯';

/** What a result shows. `type`, not `interface`, so it is also a Pagefind `Record<string, string>`. */
export type RecordMeta = {
  title: string;
  /** As the site shows it (`2024年12月`), on each result. */
  date: string;
  /** The column label, '' for a record without one (the column filter puts those under 其他). */
  column: string;
};

/** The filters a reader may narrow by (column, year) and the kind each result is marked with. One value each. */
export type RecordFilters = {
  column: [string];
  /** `YYYY` */
  year: [string];
  kind: [RecordKind];
};

export type RecordSort = {
  /** `YYYY-MM-DD`: the newest-first order. */
  date: string;
};

/** The filters the page passes to a search: a value or none for each. */
export type SearchFilters = Partial<{ [name in 'column' | 'year']: string }>;

/** A record's fragment as Pagefind's runtime hands it to the page (`result.data()`). */
export type RecordFragment = {
  /** From the site root (`/2023/11/02/ab12cd34/`), or with the path prefix once the page has read it. */
  url: string;
  /** The indexed text: tokens separated by spaces (excerpts.js turns them back into prose). */
  content: string;
  meta: RecordMeta;
  filters: RecordFilters;
};

/** `pagefind/search-manifest.json` (shared.js SEARCH_MANIFEST_FILE): what the page needs before its first search. */
export interface SearchManifest {
  /**
   * Names this build's index (a hash of every Pagefind index's entry file), and the folder of its character index,
   * `pagefind/characters/<version>/`. A search page left open across a rebuild compares it to tell a search that
   * found nothing from one whose index files were replaced (files.js indexReplaced).
   */
  version: string;
  /** Folders under `pagefind/` holding the older years' indexes, newest first, to merge into the root one. */
  indexes: string[];
  column: string[];
  year: string[];
}

/** `pagefind/characters/<version>/records.json.gz`: every record, newest first. */
export interface CharacterRecords {
  /** How many page ids each `ids/<n>.json.gz` holds. */
  idsPerFile: number;
  /** Folders of the Pagefind indexes (`''` for the root one), which `index` numbers. */
  indexes: string[];
  /** Column names, which `column` numbers. */
  columns: string[];
  index: number[];
  /** `YYYY-MM-DD` */
  date: string[];
  column: number[];
}
