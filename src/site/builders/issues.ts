// Issue pages (one bulletin's table of contents and briefs) and the original text of each bulletin.
import { chineseDate, chineseMonth } from '../dates.js';
import { LEAD_GROUP, type IssuePage, type SourcePage, type TocGroup } from '../model.js';
import { issuePath, outputFileFor } from '../urls.js';
import type { BuildContext } from './context.js';

export function issuePages(ctx: BuildContext): IssuePage[] {
  return ctx.issues.map(({ bulletin, ref, pages }, i) => {
    const path = issuePath(ref.key);
    const toc: TocGroup[] = [];
    for (const page of pages.filter((p) => p.record.kind === 'article')) {
      const last = toc[toc.length - 1];
      if (last && last.column === page.columnLabel) last.records.push(ctx.link(page));
      else {
        // Articles before the first column label are the issue's lead stories.
        const column = page.column === null && toc.length === 0 ? LEAD_GROUP : page.columnLabel;
        toc.push({ column, columnUrl: page.column?.url ?? null, records: [ctx.link(page)] });
      }
    }
    const briefs = pages.filter((p) => p.record.kind === 'brief');
    return {
      permalink: outputFileFor(path),
      path,
      url: ref.url,
      ref,
      displayDate: bulletin.meta.issueDayKnown ? chineseDate(bulletin.meta.issueDate) : chineseMonth(bulletin.meta.issueDate),
      number: bulletin.meta.number,
      file: bulletin.meta.file,
      toc,
      briefs,
      articleCount: pages.length - briefs.length,
      briefCount: briefs.length,
      nameIsDate: bulletin.meta.title === null,
      previous: i > 0 ? ctx.issues[i - 1]!.ref : null,
      next: i + 1 < ctx.issues.length ? ctx.issues[i + 1]!.ref : null,
      sourceUrl: ctx.url(`${path}source/`),
      sourceTextUrl: ctx.url(`${path}source.txt`),
    };
  });
}

export function sourcePages(ctx: BuildContext): SourcePage[] {
  return ctx.issues.map(({ bulletin, ref }) => ({
    textPermalink: outputFileFor(`${issuePath(ref.key)}source.txt`),
    htmlPermalink: outputFileFor(`${issuePath(ref.key)}source/`),
    path: `${issuePath(ref.key)}source/`,
    issue: ref,
    file: bulletin.meta.file,
    text: bulletin.meta.text,
  }));
}

/** `YYYY-MM-DD` of the newest issue, or '' with none: the date of the pages that show the whole archive. */
export function newestIssueDate(ctx: BuildContext): string {
  return ctx.issues.reduce((d, { ref }) => (ref.date > d ? ref.date : d), '');
}
