// Input that once slipped through the parser onto the site: ornament lines, front matter of the wrong type,
// control and text-direction characters, and a headline the length of a book.
import { describe, expect, it } from 'vitest';
import { parseBulletin } from '../../src/parse/index.js';
import { errorOf } from '../support/errors.js';
import { characterDifference } from '../../src/quality/invariant.js';

const LEDE = '12月3日，重庆市总工会召开全市工会财务工作会议。';

describe('ornament lines', () => {
  it.each(['★★★', '……', '# # #', '※ ※ ※', '———'])('「%s」 above and below an article is left out with a warning, never a record', (ornament) => {
    const parsed = parseBulletin(`${ornament}\n\n市总工会召开全市工会财务工作会议\n\n${LEDE}\n\n${ornament}\n`, '2024-12.txt');
    expect(parsed.records.map((r) => r.title)).toEqual(['市总工会召开全市工会财务工作会议']);
    expect(parsed.warnings.map((w) => [w.code, w.line])).toEqual([
      ['ornament-line', 1],
      ['ornament-line', 7],
    ]);
    expect(characterDifference(parsed)).toEqual({ lost: '', invented: '' });
  });

  it('every record has searchable text: a bullet with nothing after it is an ornament too', () => {
    const parsed = parseBulletin(`一周动态\n\n◆${LEDE}\n\n◆\n`, '2024-12.txt');
    expect(parsed.records).toHaveLength(1);
    expect(parsed.warnings.map((w) => w.code)).toEqual(['ornament-line']);
  });
});

describe('front matter of the wrong type names the key and its line', () => {
  it.each([
    ['number: {a: 1}', 2, /`number` must be a single value/],
    ['title: [a, b]', 2, /`title` must be a single value/],
    ['title: "   "', 2, /`title` is blank/],
    ['title: "第\\u0000期"', 2, /control or text-direction/],
    ['title: "第\\u202E期12"', 2, /control or text-direction/],
    [`title: ${'长'.repeat(80_000)}`, 2, /`title` is 80000 characters/],
    ['date: 2024-12-06\nnumber: 第一期', 3, /`number` must be the issue's number/],
  ])('%s', (line, at, message) => {
    const error = errorOf(() => parseBulletin(`---\n${line}\n---\n市总工会召开会议\n\n${LEDE}\n`, '2024-12.txt'));
    expect(error.line).toBe(at);
    expect(error.message).toMatch(message);
  });

  it('a good front matter still reads', () => {
    expect(parseBulletin(`---\ntitle: 第12期\nnumber: 12\n---\n市总工会召开会议\n\n${LEDE}\n`, '2024-12.txt').meta).toMatchObject({ title: '第12期', number: '12' });
  });
});

describe('characters that would change what a reader sees', () => {
  it('text-direction controls inside a headline or text are removed, so nothing is reversed on screen', () => {
    const parsed = parseBulletin(`市总工会\u202E召开\u202C会议\n\n12月3日，重庆市\u2067总工会召开会议。\n`, '2024-12.txt');
    expect(parsed.records[0]).toMatchObject({ title: '市总工会召开会议' });
    expect(parsed.records[0]!.body).toBe('12月3日，重庆市总工会召开会议。');
  });

  it('a line marked as a headline but thousands of characters long is kept as text, with a warning', () => {
    const long = '职工'.repeat(5000);
    const parsed = parseBulletin(`市总工会召开会议\n\n${LEDE}\n\n## ${long}。\n`, '2024-12.txt');
    expect(parsed.records.map((r) => r.title)).toEqual(['市总工会召开会议']);
    expect(parsed.warnings.map((w) => [w.code, w.line])).toEqual([['long-headline', 5]]);
  });

  it('full-width digits in a date are read, and published, as ASCII', () => {
    const [record] = parseBulletin(`市总工会召开会议\n\n２０２４年１２月３日，重庆市总工会召开会议，１２０人参加。\n`, '2024-12.txt').records;
    expect(record).toMatchObject({ date: '2024-12-03', dateApprox: false });
    expect(record!.body).toBe('2024年12月3日，重庆市总工会召开会议，120人参加。');
  });
});
