import { describe, expect, it } from 'vitest';
import { BRIEFS_LABEL, COLUMN_LABELS, generateArchive, issueDates, readSeedMaterial } from '../../bench/generate.js';

const archive = [...generateArchive({ bulletins: 200, seed: 7 })];
const texts = archive.map((b) => b.text);
const share = (test: (text: string) => boolean) => texts.filter(test).length / texts.length;

describe('the synthetic archive generator', () => {
  it('gives the same archive for the same seed, and another for another seed', () => {
    const again = [...generateArchive({ bulletins: 200, seed: 7 })].map((b) => b.text);
    const other = [...generateArchive({ bulletins: 200, seed: 8 })].map((b) => b.text);
    expect(again).toEqual(texts);
    expect(other).not.toEqual(texts);
  });

  it('makes bulletin i the same whatever the archive size, apart from its dates', () => {
    const small = [...generateArchive({ bulletins: 10, seed: 7 })];
    // Dates differ in length, so where a paragraph breaks may move; the headlines and labels do not.
    const headlines = (text: string) => text.split('\n').filter((l) => l.length > 0 && l.length <= 40 && !/[。\d]/.test(l));
    expect(headlines(small[3]!.text).length).toBeGreaterThan(5);
    expect(headlines(small[3]!.text)).toEqual(headlines(texts[3]!));
    expect(small[3]!.name).not.toBe(archive[3]!.name);
  });

  it('dates issues over twenty years, weekly at about a thousand bulletins, with unique file names', () => {
    const weekly = issueDates(1040);
    expect(weekly[0]!.slice(0, 4)).toBe('2005');
    expect(weekly.at(-1)!.slice(0, 4)).toBe('2025');
    const gap = (Date.parse(weekly[501]!) - Date.parse(weekly[500]!)) / 86_400_000;
    expect(gap).toBeGreaterThanOrEqual(6);
    expect(gap).toBeLessThanOrEqual(8);
    const dense = issueDates(9000);
    expect(new Set(dense).size).toBe(9000);
    for (const name of [...weekly, ...dense]) expect(name).toMatch(/^\d{4}-\d{2}-\d{2}(-d\d+)?$/);
  });

  it('writes about ten records per bulletin, each well under the 256 KB cap', () => {
    const records = archive.reduce((n, b) => n + b.articles + b.briefs, 0) / archive.length;
    expect(records).toBeGreaterThan(8);
    expect(records).toBeLessThan(13);
    for (const b of archive) expect(Buffer.byteLength(b.text)).toBeLessThan(64 * 1024);
  });

  it('reuses the seed sentences rather than inventing text', () => {
    const material = readSeedMaterial();
    const sample = material.sentences.slice(0, 40).map((s) => s.slice(0, 8).replace(/\d+/g, ''));
    const joined = texts.join('\n').replace(/\s+/g, '').replace(/\uff0c/g, ',');
    const found = sample.filter((start) => joined.includes(start.replace(/\s+/g, '').replace(/\uff0c/g, ',')));
    expect(found.length).toBeGreaterThan(30);
  });

  it.each([
    ['◆ briefs under 一周动态', (t: string) => t.includes(`${BRIEFS_LABEL}\n\n◆`) || t.includes(`### ${BRIEFS_LABEL}\n\n◆`), 0.99],
    ['a column label', (t: string) => COLUMN_LABELS.some((label) => new RegExp(`^(### )?${label}$`, 'm').test(t)), 0.6],
    ['a lede dated without a year', (t: string) => /^\d{1,2}月\d{1,2}日[,\uff0c]/m.test(t), 0.9],
    ['a lede dated 近日 or 日前', (t: string) => /^(◆)?(近日|日前)[,\uff0c]/m.test(t), 0.9],
    ['a caption set apart by several blank lines', (t: string) => /\n\n\n\n[^\n]+\n/.test(t), 0.5],
    ['a QR prompt', (t: string) => t.includes('扫码查看'), 0.3],
    ['Markdown heading hints', (t: string) => /^#{1,4} \S/m.test(t), 0.1],
    ['half-width commas between Chinese characters', (t: string) => /[\u4e00-\u9fff],[\u4e00-\u9fff]/.test(t), 0.3],
    ['full-width commas', (t: string) => t.includes('\uff0c'), 0.3],
    ['stray spaces between Chinese characters', (t: string) => /[\u4e00-\u9fff] [\u4e00-\u9fff]/.test(t), 0.3],
    ['a paragraph broken mid-sentence', (t: string) => /[\u4e00-\u9fff]\n\n[\u4e00-\u9fff]/.test(t), 0.3],
  ])('keeps the house-style artifact: %s', (_name, test, atLeast) => {
    expect(share(test)).toBeGreaterThanOrEqual(atLeast);
  });

  it('never leaves a full-width issue with half-width parentheses or the reverse', () => {
    for (const text of texts) {
      const half = /[\u4e00-\u9fff],[\u4e00-\u9fff]/.test(text);
      if (half) expect(text).not.toContain('\uff0c');
    }
  });
});
