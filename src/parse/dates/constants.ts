// Numerals as they appear in bulletin dates: Arabic, or Chinese (十一月二十八日, 二〇二三年).

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export const NUMBER_SOURCE = '(?:\\d{1,2}|[一二三四五六七八九十两]{1,3})';
export const YEAR_SOURCE = '(?:\\d{4}|[〇零一二三四五六七八九]{4})';

/** `28`, `二十八`, `十一`, `廿` is not used in bulletins. */
export function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 4) return Number([...text].map((ch) => DIGITS[ch] ?? 0).join('')); // 二〇二三
  const ten = text.indexOf('十');
  if (ten < 0) return DIGITS[text] ?? Number.NaN;
  const tens = ten === 0 ? 1 : (DIGITS[text.slice(0, ten)] ?? Number.NaN);
  const units = ten === text.length - 1 ? 0 : (DIGITS[text.slice(ten + 1)] ?? Number.NaN);
  return tens * 10 + units;
}
