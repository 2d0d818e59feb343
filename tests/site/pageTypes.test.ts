// The table of page types (src/site/pageTypes.ts) is the one list of the pages the site has: every template is one
// type's, every page the seeds build is at a type's address, and a list page shows what its type says (heading,
// description, navigation section) with nothing decided by which list it is.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildModel, type ListPage } from '../../src/site/model.js';
import { renderList } from '../../src/site/pages/list.js';
import { PAGE_TYPES, pathPattern } from '../../src/site/pageTypes.js';
import { attr, htmlPages, readPage, SEED_SITE, text } from '../support/page.js';
import { loadSeeds } from '../support/seeds.js';

const types = Object.values(PAGE_TYPES);
const model = buildModel(loadSeeds().bulletins).model!;
const navLinks = types.flatMap((type) => (type.navLink ? [type.navLink] : []));

describe('the table of page types', () => {
  test('names each template once, and every template in templates/ is named', () => {
    const named = types.flatMap((type) => type.templates);
    expect(new Set(named).size).toBe(named.length);
    for (const template of named) expect(existsSync(`templates/${template}`), template).toBe(true);
    for (const template of readdirSync('templates').filter((name) => name.endsWith('.11ty.ts'))) expect(named).toContain(template);
  });

  test.each(types.filter((type) => type.paginated).map((type) => [type.kind, type] as const))(
    'every %s page the seeds make is at an address of its type',
    (_, type) => {
      const pages = (model as unknown as Record<string, { path: string }[]>)[type.data!]!;
      for (const page of pages) expect(page.path).toMatch(pathPattern(type));
    },
  );

  test('every HTML page of the seed site is at an address of some type', () => {
    for (const path of htmlPages(SEED_SITE)) expect(types.some((type) => pathPattern(type).test(path)), path).toBe(true);
  });

  test('the header navigation is the types that have a link, in the table’s order', () => {
    const links = readPage(SEED_SITE, '/').all('nav').flatMap((nav) => (attr(nav, 'class') === 'site-nav' ? [text(nav)] : []));
    expect(links).toEqual([navLinks.join(' ')]);
  });
});

describe('a list page', () => {
  const lists = types.flatMap((type) => {
    const pages = (model as unknown as Record<string, unknown[]>)[type.data ?? ''];
    const first = pages?.[0] as ListPage | undefined;
    return first && 'showColumn' in first ? [[type.kind, first] as const] : [];
  });

  test('is made for every type of list (year, column)', () => {
    expect(lists.map(([kind]) => kind)).toEqual(expect.arrayContaining(['archive year', 'column']));
  });

  test.each(lists)('of a %s shows its own heading, description and section', (_, page) => {
    const html = renderList(page, model.site);
    expect(html).toContain(`<h1>${page.heading}</h1>`);
    expect(html).toContain(`<meta name="description" content="${page.description}">`);
    const current = [...html.matchAll(/<a [^>]*aria-current="page"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
    const section = types.find((type) => type.navLink && type.section === page.section);
    expect(current).toEqual(section ? [section.navLink] : []);
  });

  test('of a new kind says nothing of columns or years unless its data does', () => {
    const column = model.columnPages[0]!;
    const district: ListPage = { ...column, heading: '渝中区', description: '渝中区的全部文章', section: null, feed: null };
    const html = renderList(district, model.site);
    expect(html).toContain('<title>渝中区 · ');
    expect(html).toContain('<meta name="description" content="渝中区的全部文章">');
    expect(html).not.toContain('aria-current');
    expect(html).not.toContain('栏目“');
    expect(html).not.toContain('订阅本栏目');
  });
});
