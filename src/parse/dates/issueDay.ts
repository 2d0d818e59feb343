// Dates counted from the issue's own day: `今（15）日` / `今(15)日` (the 15th of the issue month), `昨（14）日`,
// `今日`/`今天` (the issue day), `昨日`/`昨天` (the day before). Without a stated day they are exact only when
// the issue's day is known; resolveMention settles that.
import { chineseNumber, NUMBER_SOURCE } from './constants.js';
import type { DateParser } from './types.js';

const ISSUE_DAY_RE = new RegExp(
  `([今昨])(?:[（(] ?(${NUMBER_SOURCE}) ?[）)][日号]` +
    // Not 如今天气, 至今日, 迄今, 古今; not 今日头条 (a name).
    `|(?<![如至迄当古].)(?:日(?!头条)|天(?![气然下])))`,
  'gu',
);

export const issueDayParser: DateParser = {
  name: 'issue-day',
  needsAnyOf: '今昨',
  find(text, from = 0) {
    ISSUE_DAY_RE.lastIndex = from;
    const m = ISSUE_DAY_RE.exec(text);
    if (!m) return null;
    const stated = m[2] !== undefined;
    return {
      index: m.index,
      text: m[0],
      year: null,
      month: null,
      day: stated ? chineseNumber(m[2]!) : null,
      relativeDays: stated ? undefined : m[1] === '今' ? 0 : -1,
      newsLede: true,
    };
  },
};
