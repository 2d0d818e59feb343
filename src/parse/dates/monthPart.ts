// `5月中旬`, `2023年5月`, `12月初`: the month is stated, the day is not, so the date stays approximate.
import { chineseNumber, NUMBER_SOURCE, YEAR_SOURCE } from './constants.js';
import type { DateParser } from './types.js';

const MONTH_PART_RE = new RegExp(`(?:(${YEAR_SOURCE})年)?(${NUMBER_SOURCE})月(?:份)?(上旬|中旬|下旬|初|底|末|中)?(?![\\d一二三四五六七八九十]*[日号])`, 'u');

export const monthPartParser: DateParser = {
  name: 'month-part',
  find(text) {
    const m = MONTH_PART_RE.exec(text);
    if (!m) return null;
    return {
      index: m.index,
      text: m[0],
      year: m[1] ? chineseNumber(m[1]) : null,
      month: chineseNumber(m[2]!),
      day: null,
      newsLede: false,
    };
  },
};
