// `11月2日`, `11月6日晚`, ranges `11月27日至28日` and `11月30日至12月2日`: the year is left to the issue.
import { chineseNumber, NUMBER_SOURCE } from './constants.js';
import type { DateParser } from './types.js';

const MONTH_DAY_RE = new RegExp(
  `(?<!年)(?<!\\d)(${NUMBER_SOURCE})月(${NUMBER_SOURCE})[日号](?:[至到—–~\\-－～](?:(${NUMBER_SOURCE})月)?(${NUMBER_SOURCE})[日号])?`,
  'u',
);

export const monthDayParser: DateParser = {
  name: 'month-day',
  find(text) {
    const m = MONTH_DAY_RE.exec(text);
    if (!m) return null;
    return {
      index: m.index,
      text: m[0],
      year: null,
      month: chineseNumber(m[1]!),
      day: chineseNumber(m[2]!),
      endMonth: m[3] ? chineseNumber(m[3]) : null,
      endDay: m[4] ? chineseNumber(m[4]) : null,
      newsLede: true,
    };
  },
};
