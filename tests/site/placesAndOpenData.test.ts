// Issue #16 in the built seed sites: a page per district and union with exactly the records that name it (worked
// out here from the tagger and the records, not from the site model), empty ones saying so; the index with counts;
// articles linking their places; the open-data files under the prefix, read back by real parsers; /opensearch.xml
// linked from every page and well-formed XML in a browser's parser.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openRecords, type OpenRecord } from '../../src/openData/index.js';
import { GAZETTEER, tagPlaces } from '../../src/places/index.js';
import { normalizeOrigin } from '../../src/site/urls.js';
import { checkSchema } from '../openData/schemaCheck.js';
import { launchChromium } from '../support/browser.js';
import { attr, htmlPages, PREFIXED_SITE, readPage, SEED_SITE, text, within } from '../support/page.js';
import { expectedDate, issuePathOf, loadSeeds, type SeedRecord } from '../support/seeds.js';
import type { Browser } from 'playwright-core';

const { bulletins, records } = loadSeeds();
// The seed builds take their origin from SITE_URL as `npm run build` does.
const ORIGIN = normalizeOrigin(process.env.SITE_URL);
const SITES = [
  { dir: SEED_SITE, prefix: '' },
  { dir: PREFIXED_SITE, prefix: '/archive' },
] as const;

const pathOf = (entry: (typeof GAZETTEER)[number]) => `/${entry.kind === 'union' ? 'unions' : 'places'}/${entry.id}/`;

// Newest first by date, then by issue date, then the issue's file, then reading order: as every list of the site.
function newestFirst(a: SeedRecord, b: SeedRecord): number {
  if (a.record.date !== b.record.date) return a.record.date < b.record.date ? 1 : -1;
  if (a.bulletin.meta.issueDate !== b.bulletin.meta.issueDate) return a.bulletin.meta.issueDate < b.bulletin.meta.issueDate ? 1 : -1;
  if (a.issuePath !== b.issuePath) return a.issuePath < b.issuePath ? -1 : 1;
  return a.record.order - b.record.order;
}

const tagged = records.map((seed) => ({ seed, ids: tagPlaces(seed.record).map((t) => t.id) }));
const expectedList = (id: string) => tagged.filter((t) => t.ids.includes(id)).map((t) => t.seed).sort(newestFirst);

/** The links of a list's every page, following 下一页. */
function listedPaths(dir: string, first: string): string[] {
  const paths: string[] = [];
  for (let page = first, n = 1; ; n++) {
    const read = readPage(dir, page);
    const list = read.all('ul', 'class', 'record-list');
    for (const ul of list) for (const li of within(ul, 'li')) paths.push(attr(within(li, 'a')[0]!, 'href')!);
    const next = read.all('a', 'rel', 'next');
    if (next.length === 0) return paths;
    page = `${first}page/${n + 1}/`;
    expect(attr(next[0]!, 'href')).toBe(page);
  }
}

