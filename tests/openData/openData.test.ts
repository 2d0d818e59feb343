import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  csvField,
  openDataFiles,
  openRecords,
  openSearchXml,
  recordsCsv,
  recordsSchema,
  siteBase,
  type OpenRecord,
} from '../../src/openData/index.js';
import { parseBulletin } from '../../src/parse/index.js';
import { tagPlaces } from '../../src/places/tag.js';
import { recordPath } from '../../src/site/urls.js';
import type { ParsedBulletin } from '../../src/types.js';
import { checkSchema } from './schemaCheck.js';

const root = join(import.meta.dirname, '../..');
const load = (dir: string): ParsedBulletin[] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseBulletin(readFileSync(join(root, dir, f)), join(dir, f)));

// Each set is an archive of its own: the seeds and the corpus share issue names.
const ARCHIVES = [
  ['seeds', load('content/bulletins')],
  ['corpus', load('tests/fixtures/corpus/bulletins')],
  ['blind-5', load('tests/fixtures/blind-5/bulletins')],
] as const;
const SITE = { siteUrl: 'https://archive.example.org', pathPrefix: '/archive/' };

describe.each(ARCHIVES)('open data of the %s', (_name, bulletins) => {
  const files = openDataFiles(bulletins, SITE);
  const text = (path: string) => files.find((f) => f.path === path)!.text;
  const records = openRecords(bulletins, SITE);
  const recordCount = bulletins.reduce((n, b) => n + b.records.length, 0);

  it('has one file per year, the all-years file, the CSV and the schema, sorted', () => {
    const years = [...new Set(records.map((r) => r.date.slice(0, 4)))].sort();
    expect(files.map((f) => f.path)).toEqual(
      [...years.map((y) => `/data/records-${y}.json`), '/data/records.csv', '/data/records.json', '/data/records.schema.json'].sort(),
    );
    expect(records).toHaveLength(recordCount);
  });

  it('gives every record its page URL under the prefix, its districts and unions, and the year files their own records', () => {
    const byId = new Map(bulletins.flatMap((b) => b.records).map((r) => [r.id, r]));
    for (const record of records) {
      const source = byId.get(record.id)!;
      expect(record.url).toBe(`https://archive.example.org/archive${recordPath(source)}`);
      const tags = tagPlaces(source);
      expect([...record.districts, ...record.unions].map((p) => p.id)).toEqual(tags.map((t) => t.id));
    }
    const fromYears = files
      .filter((f) => /records-\d{4}\.json$/.test(f.path))
      .flatMap((f) => {
        const data = JSON.parse(f.text) as { year: number; count: number; records: OpenRecord[] };
        expect(data.count).toBe(data.records.length);
        for (const r of data.records) expect(r.date.startsWith(String(data.year))).toBe(true);
        return data.records;
      });
    expect(fromYears.map((r) => r.id).sort()).toEqual(records.map((r) => r.id).sort());
    expect(JSON.parse(text('/data/records.json')).records).toEqual(records);
  });

  it('writes JSON that the schema accepts, every required field present', () => {
    const schema = JSON.parse(text('/data/records.schema.json'));
    for (const file of files.filter((f) => f.path.endsWith('.json') && !f.path.endsWith('schema.json'))) {
      expect(checkSchema(JSON.parse(file.text), schema), file.path).toEqual([]);
    }
  });

  it('writes a CSV that csv-parse reads back to the same values: BOM, CRLF rows, quoted fields', () => {
    const csv = text('/data/records.csv');
    expect([...Buffer.from(csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parse(csv, { bom: true, relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual(CSV_COLUMNS.map(([name]) => name));
    expect(rows.slice(1)).toEqual(records.map((r) => CSV_COLUMNS.map(([, cell]) => { const v = cell(r); return v === null ? '' : String(v); })));
    // Lists survive the trip: captions one per line, places by id.
    for (const [i, r] of records.entries()) {
      const row = Object.fromEntries(CSV_COLUMNS.map(([name], c) => [name, rows[i + 1]![c]!]));
      expect(row.captions === '' ? [] : row.captions!.split('\n')).toEqual(r.captions);
      expect(row.district_ids === '' ? [] : row.district_ids!.split(' ')).toEqual(r.districts.map((d) => d.id));
      expect(row.text).toBe(r.text);
    }
  });

  it('is deterministic: the same bulletins in any order give the same bytes', () => {
    const again = openDataFiles([...bulletins].reverse(), SITE);
    expect(again).toEqual(files);
  });
});

describe('the CSV with hostile text', () => {
  const base = siteBase(SITE);
  const record: OpenRecord = {
    ...openRecords(ARCHIVES[0][1], SITE)[0]!,
    title: 'A "quoted", comma title',
    byline: '=1+1',
    text: '第一段，\r\n第二段 "引号"\n\n第三段',
    captions: ['图一', '图二, with comma'],
  };

  it('quotes only what RFC 4180 requires and reads back exactly', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(false)).toBe('false');
    const rows = parse(recordsCsv([record]), { bom: true }) as string[][];
    const row = Object.fromEntries(CSV_COLUMNS.map(([name], c) => [name, rows[1]![c]]));
    expect([row.title, row.byline, row.text, row.captions]).toEqual([record.title, record.byline, record.text, '图一\n图二, with comma']);
    expect(base.prefix).toBe('/archive');
  });
});

describe('the schema check', () => {
  const schema = recordsSchema(siteBase(SITE)) as Record<string, unknown>;
  const good = JSON.parse(openDataFiles(ARCHIVES[0][1], SITE).find((f) => f.path === '/data/records.json')!.text);

  it('rejects a record without a required field, with a wrong type or an unknown field', () => {
    const bad = structuredClone(good);
    delete bad.records[0].title;
    bad.records[1].dateApprox = 'yes';
    bad.records[2].extra = 1;
    bad.records[3].kind = 'column';
    expect(checkSchema(bad, schema)).toEqual([
      '$.records[0]: missing title',
      '$.records[1].dateApprox: expected boolean, got "yes"',
      '$.records[2]: unexpected extra',
      '$.records[3].kind: "column" is not one of article, brief',
    ]);
  });
});

describe('openSearchXml', () => {
  it('points the browser at the search page under the prefix, with the q parameter', () => {
    const xml = openSearchXml({ siteUrl: 'https://archive.example.org/ignored/path', pathPrefix: '/archive/', searchPath: '/search/' });
    expect(xml).toContain('<Url type="text/html" method="get" template="https://archive.example.org/archive/search/?q={searchTerms}"/>');
    expect(xml).toContain('template="https://archive.example.org/archive/opensearch.xml"');
    expect(xml).toContain('<InputEncoding>UTF-8</InputEncoding>');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/"')).toBe(true);
    expect(openSearchXml({ siteUrl: 'https://archive.example.org', pathPrefix: '/archive/', searchPath: '/search/' })).toBe(
      openSearchXml({ siteUrl: 'https://archive.example.org', pathPrefix: '/archive/', searchPath: '/search/' }),
    );
  });

  it('works at the root, escapes the template, and adds an icon when given one', () => {
    const xml = openSearchXml({
      siteUrl: 'https://archive.example.org',
      pathPrefix: '/',
      searchPath: '/search/?sort=date&x=1',
      icon: { path: '/icon-32.png', size: 32, type: 'image/png' },
    });
    expect(xml).toContain('template="https://archive.example.org/search/?sort=date&amp;x=1&amp;q={searchTerms}"');
    expect(xml).toContain('<Image width="32" height="32" type="image/png">https://archive.example.org/icon-32.png</Image>');
  });

  it('refuses a ShortName over 16 characters and a relative search path', () => {
    expect(() => openSearchXml({ siteUrl: 'https://a.org', pathPrefix: '/', searchPath: '/search/', shortName: '重庆市总工会工作简报全文搜索引擎入口' })).toThrow(/16/);
    expect(() => openSearchXml({ siteUrl: 'https://a.org', pathPrefix: '/', searchPath: 'search/' })).toThrow(/start with/);
  });
});
