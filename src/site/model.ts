// Turns parsed bulletins into everything the pages need, once: URLs, dates as shown, issue tables of contents, column and
// year lists already cut into pages, neighbours and related articles. Templates only format what is here; nothing is
// looked up per page, which keeps rendering linear in the number of records. This file claims every record's and
// issue's address; what each kind of page needs is made by its builder (src/site/builders/), listed in
// src/site/pageTypes.ts.
import { BulletinError } from '../errors.js';
import { placePath, placesOf } from '../places/index.js';
import type { ArticleRecord, ParsedBulletin } from '../types.js';
import type { BuildContext, IssueRecords } from './builders/context.js';
import { chineseDate, chineseMonth, displayDate, knownDate, knownIssueDate } from './dates.js';
import type { NavSection } from './layout.js';
import { PAGE_TYPES, type PageData } from './pageTypes.js';
import { planUrls, readRegistry, recordsPublishedUrls, registryFileFor, type UrlPlan } from './publishedUrls.js';
import {
  columnId,
  columnPath,
  duplicateIssueErrors,
  issueKey,
  issuePath,
  normalizeOrigin,
  normalizePrefix,
  outputFileFor,
  recordPath,
} from './urls.js';

export const SITE_NAME = '重庆市总工会工作简报';
export const PUBLISHER = '重庆市总工会';
/** Records without a column label are grouped, filtered and shown under this name. */
export const NO_COLUMN = '其他';
/** Heading of an issue's leading articles that stand before any column label. */
export const LEAD_GROUP = '本期要闻';
export const LIST_PAGE_SIZE = 30;
export const FEED_SIZE = 20;
export const HOME_RECENT = 10;

export interface SiteInfo {
  name: string;
  /** `https://host`, no trailing slash. */
  origin: string;
  /** '' or `/archive`: prepend to every site path. */
  prefix: string;
}

/** What a list item needs to link to a record. */
export interface RecordLink {
  url: string;
  title: string;
  date: string;
  /** What is known of the date, for `<time datetime>`: `2024-12-03` or `2024-12` (see `knownDate`). */
  datetime: string;
  displayDate: string;
  /** The column name, or null: a record the bulletin gave no column is shown with none. */
  column: string | null;
  kind: ArticleRecord['kind'];
  issueName: string;
}

export interface ColumnRef {
  name: string;
  id: string;
  url: string;
}

export interface IssueRef {
  key: string;
  name: string;
  /** Within its month on the archive calendar: `2日`, `全月`, plus the slug if any. */
  shortName: string;
  url: string;
  /** `YYYY-MM-DD`; the 1st when only the month is known. */
  date: string;
  /** Whether the issue's own day is known (`2024-01-05.txt`), not only its month. */
  dayKnown: boolean;
  /** What is known of the date, for `<time datetime>`: `2024-01-05` or `2024-12`. */
  datetime: string;
}

/** A district, zone or union a record names (src/places/), and its page. */
export interface PlaceRef {
  id: string;
  /** `永川区`, `石柱县`, `市能源工会`. */
  label: string;
  kind: 'district' | 'union';
  url: string;
}

export interface RecordPage {
  permalink: string;
  path: string;
  url: string;
  record: ArticleRecord;
  displayDate: string;
  /** What is known of the date, for `<time datetime>`: `2024-12-03` or `2024-12`. */
  datetime: string;
  kindLabel: '文章' | '简讯';
  /** The column name, or 其他: only for grouping and the search filter; pages show no column where there is none. */
  columnLabel: string;
  column: ColumnRef | null;
  issue: IssueRef;
  /** The districts, then the unions, the record names, in gazetteer order. */
  places: PlaceRef[];
  previous: RecordLink | null;
  next: RecordLink | null;
  related: RecordLink[];
  /** HTML source view, anchored at the record's first line. */
  sourceUrl: string;
  sourceTextUrl: string;
}

export interface TocGroup {
  column: string;
  columnUrl: string | null;
  records: RecordLink[];
}

