// Stage `records` (see STAGES in index.ts): drafts → plain records: headline spaces settled against the article's own text, dates read from
// the lede, briefs titled by their first clause, bodies written as Markdown.
import { findLedeDate, issueDateFallback, resolveMentionChecked, type DateMention, type IssueContext } from './dates/index.js';
import type { Draft } from './group.js';
import { resolveHeadingSpaces, type SourceLine } from './headlines.js';
import { recordId } from './ids.js';
import { escapeMarkdownText } from './markdown.js';
import { hanCount } from './chars.js';
import { dropChineseSpaces } from './spaces.js';
import { metaOf, type ParseState, type Stage } from './state.js';
import type { ArticleRecord, BulletinMeta } from '../types.js';


export function toRecords(drafts: Draft[], meta: BulletinMeta, warn: ParseState['warn'] = () => {}): ArticleRecord[] {
  const taken = new Set<string>();
  const seen = new Map<string, number>();
  const issue: IssueContext = { issueDate: meta.issueDate, issueDayKnown: meta.issueDayKnown };
  return drafts.map((draft, order) => {
    const allParagraphs = draft.parts.flatMap((p) => (p.type === 'paragraph' ? [p.text] : []));
    // An editor's note (编者按：…) stands before the report; the lede, its date and a derived title come after it.
    const notes = allParagraphs.findIndex((p) => !EDITORS_NOTE_RE.test(p));
    const paragraphs = notes > 0 ? allParagraphs.slice(notes) : allParagraphs;
    // The article's text is the evidence for a heading's spaces; built once, and only when a heading has one.
    let context: { text: string; compact: string } | null = null;
    const settle = (line: SourceLine | null) => {
      if (line === null || !line.text.includes(' ')) return line?.text ?? null;
      if (context === null) {
        const text = [...paragraphs, ...draft.captions.map((c) => c.text)].join('\n');
        context = { text, compact: text.replace(/ /g, '') };
      }
      return resolveHeadingSpaces(line.text, context.text, context.compact);
    };
    const lede = paragraphs[0] ?? '';
    const derivedTitle = draft.headline.title === null;
    const title = derivedTitle ? firstClause(lede) : settle(draft.headline.title)!;
    const checked = paragraphs.length > 0 ? resolveMentionChecked(reportedDate(paragraphs), issue) : null;
    if (checked?.problem) warn(draft.parts.find((p) => p.type === 'paragraph')!.line, 'impossible-date', `${checked.problem}; the record is dated by the issue instead`);
    const date = checked?.date ?? issueDateFallback(issue);
    const body = draft.parts
      .map((part) =>
        part.type === 'paragraph'
          ? escapeMarkdownText(part.text)
          : part.headings.map((h, i) => `${i === 0 ? '##' : '###'} ${escapeMarkdownText(settle(h)!)}`).join('\n\n'),
      )
      .join('\n\n');
    return {
      id: recordId(meta.issue, draft.kind, idKey(title, derivedTitle) || lede.slice(0, 50), taken, seen),
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

/** 编者按：…, 【编者按】…, 编者的话：… */
const EDITORS_NOTE_RE = /^[【［\[]?(?:编者按|编者的话|编后)[】］\]]?[：:]?/u;

/** Lead clauses that only say when (近年来，临近春节，日前，) are not what a brief reports. */
const LEAD_CLAUSE_MAX_HAN = 6;
const CLAUSE_END = new Set([...'，。；！？：']);
const OPENING_QUOTES = new Set([...'“‘《「『（']);
const CLOSING_QUOTES = new Set([...'”’》」』）']);

/**
 * A brief's title is its first clause after the date (`12月3日，重庆市总工会召开…会议，…` → `重庆市总工会召开…会议`),
 * whole: never cut inside quotation marks or brackets, never shortened with `…` (it is the page's heading and
 * what WeChat shows when the link is shared).
 */
export function firstClause(text: string): string {
  let last = '';
  for (const clause of clausesOutsideQuotes(text)) {
    if (!isLeadClause(clause)) return clause;
    last = clause;
  }
  return last;
}

function isLeadClause(clause: string): boolean {
  const date = findLedeDate(clause);
  if (date && date.index === 0 && hanCount(clause.slice(date.text.length)) <= 2) return true;
  return hanCount(clause) <= LEAD_CLAUSE_MAX_HAN;
}

/** Clauses in order, split at clause punctuation outside quotes and brackets; lazily, as only the first few are read. */
function* clausesOutsideQuotes(text: string): Generator<string> {
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPENING_QUOTES.has(ch)) depth++;
    else if (CLOSING_QUOTES.has(ch) && depth > 0) depth--;
    else if (depth === 0 && CLAUSE_END.has(ch)) {
      const clause = text.slice(start, i).trim();
      if (clause !== '') yield clause;
      start = i + 1;
    }
  }
  const rest = text.slice(start).trim();
  if (rest !== '') yield rest;
}

/**
 * What a record's id hashes besides issue and kind. Derived titles were once cut to 40 characters with `…` and
 * had no spaces; hashing them in that form keeps every published brief at its address now that titles are whole.
 */
function idKey(title: string, derived: boolean): string {
  if (!derived) return title;
  const compact = title.replace(/ /g, '');
  return compact.length > LEGACY_DERIVED_TITLE_MAX ? `${compact.slice(0, LEGACY_DERIVED_TITLE_MAX)}…` : compact;
}
const LEGACY_DERIVED_TITLE_MAX = 40;

export const recordsStage: Stage = (state) => {
  state.records = toRecords(state.drafts, metaOf(state), state.warn);
};

/**
 * The date a report states for its event: the lede's. A feature may open with a scene and date it in the next
 * paragraph (金秋九月，… + 9月10日，…); a day stated in that paragraph's first sentence dates it then.
 */
function reportedDate(paragraphs: string[]): DateMention | null {
  const lede = findLedeDate(paragraphs[0]!);
  if ((lede !== null && (lede.day !== null || lede.month === null)) || paragraphs.length < 2) return lede;
  // Only a month (金秋九月): a day of that month stated next refines it.
  const next = findLedeDate(paragraphs[1]!);
  const refines = next !== null && next.day !== null && next.newsLede && (lede === null || next.month === lede.month);
  return refines ? next : lede;
}
