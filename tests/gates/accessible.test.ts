// Gate: accessible. axe-core finds zero violations in Chromium on one page of every kind (home, article, issue,
// archive, column, search with results, and the rest), in light and dark colour schemes, served over HTTP as a
// static host would serve them. While there, the browser confirms that no page fetches anything from elsewhere.
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { serveStatic, type StaticServer } from '../support/server.js';
import { builtSite, readPages } from '../support/site.js';


interface PageKind {
  kind: string;
  /** Site path (no prefix) pattern; the first built page that matches is checked. */
  path: RegExp;
  required: boolean;
  /** Extra query, and what to wait for before checking. */
  query?: string;
  ready?: (page: Page) => Promise<unknown>;
}

// One search the seeds certainly answer: the publisher's own name is in every bulletin.
const SEARCH_QUERY = '工会';

const PAGE_KINDS: PageKind[] = [
  { kind: 'home', path: /^\/$/, required: true },
  { kind: 'article', path: /^\/\d{4}\/\d{2}\/\d{2}\/[A-Za-z0-9_-]+\/$/, required: true },
  { kind: 'issue', path: /^\/issues\/[^/]+\/$/, required: true },
  { kind: 'issue source view', path: /^\/issues\/[^/]+\/source\/$/, required: false },
  { kind: 'archive', path: /^\/archive\/$/, required: true },
  { kind: 'archive year', path: /^\/archive\/\d{4}\/$/, required: false },
  { kind: 'column list', path: /^\/columns\/$/, required: false },
  { kind: 'column', path: /^\/columns\/[^/]+\/$/, required: true },
  {
    kind: 'search with results',
    path: /^\/search\/$/,
    required: true,
    query: `?q=${encodeURIComponent(SEARCH_QUERY)}`,
    ready: (page) => page.locator('[data-search-results] li').first().waitFor({ state: 'visible', timeout: 20_000 }),
  },
  { kind: 'not found', path: /^\/404\.html$/, required: false },
];

const site = builtSite('site');
const builtPaths = readPages(site.dir).map((page) => page.path);
const chosen = PAGE_KINDS.map((kind) => ({ ...kind, sitePath: builtPaths.find((path) => kind.path.test(path)) }));

describe('axe-core finds no accessibility violations', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveStatic(site.dir, site.prefix);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(chosen.filter((kind) => kind.required))('the site has a $kind page', ({ sitePath }) => {
    expect(sitePath).toBeDefined();
  });

  describe.each(['light', 'dark'] as const)('in the %s colour scheme', (colorScheme) => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await browser.newContext({ colorScheme, locale: 'zh-CN' });
    });
    afterAll(() => context?.close());

    it.each(chosen.filter((kind) => kind.sitePath !== undefined))('on the $kind page ($sitePath)', async (kind) => {
      const page = await context.newPage();
      try {
        const failedRequests: string[] = [];
        const foreignRequests: string[] = [];
        page.on('requestfailed', (request) => failedRequests.push(request.url()));
        page.on('request', (request) => {
          const url = new URL(request.url());
          if (url.origin !== server.origin && url.protocol !== 'data:' && url.protocol !== 'blob:') foreignRequests.push(url.href);
        });
        const response = await page.goto(server.urlOf(kind.sitePath!) + (kind.query ?? ''), { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        await kind.ready?.(page);
        const results = await new AxeBuilder({ page }).analyze();
        const violations = results.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`,
        );
        expect(violations).toEqual([]);
        // The browser's view of the no-network gate: nothing fetched elsewhere, nothing missing, scripts included.
        expect(foreignRequests).toEqual([]);
        expect(failedRequests).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
});
