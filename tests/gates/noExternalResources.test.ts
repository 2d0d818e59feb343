// Gate: no network at read time either. No built page makes the browser fetch anything from another origin
// (scripts, styles, fonts, icons, images, frames, preloads), so the archive works offline, on an intranet,
// and without telling a third party who reads what.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attr, cssUrls, describe as describeElement, elements, urlReferences } from '../support/html.js';
import { filesIn, readPages, sitesToCheck } from '../support/site.js';

const SITE_ORIGIN = 'http://site.invalid';
// Hints that open connections to another host before anything is requested.
const CONNECTING_RELS = /\b(preconnect|dns-prefetch|prerender)\b/i;

function foreignResources(siteDir: string, prefix: string): string[] {
  const problems: string[] = [];
  for (const page of readPages(siteDir)) {
    const pageUrl = new URL(prefix + page.path.slice(1), SITE_ORIGIN);
    for (const reference of urlReferences(page.document)) {
      if (!reference.isResource || reference.url === '') continue;
      const target = new URL(reference.url, pageUrl);
      if (target.origin !== SITE_ORIGIN && target.protocol !== 'data:') {
        problems.push(`${page.file}: ${describeElement(reference.element)} loads ${target.href}`);
      }
    }
    for (const element of elements(page.document)) {
      if (element.tagName === 'link' && CONNECTING_RELS.test(attr(element, 'rel') ?? '')) {
        problems.push(`${page.file}: ${describeElement(element)} opens a connection`);
      }
    }
  }
  for (const file of filesIn(siteDir).filter((f) => f.endsWith('.css'))) {
    const cssUrl = new URL(prefix + file, SITE_ORIGIN);
    for (const url of cssUrls(readFileSync(join(siteDir, file), 'utf8'))) {
      const target = new URL(url, cssUrl);
      if (target.origin !== SITE_ORIGIN && target.protocol !== 'data:') problems.push(`${file}: loads ${target.href}`);
    }
  }
  return problems;
}

describe('built pages load nothing from another origin', () => {
  it.each(sitesToCheck())('in the $name build', (site) => {
    expect(readPages(site.dir).length).toBeGreaterThan(0);
    expect(foreignResources(site.dir, site.prefix)).toEqual([]);
  });
});
