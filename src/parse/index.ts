// The bulletin parser: an ordered list of small stages, each a pure function in its own file. It runs without
// Eleventy and returns plain records; problems for the editor travel with the result as warnings.
import { BulletinError } from '../errors.js';
import { splitBlocks } from './blocks.js';
import { classifyBlocks } from './captions.js';
import { decodeBulletin } from './decode.js';
import { finishText } from './finishText.js';
import { splitFrontMatter } from './frontMatter.js';
import { groupIntoArticles } from './group.js';
import { resolveIssueDate } from './issueDate.js';
import { readLineKinds } from './lineKinds.js';
import { normaliseInvisibles, widenPunctuation } from './punctuation.js';
import { toRecords } from './records.js';
import { rejoinBrokenParagraphs } from './rejoin.js';
import { tidySpaces } from './spaces.js';
import type { BulletinMeta, ParsedBulletin, ParseWarning } from '../types.js';

export const STAGES = [
  'decode', // bytes → text (UTF-8 with or without BOM, GB18030)
  'front-matter', // optional YAML: date, title, number
  'issue-date', // from front matter or the file name
  'blocks', // lines → blocks, with the blank-line gaps and `#` hints kept
  'normalise', // invisible characters, full-width punctuation, spaces
  'line-kinds', // paragraph, short line, ◆ item, byline, QR prompt
  'rejoin', // paragraphs cut by page and column breaks
  'classify', // short lines → headings or captions
  'finish-text', // paired quotes, no spaces between Chinese characters
  'group', // articles, sections, briefs, column labels
  'records', // headline spaces, dates, titles, ids, Markdown bodies
] as const;

const LINE_ENDING_RE = /\r\n?/g;

export function parseBulletin(input: Uint8Array | string, file: string): ParsedBulletin {
  const decoded = typeof input === 'string' ? { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' as const } : decodeBulletin(input, file);
  const text = decoded.text.replace(LINE_ENDING_RE, '\n');
  const { frontMatter, body, bodyLineOffset } = splitFrontMatter(text, file);
  const issue = resolveIssueDate(file, frontMatter.date);
  if (body.trim() === '') {
    throw new BulletinError(file, bodyLineOffset + 1, 'the bulletin has front matter but no text after it');
  }
  const meta: BulletinMeta = {
    file,
    issue: issue.issue,
    issueDate: issue.issueDate,
    issueDayKnown: issue.issueDayKnown,
    issueDateFrom: issue.from,
    slug: issue.slug,
    title: frontMatter.title,
    number: frontMatter.number,
    encoding: decoded.encoding,
    text,
  };
  const warnings: ParseWarning[] = [];
  const { blocks, controlLines } = splitBlocks(body, bodyLineOffset);
  for (const line of controlLines) {
    warnings.push({ file, line, code: 'control-characters', message: 'control characters removed from this line' });
  }
  const normalised = blocks.map((block) => ({ ...block, text: tidySpaces(widenPunctuation(normaliseInvisibles(block.text))) }));
  const { blocks: whole, unfinished } = rejoinBrokenParagraphs(readLineKinds(normalised.filter((b) => b.text !== '')));
  for (const block of unfinished) {
    warnings.push({
      file,
      line: block.endLine,
      code: 'paragraph-ends-without-punctuation',
      message: `paragraph ends mid-sentence (「…${block.text.slice(-12)}」); text may be missing at a page or column break`,
    });
  }
  const finished = finishText(classifyBlocks(whole), file, warnings);
  const { drafts, columnLabels } = groupIntoArticles(finished, file, warnings);
  warnings.sort((a, b) => a.line - b.line);
  return { meta, records: toRecords(drafts, meta), columnLabels, warnings };
}
