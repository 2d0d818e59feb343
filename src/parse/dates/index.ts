// Finds the date in a lede, after the dateline if the paragraph opens with one, and settles it against the
// issue date (resolve.ts). One parser per date form; eventWindow.ts says which mentions cannot be the news date.
import { readDateline } from './dateline.js';
import { mentionRole } from './eventWindow.js';
import { fullDateParser } from './fullDate.js';
import { issueDayParser } from './issueDay.js';
import { monthDayParser } from './monthDay.js';
import { monthPartParser } from './monthPart.js';
import { relativeParser } from './relative.js';
import type { DateMention, DateParser } from './types.js';

export { datelineLength, readDateline, type Dateline } from './dateline.js';
export { mentionRole, type MentionRole } from './eventWindow.js';
export {
  issueDateFallback,
  resolveMention,
  resolveMentionChecked,
  type CheckedDate,
  type IssueContext,
  type ResolvedDate,
} from './resolve.js';
export type { DateMention, DateParser } from './types.js';

export const DATE_PARSERS: DateParser[] = [fullDateParser, monthDayParser, monthPartParser, relativeParser, issueDayParser];
/** The forms a dateline can carry inside itself (`新华社重庆3月9日电`, `华龙网12月25日14时15分讯`). */
const DATELINE_DATE_PARSERS: DateParser[] = [fullDateParser, monthDayParser];

/** Ledes state the date in their opening words (`11月2日，`, `近日，在…`), not deep inside the sentence. */
const LEDE_WINDOW = 40;
/** A mention that starts inside the window is read whole, even where it runs past the window's end. */
const MENTION_MAX = 16;
const NEWS_LEDE_MAX_INDEX = 15;
const SENTENCE_END_RE = /[。！？]/gu;

/**
 * The date a lede reports on: the earliest mention in its opening words, counted from after the dateline,
 * that is not an event window or deadline (`从6月1日起`); a month of "this year" (`今年7月`) only when nothing
 * else is there. A date inside the dateline dates the report unless the lede states a month and day itself.
 * `index` is in `lede`; `datelineLength` and `inDateline` say where the lede itself starts.
 */
export function findLedeDate(lede: string): DateMention | null {
  const dateline = readDateline(lede);
  const start = dateline?.length ?? 0;
  const searched = lede.length > start + LEDE_WINDOW + MENTION_MAX ? lede.slice(0, start + LEDE_WINDOW + MENTION_MAX) : lede;
  SENTENCE_END_RE.lastIndex = start;
  const sentenceEnd = SENTENCE_END_RE.exec(searched)?.index ?? searched.length;
  const windowEnd = Math.min(start + LEDE_WINDOW, sentenceEnd);
  const text = sentenceEnd < searched.length ? searched.slice(0, sentenceEnd) : searched;

  let best: DateMention | null = null;
  let background: DateMention | null = null;
  let windowSpans: number[] | null = null;
  for (const parser of DATE_PARSERS) {
    if (parser.needsAnyOf !== undefined && !containsAnyOf(text, parser.needsAnyOf, start)) continue;
    let from = start;
    for (;;) {
      const found = parser.find(text, from);
      if (found === null || found.index >= windowEnd) break;
      const role = mentionRole(lede, found);
      if (role === 'window') {
        (windowSpans ??= []).push(found.index, found.index + found.text.length);
        from = found.index + found.text.length;
        continue;
      }
      if (role === 'background') {
        if (background === null || found.index < background.index) background = found;
      } else if (best === null || found.index < best.index) {
        best = found;
      }
      break;
    }
  }
  if (windowSpans !== null) {
    if (best !== null && insideAny(best.index, windowSpans)) best = null;
    if (background !== null && insideAny(background.index, windowSpans)) background = null;
  }
  let found = best ?? background;
  let inDateline = false;
  if (dateline?.date && !(found !== null && found.month !== null && found.day !== null)) {
    const inside = findAt(lede.slice(0, start), dateline.date.index);
    if (inside !== null) {
      found = inside;
      inDateline = true;
    }
  }
  if (found === null) return null;
  // Every mention is a fresh object from its parser, so it can carry where the lede starts.
  found.datelineLength = start;
  found.inDateline = inDateline;
  return found;
}

/** A paragraph that opens like a news report: a day-precise or "recently" date in the first words of its lede. */
export function opensWithNewsDate(paragraph: string): boolean {
  const found = findLedeDate(paragraph);
  if (found === null || !found.newsLede) return false;
  return found.inDateline === true || found.index - (found.datelineLength ?? 0) <= NEWS_LEDE_MAX_INDEX;
}

function findAt(text: string, index: number): DateMention | null {
  for (const parser of DATELINE_DATE_PARSERS) {
    const found = parser.find(text, index);
    if (found && found.index === index) return found;
  }
  return null;
}

function containsAnyOf(text: string, chars: string, from: number): boolean {
  for (let i = 0; i < chars.length; i++) if (text.indexOf(chars[i]!, from) >= 0) return true;
  return false;
}

function insideAny(index: number, spans: number[]): boolean {
  for (let i = 0; i < spans.length; i += 2) if (index >= spans[i]! && index < spans[i + 1]!) return true;
  return false;
}
