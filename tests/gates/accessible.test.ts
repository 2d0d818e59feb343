// Gate: accessible. axe-core finds zero violations in Chromium on one page of every kind (home, article, issue,
// archive, column, search with results, and the rest), served over HTTP as a static host would serve them, with
// every rule in the light colour scheme and again in the dark one for the rules the scheme changes: colour contrast.
// This is the one place the search page is checked with axe. While there, the browser confirms that no page fetches
// anything from elsewhere.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { serveStatic, type StaticServer } from '../support/server.js';
import { READER_PAGE_KINDS } from '../support/pageKinds.js';
import { builtSite, readPages } from '../support/site.js';

const PAGE_KINDS = READER_PAGE_KINDS;

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

  it.each(chosen)('the site has a $kind page', ({ sitePath }) => {
    expect(sitePath).toBeDefined();
  });

  const built = chosen.filter((kind) => kind.sitePath !== undefined);

  /** Opens the page as a reader would, and waits for what it shows after loading (search results). */
  async function open(context: BrowserContext, kind: (typeof chosen)[number], watch?: (page: Page) => void): Promise<Page> {
    const page = await context.newPage();
    watch?.(page);
    const response = await page.goto(server.urlOf(kind.sitePath!) + (kind.query ?? ''), { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await kind.ready?.(page);
    return page;
  }

  const described = (violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) =>
    violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);

  describe('in the light colour scheme, every rule', () => {
    let context: BrowserContext;
    beforeAll(async () => {
      context = await browser.newContext({ colorScheme: 'light', locale: 'zh-CN' });
    });
    afterAll(() => context?.close());

    it.each(built)('on the $kind page ($sitePath)', async (kind) => {
      const failedRequests: string[] = [];
      const foreignRequests: string[] = [];
      const page = await open(context, kind, (opened) => {
        opened.on('requestfailed', (request) => failedRequests.push(request.url()));
        opened.on('request', (request) => {
          const url = new URL(request.url());
          if (url.origin !== server.origin && url.protocol !== 'data:' && url.protocol !== 'blob:') foreignRequests.push(url.href);
        });
      });
      try {
        const results = await new AxeBuilder({ page }).analyze();
        expect(described(results.violations)).toEqual([]);
        // The browser's view of the no-network gate: nothing fetched elsewhere, nothing missing, scripts included.
        expect(foreignRequests).toEqual([]);
        expect(failedRequests).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });

  // The dark scheme changes colours and nothing else, so only the rules about colour can find something new there:
  // text contrast, and links told apart from the text around them by contrast.
  describe('in the dark colour scheme, colour contrast', () => {
    const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
    let context: BrowserContext;
    beforeAll(async () => {
      context = await browser.newContext({ colorScheme: 'dark', locale: 'zh-CN' });
    });
    afterAll(() => context?.close());

    it.each(built)('on the $kind page ($sitePath)', async (kind) => {
      const page = await open(context, kind);
      try {
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
        const results = await new AxeBuilder({ page }).withRules(COLOUR_RULES).analyze();
        expect(described(results.violations)).toEqual([]);
        // Contrast was measured on this page's text, not skipped for want of it.
        const measured = [...results.passes, ...results.violations].filter((rule) => rule.id === 'color-contrast');
        expect(measured.flatMap((rule) => rule.nodes).length).toBeGreaterThan(0);
      } finally {
        await page.close();
      }
    });
  });
});
