// The archive: each year's records newest first, and the calendar of issues by year and month.
import type { ArchiveYear, IssueRef } from '../model.js';
import type { BuildContext } from './context.js';
import type { RecordList } from './lists.js';

interface YearList extends RecordList {
  year: number;
}

/** Years in the order their newest records come: the newest year first. */
export function yearLists(ctx: BuildContext): YearList[] {
  const byYear = new Map<number, YearList>();
  for (const page of ctx.newest) {
    const year = Number(page.record.date.slice(0, 4));
    let list = byYear.get(year);
    if (!list) byYear.set(year, (list = { year, name: `${year}年`, path: `/archive/${year}/`, records: [] }));
    list.records.push(page);
  }
  return [...byYear.values()];
}

/** A year with issues but no record dated in it is shown too, without a link to a list of its records. */
export function archiveYears(ctx: BuildContext): ArchiveYear[] {
  const byYear = new Map(ctx.once(yearLists).map((list) => [list.year, list]));
  const issueYears = new Map<number, Map<number, IssueRef[]>>();
  for (const { ref } of ctx.issues) {
    const year = Number(ref.date.slice(0, 4));
    const month = Number(ref.date.slice(5, 7));
    const months = issueYears.get(year) ?? new Map<number, IssueRef[]>();
    months.set(month, [...(months.get(month) ?? []), ref]);
    issueYears.set(year, months);
  }
  const years = new Set([...byYear.keys(), ...issueYears.keys()]);
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => ({
      year,
      url: byYear.has(year) ? ctx.url(byYear.get(year)!.path) : '',
      count: byYear.get(year)?.records.length ?? 0,
      months: [...(issueYears.get(year) ?? new Map<number, IssueRef[]>()).entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([month, refs]) => ({ month, issues: refs })),
    }));
}
