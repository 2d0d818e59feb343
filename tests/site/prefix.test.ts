// The same site deployed under /archive/: every link, script, stylesheet and form stays inside the prefix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { attr, filesUnder, htmlPages, PREFIXED_SITE, readPage, SEED_SITE } from '../support/page.js';

const PREFIX = '/archive';

describe('a site built with --pathprefix=/archive/', () => {
  test('has the same files as the one built at the root', () => {
    const strip = (files: string[]) => files.filter((f) => !f.startsWith('pagefind/')).sort();
    expect(strip(filesUnder(PREFIXED_SITE))).toEqual(strip(filesUnder(SEED_SITE)));
  });

  test.each(htmlPages(PREFIXED_SITE))('%s links only inside /archive/', (path) => {
    const page = readPage(PREFIXED_SITE, path);
    const urls = [
      ...page.all('a', 'href').map((e) => attr(e, 'href')!),
      ...page.all('link', 'href').map((e) => attr(e, 'href')!),
      ...page.all('script', 'src').map((e) => attr(e, 'src')!),
      ...page.all('form', 'action').map((e) => attr(e, 'action')!),
    ];
    const rootRelative = urls.filter((u) => u.startsWith('/'));
    expect(rootRelative.length).toBeGreaterThan(0);
    for (const url of rootRelative) expect(url, `${path} → ${url}`).toMatch(/^\/archive\//);
    for (const url of urls.filter((u) => /^https?:/.test(u))) expect(new URL(url).pathname).toMatch(/^\/archive\//);
    const canonical = page.all('link', 'rel', 'canonical').map((e) => attr(e, 'href')!);
    for (const url of canonical) expect(new URL(url).pathname).toBe(`${PREFIX}${path}`);
  });

  test('feeds and the sitemap use absolute URLs under the prefix', () => {
    for (const file of ['feed.xml', 'sitemap.xml']) {
      const xml = readFileSync(join(PREFIXED_SITE, file), 'utf8');
      const urls = [...xml.matchAll(/(?:href="|<loc>)(https?:\/\/[^"<]+)/g)].map((m) => new URL(m[1]!).pathname);
      expect(urls.length).toBeGreaterThan(0);
      for (const path of urls) expect(path, file).toMatch(/^\/archive\//);
    }
    const json = JSON.parse(readFileSync(join(PREFIXED_SITE, 'feed.json'), 'utf8'));
    for (const item of json.items) expect(new URL(item.url).pathname).toMatch(/^\/archive\//);
  });
});
