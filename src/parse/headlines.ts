// Headline roles: column label, kicker (引题), title, subtitle (副题) — decided by position, because `#` marks
// in the source are emphasis hints, not a hierarchy (one seed sets its kicker `####` and its title `##`).
import { hanCount, isCjkish, isHan } from './chars.js';
import { isLabelLike } from './captions.js';

export interface SourceLine {
  text: string;
  line: number;
  endLine: number;
}

export interface Headline {
  column: SourceLine | null;
  kicker: SourceLine | null;
  title: SourceLine | null;
  subtitle: SourceLine | null;
  /** Headings beyond kicker/title/subtitle: each stood as a headline of its own. */
  extra: SourceLine[];
}

const SUBTITLE_DASH_RE = /^[—–-]{1,2}/u;
/** A report's title says who did what; a two- or four-character slogan (服务大局) heads a section. */
export const TITLE_MIN_HAN = 6;
const ORDINAL_RE = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d+[.、．]|第[一二三四五六七八九十\d]+[部分章节])/u;

export function assignHeadlineRoles(headings: SourceLine[]): Headline {
  const rest = [...headings];
  const column = rest.length >= 2 && isLabelLike(rest[0]!.text) && !SUBTITLE_DASH_RE.test(rest[1]!.text) ? rest.shift()! : null;
  const extra = rest.length > 3 ? rest.splice(0, rest.length - 3) : [];
  const headline: Headline = { column, kicker: null, title: null, subtitle: null, extra };
  if (rest.length === 1) headline.title = rest[0]!;
  else if (rest.length === 2) {
    if (SUBTITLE_DASH_RE.test(rest[1]!.text)) [headline.title, headline.subtitle] = rest as [SourceLine, SourceLine];
    else [headline.kicker, headline.title] = rest as [SourceLine, SourceLine];
  } else if (rest.length === 3) [headline.kicker, headline.title, headline.subtitle] = rest as [SourceLine, SourceLine, SourceLine];
  return headline;
}

export function isPlausibleTitle(headings: SourceLine[]): boolean {
  const { title } = assignHeadlineRoles(headings);
  return title !== null && hanCount(title.text) >= TITLE_MIN_HAN;
}

export function isOrdinalHeading(text: string): boolean {
  return ORDINAL_RE.test(text);
}

const MIN_HALF_HAN = 4;

/**
 * A heading keeps one space only between the two halves of a parallel title (川渝“飞手”聚开州 空天比拼斗技艺).
 * A space is stray when a half is too short to stand alone, or when the article's own text runs the two sides
 * together (the lede's `召开六届` proves `召开 六届` was a line-wrap artifact).
 */
export function resolveHeadingSpaces(text: string, articleTextCompact: string): string {
  if (!text.includes(' ')) return text;
  const parts = text.split(' ');
  const keep: number[] = [];
  for (let k = 0; k < parts.length - 1; k++) {
    const left = parts[k]!;
    const right = parts[k + 1]!;
    const cjkLeft = isCjkish(left.at(-1));
    const cjkRight = isCjkish(right[0]);
    if (!cjkLeft && !cjkRight) keep.push(k); // English keeps its spaces
    if (cjkLeft !== cjkRight || (!cjkLeft && !cjkRight)) continue; // none between Chinese and Latin or digits
    const shortHalf = hanCount(left) < MIN_HALF_HAN || hanCount(right) < MIN_HALF_HAN;
    const seam = left.slice(-2) + right.slice(0, 2);
    if (!shortHalf && !articleTextCompact.includes(seam)) keep.push(k);
  }
  const chinese = keep.filter((k) => isCjkish(parts[k]!.at(-1)) && isCjkish(parts[k + 1]![0]));
  const middle = text.replace(/ /g, '').length / 2;
  let best = -1;
  let bestDistance = Infinity;
  let position = 0;
  for (let k = 0; k < parts.length - 1; k++) {
    position += parts[k]!.length;
    if (chinese.includes(k) && Math.abs(position - middle) < bestDistance) {
      best = k;
      bestDistance = Math.abs(position - middle);
    }
  }
  let out = parts[0]!;
  for (let k = 0; k < parts.length - 1; k++) {
    const latin = keep.includes(k) && !chinese.includes(k);
    out += (latin || k === best ? ' ' : '') + parts[k + 1]!;
  }
  return out;
}

const LEDE_WINDOW_CHARS = 120;

/**
 * How much of a headline the paragraph under it restates: the share of the headline's pairs of Chinese
 * characters that recur in the paragraph's opening. A main title is restated by its lede; a cut sentence,
 * a slogan kicker or a section heading mostly is not.
 */
export function restatedShare(headline: string, paragraph: string): number {
  const pairs = hanPairs(headline);
  if (pairs.length === 0) return 0;
  const opening = paragraph.slice(0, LEDE_WINDOW_CHARS).replace(/ /g, '');
  let found = 0;
  for (const pair of pairs) if (opening.includes(pair)) found++;
  return found / pairs.length;
}

function hanPairs(text: string): string[] {
  const pairs: string[] = [];
  const chars = [...text.replace(/ /g, '')];
  for (let i = 0; i + 1 < chars.length; i++) if (isHan(chars[i]) && isHan(chars[i + 1])) pairs.push(chars[i]! + chars[i + 1]!);
  return pairs;
}
