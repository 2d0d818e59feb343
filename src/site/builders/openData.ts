// The archive as data (src/openData/) in the built site: the files under /data/, the page that explains them, and
// /opensearch.xml. The builders there are pure; this only places their text under the site's address.
import {
  ALL_YEARS_MAX_BYTES,
  ALL_YEARS_PATH,
  CSV_PATH,
  DATA_DIR,
  openDataFiles,
  openSearchXml,
  OPENSEARCH_PATH,
  SCHEMA_PATH,
} from '../../openData/index.js';
import { outputFileFor } from '../urls.js';
import type { BuildContext } from './context.js';

export interface DataFilePage {
  permalink: string;
  /** Unprefixed: `/data/records-2024.json`. */
  path: string;
  text: string;
}

export interface DataFileLink {
  url: string;
  /** `records-2024.json`. */
  name: string;
  bytes: number;
  /** The year of a per-year file, else null. */
  year: string | null;
}

export interface DataPage {
  path: string;
  /** Per-year files, oldest first. */
  years: DataFileLink[];
  /** The all-years JSON, or null once it would pass ALL_YEARS_MAX_BYTES. */
  all: DataFileLink | null;
  csv: DataFileLink;
  schema: DataFileLink;
  openSearchUrl: string;
  /** ALL_YEARS_MAX_BYTES in MB, as the page states the limit. */
  allYearsLimitMb: number;
  recordCount: number;
}

export const DATA_PAGE_PATH = DATA_DIR;

export function dataFiles(ctx: BuildContext): DataFilePage[] {
  const bulletins = ctx.issues.map((issue) => issue.bulletin);
  return openDataFiles(bulletins, { siteUrl: ctx.site.origin, pathPrefix: ctx.site.prefix }).map((file) => ({
    permalink: outputFileFor(file.path),
    path: file.path,
    text: file.text,
  }));
}

export function dataPage(ctx: BuildContext): DataPage {
  const files = ctx.once(dataFiles);
  const link = (file: DataFilePage): DataFileLink => ({
    url: ctx.url(file.path),
    name: file.path.slice(DATA_DIR.length),
    bytes: Buffer.byteLength(file.text),
    year: /records-(\d{4})\.json$/.exec(file.path)?.[1] ?? null,
  });
  const byPath = (path: string) => files.find((file) => file.path === path);
  const all = byPath(ALL_YEARS_PATH);
  return {
    path: DATA_PAGE_PATH,
    years: files.map(link).filter((file) => file.year !== null),
    all: all ? link(all) : null,
    csv: link(byPath(CSV_PATH)!),
    schema: link(byPath(SCHEMA_PATH)!),
    openSearchUrl: ctx.url(OPENSEARCH_PATH),
    allYearsLimitMb: ALL_YEARS_MAX_BYTES / 1024 / 1024,
    recordCount: ctx.records.length,
  };
}

/** An object, not the bare text: the site model's data are records (tests look into every type's data). */
export function openSearch(ctx: BuildContext): { text: string } {
  const text = openSearchXml({
    siteUrl: ctx.site.origin,
    pathPrefix: ctx.site.prefix,
    searchPath: '/search/',
    icon: { path: '/assets/icons/favicon-32.png', size: 32, type: 'image/png' },
  });
  return { text };
}
