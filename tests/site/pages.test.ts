// The seed site (built once by tests/global-setup.ts) checked against the parsed bulletins: every page type, its
// titles, dates and links, and that no page is missing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildModel } from '../../src/site/model.js';
import { PAGE_TYPES, pathOf } from '../../src/site/pageTypes.js';
import { attr, htmlPages, readPage, SEED_SITE, text, within, structuredData } from '../support/page.js';
import { expectedDate, issuePathOf, loadSeeds } from '../support/seeds.js';

const { bulletins, records } = loadSeeds();
const site = (path: string) => readPage(SEED_SITE, path);
const hrefs = (page: ReturnType<typeof site>) => page.all('a', 'href').map((a) => attr(a, 'href')!);

describe('every record (article or brief) has its own page', () => {
  test.each(records.map((r) => [r.path, r] as const))('%s', (path, { record, bulletin, issuePath, siblings }) => {
    const page = site(path);
    const article = page.one('article', 'class', 'record');

    expect(text(page.one('h1')), 'the title is the page heading').toBe(record.title);
    expect(text(page.one('title'))).toContain(record.title);
    if (record.kicker) expect(text(page.one('p', 'class', 'kicker'))).toBe(record.kicker);
    if (record.subtitle) expect(text(page.one('p', 'class', 'subtitle'))).toBe(record.subtitle);
    if (record.byline) expect(text(article)).toContain(record.byline);
    for (const caption of record.captions) expect(text(article)).toContain(caption);

    const time = within(article, 'time')[0]!;
    expect(attr(time, 'datetime'), 'only what is known: the month when the day is not').toBe(record.dateApprox ? record.date.slice(0, 7) : record.date);
    expect(text(time)).toBe(expectedDate(record.date, record.dateApprox, record.dateEnd));

    const bodyText = text(page.one('div', 'class', 'record-body'));
    for (const line of record.body.split('\n').map((l) => l.replace(/^#{1,6}\s+/, '').trim()).filter(Boolean)) {
      expect(bodyText, 'every body line is on the page').toContain(line.replace(/\\(.)/g, '$1').replace(/\s+/g, ' '));
    }

    expect(hrefs(page), 'links back to its issue').toContain(issuePath);
    const sourceLink = `${issuePath}source/#L${record.source.startLine}`;
    expect(hrefs(page), 'links to its lines in the original').toContain(sourceLink);
    const sourceLine = site(`${issuePath}source/`).one('li', 'id', `L${record.source.startLine}`);
    expect(text(sourceLine)).toBe(bulletin.meta.text.split('\n')[record.source.startLine - 1]!.replace(/\s+/g, ' ').trim());

    const i = siblings.indexOf(record);
    const previous = page.all('a', 'rel', 'prev').map((a) => attr(a, 'href'));
    const next = page.all('a', 'rel', 'next').map((a) => attr(a, 'href'));
    expect(previous).toEqual(i > 0 ? [`/${siblings[i - 1]!.date.replace(/-/g, '/')}/${siblings[i - 1]!.id}/`] : []);
    expect(next).toEqual(i + 1 < siblings.length ? [`/${siblings[i + 1]!.date.replace(/-/g, '/')}/${siblings[i + 1]!.id}/`] : []);

    const related = within(page.one('section', 'class', 'related'), 'a').map((a) => attr(a, 'href'));
    expect(related.length).toBeGreaterThan(0);
    expect(related, 'an article is not related to itself').not.toContain(path);

    if (record.column) {
      const columnHref = within(page.one('p', 'class', 'record-meta'), 'a')[0]!;
      expect(text(columnHref)).toBe(record.column);
      expect(attr(columnHref, 'href')).toMatch(/^\/columns\/[0-9a-f]{8}\/$/);
      expect(text(site(attr(columnHref, 'href')!).one('h1'))).toBe(record.column);
    }
  });
});

describe('record pages carry what sharing needs', () => {
  test.each(records.map((r) => [r.path, r] as const))('%s', (path, { record, issuePath }) => {
    const page = site(path);
    const ld = structuredData(page, 'NewsArticle');
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: record.title,
      datePublished: record.dateApprox ? record.date.slice(0, 7) : `${record.date}T00:00:00+08:00`,
    });
    // No invented column (其他) for a record the bulletin gave none.
    if (record.column) expect(ld.articleSection).toBe(record.column);
    else expect(ld).not.toHaveProperty('articleSection');
    expect(ld.isPartOf.url).toMatch(new RegExp(`${issuePath}$`));
    const canonical = attr(page.one('link', 'rel', 'canonical'), 'href')!;
    expect(canonical).toMatch(new RegExp(`^https?://[^/]+${path}$`));
    expect(attr(page.one('meta', 'property', 'og:url'), 'content')).toBe(canonical);
    expect(attr(page.one('meta', 'property', 'og:type'), 'content')).toBe('article');
  });
});

