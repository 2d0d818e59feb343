// records-YYYY.json (one per year of the records' dates), records.json (all years, while it stays small enough to
// download in one go) and the JSON Schema that documents both. One record per line: valid JSON that diffs well.
import type { OpenRecord, SiteBase } from './records.js';
import { absoluteUrl } from './records.js';

export const DATA_DIR = '/data/';
export const SCHEMA_PATH = `${DATA_DIR}records.schema.json`;
export const ALL_YEARS_PATH = `${DATA_DIR}records.json`;
export const CSV_PATH = `${DATA_DIR}records.csv`;
/** Above this the all-years file is left out; the per-year files carry the same records. */
export const ALL_YEARS_MAX_BYTES = 5 * 1024 * 1024;

export function yearPath(year: string): string {
  if (!/^\d{4}$/.test(year)) throw new Error(`year ${JSON.stringify(year)} is not four digits`);
  return `${DATA_DIR}records-${year}.json`;
}

/** A record's year is the year of its `date`, the one in its URL (a December item in a January issue is the year before). */
export function recordsByYear(records: readonly OpenRecord[]): Map<string, OpenRecord[]> {
  const years = new Map<string, OpenRecord[]>();
  for (const record of records) {
    const year = record.date.slice(0, 4);
    const list = years.get(year);
    if (list) list.push(record);
    else years.set(year, [record]);
  }
  return new Map([...years.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The file's text. `year` null for the all-years file. */
export function recordsJson(records: readonly OpenRecord[], base: SiteBase, year: string | null): string {
  const head = {
    $schema: absoluteUrl(base, SCHEMA_PATH),
    title: year === null ? '重庆市总工会工作简报：全部记录' : `重庆市总工会工作简报：${year}年记录`,
    site: `${absoluteUrl(base, '/')}`,
    year: year === null ? null : Number(year),
    count: records.length,
  };
  const open = JSON.stringify(head).slice(0, -1);
  const lines = records.map((record) => JSON.stringify(record));
  return `${open},"records":[${lines.length === 0 ? '' : `\n${lines.join(',\n')}\n`}]}\n`;
}

const nullable = (type: string, description: string) => ({ type: [type, 'null'], description });
const DATE_ORIGIN = { enum: ['stated', 'issue', 'issue-previous-year', 'default'] };
const PLACE = {
  type: 'object',
  required: ['id', 'name'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z]+$', description: 'Gazetteer id (src/places/gazetteer.ts): ASCII, never changes.' },
    name: { type: 'string', description: 'Official full name (永川区, 重庆市能源工会).' },
  },
};

/** JSON Schema (2020-12) of records-YYYY.json and records.json; the README's open-data section explains the fields. */
export function recordsSchema(base: SiteBase): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: absoluteUrl(base, SCHEMA_PATH),
    title: '重庆市总工会工作简报 records',
    description: 'Every article and brief of the bulletin archive, one object per record. records.csv has the same fields, flattened.',
    type: 'object',
    required: ['$schema', 'title', 'site', 'year', 'count', 'records'],
    properties: {
      $schema: { type: 'string' },
      title: { type: 'string' },
      site: { type: 'string', description: 'The site root, with its path prefix.' },
      year: { type: ['integer', 'null'], description: 'The year of every record’s date in this file; null in the all-years file.' },
      count: { type: 'integer', minimum: 0 },
      records: { type: 'array', items: { $ref: '#/$defs/record' } },
    },
    $defs: {
      record: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id', 'url', 'issue', 'issueUrl', 'kind', 'date', 'dateKnown', 'dateApprox', 'dateText', 'dateEnd', 'dateOrigin',
          'column', 'kicker', 'title', 'titleDerived', 'subtitle', 'byline', 'districts', 'unions', 'text', 'captions', 'source',
        ],
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9_-]+$', description: 'Stable while the issue and title do not change.' },
          url: { type: 'string', description: 'The article’s page.' },
          issue: { type: 'string', pattern: '^\\d{4}-\\d{2}(-\\d{2})?$', description: 'The issue: YYYY-MM, or YYYY-MM-DD when its day is known.' },
          issueUrl: { type: 'string' },
          kind: { enum: ['article', 'brief'], description: 'brief: a ◆ item of a news list, titled by its first clause.' },
          date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'The day the record is filed under; a filled-in day when dateApprox.' },
          dateKnown: { type: 'string', pattern: '^\\d{4}-\\d{2}(-\\d{2})?$', description: 'Only what the bulletin stated: the day, or the month when no day was given.' },
          dateApprox: { type: 'boolean', description: 'True when the day was not stated (近日, 日前, no date).' },
          dateText: nullable('string', 'The words the date was read from (11月2日).'),
          dateEnd: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Last day of a stated range.' },
          dateOrigin: {
            type: 'object',
            required: ['year', 'month', 'day'],
            additionalProperties: false,
            description: 'stated: read from the text; issue / issue-previous-year: inferred from the issue; default: the 1st of a stated month.',
            properties: { year: DATE_ORIGIN, month: DATE_ORIGIN, day: DATE_ORIGIN },
          },
          column: nullable('string', 'The column label (渝工建功 …), or null.'),
          kicker: nullable('string', '引题, the line above the title.'),
          title: { type: 'string', description: '主题, the main title.' },
          titleDerived: { type: 'boolean', description: 'True when the bulletin gave no headline and the title is the first clause.' },
          subtitle: nullable('string', '副题, the line below the title.'),
          byline: nullable('string', 'Reporter or author credit as printed.'),
          districts: { type: 'array', items: PLACE, description: 'Chongqing districts, counties and functional zones the text names.' },
          unions: { type: 'array', items: PLACE, description: 'City industry and system unions the text names.' },
          text: { type: 'string', description: 'The body as plain text.' },
          captions: { type: 'array', items: { type: 'string' } },
          source: {
            type: 'object',
            required: ['file', 'startLine', 'endLine'],
            additionalProperties: false,
            properties: { file: { type: 'string' }, startLine: { type: 'integer', minimum: 1 }, endLine: { type: 'integer', minimum: 1 } },
          },
        },
      },
    },
  };
}
