// `11月2日`, `11月6日晚`, `３月９日`, `三月九日`, `今年3月9日`, and the ranges of range.ts (`11月27日至28日`,
// `5月16至17日`, `11月30日至12月2日`): the year is left to the issue.
import { chineseNumber, DIGIT_CLASS, NUMBER_SOURCE } from './constants.js';
import { DAY_AND_RANGE_SOURCE, rangeEnd } from './range.js';
import type { DateParser } from './types.js';

// Not the tail of a longer number, nor the month of a full date (full-date.ts reads those), but `今年3月9日`
// is this year's date like any other.
const MONTH_DAY_RE = new RegExp(`(?<![${DIGIT_CLASS}])(?<!(?<!今)年)(${NUMBER_SOURCE})月${DAY_AND_RANGE_SOURCE}`, 'gu');

export const monthDayParser: DateParser = {
  name: 'month-day',
  needsAnyOf: '月',
  find(text, from = 0) {
    MONTH_DAY_RE.lastIndex = from;
    const m = MONTH_DAY_RE.exec(text);
    if (!m) return null;
    return {
      index: m.index,
      text: m[0],
      year: null,
      month: chineseNumber(m[1]!),
      day: chineseNumber(m[2]!),
      ...rangeEnd(m, 3),
      newsLede: true,
    };
  },
};