describe('issue pages', () => {
  test.each(bulletins.map((b) => [issuePathOf(b), b] as const))('%s lists its articles by column in source order and its briefs in full', (path, bulletin) => {
    const page = site(path);
    const inOrder = [...bulletin.records].sort((a, b) => a.order - b.order);
    const articles = inOrder.filter((r) => r.kind === 'article');
    const toc = within(page.one('nav', 'class', 'toc'), 'li').map((li) => attr(within(li, 'a')[0]!, 'href'));
    expect(toc).toEqual(articles.map((r) => `/${r.date.replace(/-/g, '/')}/${r.id}/`));
    for (const column of new Set(articles.map((r) => r.column).filter(Boolean))) {
      expect(page.all('h2').map(text), 'each column is a heading').toContain(column);
    }
    const briefs = inOrder.filter((r) => r.kind === 'brief');
    const pageText = text(page.one('main'));
    for (const brief of briefs) {
      expect(pageText).toContain(brief.title);
      expect(pageText).toContain(brief.body.split('\n')[0]!.replace(/\s+/g, ' ').trim());
    }
    expect(readFileSync(join(SEED_SITE, path, 'source.txt'), 'utf8'), 'the original is published as text').toBe(bulletin.meta.text);
  });

  test('issues link to the issue before and after them, at the top and at the foot', () => {
    const ordered = [...bulletins].sort((a, b) => (a.meta.issueDate < b.meta.issueDate ? -1 : a.meta.issueDate > b.meta.issueDate ? 1 : 0));
    ordered.forEach((bulletin, i) => {
      const page = site(issuePathOf(bulletin));
      const twice = (path: string) => [path, path];
      expect(page.all('a', 'rel', 'prev').map((a) => attr(a, 'href'))).toEqual(i > 0 ? twice(issuePathOf(ordered[i - 1]!)) : []);
      expect(page.all('a', 'rel', 'next').map((a) => attr(a, 'href'))).toEqual(i + 1 < ordered.length ? twice(issuePathOf(ordered[i + 1]!)) : []);
    });
  });
});

describe('home page', () => {
  test('shows the latest issue with every one of its records, and leads into the archive and search', () => {
    const latest = [...bulletins].sort((a, b) => (a.meta.issueDate < b.meta.issueDate ? 1 : -1))[0]!;
    const page = site('/');
    expect(attr(within(page.one('h1'), 'a')[0]!, 'href')).toBe(issuePathOf(latest));
    const links = hrefs(page);
    for (const record of latest.records) expect(links).toContain(`/${record.date.replace(/-/g, '/')}/${record.id}/`);
    expect(links).toEqual(expect.arrayContaining(['/archive/', '/search/', '/columns/']));
    expect(within(page.one('section', 'class', 'recent'), 'li').length).toBeGreaterThan(0);
  });
});

