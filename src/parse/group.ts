// Stage `group` (see STAGES in index.ts): groups classified blocks into articles and briefs. A run of headings (with captions among them)
// before a paragraph either starts a new article or heads a section of the current one:
//  - after a news report (its lede opens with a date), a headed paragraph is the next report;
//  - inside a feature (no dated lede), a headed paragraph is a section, unless it opens with a date *and*
//    has a plausible title, or carries a full kicker/title/subtitle;
//  - headings followed only by captions float: they title an untitled feature, or open the next article;
//  - headings followed by ◆ items label those briefs;
//  - whatever the lede, a headline is the next article when it has what sections never have: a dateline
//    opening its text (本报讯…, 某某网讯…), a byline, a subtitle, a column label over a full title, or an
//    editor's 标题： mark; an editor's `---` line always closes the article before it.
import { hanCount } from './chars.js';
import { datelineLength, findLedeDate, opensWithNewsDate } from './dates/index.js';
import type { ClassifiedBlock } from './captions.js';
import { assignHeadlineRoles, isOrdinalHeading, isPlausibleTitle, restatedShare, type Headline, type SourceLine } from './headlines.js';
import type { ParseState, Stage } from './state.js';

export type BodyPart = { type: 'paragraph'; text: string; line: number } | { type: 'section'; headings: SourceLine[] };

export interface Draft {
  kind: 'article' | 'brief';
  headline: Headline;
  /** Column of a brief: the label above its list, shared by every ◆ item under it. */
  briefColumn: string | null;
  byline: SourceLine | null;
  parts: BodyPart[];
  captions: SourceLine[];
  startLine: number;
  endLine: number;
  mode: 'news' | 'feature' | null;
}

export interface GroupResult {
  drafts: Draft[];
  columnLabels: { text: string; line: number }[];
}

const FEATURE_FULL_HEADLINE = 3;
/** A sidebar inside an article (链接, 相关链接, 背景, 延伸阅读, 小贴士): a section, never a new article or a column. */
const SIDEBAR_RE = /^(?:相关链接|知识链接|新闻链接|链接|背景资料|背景|延伸阅读|小贴士|名词解释)$/u;
/** A column label stands over a report's full title (达州高新技术产业园区总工会开展…活动), not over a section's slogan. */
const COLUMN_TITLE_MIN_HAN = 12;