describe('district and union pages', () => {
  test('the seeds name some places and leave others empty, so both kinds of page are tested', () => {
    expect(GAZETTEER.filter((e) => expectedList(e.id).length > 0).length).toBeGreaterThan(5);
    expect(GAZETTEER.some((e) => e.kind === 'union' && expectedList(e.id).length > 0)).toBe(true);
    expect(GAZETTEER.some((e) => expectedList(e.id).length === 0)).toBe(true);
  });

  test.each(GAZETTEER.map((e) => [pathOf(e), e] as const))('%s lists exactly the records that name it, newest first', (path, entry) => {
    const expected = expectedList(entry.id);
    expect(listedPaths(SEED_SITE, path)).toEqual(expected.map((s) => s.path));
    const page = readPage(SEED_SITE, path);
    expect(text(page.one('h1'))).toBe(entry.label);
    // A list shows each record's date as its own page does.
    const times = page.all('time').map((t) => text(t));
    expect(times).toEqual(expected.slice(0, 30).map((s) => expectedDate(s.record.date, s.record.dateApprox, s.record.dateEnd)));
    const feed = page.all('a').find((a) => attr(a, 'href') === `${path}feed.xml`);
    expect(feed, 'a link to its feed').toBeDefined();
  });

  test('an empty page says there is nothing yet, up to the newest issue, and lists nothing', () => {
    const empty = GAZETTEER.filter((e) => expectedList(e.id).length === 0);
    const newest = [...bulletins].sort((a, b) => (a.meta.issueDate < b.meta.issueDate ? -1 : 1)).at(-1)!;
    for (const entry of empty) {
      const page = readPage(SEED_SITE, pathOf(entry));
      expect(page.all('ul', 'class', 'record-list')).toEqual([]);
      const said = page.one('p', 'class', 'place-empty');
      const issue = within(said, 'a');
      expect(issue.map((a) => attr(a, 'href'))).toEqual([issuePathOf(newest)]);
      expect(text(said)).toBe(`截至最新一期（${text(issue[0]!)}），简报中还没有提到${entry.label}的文章。`);
    }
  });

  test('each page has an Atom feed of its newest 20 records, empty ones too', () => {
    for (const entry of GAZETTEER) {
      const atom = readFileSync(join(SEED_SITE, pathOf(entry), 'feed.xml'), 'utf8');
      const links = [...atom.matchAll(/<entry>\s*<title>[^<]*<\/title>\s*<link href="https?:\/\/[^/"]+([^"]*)"\/>/g)].map((m) => m[1]);
      expect(links, entry.id).toEqual(expectedList(entry.id).slice(0, 20).map((s) => s.path));
      expect(atom).toContain(`<title>${entry.label} · `);
    }
  });

  test('the index lists every entry once, with its count (暂无文章 for none) and a link to its page, in both builds', () => {
    for (const { dir, prefix } of SITES) {
      const page = readPage(dir, '/places/');
      const items = page.all('ul', 'class', 'place-grid').flatMap((ul) => within(ul, 'li'));
      expect(items.map((li) => attr(within(li, 'a')[0]!, 'href'))).toEqual(GAZETTEER.map((e) => `${prefix}${pathOf(e)}`));
      items.forEach((li, i) => {
        const entry = GAZETTEER[i]!;
        const count = expectedList(entry.id).length;
        expect(text(within(li, 'span', 'class', 'place-name')[0]!)).toBe(entry.label);
        expect(text(within(li, 'span', 'class', 'place-count')[0]!)).toBe(count > 0 ? `${count} 篇` : '暂无文章');
        expect(attr(li, 'class'), entry.id).toBe(count > 0 ? undefined : 'place-none');
      });
    }
  });

  // Not a header link: a fourth one makes the header pass a third of a 390×844 screen at 200 % text (the larger-text gate).
  test('the index is linked from every page’s footer, the archive page and the home page, and sits under 往期', () => {
    for (const { dir, prefix } of SITES) {
      for (const path of htmlPages(dir).filter((p) => p !== '/404.html')) {
        const footer = readPage(dir, path).all('footer', 'class', 'site-footer').flatMap((f) => within(f, 'a'));
        expect(footer.find((a) => attr(a, 'href') === `${prefix}/places/`) && '区县与工会', path).toBe('区县与工会');
      }
      for (const path of ['/archive/', '/']) {
        const links = readPage(dir, path).all('a').filter((a) => attr(a, 'href') === `${prefix}/places/`);
        // The footer's link and one in the page's own text.
        expect(links.length, path).toBe(2);
      }
    }
    for (const path of ['/places/', '/places/yongchuan/', '/unions/nengyuan/']) {
      const current = readPage(SEED_SITE, path).all('a', 'aria-current', 'page').map((a) => text(a));
      expect(current, path).toEqual(['往期']);
    }
  });
});

describe('article pages', () => {
  test.each(records.map((s) => [s.path, s] as const))('%s links the places it names, or says nothing', (path, seed) => {
    const page = readPage(SEED_SITE, path);
    const tags = tagPlaces(seed.record);
    const line = page.all('p', 'class', 'record-places');
    if (tags.length === 0) {
      expect(line).toEqual([]);
      return;
    }
    expect(text(line[0]!)).toBe(`本文涉及：${tags.map((t) => t.label).join('、')}`);
    expect(within(line[0]!, 'a').map((a) => attr(a, 'href'))).toEqual(tags.map((t) => pathOf(GAZETTEER.find((e) => e.id === t.id)!)));
  });

  test('永川区 is linked from the article that is about it', () => {
    const page = readPage(PREFIXED_SITE, '/2024/12/01/54cf5451/');
    expect(within(page.one('p', 'class', 'record-places'), 'a').map((a) => attr(a, 'href'))).toContain('/archive/places/yongchuan/');
  });
});

describe.each(SITES)('open data in the build at “$prefix/”', ({ dir, prefix }) => {
  const site = { siteUrl: ORIGIN, pathPrefix: prefix || '/' };
  const expected = openRecords(bulletins, site);
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');
  const years = [...new Set(records.map((s) => s.record.date.slice(0, 4)))].sort();

  test('every record of the seeds is in records.json, under the prefix, with its districts and unions', () => {
    const all = JSON.parse(read('data/records.json')) as { count: number; records: OpenRecord[]; $schema: string };
    expect(all.records).toEqual(expected);
    expect(all.count).toBe(records.length);
    expect(all.$schema).toBe(`${ORIGIN}${prefix}/data/records.schema.json`);
    const bySeed = new Map(records.map((s) => [`${ORIGIN}${prefix}${s.path}`, s]));
    for (const record of all.records) {
      const seed = bySeed.get(record.url);
      expect(seed, record.url).toBeDefined();
      expect(record.id).toBe(seed!.record.id);
      expect([...record.districts, ...record.unions].map((p) => p.id)).toEqual(tagPlaces(seed!.record).map((t) => t.id));
      // The URL the file gives is a page the site built.
      expect(existsSync(join(dir, seed!.path, 'index.html'))).toBe(true);
    }
  });

  test('each year has its file with that year’s records, and the schema accepts every file', () => {
    const schema = JSON.parse(read('data/records.schema.json'));
    for (const year of years) {
      const file = JSON.parse(read(`data/records-${year}.json`));
      expect(file.year).toBe(Number(year));
      expect(file.records.map((r: OpenRecord) => r.id)).toEqual(expected.filter((r) => r.date.startsWith(year)).map((r) => r.id));
      expect(checkSchema(file, schema)).toEqual([]);
    }
    expect(checkSchema(JSON.parse(read('data/records.json')), schema)).toEqual([]);
  });

  test('records.csv starts with a BOM and csv-parse reads back every record', () => {
    const bytes = readFileSync(join(dir, 'data/records.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(rows.map((r) => r.title)).toEqual(expected.map((r) => r.title));
    expect(rows.map((r) => r.url)).toEqual(expected.map((r) => r.url));
    expect(rows.map((r) => r.district_ids)).toEqual(expected.map((r) => r.districts.map((d) => d.id).join(' ')));
    expect(rows.map((r) => r.text)).toEqual(expected.map((r) => r.text));
  });

  test('/data/ links every file, and every page’s footer links /data/', () => {
    const page = readPage(dir, '/data/');
    const hrefs = page.all('a').map((a) => attr(a, 'href'));
    for (const file of [...years.map((y) => `records-${y}.json`), 'records.json', 'records.csv', 'records.schema.json']) {
      expect(hrefs).toContain(`${prefix}/data/${file}`);
    }
    for (const path of htmlPages(dir).filter((p) => p !== '/404.html')) {
      const footer = readPage(dir, path).all('footer', 'class', 'site-footer');
      const link = footer.flatMap((f) => within(f, 'a')).find((a) => attr(a, 'href') === `${prefix}/data/`);
      expect(link && text(link), path).toBe('开放数据');
    }
  });

  test('every HTML page links /opensearch.xml as its search description', () => {
    for (const path of htmlPages(dir)) {
      const links = readPage(dir, path).all('link', 'rel', 'search');
      expect(links.map((l) => [attr(l, 'type'), attr(l, 'href')]), path).toEqual([['application/opensearchdescription+xml', `${prefix}/opensearch.xml`]]);
    }
  });
});

describe('/opensearch.xml', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  test.each(SITES)('in the build at “$prefix/” is well-formed OpenSearch 1.1 whose template is the search page under the prefix', async ({ dir, prefix }) => {
    const xml = readFileSync(join(dir, 'opensearch.xml'), 'utf8');
    const page = await browser.newPage();
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      const ns = 'http://a9.com/-/spec/opensearch/1.1/';
      return {
        error: error ? error.textContent : null,
        root: doc.documentElement.localName,
        namespace: doc.documentElement.namespaceURI,
        shortName: doc.getElementsByTagNameNS(ns, 'ShortName')[0]?.textContent ?? null,
        templates: [...doc.getElementsByTagNameNS(ns, 'Url')].map((u) => [u.getAttribute('type'), u.getAttribute('template')]),
      };
    }, xml);
    await page.close();
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('OpenSearchDescription');
    expect(parsed.namespace).toBe('http://a9.com/-/spec/opensearch/1.1/');
    expect([...parsed.shortName!].length).toBeLessThanOrEqual(16);
    expect(parsed.templates).toEqual([
      ['text/html', `${ORIGIN}${prefix}/search/?q={searchTerms}`],
      ['application/opensearchdescription+xml', `${ORIGIN}${prefix}/opensearch.xml`],
    ]);
    // The search page it names exists and its form's field is q.
    const search = readPage(dir, '/search/');
    expect(search.all('input', 'name', 'q').length).toBeGreaterThan(0);
  });
});
