// Stage `classify` (see STAGES in index.ts): settles each short line as a heading or a photo caption. A caption is set apart by several blank
// lines; a column label is a short line of a few characters; a "caption" that introduces a dated lede right
// after body text is really the next article's title.
import { hanCount } from './chars.js';
import { opensWithNewsDate } from './dates/index.js';
import type { ReadBlock } from './lineKinds.js';
import type { Stage } from './state.js';

export type BlockKind = 'paragraph' | 'heading' | 'caption' | 'bullet' | 'byline';

export interface ClassifiedBlock extends ReadBlock {
  role: BlockKind;
}

/** Column labels (渝工之家, 一周动态, 蹲点日记) are a handful of characters with no punctuation. */
export const LABEL_MAX_HAN = 6;
const LABEL_RE = /^[\p{Script=Han}]{2,6}$/u;

/** Spaces inside so short a name are wrapping artifacts (一周动 态), never two halves of a parallel title. */
export function isLabelLike(text: string): boolean {
  return LABEL_RE.test(text.replace(/ /g, '')) && hanCount(text) <= LABEL_MAX_HAN;
}

export function classifyBlocks(blocks: ReadBlock[]): ClassifiedBlock[] {
  return blocks.map((block, i) => {
    const role = roleOf(block, blocks[i - 1], blocks[i + 1], afterText(blocks, i));
    // Written out rather than spread: see withKind in lineKinds.ts.
    return {
      text: block.text,
      startLine: block.startLine,
      endLine: block.endLine,
      gapBefore: block.gapBefore,
      markdownLevel: block.markdownLevel,
      mark: block.mark,
      splitBefore: block.splitBefore,
      kind: block.kind,
      role,
    };
  });
}

/** Whether text (not a headline) stands before block `i`, looking past the captions in between. */
function afterText(blocks: ReadBlock[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (blocks[j]!.kind === 'caption' || blocks[j]!.kind === 'prompt' || (blocks[j]!.kind === 'short' && blocks[j]!.gapBefore >= 2))) j--;
  return j >= 0 && (blocks[j]!.kind === 'paragraph' || blocks[j]!.kind === 'bullet' || blocks[j]!.kind === 'byline');
}

function roleOf(block: ReadBlock, previous: ReadBlock | undefined, next: ReadBlock | undefined, followsText: boolean): BlockKind {
  switch (block.kind) {
    case 'prompt':
    case 'caption':
      return 'caption';
    case 'short': {
      const setApart = block.gapBefore >= 2 && previous !== undefined;
      if (!setApart) return 'heading';
      // A column label heads a title; a set-apart few characters above a paragraph (活动现场) or above
      // another label (会议现场 above 渝工港湾) is a caption.
      if (isLabelLike(block.text)) {
        const headsTitle = (next?.kind === 'short' || next?.kind === 'heading') && next.gapBefore <= 1 && !isLabelLike(next.text);
        const headsList = next?.kind === 'bullet' && previous.kind !== 'bullet';
        return headsTitle || headsList ? 'heading' : 'caption';
      }
      const opensReport = next?.kind === 'paragraph' && next.gapBefore <= 1 && opensWithNewsDate(next.text);
      // After text (and the captions that close it), a line over a dated lede is that report's title.
      const introducesReport = opensReport && followsText;
      return introducesReport ? 'heading' : 'caption';
    }
    default:
      return block.kind;
  }
}

export const classifyStage: Stage = (state) => {
  state.classified = classifyBlocks(state.lines);
};
