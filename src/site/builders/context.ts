// What every page type's builder starts from: the records and issues with their addresses already claimed, and the
// site's URL helpers. Builders share what they compute through `once`, so none depends on the order they run in.
import type { ParsedBulletin } from '../../types.js';
import type { AnyPageType } from '../pageTypes.js';
import type { UrlPlan } from '../publishedUrls.js';
import type { ColumnRef, IssueRef, RecordLink, RecordPage, SiteInfo } from '../model.js';

export interface IssueRecords {
  bulletin: ParsedBulletin;
  ref: IssueRef;
  /** Its records in source order. */
  pages: RecordPage[];
}

export interface BuildContext {
  site: SiteInfo;
  /** A site path with the path prefix. */
  url(path: string): string;
  /** A site path as an absolute URL. */
  absolute(path: string): string;
  /** In reading order: issues oldest first, records in source order. */
  records: RecordPage[];
  /** The same records newest first (`newestFirst`). */
  newest: RecordPage[];
  /** Oldest first. */
  issues: IssueRecords[];
  columnRef(name: string): ColumnRef;
  link(page: RecordPage): RecordLink;
  /** Addresses published before (content/published-urls.json), or null when the content has no registry. */
  plan: UrlPlan | null;
  /** The table of page types (src/site/pageTypes.ts), for what every type contributes to: the sitemap and the feeds. */
  pageTypes: readonly AnyPageType[];
  /** `build(this)`, computed once per model: a builder and the builders that read its result share one copy. */
  once<T>(build: (ctx: BuildContext) => T): T;
}