export function groupIntoArticles(blocks: ClassifiedBlock[], warn: ParseState['warn'], note: ParseState['note'] = () => {}): GroupResult {
  const drafts: Draft[] = [];
  const columnLabels: { text: string; line: number }[] = [];
  let current: Draft | null = null;
  let pending: ClassifiedBlock[] = [];
  let briefColumn: string | null = null;
  let run: ClassifiedBlock[] = [];

  const open = (kind: Draft['kind'], headline: Headline, line: number): Draft => {
    for (const lone of headline.extra) {
      const orphan = newDraft('article', assignHeadlineRoles([lone]), lone.line);
      drafts.push(orphan);
    }
    const draft = newDraft(kind, headline, line);
    if (headline.guess && headline.kicker) note(headline.kicker.line, 'headline-roles', headline.guess, '标题：');
    if (headline.column) columnLabels.push({ text: headline.column.text, line: headline.column.line });
    drafts.push(draft);
    current = draft;
    for (const item of pending) attach(draft, item);
    pending = [];
    return draft;
  };

  const attachOrHold = (item: ClassifiedBlock) => {
    if (current) attach(current, item);
    else pending.push(item);
  };

  const settleFloating = (headings: SourceLine[], trailing: ClassifiedBlock[]) => {
    const target: Draft | null = current;
    if (target && target.kind === 'article' && target.headline.title === null && target.parts.length > 0) {
      target.headline = assignHeadlineRoles(headings, target.parts.find((p) => p.type === 'paragraph')?.text ?? '');
      if (target.headline.column) columnLabels.push({ text: target.headline.column.text, line: target.headline.column.line });
      extend(target, headings);
    } else if (target && target.kind === 'article' && target.parts.length === 0) {
      for (const h of headings) {
        warn(h.line, 'floating-headline', `headline "${h.text}" stands between another headline and its text; kept as a caption`);
        target.captions.push(h);
        extend(target, [h]);
      }
    } else {
      open('article', assignHeadlineRoles(headings), headings[0]!.line);
      briefColumn = null;
    }
    for (const item of trailing) attachOrHold(item);
  };

  const settleRun = (next: ClassifiedBlock | null) => {
    const { leading, groups } = splitRun(run);
    run = [];
    for (const item of leading) attachOrHold(item);
    if (groups.length === 0) return;
    if (next === null) {
      for (const group of groups) settleFloating(group.headings, group.trailing);
      return;
    }
    if (next.role === 'bullet') {
      const headings = groups.flatMap((g) => g.headings);
      const label = headings.pop()!;
      if (headings.length > 0) settleFloating(headings, []);
      briefColumn = label.text;
      columnLabels.push({ text: label.text, line: label.line });
      for (const item of groups.flatMap((g) => g.trailing)) attachOrHold(item);
      return;
    }
    for (const group of groups.slice(0, -1)) settleFloating(group.headings, group.trailing);
    const last = groups.at(-1)!;
    const target = current as Draft | null;
    const headline = assignHeadlineRoles(last.headings, next.text);
    let startsArticle: boolean;
    if (target === null || target.kind === 'brief') startsArticle = true;
    else if (target.parts.length === 0) startsArticle = false;
    else if (SIDEBAR_RE.test(last.headings[0]!.text)) startsArticle = false;
    else if (hasArticleEvidence(headline, last, next)) startsArticle = true;
    else if (target.mode === 'news') startsArticle = !isOrdinalHeading(last.headings[0]!.text);
    else {
      startsArticle =
        (opensWithNewsDate(next.text) && isPlausibleTitle(last.headings)) || last.headings.length >= FEATURE_FULL_HEADLINE;
    }
    if (startsArticle) {
      open('article', headline, last.headings[0]!.line);
      briefColumn = null;
    } else {
      target!.parts.push({ type: 'section', headings: last.headings });
      extend(target!, last.headings);
      const heading = last.headings.at(-1)!;
      if (!isOrdinalHeading(heading.text) && (hanCount(heading.text) >= COLUMN_TITLE_MIN_HAN || opensAsReport(next.text))) {
        const of = target!.headline.title ? `「${target!.headline.title.text}」` : 'the article it stands in';
        note(heading.line, 'section-or-article', `「${heading.text}」 was read as a section of ${of}`, '标题：');
      }
    }
    for (const item of last.trailing) attachOrHold(item);
  };

  for (const block of blocks) {
    if (block.splitBefore) {
      settleRun(null);
      current = null;
      briefColumn = null;
    }
    if (block.role === 'heading' || block.role === 'caption' || block.role === 'byline') {
      run.push(block);
      continue;
    }
    settleRun(block);
    if (block.role === 'bullet') {
      const brief = open('brief', emptyHeadline(), block.startLine);
      brief.briefColumn = briefColumn;
      addParagraph(brief, block, block.text.replace(/^[◆◇■□●○▲△★☆▶►•]\s*/u, ''));
      continue;
    }
    if (!current) {
      warn(block.startLine, 'text-before-headline', 'text stands before any headline; its beginning may be missing (kept as an untitled article)');
      open('article', emptyHeadline(), block.startLine);
    }
    addParagraph(current!, block, block.text);
  }
  settleRun(null);
  if (pending.length > 0) {
    const holder = open('article', emptyHeadline(), pending[0]!.startLine);
    warn(holder.startLine, 'text-before-headline', 'captions or bylines stand without any article; kept as an untitled article');
  }
  for (const draft of drafts) {
    if (draft.parts.length === 0) {
      warn(draft.startLine, 'headline-without-body', `headline "${draft.headline.title?.text ?? ''}" has no text under it`);
    }
  }
  return { drafts, columnLabels };
}

