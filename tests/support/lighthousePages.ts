// The pages Lighthouse audits: one of each kind a reader lands on from a search engine or a shared link.
import { htmlFilesIn, sitePathOf } from './site.js';

/** A word every seed bulletin carries (the publisher's own name), so the search page has results to show. */
export const AUDITED_SEARCH = '工会';

const KINDS: { name: string; path: RegExp }[] = [
  { name: 'home', path: /^\/$/ },
  { name: 'article', path: /^\/\d{4}\/\d{2}\/\d{2}\/[A-Za-z0-9_-]+\/$/ },
  { name: 'issue', path: /^\/issues\/[^/]+\/$/ },
  { name: 'archive', path: /^\/archive\/$/ },
];

export function pagesToAudit(siteDir: string, url: (sitePath: string) => string): { name: string; url: string }[] {
  const paths = htmlFilesIn(siteDir).map(sitePathOf);
  const pages = KINDS.map((kind) => {
    const path = paths.find((p) => kind.path.test(p));
    if (path === undefined) throw new Error(`no ${kind.name} page in ${siteDir} to audit`);
    return { name: kind.name, url: url(path) };
  });
  pages.push({ name: 'search with results', url: url(`/search/?q=${encodeURIComponent(AUDITED_SEARCH)}`) });
  return pages;
}
