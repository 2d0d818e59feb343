// Gate: every link works. linkinator crawls each built site over HTTP from every page (not only those reachable
// from the home page), checking links, assets and `#fragment` targets. Under a path prefix every site-local URL
// must also stay inside the prefix, or it would break once the site is published at /repo-name/.
import { LinkChecker, LinkState } from 'linkinator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describe as describeElement, urlReferences } from '../support/html.js';
import { serveStatic, type StaticServer } from '../support/server.js';
import { readPages, sitesToCheck } from '../support/site.js';

describe.each(sitesToCheck())('links in the $name build', (site) => {
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveStatic(site.dir, site.prefix);
  });
  afterAll(() => server?.close());

  it('lead to pages, files and fragments that exist', async () => {
    const pages = readPages(site.dir).map((page) => server.urlOf(page.path));
    const checker = new LinkChecker();
    const result = await checker.check({
      path: pages,
      recurse: true,
      checkCss: true,
      checkFragments: true,
      concurrency: 8,
      timeout: 10_000,
      // Other sites are not ours to check, and the tests make no network calls.
      linksToSkip: async (url) => !url.startsWith(server.origin),
    });
    const checked = result.links.filter((link) => link.state === LinkState.OK);
    const broken = result.links
      .filter((link) => link.state === LinkState.BROKEN)
      .map((link) => `${link.url} (${link.status ?? 'no response'}) on ${link.parent ?? 'start list'}`);
    expect(broken).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(pages.length);
  });

  it(`stay under the path prefix`, () => {
    const origin = 'http://site.invalid';
    const outside: string[] = [];
    for (const page of readPages(site.dir)) {
      const pageUrl = new URL(site.prefix + page.path.slice(1), origin);
      for (const reference of urlReferences(page.document)) {
        if (reference.url === '' || reference.url.startsWith('#')) continue;
        const target = new URL(reference.url, pageUrl);
        if (target.origin === origin && !target.pathname.startsWith(site.prefix)) {
          outside.push(`${page.file}: ${describeElement(reference.element)} → ${target.pathname}`);
        }
      }
    }
    expect(outside).toEqual([]);
  });

  it('on the not-found page are never relative, because hosts serve it at whatever depth was asked for', () => {
    const notFound = readPages(site.dir).find((page) => page.file === '404.html');
    expect(notFound, 'a 404.html page').toBeDefined();
    const relative = urlReferences(notFound!.document)
      .filter((reference) => reference.url !== '' && !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(reference.url))
      .map((reference) => describeElement(reference.element));
    expect(relative).toEqual([]);
  });
});
