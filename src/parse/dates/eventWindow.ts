// Dates a lede mentions that are not the day it reports on: an event window or deadline (`从6月1日起`,
// `自3月起`, `截至6月底`, `6月30日前`, `今年7月以来`), and the background of the year (`今年7月`, `去年12月`),
// which dates the story's start, not the news.
import type { DateMention } from './types.js';

/** Words just before a mention that open a window: 从, 自, 截至, 截止, 直至, 至, 到, 始于. */
const WINDOW_BEFORE_RE = /(?:[从自至到]|截[至止]|直至|始于)$/u;
/** Words just after a mention (and its part of the day) that close one: 起, 止, 以来, 前, 后, 开始, 至今. */
const WINDOW_AFTER_RE = /(?:上午|下午|晚上|中午|凌晨|早上|晚|份)?(?:起(?!草|义)|止|以来|之前|以前|前(?![往来进夕])|之后|以后|后(?!勤)|开始|至今)/uy;
/** A month of this or another year: `今年7月`, `去年12月`. */
const BACKGROUND_BEFORE_RE = /(?:今|去|前|明|当|同)年$/u;

/** The characters a window or background word before a mention ends with; anything else is news at once. */
const BEFORE_LAST = new Set([...'从自至到止于年']);
/** The characters a window word after a mention starts with. */
const AFTER_FIRST = new Set([...'上下晚中凌早份起止以之前后开至']);
const LOOK_BEHIND = 3;

export type MentionRole = 'news' | 'window' | 'background';

/**
 * How a lede uses a mention: a window or deadline never dates the report; a month of "this year" (`今年7月`)
 * only when nothing else does; anything else may be the news date.
 */
export function mentionRole(text: string, mention: DateMention): MentionRole {
  const end = mention.index + mention.text.length;
  if (end < text.length && AFTER_FIRST.has(text[end]!)) {
    // A month, or part of one, that the report's work has run since (10月下旬以来，…新建…) dates it roughly.
    if (mention.day === null && mention.month !== null && text.startsWith('以来', end)) return 'background';
    WINDOW_AFTER_RE.lastIndex = end;
    if (WINDOW_AFTER_RE.test(text)) return 'window';
  }
  if (mention.index === 0 || !BEFORE_LAST.has(text[mention.index - 1]!)) return 'news';
  const before = text.slice(Math.max(0, mention.index - LOOK_BEHIND), mention.index);
  if (WINDOW_BEFORE_RE.test(before)) return 'window';
  if (mention.month !== null && mention.day === null && BACKGROUND_BEFORE_RE.test(before)) return 'background';
  return 'news';
}
