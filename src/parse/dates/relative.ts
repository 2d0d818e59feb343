// `近日`, `日前`, `连日来`: the report says "recently", so the date is the issue date, marked approximate.
import type { DateParser } from './types.js';

const RELATIVE_RE = /近日|日前|连日来|近期|近来|前不久|日来/u;

export const relativeParser: DateParser = {
  name: 'relative',
  find(text) {
    const m = RELATIVE_RE.exec(text);
    if (!m) return null;
    return { index: m.index, text: m[0], year: null, month: null, day: null, newsLede: true };
  },
};
