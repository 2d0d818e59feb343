// Every URL is computed here once, from ids and dates only: a title never decides a path, and paths stay ASCII.
import { createHash } from 'node:crypto';
import { BulletinError } from '../errors.js';
import type { ArticleRecord, BulletinMeta } from '../types.js';

/** Placeholder origin for canonical URLs and feeds until the deploy sets `SITE_URL`. */
export const DEFAULT_SITE_ORIGIN = 'https://archive.example.org';

const ISSUE_RE = /^\d{4}-\d{2}(?:-\d{2})?$/;
const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RECORD_ID_RE = /^[A-Za-z0-9_-]+$/;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `/archive/` or `archive` → `/archive`; `/` or '' → ''. Links are `prefix + path`. */
export function normalizePrefix(pathPrefix: string | undefined): string {
  const trimmed = (pathPrefix ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '';
  if (!/^[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/.test(trimmed) || trimmed.split('/').some((s) => s === '.' || s === '..')) {
    throw new Error(`path prefix ${JSON.stringify(pathPrefix)} must be plain ASCII path segments, e.g. /archive/`);
  }
  return `/${trimmed}`;
}

export function normalizeOrigin(siteUrl: string | undefined): string {
  const url = new URL(siteUrl && siteUrl.trim() !== '' ? siteUrl : DEFAULT_SITE_ORIGIN);
  return url.origin;
}

/** `2023-12` plus slug `year-end` → `2023-12-year-end`; a slug that only repeats the issue adds nothing. */
export function issueKey(meta: Pick<BulletinMeta, 'issue' | 'slug' | 'file'>): string {
  if (!ISSUE_RE.test(meta.issue)) throw new Error(`issue ${JSON.stringify(meta.issue)} is not YYYY-MM or YYYY-MM-DD`);
  const slug = meta.slug && meta.slug !== meta.issue && !meta.issue.startsWith(meta.slug) ? meta.slug : null;
  if (slug === null) return meta.issue;
  if (!SLUG_RE.test(slug)) throw new Error(`issue slug ${JSON.stringify(slug)} is not lowercase ASCII words joined by -`);
  return `${meta.issue}-${slug}`;
}

/**
 * Two bulletins for one issue would publish two pages at one address: each after the first is an error naming the
 * first. Checked where bulletins are loaded (every file of a build at once) and again in the site model, which the dev
 * server feeds from files it loads one at a time. A bulletin whose key is invalid is left to `issueKey`'s own error.
 */
export function duplicateIssueErrors(metas: readonly Pick<BulletinMeta, 'issue' | 'slug' | 'file'>[]): BulletinError[] {
  const firstFile = new Map<string, string>();
  const errors: BulletinError[] = [];
  for (const meta of metas) {
    let key: string;
    try {
      key = issueKey(meta);
    } catch {
      continue;
    }
    const earlier = firstFile.get(key);
    if (earlier === undefined) firstFile.set(key, meta.file);
    else errors.push(new BulletinError(meta.file, 1, `issue ${key} is also given by ${earlier}; each issue needs its own date or slug`));
  }
  return errors;
}

export function issuePath(key: string): string {
  return `/issues/${key}/`;
}

export function recordPath(record: Pick<ArticleRecord, 'id' | 'date'>): string {
  const date = ISO_DATE_RE.exec(record.date);
  if (!date) throw new Error(`record date ${JSON.stringify(record.date)} is not YYYY-MM-DD`);
  if (!RECORD_ID_RE.test(record.id)) throw new Error(`record id ${JSON.stringify(record.id)} is not URL-safe`);
  return `/${date[1]}/${date[2]}/${date[3]}/${record.id}/`;
}

/** Chinese column names never become slugs; a short hash of the name is stable and ASCII. */
export function columnId(name: string): string {
  return createHash('sha256').update(name.normalize('NFC')).digest('hex').slice(0, 8);
}

export function columnPath(id: string): string {
  return `/columns/${id}/`;
}

/** Page 1 lives at the list's own path; later pages at `…/page/N/`. */
export function listPagePath(basePath: string, pageNumber: number): string {
  return pageNumber === 1 ? basePath : `${basePath}page/${pageNumber}/`;
}

/** `/2023/11/02/ab12cd34/` → `2023/11/02/ab12cd34/index.html`; `/feed.xml` → `feed.xml`. */
export function outputFileFor(path: string): string {
  const relative = path.replace(/^\//, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}
