// Stage `line-kinds` (see STAGES in index.ts): a first reading of each block by its shape alone: paragraph, short line, bullet item, byline, caption, QR prompt.
import type { Block } from './blocks.js';
import { BULLET_RE, endsSentence, hanCount } from './chars.js';
import { isCaptionText, isCreditLine, isLoneName } from './credits.js';
import { datelineLength, findLedeDate } from './dates/index.js';
import type { EditorMark } from './editorMarks.js';
import { restatedShare } from './headlines.js';
import type { Stage } from './state.js';

export type LineKind =
  | 'paragraph'
  | 'short' // heading or caption; decided once neighbours are known
  | 'heading' // marked with `#` or by the editor: a heading whatever its length
  | 'bullet' // ◆ item: a brief
  | 'byline'
  | 'caption' // a photo caption by its own words (图为…, … 摄)
  | 'prompt'; // 扫码查看…: a QR prompt, kept with the article as a caption

export interface ReadBlock extends Block {
  kind: LineKind;
}

/** Headlines and captions are short; a longer unpunctuated line is a paragraph cut off at a page break. */
export const SHORT_LINE_MAX_HAN = 48;
/** Sentence punctuation inside a line makes it prose; a comma alone does not (务虚以求实，谋定而后动 is a title). */
const INNER_SENTENCE_RE = /[。；！？]/u;
const PROMPT_RE = /扫码|扫一扫|二维码|长按识别/u;
const PROMPT_MAX_HAN = 30;
const BYLINE_RE =
  /^(?:(?:本报)?(?:通讯员|记者|特约记者|作者|撰稿|供稿|编辑|责编|摄影|摄|文\/图|图\/文|文|图)[：: ]\s*\S|[（(](?:作者|通讯员|记者|文\/图|供稿)[^）)]*[）)]$)/u;
const BYLINE_MAX_HAN = 60;
/** A headline may exclaim or ask (技能比武展风采！全市职工职业技能大赛开幕) but never ends a sentence with 。 or ；. */
const HEADLINE_MIN_HAN = 6;
const LONG_BLOCK_HAN = 120;
const LONE_NAME_MAX_HAN = 4;
const NOT_HEADLINE_END_RE = /[，、：；]$/u;
const QUOTED_SPEECH_RE = /^[“「『].*[！？。][”」』]$/u;
const EDITOR_KIND: Record<EditorMark, LineKind> = {
  kicker: 'heading',
  title: 'heading',
  subtitle: 'heading',
  column: 'heading',
  byline: 'byline',
  caption: 'caption',
  paragraph: 'paragraph',
};

export function readLineKinds(blocks: Block[]): ReadBlock[] {
  const out: ReadBlock[] = [];
  blocks.forEach((block, i) => out.push(withKind(block, kindOf(block, out[i - 1], blocks[i + 1]))));
  return out;
}

/**
 * A block with its kind, every field written out: on Node 20 an object spread here cost a hundred times more
 * than the literal, and this runs once per block of every bulletin.
 */
export function withKind(block: Block, kind: LineKind): ReadBlock {
  return {
    text: block.text,
    startLine: block.startLine,
    endLine: block.endLine,
    gapBefore: block.gapBefore,
    markdownLevel: block.markdownLevel,
    mark: block.mark,
    splitBefore: block.splitBefore,
    kind,
  };
}

function kindOf(block: Block, previous: ReadBlock | undefined, next: Block | undefined): LineKind {
  const { text } = block;
  if (block.mark) return EDITOR_KIND[block.mark];
  const han = hanCount(text);
  // Most blocks are long paragraphs, longer than any credit, caption or headline: settle them at once.
  // A `#` line this long is text a converter marked, not a headline (see the long-headline warning).
  if (han > LONG_BLOCK_HAN) return BULLET_RE.test(text) ? 'bullet' : 'paragraph';
  if (isCreditLine(text, han)) return 'byline';
  if (isCaptionText(text, han)) return 'caption';
  if (BULLET_RE.test(text)) return 'bullet';
  if (block.markdownLevel > 0) return 'heading';
  if (han <= BYLINE_MAX_HAN && BYLINE_RE.test(text) && !/。/u.test(text.slice(0, -2))) return 'byline';
  if (han <= PROMPT_MAX_HAN && PROMPT_RE.test(text) && !endsSentence(text)) return 'prompt';
  // A name alone under a headline, above the text, is the reporter's (黄仕强); elsewhere it may be a label.
  if (han <= LONE_NAME_MAX_HAN && (previous?.kind === 'short' || previous?.kind === 'heading') && next !== undefined && next.gapBefore <= 1 && isLoneName(text)) {
    return 'byline';
  }
  if (looksLikeExclaimingHeadline(text, han)) return 'short';
  if (isSetApartSentence(block, previous, han)) return 'caption';
  if (endsSentence(text) || han > SHORT_LINE_MAX_HAN || INNER_SENTENCE_RE.test(text)) return 'paragraph';
  if ((text.includes('，') || enumeratesOutsideQuotes(text)) && isCutProse(text, next)) return 'paragraph';
  return 'short';
}

