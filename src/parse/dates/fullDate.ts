// `2023年12月7日`, `二〇二三年十二月七日`, `２０２４年３月９日`, ranges `2023年10月25日至27日`: year, month
// and day all stated.
import { chineseNumber, DIGIT_CLASS, NUMBER_SOURCE, YEAR_SOURCE } from './constants.js';
import { DAY_AND_RANGE_SOURCE, rangeEnd } from './range.js';
import type { DateParser } from './types.js';

const FULL_DATE_RE = new RegExp(`(?<![${DIGIT_CLASS}])(${YEAR_SOURCE})年(${NUMBER_SOURCE})月${DAY_AND_RANGE_SOURCE}`, 'gu');

export const fullDateParser: DateParser = {
  name: 'full-date',
  needsAnyOf: '月',
  find(text, from = 0) {
    FULL_DATE_RE.lastIndex = from;
    const m = FULL_DATE_RE.exec(text);
    if (!m) return null;
    return {
      index: m.index,
      text: m[0],
      year: chineseNumber(m[1]!),
      month: chineseNumber(m[2]!),
      day: chineseNumber(m[3]!),
      ...rangeEnd(m, 4),
      newsLede: true,
    };
  },
};
