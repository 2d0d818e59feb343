// Stage `rejoin` (see STAGES in index.ts): rejoins a paragraph that a page or column break cut mid-sentence (`崇尚劳` + `模、争当劳模…`),
// and refuses where the next block plainly starts something new.
import { endsSentence, hanCount } from './chars.js';
import { findLedeDate } from './dates/index.js';
import { RESTATED_SHARE, restatedShare } from './headlines.js';
import { withKind, type ReadBlock } from './lineKinds.js';
import type { Stage } from './state.js';
import { isStrayInNumber } from './spaces.js';

/**
 * Openers that start a new paragraph: adverbials (`目前，`, `此外，`, `会上，`) and short time or place phrases
 * (`这一年，`, `近年来，`, `活动中，`). A short word before a comma that is neither (`合同，` after `签订集体`)
 * finishes the word the break cut.
 */
const SHORT_OPENER_RE =
  /^(?:目前|当前|此外|另外|同时|其中|随后|最终|最后|然后|首先|其次|再次|因此|为此|对此|如今|现在|据悉|据了解|据介绍|总之|比如|例如|[一二三四五六七八九十]是|第[一二三四五六七八九十]|[^，。；：！？]{0,3}[年月日时后前间来上中下里天期]|这[^，。；：！？]{1,3}|那[^，。；：！？]{1,3})，/u;
const OPENS_QUOTE_RE = /^["“‘「『《（【]/u;
/** Sentence openers that refer back (这得益于…, 此外…, 目前…): a new sentence, so the break before them was real. */
const SENTENCE_OPENER_RE = /^(?:这|此外|另外|目前|与此同时|同时，|因此|然而|但是|其中，|为此|对此|据悉|据了解|据介绍|总之)/u;
const CONTINUATION_HINT_RE = /[、，；\d]/u;
const TRAILING_COMMA_RE = /[，、：]$/u;
const EXCLAIMS_RE = /[！？]/u;

export interface RejoinResult {
  blocks: ReadBlock[];
  /** Paragraphs that end mid-sentence and could not be joined: text is probably missing there. */
  unfinished: ReadBlock[];
}

export function rejoinBrokenParagraphs(blocks: ReadBlock[]): RejoinResult {
  const out: ReadBlock[] = [];
  const unfinished: ReadBlock[] = [];
  for (const [i, block] of blocks.entries()) {
    const previous = out.at(-1);
    if (previous && previous.kind === 'paragraph' && !endsSentence(previous.text) && continues(previous, block, blocks[i + 1])) {
      previous.text = joinAcrossBreak(previous.text, block.text);
      previous.endLine = block.endLine;
      continue;
    }
    if (previous && (previous.kind === 'paragraph' || previous.kind === 'bullet') && !endsSentence(previous.text)) {
      unfinished.push(previous);
    }
    out.push(withKind(block, block.kind));
  }
  const last = out.at(-1);
  if (last && (last.kind === 'paragraph' || last.kind === 'bullet') && !endsSentence(last.text)) unfinished.push(last);
  return { blocks: out, unfinished };
}

function continues(previous: ReadBlock, next: ReadBlock, after: ReadBlock | undefined): boolean {
  // Several blank lines set a caption apart; a break inside a paragraph leaves one.
  if (next.gapBefore > 1 || next.mark !== undefined || previous.mark !== undefined || next.splitBefore) return false;
  if (next.kind !== 'paragraph' && next.kind !== 'short') return false;
  if (OPENS_QUOTE_RE.test(next.text) || SHORT_OPENER_RE.test(next.text) || SENTENCE_OPENER_RE.test(next.text)) return false;
  const date = findLedeDate(next.text);
  if (date && date.index === 0) return false;
  if (next.kind === 'short') {
    // A short line that exclaims or asks is a headline by its shape (lineKinds), never the tail of a sentence.
    if (EXCLAIMS_RE.test(next.text)) return false;
    // Nor is one that the paragraph under it restates: that is a headline over its lede.
    if (after !== undefined && after.kind === 'paragraph' && restatedShare(next.text, after.text) >= RESTATED_SHARE) return false;
    // A short line after a cut paragraph is usually a headline; it continues only if it reads like prose.
    return TRAILING_COMMA_RE.test(previous.text) || (hanCount(next.text) >= 12 && CONTINUATION_HINT_RE.test(next.text));
  }
  return true;
}

function joinAcrossBreak(before: string, after: string): string {
  if (!/[A-Za-z0-9]$/.test(before) || !/^[A-Za-z0-9]/.test(after)) return before + after;
  const spaced = `${before} ${after}`;
  // A number cut by the break (打造“123 | 51”热线) is one number again.
  return isStrayInNumber(spaced, before.length, 1) ? before + after : spaced;
}

export const rejoinStage: Stage = (state) => {
  const { blocks, unfinished } = rejoinBrokenParagraphs(state.lines);
  for (const block of unfinished) {
    state.warn(
      block.endLine,
      'paragraph-ends-without-punctuation',
      `paragraph ends mid-sentence (「…${block.text.slice(-12)}」); text may be missing at a page or column break`,
    );
  }
  state.lines = blocks;
};