/** Short, no 。 or ；, one or two ！/？, not a quotation and not a dated sentence: a headline by its shape. */
function looksLikeExclaimingHeadline(text: string, han: number): boolean {
  if (han < HEADLINE_MIN_HAN || han > SHORT_LINE_MAX_HAN) return false;
  let marks = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === '！' || text[i] === '？') marks++;
  if (marks === 0 || marks > 2) return false;
  if (/[。；]/u.test(text) || NOT_HEADLINE_END_RE.test(text) || QUOTED_SPEECH_RE.test(text)) return false;
  return findLedeDate(text)?.index !== 0;
}

/**
 * A single short sentence set apart by several blank lines, after text (大赛开幕现场。): a caption left where
 * its photo was. Paragraphs are separated by one blank line, and a break inside one leaves one.
 */
function isSetApartSentence(block: Block, previous: ReadBlock | undefined, han: number): boolean {
  if (block.gapBefore < 2 || previous === undefined || previous.kind === 'heading' || previous.kind === 'short') return false;
  if (han > SET_APART_CAPTION_MAX_HAN || !endsSentence(block.text)) return false;
  return !/[。！？；]/u.test(block.text.replace(/[。！？；][”’」』）]*$/u, ''));
}
const SET_APART_CAPTION_MAX_HAN = 30;

/** A 、 outside quotation marks lists things, as prose does (学校副校长、工会主席…); “聚、暖、护” is a name. */
function enumeratesOutsideQuotes(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '“' || ch === '《' || ch === '「') depth++;
    else if ((ch === '”' || ch === '》' || ch === '」') && depth > 0) depth--;
    else if (ch === '、' && depth === 0) return true;
  }
  return false;
}

const RESTATED_HEADLINE_SHARE = 0.5;
const NEW_START_RE = /^["“‘「『《（【◆#]/u;

/**
 * A short line with a comma is either a two-part title (务虚以求实，谋定而后动) or the start of a paragraph cut
 * by a break (启动仪式现场，学校代表、企业代 + 表分别为…). It is prose when it opens with a date, or when the
 * next block follows right after it and reads as its continuation rather than a new start.
 */
function isCutProse(text: string, next: Block | undefined): boolean {
  if (findLedeDate(text)?.index === 0) return true;
  if (!next || next.gapBefore > 1 || NEW_START_RE.test(next.text) || datelineLength(next.text) > 0) return false;
  // A headline's words come back in the lede under it; the second half of a cut sentence does not repeat the first.
  if (restatedShare(text, next.text) >= RESTATED_HEADLINE_SHARE) return false;
  const nextLong = hanCount(next.text) > SHORT_LINE_MAX_HAN || endsSentence(next.text);
  return nextLong && findLedeDate(next.text)?.index !== 0;
}

export const lineKindsStage: Stage = (state) => {
  state.lines = readLineKinds(state.blocks);
  for (const block of state.lines) {
    if ((block.markdownLevel > 0 || block.mark) && block.kind === 'paragraph' && hanCount(block.text) > LONG_BLOCK_HAN) {
      state.warn(block.startLine, 'long-headline', `a line marked as a headline is ${[...block.text].length} characters long; kept as text`);
    }
    if (block.mark) continue;
    if (block.kind === 'caption' && !isCaptionText(block.text)) {
      state.note(block.startLine, 'caption-or-text', `「${block.text}」 stands apart like a photo caption and was taken as one`, '正文：');
    } else if (block.kind === 'paragraph' && block.gapBefore >= 2 && hanCount(block.text) <= SHORT_LINE_MAX_HAN) {
      state.note(block.startLine, 'caption-or-text', `「${block.text.slice(0, 30)}」 stands apart like a caption but reads as text and was kept as text`, '图注：');
    }
  }
};
