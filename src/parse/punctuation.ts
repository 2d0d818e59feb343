// Stage 5a: half-width punctuation inside Chinese text becomes full-width; numbers, times and English keep theirs.
import { isHan } from './chars.js';

const ZERO_WIDTH_RE = /[\u200B-\u200D\u2060\uFEFF]/g;
const WIDE_SPACE_RE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g;
const PAREN_PAIR_RE = /\(([^()\n]*)\)/g;
const KATAKANA_MIDDLE_DOT_RE = /[\u30FB\uFF65]/g;
/** Quotes and brackets say nothing about whether a mark sits in Chinese or English text. */
const TRANSPARENT = new Set([' ', '"', "'", '(', ')', '“', '”', '‘', '’', '（', '）']);
const HALF_WIDTH_CLAUSE_RE = /[,;:!?]/g;
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };

/** Removes invisible characters and maps every kind of space to an ASCII space (spaces are decided later). */
export function normaliseInvisibles(text: string): string {
  return text.replace(ZERO_WIDTH_RE, '').replace(WIDE_SPACE_RE, ' ');
}

export function widenPunctuation(text: string): string {
  let out = text.replace(KATAKANA_MIDDLE_DOT_RE, '·');
  out = out.replace(PAREN_PAIR_RE, (whole, inner: string, offset: number, all: string) => {
    const before = all.slice(0, offset).trimEnd().at(-1);
    const after = all.slice(offset + whole.length).trimStart()[0];
    return /\p{Script=Han}/u.test(inner) || isHan(before) || isHan(after) ? `（${inner}）` : whole;
  });
  out = out.replace(HALF_WIDTH_CLAUSE_RE, (mark: string, offset: number, all: string) => {
    const before = neighbour(all, offset, -1);
    const after = neighbour(all, offset, 1);
    return keepsHalfWidth(mark, before, after) ? mark : FULL_WIDTH[mark]!;
  });
  return out;
}

function keepsHalfWidth(mark: string, before: string | undefined, after: string | undefined): boolean {
  const digit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
  if ((mark === ',' || mark === ':') && digit(before) && digit(after)) return true; // 1,600 and 12:30
  // Only text that is ASCII on both sides (English, URLs, code) keeps half-width marks.
  const ascii = (ch: string | undefined) => ch === undefined || /^[\x21-\x7E]$/.test(ch);
  return ascii(before) && ascii(after) && !(before === undefined && after === undefined);
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
