// Stage 4: lines → blocks. A block is a run of non-blank lines; the number of blank lines before it is kept,
// because captions are set apart by several blank lines while paragraphs are separated by one.
import { BULLET_RE } from './chars.js';

export interface Block {
  text: string;
  startLine: number;
  endLine: number;
  /** Blank lines between this block and the previous one (0 for the first block). */
  gapBefore: number;
  /** Number of leading `#` marks, a hint about emphasis only (0 when none). */
  markdownLevel: number;
}

const MARKDOWN_HEADING_RE = /^(#{1,6})[ \t]+/;
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_GLOBAL_RE = new RegExp(CONTROL_RE.source, 'g');

/**
 * `lineOffset` is how many file lines precede `text` (front matter), so block lines point into the file.
 * Headings and bulleted items always start their own block, even without a blank line before them.
 */
export function splitBlocks(text: string, lineOffset: number): { blocks: Block[]; controlLines: number[] } {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  const controlLines: number[] = [];
  let current: Block | null = null;
  let blankRun = 0;
  for (let i = 0; i < lines.length; i++) {
    const lineNumber = i + 1 + lineOffset;
    let line = lines[i]!;
    if (CONTROL_RE.test(line)) {
      controlLines.push(lineNumber);
      line = line.replace(CONTROL_GLOBAL_RE, '');
    }
    const trimmed = line.trim();
    if (trimmed === '') {
      if (current) {
        blocks.push(current);
        current = null;
      }
      blankRun++;
      continue;
    }
    const heading = MARKDOWN_HEADING_RE.exec(trimmed);
    const startsOwnBlock = heading !== null || BULLET_RE.test(trimmed);
    if (current && (startsOwnBlock || current.markdownLevel > 0)) {
      blocks.push(current);
      current = null;
    }
    const content = heading ? trimmed.slice(heading[0].length) : trimmed;
    if (current) {
      current.text = joinWrappedLine(current.text, content);
      current.endLine = lineNumber;
    } else {
      current = {
        text: content,
        startLine: lineNumber,
        endLine: lineNumber,
        gapBefore: blocks.length === 0 ? 0 : blankRun,
        markdownLevel: heading ? heading[1]!.length : 0,
      };
    }
    blankRun = 0;
  }
  if (current) blocks.push(current);
  return { blocks, controlLines };
}

/** Hard-wrapped lines inside one block: Chinese joins directly, Latin words keep a space. */
function joinWrappedLine(before: string, after: string): string {
  const last = before.at(-1)!;
  const first = after[0]!;
  return /[A-Za-z0-9]/.test(last) && /[A-Za-z0-9]/.test(first) ? `${before} ${after}` : before + after;
}
