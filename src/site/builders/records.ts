// Article pages: every record (article or brief), with its neighbours in the issue and its related records.
import { relatedRecords } from '../related.js';
import type { RecordPage } from '../model.js';
import type { BuildContext } from './context.js';

export function recordPages(ctx: BuildContext): RecordPage[] {
  for (const { pages } of ctx.issues) {
    pages.forEach((page, i) => {
      page.previous = i > 0 ? ctx.link(pages[i - 1]!) : null;
      page.next = i + 1 < pages.length ? ctx.link(pages[i + 1]!) : null;
    });
  }
  const related = relatedRecords(ctx.records.map((p) => p.record));
  ctx.records.forEach((page, i) => {
    page.related = related[i]!.map((j) => ctx.link(ctx.records[j]!));
  });
  return ctx.records;
}