function newDraft(kind: Draft['kind'], headline: Headline, line: number): Draft {
  const draft: Draft = { kind, headline, briefColumn: null, byline: null, parts: [], captions: [], startLine: line, endLine: line, mode: null };
  extend(draft, [headline.column, headline.kicker, headline.title, headline.subtitle].filter((h): h is SourceLine => h !== null));
  return draft;
}

function emptyHeadline(): Headline {
  return { column: null, kicker: null, title: null, subtitle: null, extra: [] };
}

function addParagraph(draft: Draft, block: ClassifiedBlock, text: string): void {
  if (draft.mode === null) draft.mode = draft.kind === 'brief' || opensAsReport(text) ? 'news' : 'feature';
  draft.parts.push({ type: 'paragraph', text, line: block.startLine });
  extend(draft, [toLine(block)]);
}

function attach(draft: Draft, item: ClassifiedBlock): void {
  const line = toLine(item);
  if (item.role === 'byline' && draft.byline === null) draft.byline = line;
  else if (item.role === 'byline') draft.parts.push({ type: 'paragraph', text: item.text, line: item.startLine });
  else draft.captions.push(line);
  extend(draft, [line]);
}

function extend(draft: Draft, lines: SourceLine[]): void {
  for (const l of lines) {
    draft.startLine = Math.min(draft.startLine, l.line);
    draft.endLine = Math.max(draft.endLine, l.endLine);
  }
}

function toLine(block: ClassifiedBlock): SourceLine {
  return { text: block.text, line: block.startLine, endLine: block.endLine, level: block.markdownLevel, mark: block.mark };
}

/** A report's lede dates it in its opening words, or right after one clause of purpose or occasion (为庆祝…，4月12日，). */
function opensAsReport(text: string): boolean {
  if (opensWithNewsDate(text)) return true;
  const date = findLedeDate(text);
  return date !== null && date.newsLede && date.day !== null && date.index > 0 && text.indexOf('，') === date.index - 1;
}

/** What a report's headline has and a section heading inside a feature never has. */
function hasArticleEvidence(headline: Headline, group: HeadingGroup, next: ClassifiedBlock): boolean {
  if (group.headings.some((h) => h.mark === 'title' || h.mark === 'column')) return true;
  if (group.trailing.some((b) => b.role === 'byline')) return true;
  if (headline.subtitle !== null || datelineLength(next.text) > 0) return true;
  if (headline.title === null || hanCount(headline.title.text) < COLUMN_TITLE_MIN_HAN) return false;
  // A full title over its column label, or one its lede restates: a report's headline, not a section's slogan.
  return headline.column !== null || restatedShare(headline.title.text, next.text) >= RESTATED_REPORT_SHARE;
}
/** A lede restates a good part of its report's title (贵州六盘水：“职工书屋”开到矿井边 → 六盘水…“矿工书屋”…). */
const RESTATED_REPORT_SHARE = 0.4;

interface HeadingGroup {
  headings: SourceLine[];
  trailing: ClassifiedBlock[];
}

/** Splits a run into captions/bylines before any heading, then heading groups each followed by its captions. */
function splitRun(run: ClassifiedBlock[]): { leading: ClassifiedBlock[]; groups: HeadingGroup[] } {
  const leading: ClassifiedBlock[] = [];
  const groups: HeadingGroup[] = [];
  for (const block of run) {
    const last = groups.at(-1);
    if (block.role === 'heading') {
      if (last && last.trailing.length === 0) last.headings.push(toLine(block));
      else groups.push({ headings: [toLine(block)], trailing: [] });
    } else if (last) last.trailing.push(block);
    else leading.push(block);
  }
  return { leading, groups };
}

export const groupStage: Stage = (state) => {
  const { drafts, columnLabels } = groupIntoArticles(state.classified, state.warn, state.note);
  state.drafts = drafts;
  state.columnLabels = columnLabels;
};
