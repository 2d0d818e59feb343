// Stage `issue-date` (see STAGES in index.ts): the issue date, from front matter or the file name (`YYYY-MM-DD[-slug].txt` or `YYYY-MM[-slug].txt`).
import { DateTime } from 'luxon';
import { basename } from 'node:path';
import { BulletinError } from '../errors.js';
import { SHANGHAI } from './dates/zone.js';
import type { Stage } from './state.js';

export interface IssueDate {
  issue: string;
  issueDate: string;
  issueDayKnown: boolean;
  slug: string | null;
  from: 'file-name' | 'front-matter';
}

const FILE_NAME_RE = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:-([a-z0-9]+(?:-[a-z0-9]+)*))?\.txt$/;
const DATE_VALUE_RE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const HOW_TO_NAME = 'name it by its issue date, e.g. `2024-01-05.txt`, `2024-01.txt` or `2024-01-05-special.txt`, or give `date: 2024-01-05` in front matter';

export function resolveIssueDate(file: string, frontMatterDate: string | null): IssueDate {
  const name = basename(file);
  const fromName = FILE_NAME_RE.exec(name);
  const slug = fromName ? (fromName[4] ?? null) : slugFromLooseName(name);
  if (frontMatterDate !== null) {
    const m = DATE_VALUE_RE.exec(frontMatterDate);
    if (!m) throw new BulletinError(file, 2, `front matter date \`${frontMatterDate}\` is not YYYY-MM-DD or YYYY-MM`);
    return { ...calendar(file, m[1]!, m[2]!, m[3], 2), slug, from: 'front-matter' };
  }
  if (!fromName) throw new BulletinError(file, 1, `no issue date: ${HOW_TO_NAME}`);
  return { ...calendar(file, fromName[1]!, fromName[2]!, fromName[3], 1), slug, from: 'file-name' };
}

function calendar(file: string, year: string, month: string, day: string | undefined, line: number) {
  const date = DateTime.fromObject({ year: +year, month: +month, day: day ? +day : 1 }, { zone: SHANGHAI });
  if (!date.isValid || +year < 1900 || +year > 2200) {
    throw new BulletinError(file, line, `issue date ${year}-${month}${day ? `-${day}` : ''} is not a calendar date; ${HOW_TO_NAME}`);
  }
  return {
    issue: day ? `${year}-${month}-${day}` : `${year}-${month}`,
    issueDate: date.toISODate()!,
    issueDayKnown: day !== undefined,
  };
}

/** Files dated only in front matter may still carry a slug after a leading date-free name. */
function slugFromLooseName(name: string): string | null {
  const stem = name.replace(/\.txt$/, '').toLowerCase();
  const slug = stem.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? null : slug;
}

export const issueDateStage: Stage = (state) => {
  const issue = resolveIssueDate(state.file, state.frontMatter.date);
  if (state.body.trim() === '') {
    throw new BulletinError(state.file, state.bodyLineOffset + 1, 'the bulletin has front matter but no text after it');
  }
  state.meta = {
    file: state.file,
    issue: issue.issue,
    issueDate: issue.issueDate,
    issueDayKnown: issue.issueDayKnown,
    issueDateFrom: issue.from,
    slug: issue.slug,
    title: state.frontMatter.title,
    number: state.frontMatter.number,
    encoding: state.encoding,
    text: state.text,
  };
};