export interface IssuePage {
  permalink: string;
  path: string;
  url: string;
  ref: IssueRef;
  /** `2023年11月2日` or `2023年11月`. */
  displayDate: string;
  number: string | null;
  file: string;
  toc: TocGroup[];
  briefs: RecordPage[];
  articleCount: number;
  briefCount: number;
  /** True when the name is only the issue date, so the date need not be repeated under it. */
  nameIsDate: boolean;
  previous: IssueRef | null;
  next: IssueRef | null;
  sourceUrl: string;
  sourceTextUrl: string;
}

export interface SourcePage {
  /** The decoded bulletin (UTF-8, LF) published as text. */
  textPermalink: string;
  /** The same text as HTML with one anchor per line. */
  htmlPermalink: string;
  path: string;
  issue: IssueRef;
  file: string;
  text: string;
}

/** One page of a record list (src/site/builders/lists.ts): everything it shows is said by its page type. */
export interface ListPage {
  permalink: string;
  path: string;
  url: string;
  /** `渝工建功`, `2024年文章`: the page's title and h1, before any page number. */
  heading: string;
  description: string;
  section: NavSection;
  /** Whether an item shows its column. */
  showColumn: boolean;
  /** e.g. the column's or year's own URL, for the first page and for canonical links. */
  baseUrl: string;
  pageNumber: number;
  pageCount: number;
  previousUrl: string | null;
  nextUrl: string | null;
  items: RecordLink[];
  /** The list's own feed and the link text that offers it. */
  feed: { url: string; label: string } | null;
  /** `YYYY-MM-DD` of the newest issue in the whole list, for the sitemap. */
  lastmod: string;
}

export interface ColumnSummary extends ColumnRef {
  count: number;
  /** The newest record's date, `YYYY-MM-DD`, for sorting. */
  latest: string;
  /** The newest record's date as its page shows it, and what of it is known. */
  latestDisplayDate: string;
  latestDatetime: string;
}

export interface ArchiveYear {
  year: number;
  url: string;
  count: number;
  months: { month: number; issues: IssueRef[] }[];
}

export interface FeedEntry {
  page: RecordPage;
  /** Absolute URL. */
  url: string;
  /** Absolute URL the entry was first published under (content/published-urls.json), so readers see no new entry. */
  id: string;
}

/** A page at an address the site once published and no longer builds (content/published-urls.json). */
export interface RedirectPage {
  permalink: string;
  /** The old address, unprefixed. */
  path: string;
  /** Where it points, unprefixed and prefixed, and what a reader sees there. */
  targetPath: string;
  targetUrl: string;
  targetTitle: string;
  /** What the old address held. */
  kind: 'record' | 'issue';
  /** `moved`: the same record or issue under a new address; `retired`: removed on purpose. */
  reason: 'moved' | 'retired';
}

export interface Feed {
  /** `feed.xml`, `feed.json` or `columns/<id>/feed.xml`. */
  permalink: string;
  /** Unprefixed: `/feed.xml`. */
  path: string;
  format: 'atom' | 'json';
  title: string;
  /** Absolute URLs. */
  selfUrl: string;
  homeUrl: string;
  id: string;
  entries: FeedEntry[];
}

export interface SitemapEntry {
  /** Unprefixed. */
  path: string;
  /** `YYYY-MM-DD`: the issue date of what the page shows (the 1st for a month-only issue). */
  lastmod: string;
}

/**
 * The site and, under each page type's data key (src/site/pageTypes.ts), what its builder made: `records` in reading
 * order (issues oldest first, records in source order), `issues`, `columnPages`, `sitemap`, …
 */
export type SiteModel = PageData & {
  site: SiteInfo;
  /** The registry of published addresses as this build leaves it, or null when the content has none. */
  publishedUrls: Pick<UrlPlan, 'file' | 'text' | 'changed' | 'added' | 'moved'> | null;
};

