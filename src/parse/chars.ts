// Character classes shared by the text stages; one place decides what counts as "Chinese context".

export const HAN_RE = /\p{Script=Han}/u;
/** Clause punctuation after which a space can only be a layout artifact. */
export const CLAUSE_PUNCT = new Set([...'，。、；：！？…']);
/** Quotes and brackets that belong to Chinese text and can stand at either side of a title's deliberate space. */
export const CJK_BRACKETS = new Set([...'“”‘’《》〈〉（）「」『』【】〔〕·—～']);
/** A paragraph that ends with one of these (before closing quotes/brackets) ends a sentence. */
export const SENTENCE_END = new Set([...'。！？；…!?;']);
export const CLOSERS = new Set([...'”’）》」』】〕)"\'']);
export const BULLET_RE = /^[◆◇■□●○▲△★☆▶►•]/u;
/** Letters and digits of any script: the characters the "nothing lost" invariant counts. */
export const COUNTED_CHAR_RE = /[\p{L}\p{N}]/gu;

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN_RE.test(ch);
}

export function isCjkish(ch: string | undefined): boolean {
  return ch !== undefined && (HAN_RE.test(ch) || CJK_BRACKETS.has(ch));
}

export function isAsciiAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z0-9]$/.test(ch);
}

/**
 * Counts Han characters by code unit: this runs on every block, and a Unicode-property regex per character was
 * the parser's hottest spot. Covers 〇, Extension A, the URO, compatibility ideographs and, through their high
 * surrogates, Extensions B–G.
 */
export function hanCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007 || (c >= 0xd840 && c <= 0xd8bf)) n++;
  }
  return n;
}

/** Ends a sentence, looking through closing quotes and brackets (`……。”`). */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && (CLOSERS.has(text[i]!) || text[i] === ' ')) i--;
  return i >= 0 && SENTENCE_END.has(text[i]!);
}

export function countedChars(text: string): string[] {
  return text.match(COUNTED_CHAR_RE) ?? [];
}
