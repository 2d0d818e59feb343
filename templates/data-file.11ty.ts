// The open-data files at /data/: records-YYYY.json, records.json, records.csv, records.schema.json.
import type { DataFilePage } from '../src/site/builders/openData.js';
import { eachPageOf, PAGE_TYPES } from '../src/site/pageTypes.js';

export const data = eachPageOf(PAGE_TYPES.dataFile);

export function render(data: { entry: DataFilePage }): string {
  return data.entry.text;
}
