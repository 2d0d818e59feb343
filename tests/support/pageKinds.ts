// One page of every kind a reader sees, for the browser gates (axe, larger text): taken from the table of page types,
// so a new kind of page is checked without editing any gate. A redirect page is there only once a published address
// moved, and the seeds move none.
import type { Page } from 'playwright-core';
import { PAGE_TYPES, pathPattern } from '../../src/site/pageTypes.js';

export interface PageKind {
  kind: string;
  /** Site path (no prefix) pattern; the first built page that matches is checked. */
  path: RegExp;
  /** Extra query, and what to wait for before checking. */
  query?: string;
  ready?: (page: Page) => Promise<unknown>;
}

/** One search the seeds certainly answer: the publisher's own name is in every bulletin. */
export const SEARCH_QUERY = '工会';

const SEARCH_WITH_RESULTS = {
  kind: 'search with results',
  query: `?q=${encodeURIComponent(SEARCH_QUERY)}`,
  ready: (page: Page) => page.locator('[data-search-results] li').first().waitFor({ state: 'visible', timeout: 20_000 }),
};

export const READER_PAGE_KINDS: PageKind[] = Object.values(PAGE_TYPES)
  .filter((type) => type.html && !type.mayBeAbsent)
  .map((type) => ({ kind: type.kind, path: pathPattern(type), ...(type === PAGE_TYPES.search ? SEARCH_WITH_RESULTS : {}) }));