describe('archive', () => {
  test('往期回顾 links every issue under its year and month', () => {
    const page = site('/archive/');
    for (const bulletin of bulletins) {
      const [year, month] = bulletin.meta.issueDate.split('-').map(Number);
      const section = page.one('section', 'aria-labelledby', `year-${year}`);
      const cell = within(section, 'li', 'class', 'month').find((li) => text(li).startsWith(`${month}月`))!;
      expect(within(cell, 'a').map((a) => attr(a, 'href'))).toContain(issuePathOf(bulletin));
    }
  });

  test.each([...new Set(records.map((r) => r.record.date.slice(0, 4)))])('the %s pages list each record of that year exactly once, newest first', (year) => {
    const listed: string[] = [];
    let path: string | undefined = `/archive/${year}/`;
    while (path) {
      const page = site(path);
      listed.push(...within(page.one('ul', 'class', 'record-list'), 'li').map((li) => attr(within(li, 'a')[0]!, 'href')!));
      path = page.all('a', 'rel', 'next').map((a) => attr(a, 'href')!)[0];
    }
    const expected = records.filter((r) => r.record.date.startsWith(year));
    expect([...listed].sort()).toEqual(expected.map((r) => r.path).sort());
    const dates = listed.map((href) => href.slice(1, 11));
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('lists of records', () => {
  test('say each thing of an item once: a month-only date is not followed by the issue of the same name', () => {
    let monthOnly = 0;
    for (const path of htmlPages(SEED_SITE)) {
      for (const meta of site(path).all('span', 'class', 'item-meta')) {
        const parts = text(meta).split(' · ');
        expect(parts, `${path}: ${text(meta)}`).toEqual([...new Set(parts)]);
        if (/^\d{4}年\d{1,2}月$/.test(parts[0]!)) monthOnly++;
      }
    }
    expect(monthOnly, 'items dated by month alone were checked').toBeGreaterThan(10);
  });
});

describe('columns', () => {
  const columns = [...new Set(records.map((r) => r.record.column).filter((c): c is string => c !== null))];
  test.each(columns)('栏目 %s lists all its records and has a feed', (column) => {
    const index = site('/columns/');
    const link = index.all('a').find((a) => text(a) === column)!;
    const path = attr(link, 'href')!;
    expect(path).toMatch(/^\/columns\/[0-9a-f]{8}\/$/);
    const page = site(path);
    const listed = within(page.one('ul', 'class', 'record-list'), 'a').map((a) => attr(a, 'href'));
    expect(listed.sort()).toEqual(records.filter((r) => r.record.column === column).map((r) => r.path).sort());
    const feed = readFileSync(join(SEED_SITE, path, 'feed.xml'), 'utf8');
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  });
});

describe('feeds and metadata', () => {
  // Briefs as well as articles since issue 13 (tests/site/sitemapAndFeeds.test.ts checks which).
  test('the Atom feed has the latest 20 records, newest first, dated in Chongqing time', () => {
    const feed = readFileSync(join(SEED_SITE, 'feed.xml'), 'utf8');
    const published = [...feed.matchAll(/<published>([^<]+)<\/published>/g)].map((m) => m[1]!);
    expect(published).toHaveLength(Math.min(20, records.length));
    expect(published.every((d) => /^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/.test(d))).toBe(true);
    expect(published).toEqual([...published].sort().reverse());
    expect(feed).toContain(`<published>${[...records.map((r) => r.record.date)].sort().at(-1)}T00:00:00+08:00</published>`);
  });

  test('the JSON Feed parses and matches the Atom feed', () => {
    const feed = JSON.parse(readFileSync(join(SEED_SITE, 'feed.json'), 'utf8'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items).toHaveLength(Math.min(20, records.length));
    for (const item of feed.items) expect(records.map((r) => r.record.title)).toContain(item.title);
  });

  test('the sitemap lists every page a reader can land on, and nothing else', () => {
    const sitemap = readFileSync(join(SEED_SITE, 'sitemap.xml'), 'utf8');
    const listed = [...sitemap.matchAll(/<loc>https?:\/\/[^/<]+([^<]*)<\/loc>/g)].map((m) => m[1]!).sort();
    // Not /search/ or the raw originals (issue 13; tests/site/sitemapAndFeeds.test.ts).
    expect(listed).toEqual(htmlPages(SEED_SITE).filter((p) => p !== '/404.html' && p !== '/search/' && !p.endsWith('/source/')).sort());
    expect(readFileSync(join(SEED_SITE, 'robots.txt'), 'utf8')).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  });

  test('no page is missing: every record, issue, original, list, feed and the 404 page', () => {
    const pages = new Set(htmlPages(SEED_SITE));
    const expected = [
      '/', '/archive/', '/columns/', '/search/', '/404.html',
      ...records.map((r) => r.path),
      ...bulletins.flatMap((b) => [issuePathOf(b), `${issuePathOf(b)}source/`]),
    ];
    for (const path of expected) expect(pages.has(path), path).toBe(true);
    // Every other page is one the table of page types says the model has (lists, redirects): none is stray.
    const model = buildModel(bulletins).model! as unknown as Record<string, { path: string }[]>;
    const listed = Object.values(PAGE_TYPES)
      .filter((type) => type.html)
      .flatMap((type) => (type.paginated ? model[type.data!]!.map((page) => page.path) : [pathOf(type)]));
    for (const path of listed) expect(pages.has(path), path).toBe(true);
    expect([...pages].filter((path) => !expected.includes(path) && !listed.includes(path)), 'no stray pages').toEqual([]);
    expect(text(site('/404.html').one('h1'))).toBe('页面不存在');
  });
});

describe('every page', () => {
  const pages = htmlPages(SEED_SITE);
  const CSP =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
  test.each(pages)('%s is zh-CN, has the CSP, landmarks, a skip link, the no-JS search form and one h1', (path) => {
    const page = site(path);
    expect(attr(page.one('html'), 'lang')).toBe('zh-CN');
    expect(attr(page.one('meta', 'http-equiv', 'Content-Security-Policy'), 'content')).toBe(CSP);
    expect(attr(page.one('a', 'class', 'skip-link'), 'href')).toBe('#main');
    expect(page.one('main', 'id', 'main')).toBeTruthy();
    expect(page.all('header', 'class', 'site-header')).toHaveLength(1);
    expect(page.all('footer', 'class', 'site-footer')).toHaveLength(1);
    const form = page.one('form', 'class', 'site-search');
    expect([attr(form, 'role'), attr(form, 'action'), attr(form, 'method')]).toEqual(['search', '/search/', 'get']);
    expect(within(form, 'input', 'name', 'q').map((i) => attr(i, 'type'))).toEqual(['search']);
    expect(page.all('h1')).toHaveLength(1);
    expect(page.all('style'), 'no inline styles').toHaveLength(0);
    expect(page.all('*', 'style'), 'no style attributes').toHaveLength(0);
    const scripts = page.all('script').filter((s) => attr(s, 'type') !== 'application/ld+json');
    // Outside search, only the reader's text size (every page) and the article's share button: small files, and each
    // page is whole without them.
    const allowed = ['/assets/text-size.js', ...(/^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(path) ? ['/assets/share.js'] : [])];
    if (path !== '/search/') expect(scripts.map((s) => attr(s, 'src')), 'no other JavaScript outside search').toEqual(allowed);
    for (const script of scripts) expect(attr(script, 'src'), 'scripts only from files').toMatch(/^\/[^/]/);
    // The search index is written from the records themselves (src/search/searchRecords.ts), not read from pages.
    const pagefindMarkup = page.all('*').filter((e) => e.attrs.some((a) => a.name.startsWith('data-pagefind')));
    expect(pagefindMarkup, 'no Pagefind markup').toHaveLength(0);
  });
});
