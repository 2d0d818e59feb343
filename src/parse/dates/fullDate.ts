// `2023年12月7日`, `二〇二三年十二月七日`: year, month and day all stated.
import { chineseNumber, NUMBER_SOURCE, YEAR_SOURCE } from './constants.js';
import type { DateParser } from './types.js';

const FULL_DATE_RE = new RegExp(`(${YEAR_SOURCE})年(${NUMBER_SOURCE})月(${NUMBER_SOURCE})[日号]`, 'u');

export const fullDateParser: DateParser = {
  name: 'full-date',
  find(text) {
    const m = FULL_DATE_RE.exec(text);
    if (!m) return null;
    return {
      index: m.index,
      text: m[0],
      year: chineseNumber(m[1]!),
      month: chineseNumber(m[2]!),
      day: chineseNumber(m[3]!),
      newsLede: true,
    };
  },
};
