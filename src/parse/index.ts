// The bulletin parser: an ordered list of small named stages, each in its own file with one signature, run in
// turn over one shared state (as markdown-it's parser_core runs its rules). It runs without Eleventy and returns
// plain records; problems for the editor travel with the result as warnings, doubtful readings as notes.
import { blocksStage } from './blocks.js';
import { classifyStage } from './captions.js';
import { decodeStage } from './decode.js';
import { editorMarksStage } from './editorMarks.js';
import { finishTextStage } from './finishText.js';
import { frontMatterStage } from './frontMatter.js';
import { groupStage } from './group.js';
import { issueDateStage } from './issueDate.js';
import { lineKindsStage } from './lineKinds.js';
import { photosStage } from './photos.js';
import { normaliseStage } from './punctuation.js';
import { recordsStage } from './records.js';
import { rejoinStage } from './rejoin.js';
import { metaOf, newParseState, type Stage } from './state.js';
import type { ParsedBulletin } from '../types.js';

export const STAGES: readonly (readonly [name: string, stage: Stage])[] = [
  ['decode', decodeStage], // bytes → text (UTF-8 with or without BOM, GB18030), LF line endings
  ['front-matter', frontMatterStage], // optional YAML: date, title, number
  ['issue-date', issueDateStage], // from front matter or the file name
  ['editor-marks', editorMarksStage], // 标题：, 引题：, 副题：, 栏目：, 署名：, 图注：, 正文：, 图：, 替代文本：, `---`: the editor's word wins
  ['blocks', blocksStage], // lines → blocks, with the blank-line gaps and `#` hints kept
  ['normalise', normaliseStage], // invisible characters, full-width punctuation, ASCII digits, spaces
  ['line-kinds', lineKindsStage], // paragraph, short line, ◆ item, byline, caption, QR prompt
  ['rejoin', rejoinStage], // paragraphs cut by page and column breaks
  ['classify', classifyStage], // short lines → headings or captions
  ['finish-text', finishTextStage], // paired quotes, no spaces between Chinese characters
  ['group', groupStage], // articles, sections, briefs, column labels
  ['records', recordsStage], // headline roles and spaces, dates, titles, ids, Markdown bodies
  ['photos', photosStage], // 图： marks → each record's photos, at their place in the text
];

export function parseBulletin(input: Uint8Array | string, file: string): ParsedBulletin {
  const state = newParseState(input, file);
  for (const [, stage] of STAGES) stage(state);
  state.warnings.sort((a, b) => a.line - b.line);
  state.notes.sort((a, b) => a.line - b.line);
  return { meta: metaOf(state), records: state.records, columnLabels: state.columnLabels, warnings: state.warnings, notes: state.notes };
}
