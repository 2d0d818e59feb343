// Stage `finish-text` (see STAGES in index.ts): once paragraphs are whole, quotes can be paired and the last Chinese spaces dropped. Headings keep
// their candidate space until the article's text can tell a parallel title from a wrapped line.
import type { ClassifiedBlock } from './captions.js';
import { curlQuotes } from './punctuation.js';
import { dropChineseSpaces } from './spaces.js';
import type { ParseState, Stage } from './state.js';

const SUSPICIOUS_RE = /[|\uFFFD]/u;

export function finishText(blocks: ClassifiedBlock[], warn: ParseState['warn']): ClassifiedBlock[] {
  let whole: string | null = null;
  const joinedElsewhere = (seam: string) => (whole ??= blocks.map((b) => b.text).join('\n')).includes(seam);
  return blocks.map((block) => {
    const curled = curlQuotes(block.text);
    if (!curled.balanced) {
      warn(block.startLine, 'unbalanced-quotes', 'quotation marks do not pair up; a closing quote, and perhaps text, may be missing');
    }
    if (SUSPICIOUS_RE.test(block.text)) {
      warn(block.startLine, 'suspicious-characters', `「${block.text.slice(0, 20)}…」 has "|" or a replacement character, usually a conversion artifact; check it against the layout`);
    }
    let text = curled.text;
    // A byline keeps the spaces between its names (记者 黄瑞 张宸菱 摄); a heading keeps its candidates for later.
    if (block.role !== 'byline' && block.role !== 'heading') text = dropChineseSpaces(text, joinedElsewhere);
    block.text = text; // blocks belong to this parse alone: no copy needed
    return block;
  });
}

export const finishTextStage: Stage = (state) => {
  state.classified = finishText(state.classified, state.warn);
};
