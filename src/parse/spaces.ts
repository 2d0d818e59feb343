// Stage `normalise (spaces)` (see STAGES in index.ts): spaces. Line wrapping in PDF and Word exports leaves spaces inside Chinese words (`领 导`);
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

/** Straight quotes are curled later; until then, look through one to the character it stands beside. */
const STRAIGHT_QUOTES = new Set(['"', "'"]);

function tidySpaceRun(run: string, offset: number, all: string): string {
  let before = all[offset - 1];
  let after = all[offset + run.length];
  if (before !== undefined && STRAIGHT_QUOTES.has(before) && isCjkish(all[offset - 2])) before = '”';
  if (after !== undefined && STRAIGHT_QUOTES.has(after) && isCjkish(all[offset + run.length + 1])) after = '“';
  if (before === undefined || after === undefined) return '';
  if (LAYOUT_MARKS.has(before)) return ' '; // □ 本报记者 陈元洪
  if (isStrayInNumber(all, offset, run.length)) return ''; // “123 51”职工维权服务热线
  if (CLAUSE_PUNCT.has(before) || CLAUSE_PUNCT.has(after)) return '';
  if (isCjkish(before) && isCjkish(after)) return ' ';
  if (isCjkish(before) || isCjkish(after)) return '';
  if (OPENING_BRACKETS.has(before) || CLOSING_BRACKETS.has(after)) return '';
  return ' ';
}

/**
 * A space between digits is a line wrap's when the number stands in Chinese on both sides: Chinese prose groups no
 * digits with spaces (1.2万, 10000), and a list of numbers is written with 、 or ，. Next to Latin text or at a
 * line's edge it may be a separator, and stays.
 */
export function isStrayInNumber(all: string, offset: number, length: number): boolean {
  if (!isDigit(all[offset - 1]) || !isDigit(all[offset + length])) return false;
  const inChinese = (ch: string | undefined) => isCjkish(ch) || (ch !== undefined && CLAUSE_PUNCT.has(ch));
  return inChinese(pastNumber(all, offset - 1, -1)) && inChinese(pastNumber(all, offset + length, 1));
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/**
 * The first character that is neither a digit nor a space, walking from `from` in `step`'s direction; through a
 * straight quote or two (`。""12`), which are curled later, to the character they stand beside.
 */
function pastNumber(all: string, from: number, step: 1 | -1): string | undefined {
  let i = from;
  while (isDigit(all[i]) || all[i] === ' ') i += step;
  while (STRAIGHT_QUOTES.has(all[i] ?? '')) i += step;
  return all[i];
}

const LAYOUT_MARKS = new Set([...'□■']);
const OPENING_BRACKETS = new Set([...'（《“‘【「『']);
const CLOSING_BRACKETS = new Set([...'）》”’】」』']);

/**
 * Body text keeps no space between Chinese characters, except the one space of a quoted parallel slogan
 * (“情暖劳动者 共筑幸福途”), which is part of the name it quotes. `joinedElsewhere` says whether the bulletin
 * prints the same two halves run together somewhere: then the space was a narrow column's, not the slogan's.
 */
export function dropChineseSpaces(text: string, joinedElsewhere: (seam: string) => boolean = () => false): string {
  if (!text.includes(' ')) return text;
  const kept = quotedSloganSpaces(text);
  if (kept.size === 0) return text.replace(SPACE_RUN_RE, dropChineseSpaceRun);
  return text.replace(SPACE_RUN_RE, (run, offset: number, all: string) => {
    if (kept.has(offset) && !joinedElsewhere(all.slice(offset - 2, offset) + all.slice(offset + 1, offset + 3))) return ' ';
    return isCjkish(all[offset - 1]) || isCjkish(all[offset + run.length]) ? '' : run;
  });
}

function dropChineseSpaceRun(run: string, offset: number, all: string): string {
  return isCjkish(all[offset - 1]) || isCjkish(all[offset + run.length]) ? '' : run;
}

const NO_OFFSETS: ReadonlySet<number> = new Set();

/** Each half of a quoted slogan is a phrase of four to eight characters, and the two are of a length. */
const SLOGAN_HALF_MIN_HAN = 4;
const SLOGAN_HALF_MAX_HAN = 8;
const SLOGAN_HALF_MAX_DIFFERENCE = 1;
const QUOTED_RE = /“([^“”]*)”/gu;
const HAN_RUN_END_RE = /[\p{Script=Han}]+$/u;
const HAN_RUN_START_RE = /^[\p{Script=Han}]+/u;
/** What may stand between a slogan half and the quotation's edge: 中国梦·劳动美——凝心铸魂跟党走 团结奋斗新征程. */
const SLOGAN_EDGE_RE = /(?:^|[·—：、])$/u;

/** Offsets of the one space in a quotation that divides two parallel halves made of Chinese characters only. */
export function quotedSloganSpaces(text: string): ReadonlySet<number> {
  if (!text.includes('“')) return NO_OFFSETS;
  const kept = new Set<number>();
  for (const m of text.matchAll(QUOTED_RE)) {
    const inner = m[1]!;
    const space = inner.indexOf(' ');
    if (space < 0 || inner.indexOf(' ', space + 1) >= 0) continue;
    const before = inner.slice(0, space);
    const after = inner.slice(space + 1);
    const left = HAN_RUN_END_RE.exec(before)?.[0] ?? '';
    const right = HAN_RUN_START_RE.exec(after)?.[0] ?? '';
    const lengthsMatch = Math.abs(left.length - right.length) <= SLOGAN_HALF_MAX_DIFFERENCE;
    const inRange = (n: number) => n >= SLOGAN_HALF_MIN_HAN && n <= SLOGAN_HALF_MAX_HAN;
    const delimited = SLOGAN_EDGE_RE.test(before.slice(0, before.length - left.length)) && (after.length === right.length || /^[·—：、]/u.test(after.slice(right.length)));
    if (lengthsMatch && inRange(left.length) && inRange(right.length) && delimited) kept.add(m.index! + 1 + space);
  }
  return kept;
}
