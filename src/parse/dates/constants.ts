// Numerals as they appear in bulletin dates: Arabic, full-width (３月９日, when the text was not normalised
// before), or Chinese (十一月二十八日, 二〇二三年). Every date form builds its pattern from these sources.

const DIGITS: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Arabic digits, ASCII or full-width, as a character-class body (`[${DIGIT_CLASS}]`). */
export const DIGIT_CLASS = '0-9０-９';
/** Chinese numerals that can make up a month or a day, as a character-class body. */
export const CHINESE_NUMERAL_CLASS = '一二三四五六七八九十两';
export const NUMBER_SOURCE = `(?:[${DIGIT_CLASS}]{1,2}|[${CHINESE_NUMERAL_CLASS}]{1,3})`;
export const YEAR_SOURCE = `(?:[${DIGIT_CLASS}]{4}|[〇○零一二三四五六七八九]{4})`;
/** What joins the two ends of a range: `至`, `到`, a hyphen, an en or em dash (one or two), a wave dash. */
export const RANGE_JOINER_SOURCE = '(?:——|[至到~～〜\\-－—–])';

const FULL_WIDTH_ZERO = 0xff10;

/** `28`, `２８`, `二十八`, `十一`, `二〇二三`; `廿` is not used in bulletins. NaN when it is not a number. */
export function chineseNumber(text: string): number {
  const code = text.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return Number(text);
  if (code >= FULL_WIDTH_ZERO && code <= FULL_WIDTH_ZERO + 9) {
    let value = 0;
    for (let i = 0; i < text.length; i++) value = value * 10 + (text.charCodeAt(i) - FULL_WIDTH_ZERO);
    return value;
  }
  if (text.length === 4) return Number([...text].map((ch) => DIGITS[ch] ?? 0).join('')); // 二〇二三
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? (DIGITS[text] ?? Number.NaN) : Number.NaN;
  const tens = ten === 0 ? 1 : (DIGITS[text.slice(0, ten)] ?? Number.NaN);
  const units = ten === text.length - 1 ? 0 : (DIGITS[text.slice(ten + 1)] ?? Number.NaN);
  return tens * 10 + units;
}
