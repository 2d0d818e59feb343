// Gate: larger text (适老化, WCAG 1.4.4 Resize Text, 1.4.10 Reflow, 2.5.5 Target Size). In Chromium, with the
// browser's own text size set as an older reader's phone sets it (CDP Page.setFontSizes: 100 %, 150 %, 200 %), one
// page of every kind reflows at 320 CSS px with no horizontal scrolling; every link, button and select that stands
// alone (header, navigation, footer, the search form, pagination, year jumps, lists of titles) is at least 44×44 CSS
// px; the header search box stays wide enough to type in; and at 390 px the header takes at most a third of the
// first screen.
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { serveStatic, type StaticServer } from '../support/server.js';
import { READER_PAGE_KINDS } from '../support/pageKinds.js';
import { builtSite, readPages } from '../support/site.js';

const PAGE_KINDS = READER_PAGE_KINDS;

/** Chromium's default sizes (standard 16 px, fixed-width 13 px), scaled as a reader's text-size setting does. */
const TEXT_SIZES = [100, 150, 200].map((percent) => ({ percent }));

/** Links and controls that stand alone, not inside a sentence (WCAG 2.5.5's inline exception). */
const STANDALONE_TARGETS = [
  '.site-header a',
  '.site-header input',
  '.site-header button',
  '.site-footer a',
  '.search-form input',
  '.search-form button',
  '.search-form select',
  '.search-more',
  '.pagination a',
  '.year-jump a',
  // Lists whose items are a link each: article titles, months, previous/next.
  '.record-list li > a',
  '.related li > a',
  '.toc-group li > a',
  '.brief-list li > a',
  '.neighbours li > a',
  '.month a',
  '.year-all a',
].join(', ');

const MIN_TARGET = 44;

const site = builtSite('site');
const builtPaths = readPages(site.dir).map((page) => page.path);
const chosen = PAGE_KINDS.map((kind) => ({ ...kind, sitePath: builtPaths.find((path) => kind.path.test(path)) }));

interface Measured {
  innerWidth: number;
  /** The width content may use. The search page keeps a scrollbar's room so results never shift it; where the
   *  scrollbar takes room (desktop Chromium, not phones) the page is then narrower than the window, which is fine:
   *  only a page wider than this scrolls sideways. */
  clientWidth: number;
  innerHeight: number;
  scrollWidth: number;
  /** Elements whose right edge passes the viewport, for the failure message. */
  wide: string[];
  /** Stand-alone targets under 44×44. */
  small: string[];
  headerHeight: number;
  /** The root font size in px: 16 × the text size, or the browser ignored the setting and nothing was tested. */
  rootFontPx: number;
  /** The header search box's room for text (inside its padding), in characters of its own font. */
  searchBoxChars: number;
}

async function open(browser: Browser, kind: (typeof chosen)[number], viewport: { width: number; height: number }, percent: number) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', {
    fontSizes: { standard: Math.round((16 * percent) / 100), fixed: Math.round((13 * percent) / 100) },
  });
  const response = await page.goto(server.urlOf(kind.sitePath!) + (kind.query ?? ''), { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  await kind.ready?.(page);
  return { context, page };
}

async function measure(page: Page, targets: string, minTarget: number): Promise<Measured> {
  return page.evaluate(
    ({ targets, minTarget }) => {
      const describe = (el: Element) => {
        const text = (el.textContent ?? '').trim().slice(0, 12) || (el as HTMLInputElement).name || '';
        return `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}「${text}」`;
      };
      const wide: string[] = [];
      for (const el of document.body.querySelectorAll('*')) {
        const rect = el.getBoundingClientRect();
        if (rect.width > 0 && rect.right > document.documentElement.clientWidth + 0.5) wide.push(`${describe(el)} right=${Math.round(rect.right)}`);
      }
      const small: string[] = [];
      for (const el of document.querySelectorAll(targets)) {
        const rect = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (rect.width === 0 || style.visibility === 'hidden' || (el as HTMLElement).hidden) continue;
        if (el.classList.contains('skip-link')) continue;
        if (rect.width < minTarget - 0.01 || rect.height < minTarget - 0.01) {
          small.push(`${describe(el)} ${Math.round(rect.width * 10) / 10}×${Math.round(rect.height * 10) / 10}`);
        }
      }
      const header = document.querySelector('.site-header')!.getBoundingClientRect();
      const box = document.querySelector<HTMLInputElement>('#site-search-q')!;
      const boxStyle = getComputedStyle(box);
      const room = box.clientWidth - parseFloat(boxStyle.paddingLeft) - parseFloat(boxStyle.paddingRight);
      const chars = room / parseFloat(boxStyle.fontSize);
      return {
        innerWidth: window.innerWidth,
        clientWidth: document.documentElement.clientWidth,
        innerHeight: window.innerHeight,
        scrollWidth: document.documentElement.scrollWidth,
        wide: wide.slice(0, 8),
        small,
        headerHeight: header.height,
        rootFontPx: parseFloat(getComputedStyle(document.documentElement).fontSize),
        searchBoxChars: chars,
      };
    },
    { targets, minTarget },
  );
}

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

describe('larger text reflows and keeps targets large', () => {
  it.each(chosen)('the site has a $kind page', ({ sitePath }) => {
    expect(sitePath).toBeDefined();
  });

  describe.each(TEXT_SIZES)('with text at $percent %', ({ percent }) => {
    it.each(chosen.filter((kind) => kind.sitePath !== undefined))('$kind ($sitePath) at 320 px', async (kind) => {
      const { context, page } = await open(browser, kind, { width: 320, height: 568 }, percent);
      try {
        const m = await measure(page, STANDALONE_TARGETS, MIN_TARGET);
        expect(m.rootFontPx).toBe((16 * percent) / 100);
        // 1.4.10: nothing to scroll sideways.
        expect({ overflow: Math.max(0, m.scrollWidth - m.clientWidth), wide: m.wide }).toEqual({ overflow: 0, wide: [] });
        // 2.5.5: every stand-alone link, button and select at least 44×44.
        expect(m.small).toEqual([]);
        // The header search box shows a four-character term (劳模工匠) whole, not one character.
        expect(m.searchBoxChars).toBeGreaterThanOrEqual(4);
      } finally {
        await context.close();
      }
    });
  });

  it.each(chosen.filter((kind) => kind.sitePath !== undefined))(
    'at 390×844 with text at 200 %, the $kind header takes at most a third of the screen',
    async (kind) => {
      const { context, page } = await open(browser, kind, { width: 390, height: 844 }, 200);
      try {
        const m = await measure(page, STANDALONE_TARGETS, MIN_TARGET);
        expect(m.headerHeight).toBeLessThanOrEqual(m.innerHeight / 3);
        expect(Math.max(0, m.scrollWidth - m.clientWidth)).toBe(0);
      } finally {
        await context.close();
      }
    },
  );
});
