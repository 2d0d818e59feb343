// Stage 10: drafts → plain records: headline spaces settled against the article's own text, dates read from
// the lede, briefs titled by their first clause, bodies written as Markdown.
import { findLedeDate, issueDateFallback, resolveMention, type IssueContext } from './dates/index.js';
import type { Draft } from './group.js';
import { resolveHeadingSpaces, type SourceLine } from './headlines.js';
import { recordId } from './ids.js';
import { escapeMarkdownText } from './markdown.js';
import { dropChineseSpaces } from './spaces.js';
import { metaOf, type Stage } from './state.js';
import type { ArticleRecord, BulletinMeta } from '../types.js';

const DERIVED_TITLE_MAX = 40;

export function toRecords(drafts: Draft[], meta: BulletinMeta): ArticleRecord[] {
  const taken = new Set<string>();
  const seen = new Map<string, number>();
  const issue: IssueContext = { issueDate: meta.issueDate, issueDayKnown: meta.issueDayKnown };
  return drafts.map((draft, order) => {
    const paragraphs = draft.parts.flatMap((p) => (p.type === 'paragraph' ? [p.text] : []));
    const context = [...paragraphs, ...draft.captions.map((c) => c.text)].join('').replace(/ /g, '');
    const settle = (line: SourceLine | null) => (line ? resolveHeadingSpaces(line.text, context) : null);
    const lede = paragraphs[0] ?? '';
    const derivedTitle = draft.headline.title === null;
    const title = derivedTitle ? firstClause(lede) : settle(draft.headline.title)!;
    const date = paragraphs.length > 0 ? resolveMention(findLedeDate(lede), issue) : issueDateFallback(issue);
    const body = draft.parts
      .map((part) =>
        part.type === 'paragraph'
          ? escapeMarkdownText(part.text)
          : part.headings.map((h, i) => `${i === 0 ? '##' : '###'} ${escapeMarkdownText(settle(h)!)}`).join('\n\n'),
      )
      .join('\n\n');
    return {
      id: recordId(meta.issue, draft.kind, title || lede.slice(0, 50), taken, seen),
      issue: meta.issue,
      kind: draft.kind,
      title,
      titleDerived: derivedTitle,
      kicker: settle(draft.headline.kicker),
      subtitle: settle(draft.headline.subtitle),
      column: columnName(draft),
      byline: draft.byline?.text ?? null,
      ...date,
      body,
      captions: draft.captions.map((c) => c.text),
      source: { file: meta.file, startLine: draft.startLine, endLine: draft.endLine },
      order,
    };
  });
}

/** A label is a name, never a parallel title, so a space inside it is always a wrapping artifact. */
function columnName(draft: Draft): string | null {
  const label = draft.kind === 'brief' ? draft.briefColumn : (draft.headline.column?.text ?? null);
  return label === null ? null : dropChineseSpaces(label);
}

/** A brief's title is its first clause after the date (`12月3日，重庆市总工会召开…会议，…` → `重庆市总工会召开…会议`). */
export function firstClause(text: string): string {
  const clauses = text.split(/[，。；！？：]/u).filter((c) => c.trim() !== '');
  let clause = clauses[0] ?? '';
  const date = findLedeDate(clause);
  if (date && date.index === 0 && clause.length - date.text.length <= 2 && clauses.length > 1) clause = clauses[1]!;
  return clause.length > DERIVED_TITLE_MAX ? `${clause.slice(0, DERIVED_TITLE_MAX)}…` : clause;
}

export const recordsStage: Stage = (state) => {
  state.records = toRecords(state.drafts, metaOf(state));
};
