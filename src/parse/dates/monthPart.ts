// `5月中旬`, `2023年5月`, `12月初`, `三月`: the month is stated, the day is not, so the date stays approximate.
// A part of the month gives the day it starts on (上旬 1, 中旬 11, 下旬 21), never claiming the 1st for the
// middle or the end of a month; the day is still a default, not a stated one.
import { CHINESE_NUMERAL_CLASS, chineseNumber, DIGIT_CLASS, NUMBER_SOURCE, RANGE_JOINER_SOURCE, YEAR_SOURCE } from './constants.js';
import type { DateParser } from './types.js';

const MONTH_PART_RE = new RegExp(
  `(?<![${DIGIT_CLASS}])(?:(${YEAR_SOURCE})年)?(${NUMBER_SOURCE})月(?:份)?(上旬|中旬|下旬|底|末|初(?![步次期中级赛心见稿审选定具])|中(?=[，、。；：）]))?` +
    // Not the month of a stated day or of a range (month-day.ts reads those).
    `(?![${DIGIT_CLASS}${CHINESE_NUMERAL_CLASS}]+(?:[日号]|${RANGE_JOINER_SOURCE}))`,
  'gu',
);

const PART_FIRST_DAY: Record<string, number> = { 上旬: 1, 初: 1, 中旬: 11, 中: 11, 下旬: 21, 底: 21, 末: 21 };

export const monthPartParser: DateParser = {
  name: 'month-part',
  needsAnyOf: '月',
  find(text, from = 0) {
    MONTH_PART_RE.lastIndex = from;
    const m = MONTH_PART_RE.exec(text);
    if (!m) return null;
    return {
      index: m.index,
      text: m[0],
      year: m[1] ? chineseNumber(m[1]) : null,
      month: chineseNumber(m[2]!),
      day: null,
      defaultDay: m[3] ? PART_FIRST_DAY[m[3]] : undefined,
      newsLede: false,
    };
  },
};
