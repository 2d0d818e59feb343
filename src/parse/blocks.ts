// Stage `blocks` (see STAGES in index.ts): lines → blocks. A block is a run of non-blank lines; the number of blank lines before it is kept,
// because captions are set apart by several blank lines while paragraphs are separated by one.
import { BULLET_RE } from './chars.js';
import type { EditorMark, MarkedLines } from './editorMarks.js';
import type { Stage } from './state.js';

export interface Block {
  text: string;
  startLine: number;
  endLine: number;
  /** Blank lines between this block and the previous one (0 for the first block). */
  gapBefore: number;
  /** Number of leading `#` marks, a hint about emphasis only (0 when none). */
  markdownLevel: number;
  /** The role an editor's mark gave this block; it wins over every rule. */
  mark?: EditorMark | undefined;
  /** An editor's `---` line stands before this block: it starts a new article. */
  splitBefore?: boolean;
}

const MARKDOWN_HEADING_RE = /^(#{1,6})[ \t]+/;
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_GLOBAL_RE = new RegExp(CONTROL_RE.source, 'g');
const NO_MARKS: MarkedLines = { roles: new Map(), splits: new Set() };

/**
 * `lineOffset` is how many file lines precede `text` (front matter), so block lines point into the file.
 * Headings, bulleted items and marked lines always start their own block, even without a blank line before
 * them; a heading line right under another of the same level is the same headline wrapped (one title set
 * over two lines), so it continues that block.
 */
export function splitBlocks(text: string, lineOffset: number, marks: MarkedLines = NO_MARKS): { blocks: Block[]; controlLines: number[] } {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  const controlLines: number[] = [];
  let current: Block | null = null;
  let blankRun = 0;
  let heldRun = 0;
  let splitPending = false;
  const close = () => {
    if (current) blocks.push(current);
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const lineNumber = i + 1 + lineOffset;
    if (marks.splits.has(lineNumber)) {
      close();
      splitPending = true;
      blankRun = 0; // blank lines around the mark are not the several that set a caption apart
      continue;
    }
    if (marks.hidden?.has(lineNumber)) {
      // The blank lines above and below a photo line are one gap, as if the line were not there: never the sum.
      close();
      heldRun = Math.max(heldRun, blankRun);
      blankRun = 0;
      continue;
    }
    let line = lines[i]!;
    if (CONTROL_RE.test(line)) {
      controlLines.push(lineNumber);
      line = line.replace(CONTROL_GLOBAL_RE, '');
    }
    const trimmed = line.trim();
    if (trimmed === '') {
      close();
      blankRun++;
      continue;
    }
    const heading = MARKDOWN_HEADING_RE.exec(trimmed);
    const level = heading ? heading[1]!.length : 0;
    const mark = marks.roles.get(lineNumber);
    const open = current as Block | null;
    const wrappedHeading = open !== null && level > 0 && open.markdownLevel === level && open.mark === undefined && mark === undefined;
    const startsOwnBlock = heading !== null || BULLET_RE.test(trimmed) || mark !== undefined;
    if (open && !wrappedHeading && (startsOwnBlock || open.markdownLevel > 0 || open.mark !== undefined)) close();
    const content = heading ? trimmed.slice(heading[0].length) : trimmed;
    const into = current as Block | null;
    if (into) {
      into.text = joinWrappedLine(into.text, content);
      into.endLine = lineNumber;
    } else {
      current = {
        text: content,
        startLine: lineNumber,
        endLine: lineNumber,
        gapBefore: blocks.length === 0 ? 0 : Math.max(blankRun, heldRun),
        markdownLevel: level,
        // Every block gets both fields, so all blocks share one shape and property reads stay fast.
        mark,
        splitBefore: splitPending,
      };
      splitPending = false;
    }
    blankRun = 0;
    heldRun = 0;
  }
  close();
  return { blocks, controlLines };
}

/** Hard-wrapped lines inside one block: Chinese joins directly, Latin words keep a space. */
function joinWrappedLine(before: string, after: string): string {
  const last = before.at(-1)!;
  const first = after[0]!;
  return /[A-Za-z0-9]/.test(last) && /[A-Za-z0-9]/.test(first) ? `${before} ${after}` : before + after;
}

/** A line of ornaments (★★★, ……, # # #, ※※※) has no letter or digit: a separator of the layout, never text. */
const HAS_TEXT_RE = /[\p{L}\p{N}]/u;

export const blocksStage: Stage = (state) => {
  const { blocks, controlLines } = splitBlocks(state.body, state.bodyLineOffset, state.marks);
  for (const line of controlLines) state.warn(line, 'control-characters', 'control characters removed from this line');
  state.blocks = blocks.filter((block) => {
    if (HAS_TEXT_RE.test(block.text)) return true;
    state.warn(block.startLine, 'ornament-line', `「${block.text.slice(0, 20)}」 has no letter or digit; read as a layout ornament and left out`);
    return false;
  });
};
