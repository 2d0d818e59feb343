// Stage 8b: once paragraphs are whole, quotes can be paired and the last Chinese spaces dropped. Headings keep
// their candidate space until the article's text can tell a parallel title from a wrapped line.
import type { ClassifiedBlock } from './captions.js';
import { curlQuotes } from './punctuation.js';
import { dropChineseSpaces } from './spaces.js';
import type { ParseState, Stage } from './state.js';

const SUSPICIOUS_RE = /[|\uFFFD]/u;
const BYLINE_ROLE_SPACE_RE = /^((?:本报)?(?:通讯员|记者|特约记者|作者|撰稿|供稿|编辑|责编|摄影|摄)) /u;

export function finishText(blocks: ClassifiedBlock[], warn: ParseState['warn']): ClassifiedBlock[] {
  return blocks.map((block) => {
    const curled = curlQuotes(block.text);
    if (!curled.balanced) {
      warn(block.startLine, 'unbalanced-quotes', 'quotation marks do not pair up; a closing quote, and perhaps text, may be missing');
    }
    if (SUSPICIOUS_RE.test(block.text)) {
      warn(block.startLine, 'suspicious-characters', `「${block.text.slice(0, 20)}…」 has "|" or a replacement character, usually a conversion artifact; check it against the layout`);
    }
    let text = curled.text;
    if (block.role === 'byline') text = text.replace(BYLINE_ROLE_SPACE_RE, '$1\u0000').replace(/ /g, '').replace('\u0000', ' ');
    else if (block.role !== 'heading') text = dropChineseSpaces(text);
    return { ...block, text };
  });
}

export const finishTextStage: Stage = (state) => {
  state.classified = finishText(state.classified, state.warn);
};
