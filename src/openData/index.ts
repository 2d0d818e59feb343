// Every open-data file of the site, as site paths and their text, for whatever writes the site to put under the prefix.
import type { ParsedBulletin } from '../types.js';
import { recordsCsv } from './csv.js';
import { ALL_YEARS_MAX_BYTES, ALL_YEARS_PATH, CSV_PATH, SCHEMA_PATH, recordsByYear, recordsJson, recordsSchema, yearPath } from './json.js';
import { openRecords, siteBase, type OpenDataSite } from './records.js';

export { CSV_COLUMNS, csvField, recordsCsv } from './csv.js';
export { ALL_YEARS_MAX_BYTES, ALL_YEARS_PATH, CSV_PATH, DATA_DIR, SCHEMA_PATH, recordsByYear, recordsJson, recordsSchema, yearPath } from './json.js';
export { OPENSEARCH_PATH, OPENSEARCH_TYPE, openSearchXml, type OpenSearchOptions } from './openSearch.js';
export { openRecord, openRecords, siteBase, type OpenDataSite, type OpenPlace, type OpenRecord } from './records.js';

export interface OpenDataFile {
  /** Site path before the prefix: `/data/records-2024.json`. */
  path: string;
  text: string;
}

/**
 * records-YYYY.json for each year, records.json while it is at most ALL_YEARS_MAX_BYTES, records.csv and the schema,
 * sorted by path. The same bulletins and site give the same bytes, whatever order the bulletins come in.
 */
export function openDataFiles(bulletins: readonly ParsedBulletin[], site: OpenDataSite): OpenDataFile[] {
  const base = siteBase(site);
  const records = openRecords(bulletins, site);
  const files: OpenDataFile[] = [];
  for (const [year, list] of recordsByYear(records)) files.push({ path: yearPath(year), text: recordsJson(list, base, year) });
  const all = recordsJson(records, base, null);
  if (Buffer.byteLength(all) <= ALL_YEARS_MAX_BYTES) files.push({ path: ALL_YEARS_PATH, text: all });
  files.push({ path: CSV_PATH, text: recordsCsv(records) });
  files.push({ path: SCHEMA_PATH, text: `${JSON.stringify(recordsSchema(base), null, 2)}\n` });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
