// @ts-check
// Excerpts: a result's stored index tokens turned back into readable text, with the query marked.
import { BREAK_TOKEN, isHan, PART_SEPARATOR } from './shared.js';

/** @typedef {import('./query.js').Phrase} Phrase */
/** @typedef {{ text: string, mark: boolean }} Piece */

const EXCERPT_BEFORE = 24;
const EXCERPT_LENGTH = 90;

/**
 * Turns stored index tokens back into readable text pieces, marking every run that matches a phrase.
 * @param {string} content a fragment's content: index tokens separated by spaces
 * @param {readonly Pick<Phrase, 'units'>[]} phrases
 * @param {number} [length] at most this many characters and words
 * @returns {Piece[]}
 */
export function excerptPieces(content, phrases, length = EXCERPT_LENGTH) {
  const stored = content.replace(/\u200B/g, '').split(/\s+/u).filter(Boolean);
  if (stored.at(-1) === '.') stored.pop(); // Pagefind ends unpunctuated text with a full stop.
  // A pair stands for its first character while the run goes on; the last pair of a run stands for both.
  const tokens = stored.flatMap((token, i) => {
    const chars = [...token];
    if (!isHan(chars[0])) return [token];
    const next = stored[i + 1];
    return next !== undefined && isHan(String.fromCodePoint(/** @type {number} */ (next.codePointAt(0)))) ? [/** @type {string} */ (chars[0])] : chars;
  });
  const lower = tokens.map((t) => t.toLowerCase());
  const marked = new Array(tokens.length).fill(false);
  let first = -1;
  for (const phrase of phrases) {
    for (let i = 0; i + phrase.units.length <= tokens.length; i++) {
      const matches = phrase.units.every((t, k) => lower[i + k] === t);
      if (!matches) continue;
      for (let k = 0; k < phrase.units.length; k++) marked[i + k] = true;
      if (first === -1 || i < first) first = i;
    }
  }
  const start = Math.max(0, (first === -1 ? 0 : first) - EXCERPT_BEFORE);
  const end = Math.min(tokens.length, start + length);
  /** @type {Piece[]} */
  const pieces = [];
  /**
   * @param {string} text
   * @param {boolean} mark
   */
  const push = (text, mark) => {
    const last = pieces.at(-1);
    if (last && last.mark === mark) last.text += text;
    else pieces.push({ text, mark });
  };
  if (start > 0) push('…', false);
  for (let i = start; i < end; i++) {
    const token = /** @type {string} */ (tokens[i]);
    if (token === BREAK_TOKEN) {
      if (i > start && i < end - 1) push(PART_SEPARATOR, false);
      continue;
    }
    const spaced = i > start && isSpacedWord(tokens[i - 1]) && isSpacedWord(token);
    if (spaced) push(' ', marked[i] && marked[i - 1]);
    push(token, marked[i]);
  }
  if (end < tokens.length) push('…', false);
  return pieces;
}

/**
 * Latin words and numbers, which need a space between them where Chinese needs none.
 * @param {string | undefined} token
 */
function isSpacedWord(token) {
  return token !== undefined && /^[\p{L}\p{N}]+$/u.test(token) && !isHan(String.fromCodePoint(/** @type {number} */ (token.codePointAt(0))));
}
