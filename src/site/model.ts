// Turns parsed bulletins into everything the pages need, once: URLs, dates as shown, issue tables of contents, column and
// year lists already cut into pages, neighbours and related articles. Templates only format what is here; nothing is
// looked up per page, which keeps rendering linear in the number of records.
import { BulletinError } from '../errors.js';
import type { ArticleRecord, ParsedBulletin } from '../types.js';
import { chineseDate, chineseMonth, displayDate, knownDate, knownIssueDate } from './dates.js';
import { planUrls, readRegistry, recordsPublishedUrls, registryFileFor, type UrlPlan } from './publishedUrls.js';
import { relatedRecords } from './related.js';
import {
  columnId,
  columnPath,
  duplicateIssueErrors,
  issueKey,
  issuePath,
  listPagePath,
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

export interface ListPage {
  permalink: string;
  path: string;
  url: string;
  heading: string;
  /** e.g. the column's or year's own URL, for the first page and for canonical links. */
  baseUrl: string;
  pageNumber: number;
  pageCount: number;
  previousUrl: string | null;
  nextUrl: string | null;
  items: RecordLink[];
  feedUrl: string | null;
  intro: string | null;
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

export interface SiteModel {
  site: SiteInfo;
  /** In reading order: issues oldest first, records in source order. */
  records: RecordPage[];
  issues: IssuePage[];
  sources: SourcePage[];
  columns: ColumnSummary[];
  columnPages: ListPage[];
  yearPages: ListPage[];
  archiveYears: ArchiveYear[];
  home: { latest: IssuePage | null; recent: RecordLink[] };
  feeds: Feed[];
  /** The path (unprefixed) of every page in the sitemap. Redirect pages, /search/ and the raw originals are not in it. */
  sitemapPaths: string[];
  /** The same pages with their <lastmod>. */
  sitemap: SitemapEntry[];
  /** Old addresses and where they point; never in the sitemap or the search index. */
  redirects: RedirectPage[];
  /** The registry of published addresses as this build leaves it, or null when the content has none. */
  publishedUrls: Pick<UrlPlan, 'file' | 'text' | 'changed' | 'added' | 'moved'> | null;
}

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
  const claim = (path: string, owner: string, file: string, line: number): boolean => {
    const earlier = owners.get(path);
    if (earlier !== undefined) {
      errors.push(new BulletinError(file, line, `${owner} would be published at ${path}, which ${earlier} already uses`));
      return false;
    }
    owners.set(path, `${file}:${line}`);
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
  const issueRecords: { bulletin: ParsedBulletin; ref: IssueRef; pages: RecordPage[] }[] = [];
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
    if (duplicated.has(meta.file)) continue;
    const pages: RecordPage[] = [];
    for (const record of [...bulletin.records].sort((a, b) => a.order - b.order)) {
      let path: string;
      try {
        path = recordPath(record);
      } catch (error) {
        errors.push(new BulletinError(record.source.file, record.source.startLine, (error as Error).message));
        continue;
      }
      if (!claim(path, `“${record.title}”`, record.source.file, record.source.startLine)) continue;
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

  for (const { pages } of issueRecords) {
    pages.forEach((page, i) => {
      page.previous = i > 0 ? link(pages[i - 1]!) : null;
      page.next = i + 1 < pages.length ? link(pages[i + 1]!) : null;
    });
  }
  const related = relatedRecords(records.map((p) => p.record));
  records.forEach((page, i) => {
    page.related = related[i]!.map((j) => link(records[j]!));
  });

  const issues: IssuePage[] = issueRecords.map(({ bulletin, ref, pages }, i) => {
    const path = issuePath(ref.key);
    const toc: TocGroup[] = [];
    for (const page of pages.filter((p) => p.record.kind === 'article')) {
      const last = toc[toc.length - 1];
      if (last && last.column === page.columnLabel) last.records.push(link(page));
      else {
        // Articles before the first column label are the issue's lead stories.
        const column = page.column === null && toc.length === 0 ? LEAD_GROUP : page.columnLabel;
        toc.push({ column, columnUrl: page.column?.url ?? null, records: [link(page)] });
      }
    }
    return {
      permalink: outputFileFor(path),
      path,
      url: ref.url,
      ref,
      displayDate: bulletin.meta.issueDayKnown ? chineseDate(bulletin.meta.issueDate) : chineseMonth(bulletin.meta.issueDate),
      number: bulletin.meta.number,
      file: bulletin.meta.file,
      toc,
      briefs: pages.filter((p) => p.record.kind === 'brief'),
      articleCount: pages.length - pages.filter((p) => p.record.kind === 'brief').length,
      briefCount: pages.filter((p) => p.record.kind === 'brief').length,
      nameIsDate: bulletin.meta.title === null,
      previous: i > 0 ? issueRecords[i - 1]!.ref : null,
      next: i + 1 < issueRecords.length ? issueRecords[i + 1]!.ref : null,
      sourceUrl: url(`${path}source/`),
      sourceTextUrl: url(`${path}source.txt`),
    };
  });

  const sources: SourcePage[] = issueRecords.map(({ bulletin, ref }) => ({
    textPermalink: outputFileFor(`${issuePath(ref.key)}source.txt`),
    htmlPermalink: outputFileFor(`${issuePath(ref.key)}source/`),
    path: `${issuePath(ref.key)}source/`,
    issue: ref,
    file: bulletin.meta.file,
    text: bulletin.meta.text,
  }));

  const newest = [...records].sort(newestFirst);

  const listPages = (
    basePath: string,
    heading: string,
    items: RecordPage[],
    extra: { feedUrl?: string | null; intro?: string | null } = {},
  ): ListPage[] => {
    const pageCount = Math.max(1, Math.ceil(items.length / LIST_PAGE_SIZE));
    const pages: ListPage[] = [];
    for (let n = 1; n <= pageCount; n++) {
      const path = listPagePath(basePath, n);
      pages.push({
        permalink: outputFileFor(path),
        path,
        url: url(path),
        heading,
        baseUrl: url(basePath),
        pageNumber: n,
        pageCount,
        previousUrl: n > 1 ? url(listPagePath(basePath, n - 1)) : null,
        nextUrl: n < pageCount ? url(listPagePath(basePath, n + 1)) : null,
        items: items.slice((n - 1) * LIST_PAGE_SIZE, n * LIST_PAGE_SIZE).map(link),
        feedUrl: extra.feedUrl ?? null,
        intro: extra.intro ?? null,
      });
    }
    return pages;
  };

  const byColumn = new Map<string, RecordPage[]>();
  for (const page of newest) {
    if (!page.column) continue;
    const list = byColumn.get(page.column.name) ?? [];
    list.push(page);
    byColumn.set(page.column.name, list);
  }
  const columns: ColumnSummary[] = [...byColumn.entries()]
    .map(([name, list]) => ({
      ...columnRef(name),
      count: list.length,
      latest: list[0]!.record.date,
      latestDisplayDate: list[0]!.displayDate,
      latestDatetime: list[0]!.datetime,
    }))
    .sort((a, b) => (a.latest !== b.latest ? (a.latest < b.latest ? 1 : -1) : a.id < b.id ? -1 : 1));
  const columnPages = columns.flatMap((column) =>
    listPages(columnPath(column.id), column.name, byColumn.get(column.name)!, { feedUrl: url(`${columnPath(column.id)}feed.xml`) }),
  );

  const byYear = new Map<number, RecordPage[]>();
  for (const page of newest) {
    const year = Number(page.record.date.slice(0, 4));
    const list = byYear.get(year) ?? [];
    list.push(page);
    byYear.set(year, list);
  }
  const yearPages = [...byYear.entries()].flatMap(([year, list]) => listPages(`/archive/${year}/`, `${year}年`, list));

  const issueYears = new Map<number, Map<number, IssueRef[]>>();
  for (const issue of issues) {
    const year = Number(issue.ref.date.slice(0, 4));
    const month = Number(issue.ref.date.slice(5, 7));
    const months = issueYears.get(year) ?? new Map<number, IssueRef[]>();
    months.set(month, [...(months.get(month) ?? []), issue.ref]);
    issueYears.set(year, months);
  }
  const years = new Set([...byYear.keys(), ...issueYears.keys()]);
  const archiveYears: ArchiveYear[] = [...years]
    .sort((a, b) => b - a)
    .map((year) => ({
      year,
      url: byYear.has(year) ? url(`/archive/${year}/`) : '',
      count: byYear.get(year)?.length ?? 0,
      months: [...(issueYears.get(year) ?? new Map<number, IssueRef[]>()).entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([month, refs]) => ({ month, issues: refs })),
    }));

  const latest = issues.length > 0 ? issues[issues.length - 1]! : null;
  const recent = newest
    .filter((p) => p.record.kind === 'article' && p.issue.key !== latest?.ref.key)
    .slice(0, HOME_RECENT)
    .map(link);

  // Briefs (简讯) are in the main feeds too: each is news with its own page, and a subscriber should miss none of an
  // issue. A weekly issue holds about 20 records, so the newest FEED_SIZE still cover the latest issue.
  const entries = (pages: RecordPage[]): FeedEntry[] =>
    pages.slice(0, FEED_SIZE).map((page) => ({ page, url: absolute(page.path), id: absolute(plan?.feedIds.get(page.path) ?? page.path) }));
  const feeds: Feed[] = [
    { permalink: 'feed.xml', format: 'atom', title: SITE_NAME, selfUrl: absolute('/feed.xml'), homeUrl: absolute('/'), id: absolute('/'), entries: entries(newest) },
    { permalink: 'feed.json', format: 'json', title: SITE_NAME, selfUrl: absolute('/feed.json'), homeUrl: absolute('/'), id: absolute('/'), entries: entries(newest) },
    ...columns.map((column): Feed => ({
      permalink: `columns/${column.id}/feed.xml`,
      format: 'atom',
      title: `${column.name} · ${SITE_NAME}`,
      selfUrl: absolute(`${columnPath(column.id)}feed.xml`),
      homeUrl: absolute(columnPath(column.id)),
      id: absolute(columnPath(column.id)),
      entries: entries(byColumn.get(column.name)!),
    })),
  ];

  // The sitemap lists the pages worth finding: not /search/ (a form, empty without a query) nor the raw originals
  // (noindex; each article already carries their text). <lastmod> is the date of the issue a page shows, or of the
  // newest issue it lists: pages change only when a bulletin is added or corrected.
  const newestIssue = (pages: RecordPage[]) => pages.reduce((d, p) => (p.issue.date > d ? p.issue.date : d), '');
  const siteLastmod = issues.reduce((d, i) => (i.ref.date > d ? i.ref.date : d), '');
  // Every page of a list changes when an item is added at its head, so all of them share the list's newest issue.
  const listLastmods = new Map<string, string>([
    ...columns.map((c): [string, string] => [url(columnPath(c.id)), newestIssue(byColumn.get(c.name)!)]),
    ...[...byYear].map(([year, list]): [string, string] => [url(`/archive/${year}/`), newestIssue(list)]),
  ]);
  const listPageLastmod = (page: ListPage) => listLastmods.get(page.baseUrl) ?? siteLastmod;
  const sitemap: SitemapEntry[] = [
    { path: '/', lastmod: siteLastmod },
    { path: '/archive/', lastmod: siteLastmod },
    { path: '/columns/', lastmod: siteLastmod },
    ...issues.map((i) => ({ path: i.path, lastmod: i.ref.date })),
    ...records.map((r) => ({ path: r.path, lastmod: r.issue.date })),
    ...columnPages.map((p) => ({ path: p.path, lastmod: listPageLastmod(p) })),
    ...yearPages.map((p) => ({ path: p.path, lastmod: listPageLastmod(p) })),
  ];
  const sitemapPaths = sitemap.map((e) => e.path);

  const recordByPath = new Map(records.map((p) => [p.path, p]));
  const issueByPath = new Map(issues.map((i) => [i.path, i]));
  const redirects: RedirectPage[] = (plan?.redirects ?? []).map((r) => ({
    permalink: outputFileFor(r.path),
    path: r.path,
    targetPath: r.target,
    targetUrl: url(r.target),
    targetTitle: recordByPath.get(r.target)?.record.title ?? issueByPath.get(r.target)?.ref.name ?? '往期回顾',
    kind: r.path.startsWith('/issues/') ? 'issue' : 'record',
    reason: r.reason,
  }));

  return {
    warnings: plan?.errors.length ? plan.errors : undefined,
    model: {
      site,
      records,
      issues,
      sources,
      columns,
      columnPages,
      yearPages,
      archiveYears,
      home: { latest, recent },
      feeds,
      sitemapPaths,
      sitemap,
      redirects,
      publishedUrls: plan && { file: plan.file, text: plan.text, changed: plan.changed, added: plan.added, moved: plan.moved },
    },
    errors: [],
  };
}
