// Stage 6: a first reading of each block by its shape alone: paragraph, short line, bullet item, byline, QR prompt.
import type { Block } from './blocks.js';
import { BULLET_RE, endsSentence, hanCount } from './chars.js';
import { findLedeDate } from './dates/index.js';
import type { Stage } from './state.js';

export type LineKind =
  | 'paragraph'
  | 'short' // heading or caption; decided once neighbours are known
  | 'heading' // marked with `#`: a heading whatever its length
  | 'bullet' // ◆ item: a brief
  | 'byline'
  | 'prompt'; // 扫码查看…: a QR prompt, kept with the article as a caption

export interface ReadBlock extends Block {
  kind: LineKind;
}

/** Headlines and captions are short; a longer unpunctuated line is a paragraph cut off at a page break. */
export const SHORT_LINE_MAX_HAN = 40;
/** Sentence punctuation inside a line makes it prose; a comma alone does not (务虚以求实，谋定而后动 is a title). */
const INNER_SENTENCE_RE = /[。；！？]/u;
const PROMPT_RE = /扫码|扫一扫|二维码|长按识别/u;
const PROMPT_MAX_HAN = 30;
const BYLINE_RE =
  /^(?:(?:本报)?(?:通讯员|记者|特约记者|作者|撰稿|供稿|编辑|责编|摄影|摄|文\/图|图\/文|文|图)[：: ]\s*\S|[（(](?:作者|通讯员|记者|文\/图|供稿)[^）)]*[）)]$)/u;
const BYLINE_MAX_HAN = 60;

export function readLineKinds(blocks: Block[]): ReadBlock[] {
  return blocks.map((block, i) => ({ ...block, kind: kindOf(block, blocks[i + 1]) }));
}

function kindOf(block: Block, next: Block | undefined): LineKind {
  const { text } = block;
  if (BULLET_RE.test(text)) return 'bullet';
  if (block.markdownLevel > 0) return 'heading';
  const han = hanCount(text);
  if (han <= BYLINE_MAX_HAN && BYLINE_RE.test(text) && !/。/u.test(text.slice(0, -2))) return 'byline';
  if (han <= PROMPT_MAX_HAN && PROMPT_RE.test(text) && !endsSentence(text)) return 'prompt';
  if (endsSentence(text) || han > SHORT_LINE_MAX_HAN || INNER_SENTENCE_RE.test(text)) return 'paragraph';
  if (text.includes('，') && isCutProse(text, next)) return 'paragraph';
  return 'short';
}

const NEW_START_RE = /^["“‘「『《（【◆#]/u;

/**
 * A short line with a comma is either a two-part title (务虚以求实，谋定而后动) or the start of a paragraph cut
 * by a break (启动仪式现场，学校代表、企业代 + 表分别为…). It is prose when it opens with a date, or when the
 * next block follows right after it and reads as its continuation rather than a new start.
 */
function isCutProse(text: string, next: Block | undefined): boolean {
  if (findLedeDate(text)?.index === 0) return true;
  if (!next || next.gapBefore > 1 || NEW_START_RE.test(next.text)) return false;
  const nextLong = hanCount(next.text) > SHORT_LINE_MAX_HAN || endsSentence(next.text);
  return nextLong && findLedeDate(next.text)?.index !== 0;
}

export const lineKindsStage: Stage = (state) => {
  state.lines = readLineKinds(state.blocks);
};
