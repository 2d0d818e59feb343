// The archive as data: one flat, documented object per record, the same for the JSON files and the CSV. Pure functions of
// the parsed bulletins and the site's address; nothing here knows about Eleventy, and nothing depends on the clock, the
// machine or the order bulletins were read in.
import { basename } from 'node:path';
import { markdownToPlainText } from '../parse/markdown.js';
import { tagPlaces } from '../places/tag.js';
import { knownDate } from '../site/dates.js';
import { issueKey, issuePath, normalizeOrigin, normalizePrefix, recordPath } from '../site/urls.js';
import type { ArticleRecord, DateOrigin, ParsedBulletin, RecordKind } from '../types.js';

export interface OpenDataSite {
  /** `https://host`, as `SITE_URL` gives it (a path or trailing slash is dropped). */
  siteUrl: string;
  /** `/`, `/archive/` … as `--pathprefix` gives it. */
  pathPrefix: string;
}

export interface OpenPlace {
  id: string;
  name: string;
}

export interface OpenRecord {
  id: string;
  url: string;
  /** The issue as the bulletin's file name or front matter gives it: `YYYY-MM` or `YYYY-MM-DD`. */
  issue: string;
  issueUrl: string;
  kind: RecordKind;
  /** `YYYY-MM-DD`, the day the record is filed under (its URL's date); when `dateApprox`, a day the parser filled in. */
  date: string;
  /** Only what the bulletin stated: `YYYY-MM-DD`, or `YYYY-MM` when it gave no day. */
  dateKnown: string;
  dateApprox: boolean;
  /** The words the date was read from (`11月2日`), or null when nothing was stated. */
  dateText: string | null;
  /** Last day of a stated range (`11月27日至28日`), else null. */
  dateEnd: string | null;
  /** Where each part of `date` came from: `stated` in the text, or inferred (`issue`, `issue-previous-year`, `default`). */
  dateOrigin: { year: DateOrigin; month: DateOrigin; day: DateOrigin };
  column: string | null;
  kicker: string | null;
  title: string;
  /** True when the bulletin gave no headline and the title is the text's first clause (briefs). */
  titleDerived: boolean;
  subtitle: string | null;
  byline: string | null;
  districts: OpenPlace[];
  unions: OpenPlace[];
  /** The body as plain text: paragraphs separated by a blank line, section headings as lines of their own. */
  text: string;
  captions: string[];
  /** The bulletin file (name only) and the lines the record came from. */
  source: { file: string; startLine: number; endLine: number };
}

export interface SiteBase {
  origin: string;
  prefix: string;
}

export function siteBase(site: OpenDataSite): SiteBase {
  return { origin: normalizeOrigin(site.siteUrl), prefix: normalizePrefix(site.pathPrefix) };
}

export function absoluteUrl(base: SiteBase, path: string): string {
  return `${base.origin}${base.prefix}${path}`;
}

/** Every record of every bulletin, in archive order: by issue (with its slug), then reading order. */
export function openRecords(bulletins: readonly ParsedBulletin[], site: OpenDataSite): OpenRecord[] {
  const base = siteBase(site);
  const rows = bulletins.flatMap((bulletin) => {
    const key = issueKey(bulletin.meta);
    return bulletin.records.map((record) => ({ key, order: record.order, open: openRecord(record, absoluteUrl(base, issuePath(key)), base) }));
  });
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || a.order - b.order).map((r) => r.open);
}

export function openRecord(record: ArticleRecord, issueUrl: string, base: SiteBase): OpenRecord {
  const tags = tagPlaces(record);
  const places = (kind: 'district' | 'union') => tags.filter((t) => t.kind === kind).map((t) => ({ id: t.id, name: t.name }));
  return {
    id: record.id,
    url: absoluteUrl(base, recordPath(record)),
    issue: record.issue,
    issueUrl,
    kind: record.kind,
    date: record.date,
    dateKnown: knownDate(record),
    dateApprox: record.dateApprox,
    dateText: record.dateText,
    dateEnd: record.dateEnd,
    dateOrigin: { year: record.dateOrigin.year, month: record.dateOrigin.month, day: record.dateOrigin.day },
    column: record.column,
    kicker: record.kicker,
    title: record.title,
    titleDerived: record.titleDerived,
    subtitle: record.subtitle,
    byline: record.byline,
    districts: places('district'),
    unions: places('union'),
    text: markdownToPlainText(record.body),
    captions: [...record.captions],
    source: { file: basename(record.source.file), startLine: record.source.startLine, endLine: record.source.endLine },
  };
}
