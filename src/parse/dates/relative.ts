// `近日`, `日前`, `连日来`: the report says "recently", so the date is the issue date, marked approximate.
import { CHINESE_NUMERAL_CLASS, DIGIT_CLASS } from './constants.js';
import type { DateParser } from './types.js';

// `日前` after a day is a deadline (`5月1日前`), not "the other day".
const RELATIVE_RE = new RegExp(`近日|(?<![${DIGIT_CLASS}${CHINESE_NUMERAL_CLASS}号])日前|连日来|近期|近来|前不久|日来`, 'gu');

export const relativeParser: DateParser = {
  name: 'relative',
  needsAnyOf: '近日前',
  find(text, from = 0) {
    RELATIVE_RE.lastIndex = from;
    const m = RELATIVE_RE.exec(text);
    if (!m) return null;
    return { index: m.index, text: m[0], year: null, month: null, day: null, newsLede: true };
  },
};