export interface BuildModelOptions {
  pathPrefix?: string;
  siteUrl?: string;
  /** Where `published-urls.json` is; by default the folder above the bulletins' `bulletins/` folder. */
  contentDir?: string;
  /**
   * A published address that would vanish with no successor: an error (the build), or a warning (the dev server,
   * where an editor is still at work).
   */
  vanishedUrls?: 'error' | 'warn';
}

export interface ModelResult {
  model: SiteModel | null;
  errors: BulletinError[];
  /** Problems that do not stop this model (only with `vanishedUrls: 'warn'`). */
  warnings?: BulletinError[];
}

/** Newest first; ties keep reading order so every list is the same on every build. */
export function newestFirst(a: RecordPage, b: RecordPage): number {
  if (a.record.date !== b.record.date) return a.record.date < b.record.date ? 1 : -1;
  if (a.issue.date !== b.issue.date) return a.issue.date < b.issue.date ? 1 : -1;
  if (a.issue.key !== b.issue.key) return a.issue.key < b.issue.key ? -1 : 1;
  return a.record.order - b.record.order;
}

/** An issue's name from its date and number alone (`2023年12月`, `2024年1月5日 第3期`). */
function dateName(meta: ParsedBulletin['meta']): string {
  const date = meta.issueDayKnown ? chineseDate(meta.issueDate).split(' ')[0]! : chineseMonth(meta.issueDate);
  return `${date}${meta.number ? ` 第${meta.number}期` : ''}`;
}

