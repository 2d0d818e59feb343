// Columns (栏目): each column's records newest first, and the summary the list of columns shows.
import type { ColumnSummary } from '../model.js';
import { columnPath } from '../urls.js';
import type { BuildContext } from './context.js';
import type { RecordList } from './lists.js';

interface ColumnList extends RecordList {
  summary: ColumnSummary;
}

/** Newest column first (by its newest record), then by id so every build lists them alike. */
export function columnLists(ctx: BuildContext): ColumnList[] {
  const byColumn = new Map<string, ColumnList['records']>();
  for (const page of ctx.newest) {
    if (!page.column) continue;
    const list = byColumn.get(page.column.name) ?? [];
    list.push(page);
    byColumn.set(page.column.name, list);
  }
  return [...byColumn.entries()]
    .map(([name, records]): ColumnList => {
      const ref = ctx.columnRef(name);
      const summary = {
        ...ref,
        count: records.length,
        latest: records[0]!.record.date,
        latestDisplayDate: records[0]!.displayDate,
        latestDatetime: records[0]!.datetime,
      };
      return { path: columnPath(ref.id), name, records, summary };
    })
    .sort((a, b) =>
      a.summary.latest !== b.summary.latest ? (a.summary.latest < b.summary.latest ? 1 : -1) : a.summary.id < b.summary.id ? -1 : 1,
    );
}

export function columnSummaries(ctx: BuildContext): ColumnSummary[] {
  return ctx.once(columnLists).map((list) => list.summary);
}
