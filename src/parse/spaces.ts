// Stage 5b: spaces. Line wrapping in PDF and Word exports leaves spaces inside Chinese words (`领 导`);
// the only deliberate one is between the two halves of a parallel title, which headline roles decide later.
import { CLAUSE_PUNCT, isCjkish } from './chars.js';

const SPACE_RUN_RE = / +/g;

/**
 * Drops spaces next to clause punctuation and between Chinese and digits or Latin letters; keeps one space
 * between Latin words; keeps one *candidate* space between two Chinese characters (or Chinese quotes).
 */
export function tidySpaces(text: string): string {
  const trimmed = text.trim();
  return trimmed.includes(' ') ? trimmed.replace(SPACE_RUN_RE, tidySpaceRun) : trimmed;
}

function tidySpaceRun(run: string, offset: number, all: string): string {
  const before = all[offset - 1];
  const after = all[offset + run.length];
  if (before === undefined || after === undefined) return '';
  if (CLAUSE_PUNCT.has(before) || CLAUSE_PUNCT.has(after)) return '';
  if (isCjkish(before) && isCjkish(after)) return ' ';
  if (isCjkish(before) || isCjkish(after)) return '';
  if (OPENING_BRACKETS.has(before) || CLOSING_BRACKETS.has(after)) return '';
  return ' ';
}

const OPENING_BRACKETS = new Set([...'（《“‘【「『']);
const CLOSING_BRACKETS = new Set([...'）》”’】」』']);

/** Body text keeps no space between Chinese characters at all. */
export function dropChineseSpaces(text: string): string {
  return text.includes(' ') ? text.replace(SPACE_RUN_RE, dropChineseSpaceRun) : text;
}

function dropChineseSpaceRun(run: string, offset: number, all: string): string {
  return isCjkish(all[offset - 1]) || isCjkish(all[offset + run.length]) ? '' : run;
}
