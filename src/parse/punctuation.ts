// Stage `normalise` (see STAGES in index.ts): half-width punctuation inside Chinese text becomes full-width; numbers, times and English keep theirs.
import { HAN_RE, isHan } from './chars.js';
import { tidySpaces } from './spaces.js';
import type { Stage } from './state.js';

// Zero-width characters, and the text-direction controls that would reorder a headline on screen (U+202E…).
const ZERO_WIDTH_RE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const WIDE_SPACE_RE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g;
const INVISIBLE_OR_WIDE_RE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/;
const PAREN_PAIR_RE = /\(([^()\n]*)\)/g;
const KATAKANA_MIDDLE_DOT_RE = /[\u30FB\uFF65]/g;
/** Quotes and brackets say nothing about whether a mark sits in Chinese or English text. */
const TRANSPARENT = new Set([' ', '"', "'", '(', ')', '“', '”', '‘', '’', '（', '）']);
const HALF_WIDTH_CLAUSE_RE = /[,;:!?]/g;
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };

/** Removes invisible characters and maps every kind of space to an ASCII space (spaces are decided later). */
export function normaliseInvisibles(text: string): string {
  if (!INVISIBLE_OR_WIDE_RE.test(text)) return text;
  return text.replace(ZERO_WIDTH_RE, '').replace(WIDE_SPACE_RE, ' ');
}

const MAY_NEED_WIDENING_RE = /[,;:!?()\u30FB\uFF65]/;

export function widenPunctuation(text: string): string {
  if (!MAY_NEED_WIDENING_RE.test(text)) return text; // full-width issues: nothing to do
  return text.replace(KATAKANA_MIDDLE_DOT_RE, '·').replace(PAREN_PAIR_RE, widenParentheses).replace(HALF_WIDTH_CLAUSE_RE, widenClauseMark);
}

function widenParentheses(whole: string, inner: string, offset: number, all: string): string {
  const before = nearestNonSpace(all, offset, -1);
  const after = nearestNonSpace(all, offset + whole.length - 1, 1);
  return HAN_RE.test(inner) || isHan(before) || isHan(after) ? `（${inner}）` : whole;
}

function widenClauseMark(mark: string, offset: number, all: string): string {
  return keepsHalfWidth(mark, neighbour(all, offset, -1), neighbour(all, offset, 1)) ? mark : FULL_WIDTH[mark]!;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isAsciiOrEdge(ch: string | undefined): boolean {
  return ch === undefined || (ch >= '!' && ch <= '~');
}

function keepsHalfWidth(mark: string, before: string | undefined, after: string | undefined): boolean {
  if ((mark === ',' || mark === ':') && isDigit(before) && isDigit(after)) return true; // 1,600 and 12:30
  // Only text that is ASCII on both sides (English, URLs, code) keeps half-width marks.
  return isAsciiOrEdge(before) && isAsciiOrEdge(after) && !(before === undefined && after === undefined);
}

function nearestNonSpace(text: string, index: number, step: 1 | -1): string | undefined {
  for (let i = index + step; i >= 0 && i < text.length; i += step) if (text[i] !== ' ') return text[i];
  return undefined;
}

/** The nearest character from `index` in direction `step` that is not a space, quote or bracket. */
function neighbour(text: string, index: number, step: 1 | -1): string | undefined {
  for (let i = index + step; i >= 0 && i < text.length; i += step) {
    if (!TRANSPARENT.has(text[i]!)) return text[i];
  }
  return undefined;
}

/**
 * Straight quotes alternate open/close within one paragraph. Returns null as `balanced` when the count is odd,
 * so the caller can warn: a lost closing quote usually means lost text.
 */
export function curlQuotes(text: string): { text: string; balanced: boolean } {
  if (!text.includes('"') && !text.includes("'")) return { text, balanced: true };
  const hasHan = /\p{Script=Han}/u.test(text);
  if (!hasHan) return { text, balanced: true };
  let doubleOpen = false;
  let doubles = 0;
  let singleOpen = false;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      doubles++;
      doubleOpen = !doubleOpen;
      out += doubleOpen ? '“' : '”';
    } else if (ch === "'" && (isHan(text[i - 1]) || isHan(text[i + 1]) || singleOpen)) {
      singleOpen = !singleOpen;
      out += singleOpen ? '‘' : '’';
    } else out += ch;
  }
  return { text: out, balanced: doubles % 2 === 0 };
}

/** Full-width digits and Latin letters (２０２４, ＡＰＰ) read as ASCII: dates, numbers and search all expect them. */
const FULL_WIDTH_ALNUM_RE = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;

const HAS_FULL_WIDTH_ALNUM_RE = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/;

export function narrowAlphanumerics(text: string): string {
  if (!HAS_FULL_WIDTH_ALNUM_RE.test(text)) return text;
  return text.replace(FULL_WIDTH_ALNUM_RE, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export const normaliseStage: Stage = (state) => {
  // Most issues have no full-width digits at all: one look at the whole text saves one per block.
  const narrow = HAS_FULL_WIDTH_ALNUM_RE.test(state.body) ? narrowAlphanumerics : (text: string) => text;
  // The blocks belong to this parse alone, so their text is replaced in place rather than copied.
  for (const block of state.blocks) block.text = tidySpaces(widenPunctuation(narrow(normaliseInvisibles(block.text))));
  state.blocks = state.blocks.filter((block) => block.text !== '');
};
