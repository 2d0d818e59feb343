// One parser per date form, then the year settled against the issue, including the turn of the year.
import { describe, expect, it } from 'vitest';
import { findLedeDate, opensWithNewsDate, resolveMention } from '../../src/parse/dates/index.js';
import { fullDateParser } from '../../src/parse/dates/fullDate.js';
import { monthDayParser } from '../../src/parse/dates/monthDay.js';
import { monthPartParser } from '../../src/parse/dates/monthPart.js';
import { relativeParser } from '../../src/parse/dates/relative.js';

describe('each date form has its own parser', () => {
  it.each([
    [fullDateParser, '2023年12月7日，重庆市推进', { year: 2023, month: 12, day: 7 }],
    [fullDateParser, '二〇二三年十二月七日，', { year: 2023, month: 12, day: 7 }],
    [monthDayParser, '11月2日，重庆市总工会召开', { year: null, month: 11, day: 2 }],
    [monthDayParser, '11月6日晚，永川文化艺术中心', { year: null, month: 11, day: 6 }],
    [monthDayParser, '11月27日至28日，市总工会举办', { month: 11, day: 27, endMonth: null, endDay: 28 }],
    [monthDayParser, '11月30日至12月2日，', { month: 11, day: 30, endMonth: 12, endDay: 2 }],
    [monthDayParser, '十一月二十八日，', { month: 11, day: 28 }],
    [monthPartParser, '2023年5月中旬，老家在城口县的曾福', { year: 2023, month: 5, day: null }],
    [relativeParser, '近日，云阳县总工会携手劳模', { text: '近日' }],
    [relativeParser, '日前，在万盛经开区', { text: '日前' }],
    [relativeParser, '连日来，市总工会紧扣', { text: '连日来' }],
  ])('%s reads %s', (parser, text, want) => {
    expect(parser.find(text)).toMatchObject(want);
  });

  it.each([
    [monthDayParser, '2023年以来，全市各级工会'],
    [monthDayParser, '4个月前，重庆市教委'],
    [fullDateParser, '11月2日，重庆市总工会'],
    [monthPartParser, '11月2日，重庆市总工会'],
    [relativeParser, '会议指出，全市工会'],
  ])('%s finds nothing in %s', (parser, text) => {
    expect(parser.find(text)).toBeNull();
  });
});

describe('the lede date', () => {
  it('takes the earliest date in the opening words', () => {
    expect(findLedeDate('4月3日，在清明节即将到来之际，市总工会组织')?.text).toBe('4月3日');
  });
  it('ignores dates deep inside the first sentence', () => {
    expect(findLedeDate('据悉，全市各级工会组织和广大工会干部认真学习领会大会精神，并于会后围绕重点任务在12月3日召开推进会。')).toBeNull();
  });
  it.each([
    ['11月2日，重庆市总工会召开', true],
    ['近日，黔江区举办了', true],
    ['2023年5月中旬，老家在城口县的曾福', false],
    ['组织党组专题学习，开设网络培训班', false],
  ])('%s opens like a news report: %s', (text, want) => {
    expect(opensWithNewsDate(text)).toBe(want);
  });
});

describe('the year comes from the issue', () => {
  const issue = (issueDate: string, issueDayKnown = true) => ({ issueDate, issueDayKnown });
  it.each([
    ['11月2日', '2023-11-01', false, '2023-11-02', 'issue'],
    ['12月28日', '2025-01-10', true, '2024-12-28', 'issue-previous-year'],
    ['12月30日', '2025-01', false, '2024-12-30', 'issue-previous-year'],
    ['1月6日', '2025-01-10', true, '2025-01-06', 'issue'],
    ['11月28日', '2024-12-01', false, '2024-11-28', 'issue'],
    ['2023年12月7日', '2023-12-01', false, '2023-12-07', 'stated'],
  ])('%s in issue %s → %s', (text, issueDate, dayKnown, date, yearOrigin) => {
    const resolved = resolveMention(findLedeDate(`${text}，会议召开。`), issue(issueDate.length === 7 ? `${issueDate}-01` : issueDate, dayKnown));
    expect(resolved).toMatchObject({ date, dateApprox: false, dateOrigin: { year: yearOrigin, month: 'stated', day: 'stated' } });
  });

  it('近日 means the issue date, approximately', () => {
    expect(resolveMention(findLedeDate('近日，市总工会召开会议。'), issue('2023-11-01', false))).toMatchObject({
      date: '2023-11-01',
      dateApprox: true,
      dateText: '近日',
      dateOrigin: { year: 'issue', month: 'issue', day: 'default' },
    });
  });

  it('no date at all means the issue date, approximately', () => {
    expect(resolveMention(null, issue('2024-01-05'))).toMatchObject({ date: '2024-01-05', dateApprox: true, dateText: null });
  });

  it('a range keeps its end, across the year if need be', () => {
    expect(resolveMention(findLedeDate('12月30日至1月2日，'), issue('2025-01-10'))).toMatchObject({ date: '2024-12-30', dateEnd: '2025-01-02' });
  });

  it('a date that is not on the calendar falls back to the issue', () => {
    expect(resolveMention(findLedeDate('2月30日，会议召开。'), issue('2024-03-01'))).toMatchObject({ date: '2024-03-01', dateApprox: true });
  });

  it('is a calendar date whatever the process time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(resolveMention(findLedeDate('11月2日，'), issue('2023-11-01', false)).date).toBe('2023-11-02');
    } finally {
      process.env.TZ = before;
    }
  });
});
