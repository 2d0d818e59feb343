// /opensearch.xml: lets a browser add the site's search (OpenSearch 1.1). Pages link it with
// <link rel="search" type="application/opensearchdescription+xml" title="…" href="…/opensearch.xml">.
import { escapeXml } from '../site/escape.js';
import { normalizeOrigin, normalizePrefix } from '../site/urls.js';

export const OPENSEARCH_PATH = '/opensearch.xml';
export const OPENSEARCH_TYPE = 'application/opensearchdescription+xml';

export interface OpenSearchOptions {
  /** `https://host` (`SITE_URL`). */
  siteUrl: string;
  /** `/`, `/archive/` … */
  pathPrefix: string;
  /** The search page's site path, before the prefix: `/search/`. Its form field is `q`. */
  searchPath: string;
  /** At most 16 characters, as the specification requires. */
  shortName?: string;
  description?: string;
  /** Site path of a square icon (before the prefix) and its size in pixels, e.g. `/icons/icon-32.png`, 32. */
  icon?: { path: string; size: number; type: string };
}

export function openSearchXml(options: OpenSearchOptions): string {
  const origin = normalizeOrigin(options.siteUrl);
  const prefix = normalizePrefix(options.pathPrefix);
  if (!options.searchPath.startsWith('/')) throw new Error(`search path ${JSON.stringify(options.searchPath)} must start with /`);
  const shortName = options.shortName ?? '重庆工会简报';
  if ([...shortName].length > 16) throw new Error(`OpenSearch ShortName ${JSON.stringify(shortName)} is over 16 characters`);
  const searchPage = `${origin}${prefix}${options.searchPath}`;
  // `?` or `&` after the page's own query, and the `{searchTerms}` placeholder left unescaped for the browser to fill.
  const template = `${searchPage}${searchPage.includes('?') ? '&' : '?'}q={searchTerms}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">',
    `  <ShortName>${escapeXml(shortName)}</ShortName>`,
    `  <Description>${escapeXml(options.description ?? '搜索重庆市总工会工作简报的全部文章')}</Description>`,
    '  <InputEncoding>UTF-8</InputEncoding>',
    '  <Language>zh-CN</Language>',
    ...(options.icon
      ? [`  <Image width="${options.icon.size}" height="${options.icon.size}" type="${escapeXml(options.icon.type)}">${escapeXml(`${origin}${prefix}${options.icon.path}`)}</Image>`]
      : []),
    `  <Url type="text/html" method="get" template="${escapeXml(template)}"/>`,
    `  <Url type="${OPENSEARCH_TYPE}" rel="self" template="${escapeXml(`${origin}${prefix}${OPENSEARCH_PATH}`)}"/>`,
    `  <moz:SearchForm>${escapeXml(searchPage)}</moz:SearchForm>`,
    '</OpenSearchDescription>',
  ];
  return `${lines.join('\n')}\n`;
}
