// Long articles on a phone: where the reader is (breadcrumbs), how long it is, its sections with anchors, a way back
// up; and how to take it elsewhere (QR code, share button, the address in print). Checked on the seed site against
// the parsed records, independently of the site's code.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bylineAuthors } from '../../src/site/authors.js';
import { launchChromium } from '../support/browser.js';
import { attr, readPage, SEED_SITE, structuredData, text, within } from '../support/page.js';
import { issuePathOf, loadSeeds } from '../support/seeds.js';
import { serveStatic, type StaticServer } from '../support/server.js';

const { bulletins, records } = loadSeeds();
const site = (path: string) => readPage(SEED_SITE, path);
const articles = records.filter((r) => r.record.kind === 'article');
const withSections = articles.filter((r) => (r.record.body.match(/^#{2,6} /gm) ?? []).length >= 2);
const longest = [...articles].sort((a, b) => b.record.body.length - a.record.body.length)[0]!;

test('the seeds hold articles with sections and without', () => {
  expect(withSections.length).toBeGreaterThan(0);
  expect(articles.length).toBeGreaterThan(withSections.length);
});

describe('an article with sections has a table of contents whose links reach its headings', () => {
  test.each(withSections.map((r) => [r.path, r] as const))('%s', (path, { record }) => {
    const page = site(path);
    const toc = page.one('nav', 'class', 'article-toc');
    const targets = within(toc, 'a').map((a) => attr(a, 'href')!);
    const headings = record.body.match(/^#{2,6} .+$/gm)!.map((h) => h.replace(/^#+ /, '').replace(/\\(.)/g, '$1'));
    expect(within(toc, 'a').map(text)).toEqual(headings);
    for (const target of targets) {
      const heading = page.elements.find((e) => /^h[2-6]$/.test(e.tagName) && attr(e, 'id') === target.slice(1));
      expect(heading, `${target} is a heading on the page`).toBeDefined();
    }
    expect(within(page.one('p', 'class', 'to-top'), 'a', 'href', '#main'), 'a way back to the top').toHaveLength(1);
  });

  test('an article with no sections has no table of contents', () => {
    const plain = articles.find((r) => !/^#/m.test(r.record.body))!;
    expect(site(plain.path).all('nav', 'class', 'article-toc')).toHaveLength(0);
  });
});

describe('reading length and breadcrumbs', () => {
  test.each(articles.map((r) => [r.path, r] as const))('%s', (path, { record, issuePath }) => {
    const page = site(path);
    // 字数: every written character of the text, spaces and Markdown marks aside.
    const characters = Array.from(record.body.replace(/^#{1,6} /gm, '').replace(/\\(.)/g, '$1').replace(/\s/g, '')).length;
    const minutes = Math.max(1, Math.round(characters / 400));
    expect(text(page.one('p', 'class', 'reading-length'))).toBe(`全文 ${characters.toLocaleString('en-US')} 字，约 ${minutes} 分钟读完`);

    const crumbs = within(page.one('nav', 'class', 'breadcrumbs'), 'a');
    expect(crumbs.map((a) => attr(a, 'href'))).toEqual(['/', issuePath, ...(record.column ? [expect.stringMatching(/^\/columns\//)] : [])]);
    expect(crumbs.map(text).slice(0, 2)).toEqual(['首页', text(site(issuePath).one('h1'))]);
    if (record.column) expect(text(crumbs[2]!)).toBe(record.column);

    const trail = structuredData(page, 'BreadcrumbList');
    expect(trail.itemListElement.map((item: { position: number }) => item.position)).toEqual(crumbs.map((_, i) => i + 1).concat(crumbs.length + 1));
    expect(trail.itemListElement.at(-1).name).toBe(record.title);
    expect(trail.itemListElement.at(-1).item).toMatch(new RegExp(`${path}$`));
  });

  test('a brief shows no reading length', () => {
    const brief = records.find((r) => r.record.kind === 'brief')!;
    expect(site(brief.path).all('p', 'class', 'reading-length')).toHaveLength(0);
  });
});

describe('structured data names people, the publisher with its logo, and an image', () => {
  test.each(records.map((r) => [r.path, r] as const))('%s', (path, { record }) => {
    const article = structuredData(site(path), 'NewsArticle');
    const authors = record.byline ? bylineAuthors(record.byline) : [];
    if (authors.length) {
      expect(article.author.map((a: { name: string }) => a.name)).toEqual(authors);
      for (const author of article.author) expect(author.name).toMatch(/^\p{Script=Han}{2,4}$/u);
    } else {
      expect(article).not.toHaveProperty('author');
    }
    expect(article.publisher.logo.url).toMatch(/^https?:\/\/.+\.png$/);
    expect(article.image.url).toMatch(/^https?:\/\/.+\.(png|jpe?g)$/);
  });

  test('the seeds give the bylines the issue named: 通讯员 刘颖 is the person 刘颖', () => {
    const record = records.find((r) => r.record.byline === '通讯员 刘颖');
    expect(record).toBeDefined();
    expect(structuredData(site(record!.path), 'NewsArticle').author).toEqual([{ '@type': 'Person', name: '刘颖' }]);
  });
});

test('an issue page offers the previous and next issue at its top as well as its foot', () => {
  const middle = bulletins.map(issuePathOf).sort()[1]!;
  const page = site(middle);
  const navs = page.all('nav', 'class', 'neighbours');
  expect(navs).toHaveLength(2);
  expect(new Set(navs.map((n) => attr(n, 'aria-label'))).size, 'two landmarks, two names').toBe(2);
  expect(within(navs[0]!, 'a').map((a) => attr(a, 'href'))).toEqual(within(navs[1]!, 'a').map((a) => attr(a, 'href')));
  expect(page.html.indexOf('class="neighbours"')).toBeLessThan(page.html.indexOf('<h1'));
});

describe('sharing an article', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveStatic(SEED_SITE);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the QR code is labelled with the page address and shows on a wide screen; a phone gets a share button that copies the link', async () => {
    const page0 = site(longest.path);
    const canonical = attr(page0.one('link', 'rel', 'canonical'), 'href')!;
    const qr = page0.one('svg');
    expect(attr(qr, 'aria-label')).toBe(`本文地址的二维码：${canonical}`);
    expect(text(page0.one('p', 'class', 'print-address'))).toBe(`本文地址：${canonical}出自：${text(site(longest.issuePath).one('h1'))}`);

    const wide = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await phone.grantPermissions(['clipboard-read', 'clipboard-write']);
    try {
      const desk = await wide.newPage();
      await desk.goto(server.urlOf(longest.path));
      expect(await desk.locator('.share-qr svg').isVisible()).toBe(true);
      expect(await desk.getByRole('button', { name: '分享本文' }).isVisible()).toBe(false);

      const hand = await phone.newPage();
      // Chromium on Linux has no share sheet, as WeChat's browser has none: the link is copied instead.
      await hand.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }));
      await hand.goto(server.urlOf(longest.path));
      expect(await hand.locator('.share-qr svg').isVisible()).toBe(false);
      await hand.getByRole('button', { name: '分享本文' }).click();
      await expect.poll(() => hand.locator('.share-status').textContent()).toContain('链接已复制');
      const copied = await hand.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(canonical);
    } finally {
      await wide.close();
      await phone.close();
    }
  });
});
