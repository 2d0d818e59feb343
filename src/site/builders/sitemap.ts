// /sitemap.xml lists the pages worth finding: those of every page type that says when its pages last changed. Not
// /search/ (a form, empty without a query) nor the raw originals (noindex; each article already carries their text).
// <lastmod> is the date of the issue a page shows, or of the newest issue it lists: pages change only when a bulletin
// is added or corrected.
import type { SitemapEntry } from '../model.js';
import { pagesOf } from '../pageTypes.js';
import type { BuildContext } from './context.js';

export function sitemap(ctx: BuildContext): SitemapEntry[] {
  return ctx.pageTypes.flatMap((type) => {
    const lastmod = type.sitemapLastmod;
    return lastmod ? pagesOf(type, ctx).map((page) => ({ path: page.path, lastmod: lastmod(page, ctx) })) : [];
  });
}