export function buildModel(bulletins: ParsedBulletin[], options: BuildModelOptions = {}): ModelResult {
  const site: SiteInfo = {
    name: SITE_NAME,
    origin: normalizeOrigin(options.siteUrl),
    prefix: normalizePrefix(options.pathPrefix),
  };
  const url = (path: string) => `${site.prefix}${path}`;
  const absolute = (path: string) => `${site.origin}${url(path)}`;
  const errors: BulletinError[] = [];
  const owners = new Map<string, string>();
  const claim = (path: string, record: ArticleRecord): boolean => {
    const earlier = owners.get(path);
    const { file, startLine } = record.source;
    if (earlier !== undefined) {
      errors.push(new BulletinError(file, startLine, `“${record.title}” would be published at ${path}, which ${earlier} already uses`));
      return false;
    }
    owners.set(path, `${file}:${startLine}`);
    return true;
  };

  const ordered = [...bulletins].sort((a, b) =>
    a.meta.issueDate !== b.meta.issueDate ? (a.meta.issueDate < b.meta.issueDate ? -1 : 1) : a.meta.file < b.meta.file ? -1 : 1,
  );
  const duplicates = duplicateIssueErrors(ordered.map((b) => b.meta));
  errors.push(...duplicates);
  const duplicated = new Set(duplicates.map((e) => e.file));

  const columnRefs = new Map<string, ColumnRef>();
  const columnRef = (name: string): ColumnRef => {
    let ref = columnRefs.get(name);
    if (!ref) {
      const id = columnId(name);
      ref = { name, id, url: url(columnPath(id)) };
      columnRefs.set(name, ref);
    }
    return ref;
  };

  const records: RecordPage[] = [];
  const issueRecords: IssueRecords[] = [];
  // A slug is for the URL and for the editors; readers see it only where two issues would otherwise share a name.
  const sharedNames = new Map<string, number>();
  for (const name of ordered.map(({ meta }) => dateName(meta))) sharedNames.set(name, (sharedNames.get(name) ?? 0) + 1);
  for (const bulletin of ordered) {
    const { meta } = bulletin;
    let key: string;
    try {
      key = issueKey(meta);
    } catch (error) {
      errors.push(new BulletinError(meta.file, 1, (error as Error).message));
      continue;
    }
    if (duplicated.has(meta.file)) continue;
    const dayKnown = meta.issueDayKnown;
    const suffix = key === meta.issue || sharedNames.get(dateName(meta))! < 2 ? '' : ` · ${key.slice(meta.issue.length + 1)}`;
    const ref: IssueRef = {
      key,
      name: meta.title ?? `${dateName(meta)}${suffix}`,
      shortName: `${dayKnown ? `${Number(meta.issueDate.slice(8, 10))}日` : '本期'}${meta.number ? ` 第${meta.number}期` : ''}${suffix}`,
      url: url(issuePath(key)),
      date: meta.issueDate,
      dayKnown,
      datetime: knownIssueDate({ date: meta.issueDate, dayKnown }),
    };
    const pages: RecordPage[] = [];
    for (const record of [...bulletin.records].sort((a, b) => a.order - b.order)) {
      let path: string;
      try {
        path = recordPath(record);
      } catch (error) {
        errors.push(new BulletinError(record.source.file, record.source.startLine, (error as Error).message));
        continue;
      }
      if (!claim(path, record)) continue;
      const page: RecordPage = {
        permalink: outputFileFor(path),
        path,
        url: url(path),
        record,
        displayDate: displayDate(record),
        datetime: knownDate(record),
        kindLabel: record.kind === 'brief' ? '简讯' : '文章',
        columnLabel: record.column ?? NO_COLUMN,
        column: record.column === null ? null : columnRef(record.column),
        issue: ref,
        places: placesOf(record).map((tag) => ({ id: tag.id, label: tag.label, kind: tag.kind, url: url(placePath(tag)) })),
        previous: null,
        next: null,
        related: [],
        sourceUrl: `${url(`${issuePath(key)}source/`)}#L${record.source.startLine}`,
        sourceTextUrl: url(`${issuePath(key)}source.txt`),
      };
      pages.push(page);
      records.push(page);
    }
    issueRecords.push({ bulletin, ref, pages });
  }
  if (errors.length > 0) return { model: null, errors };

  // Addresses published before: new ones are recorded, vanished ones redirect to their successor or stop the build.
  let plan: UrlPlan | null = null;
  const registryFile = registryFileFor(
    ordered.map((b) => b.meta.file),
    options.contentDir,
  );
  if (registryFile !== null) {
    try {
      const loaded = readRegistry(registryFile);
      if (loaded !== null || recordsPublishedUrls()) {
        plan = planUrls(
          registryFile,
          loaded,
          records.map((p) => ({ path: p.path, issueKey: p.issue.key, kind: p.record.kind, order: p.record.order, title: p.record.title, body: p.record.body })),
          issueRecords.map(({ ref }) => ({ path: issuePath(ref.key), key: ref.key })),
        );
      }
    } catch (error) {
      if (!(error instanceof BulletinError)) throw error;
      return { model: null, errors: [error] };
    }
  }
  if (plan && plan.errors.length > 0 && options.vanishedUrls !== 'warn') return { model: null, errors: plan.errors };

  const link = (page: RecordPage): RecordLink => ({
    url: page.url,
    title: page.record.title,
    date: page.record.date,
    datetime: page.datetime,
    displayDate: page.displayDate,
    column: page.column?.name ?? null,
    kind: page.record.kind,
    issueName: page.issue.name,
  });
  const built = new Map<unknown, unknown>();
  const ctx: BuildContext = {
    site,
    url,
    absolute,
    records,
    newest: [...records].sort(newestFirst),
    issues: issueRecords,
    columnRef,
    link,
    plan,
    pageTypes: Object.values(PAGE_TYPES),
    once<T>(build: (ctx: BuildContext) => T): T {
      if (!built.has(build)) built.set(build, build(ctx));
      return built.get(build) as T;
    },
  };
  const pageData: Partial<Record<string, unknown>> = {};
  for (const type of ctx.pageTypes) if (type.data && type.build) pageData[type.data] = ctx.once(type.build);

  return {
    warnings: plan?.errors.length ? plan.errors : undefined,
    model: {
      ...(pageData as PageData),
      site,
      publishedUrls: plan && { file: plan.file, text: plan.text, changed: plan.changed, added: plan.added, moved: plan.moved },
    },
    errors: [],
  };
}
