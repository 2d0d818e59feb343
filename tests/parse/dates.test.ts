// One parser per date form, then the year settled against the issue, including the turn of the year.
import { describe, expect, it } from 'vitest';
import { findLedeDate, opensWithNewsDate, resolveMention, resolveMentionChecked, type DateParser } from '../../src/parse/dates/index.js';
import { chineseNumber } from '../../src/parse/dates/constants.js';
import { datelineLength, readDateline } from '../../src/parse/dates/dateline.js';
import { mentionRole } from '../../src/parse/dates/eventWindow.js';
import { fullDateParser } from '../../src/parse/dates/fullDate.js';
import { issueDayParser } from '../../src/parse/dates/issueDay.js';
import { monthDayParser } from '../../src/parse/dates/monthDay.js';
import { monthPartParser } from '../../src/parse/dates/monthPart.js';
import { relativeParser } from '../../src/parse/dates/relative.js';

/** Each row with its parser's name in place of the parser, so the test's title names it instead of printing an object. */
function named<Rest extends unknown[]>(rows: [DateParser, ...Rest][]): [string, ...Rest][] {
  return rows.map(([parser, ...rest]) => [parser.name, ...rest]);
}
const PARSERS = new Map([fullDateParser, monthDayParser, monthPartParser, relativeParser, issueDayParser].map((parser) => [parser.name, parser]));
const parserNamed = (name: string) => PARSERS.get(name)!;

describe('each date form has its own parser', () => {
  it.each(named<[text: string, want: object]>([
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
    // Ranges: the first day dates the report, the end is kept.
    [monthDayParser, '5月16至17日，', { text: '5月16至17日', month: 5, day: 16, endMonth: null, endDay: 17 }],
    [monthDayParser, '9月8-9日，', { month: 9, day: 8, endDay: 9 }],
    [monthDayParser, '9月8日—9日，', { month: 9, day: 8, endDay: 9 }],
    [monthDayParser, '10月22日～24日，', { month: 10, day: 22, endDay: 24 }],
    [monthDayParser, '10月22日—24日，', { month: 10, day: 22, endDay: 24 }],
    [monthDayParser, '10月22日——24日，', { month: 10, day: 22, endDay: 24 }],
    [monthDayParser, '12月11-12日，', { month: 12, day: 11, endDay: 12 }],
    [fullDateParser, '2023年10月25日至27日，', { year: 2023, month: 10, day: 25, endYear: null, endMonth: null, endDay: 27 }],
    [fullDateParser, '2026年2月2日至3月13日，', { year: 2026, month: 2, day: 2, endMonth: 3, endDay: 13 }],
    [fullDateParser, '2025年12月30日至2026年1月2日', { year: 2025, day: 30, endYear: 2026, endMonth: 1, endDay: 2 }],
    // Part of the day, full-width digits, Chinese numerals, this year's date.
    [monthDayParser, '3月9日上午，', { text: '3月9日', month: 3, day: 9 }],
    [monthDayParser, '3月9日晚，', { text: '3月9日', month: 3, day: 9 }],
    [monthDayParser, '３月９日，', { month: 3, day: 9 }],
    [monthDayParser, '１２月３１日至１月２日', { month: 12, day: 31, endMonth: 1, endDay: 2 }],
    [fullDateParser, '２０２４年３月９日，', { year: 2024, month: 3, day: 9 }],
    [monthDayParser, '三月九日，', { month: 3, day: 9 }],
    [monthDayParser, '十二月三十一日，', { month: 12, day: 31 }],
    [fullDateParser, '二〇二六年三月九日，', { year: 2026, month: 3, day: 9 }],
    [fullDateParser, '二○二六年三月九日，', { year: 2026, month: 3, day: 9 }],
    [monthDayParser, '今年3月9日，', { index: 2, month: 3, day: 9 }],
    // Parts of a month: approximate, starting on the part's first day.
    [monthPartParser, '5月上旬，', { month: 5, day: null, defaultDay: 1 }],
    [monthPartParser, '5月中旬，', { month: 5, day: null, defaultDay: 11 }],
    [monthPartParser, '5月下旬，', { month: 5, day: null, defaultDay: 21 }],
    [monthPartParser, '十二月下旬，', { month: 12, defaultDay: 21 }],
    [monthPartParser, '12月底，', { month: 12, defaultDay: 21 }],
    [monthPartParser, '２０２３年５月，', { year: 2023, month: 5, defaultDay: undefined }],
    [monthPartParser, '二〇二六年三月，', { year: 2026, month: 3 }],
    [monthPartParser, '3月中国工会', { text: '3月', defaultDay: undefined }],
    [monthPartParser, '3月初步建成', { text: '3月', defaultDay: undefined }],
    // Counted from the issue day.
    [issueDayParser, '今（15）日，', { text: '今（15）日', month: null, day: 15 }],
    [issueDayParser, '今(15)日，', { text: '今(15)日', month: null, day: 15 }],
    [issueDayParser, '今（十五）日，', { month: null, day: 15 }],
    [issueDayParser, '昨（14）日，', { month: null, day: 14 }],
    [issueDayParser, '今日，', { text: '今日', day: null, relativeDays: 0 }],
    [issueDayParser, '今天，', { text: '今天', day: null, relativeDays: 0 }],
    [issueDayParser, '昨日，', { text: '昨日', day: null, relativeDays: -1 }],
    [issueDayParser, '昨天上午，', { text: '昨天', day: null, relativeDays: -1 }],
  ]))('%s reads %s', (name, text, want) => {
    expect(parserNamed(name).find(text)).toMatchObject(want);
  });

  it.each(named<[text: string]>([
    [monthDayParser, '2023年以来，全市各级工会'],
    [monthDayParser, '4个月前，重庆市教委'],
    [fullDateParser, '11月2日，重庆市总工会'],
    [monthPartParser, '11月2日，重庆市总工会'],
    [relativeParser, '会议指出，全市工会'],
    [relativeParser, '5月1日前，各区县'],
    [monthDayParser, '5月16至17时，'],
    [monthDayParser, '123月4日'],
    [monthDayParser, '2023年3月9日'],
    [monthDayParser, '去年3月9日'],
    [monthDayParser, '9月8-9时，'],
    [monthPartParser, '5月16至17日，'],
    [monthPartParser, '３月９日，'],
    [issueDayParser, '如今天气转暖'],
    [issueDayParser, '至今日仍在'],
    [issueDayParser, '今日头条报道'],
    [issueDayParser, '今年以来，'],
    [issueDayParser, '今（）日'],
  ]))('%s finds nothing in %s', (name, text) => {
    expect(parserNamed(name).find(text)).toBeNull();
  });

  it.each([
    ['28', 28],
    ['２８', 28],
    ['二十八', 28],
    ['十一', 11],
    ['十', 10],
    ['三十一', 31],
    ['二〇二三', 2023],
    ['２０２４', 2024],
  ])('the numeral %s is %d', (text, want) => {
    expect(chineseNumber(text)).toBe(want);
  });
});

describe('datelines before the lede', () => {
  it.each([
    ['本报讯（记者 张三）9月26日，', '本报讯（记者 张三）', '记者 张三'],
    ['本报讯(记者李丰 通讯员郑婕)9月26日,', '本报讯(记者李丰 通讯员郑婕)', '记者李丰 通讯员郑婕'],
    ['华龙网讯（首席记者 李四）近日，', '华龙网讯（首席记者 李四）', '首席记者 李四'],
    ['华龙网-新重庆客户端讯（记者舒婷）近日，', '华龙网-新重庆客户端讯（记者舒婷）', '记者舒婷'],
    ['华龙网-新重庆客户端3月9日14时讯（记者 王五）', '华龙网-新重庆客户端3月9日14时讯（记者 王五）', '记者 王五'],
    ['华龙网12月25日14时15分讯今年7月起，', '华龙网12月25日14时15分讯', null],
    ['新华社重庆3月9日电（记者 张三）', '新华社重庆3月9日电（记者 张三）', '记者 张三'],
    ['新华社北京电 记者张三3月8日，', '新华社北京电 记者张三', '记者张三'],
    ['中工网讯（工人日报-中工网记者黄仕强）7月6日上午，', '中工网讯（工人日报-中工网记者黄仕强）', '工人日报-中工网记者黄仕强'],
    ['中工网讯5月17日下午，', '中工网讯', null],
    ['中工网讯 5月17日下午，', '中工网讯 ', null],
    ['四川经济网讯（记者何宗蔚）11月27日，', '四川经济网讯（记者何宗蔚）', '记者何宗蔚'],
    ['51网讯（记者李洁）4月25日，', '51网讯（记者李洁）', '记者李洁'],
    ['重庆日报讯（记者夏元）5月1日，', '重庆日报讯（记者夏元）', '记者夏元'],
    ['本报讯通讯员徐丁一摄影报道日前，', '本报讯通讯员徐丁一摄影报道', '通讯员徐丁一摄影报道'],
    ['本报讯 通讯员 王五 摄影报道 日前，', '本报讯 通讯员 王五 摄影报道 ', '通讯员 王五 摄影报道'],
    ['本报讯记者张三李四近日，', '本报讯记者张三李四', '记者张三李四'],
    ['中国报道讯（郭远乐通讯员唐松柏）在新春来临之际，', '中国报道讯（郭远乐通讯员唐松柏）', '郭远乐通讯员唐松柏'],
    ['上游新闻讯 近日，', '上游新闻讯 ', null],
  ])('%s opens with the dateline %s', (text, dateline, credit) => {
    expect(datelineLength(text)).toBe(dateline.length);
    expect(readDateline(text)?.credit).toBe(credit);
  });

  it('knows the date inside a dateline', () => {
    expect(readDateline('新华社重庆3月9日电（记者 张三）')).toMatchObject({ outlet: '新华社', place: '重庆', date: { index: 5, text: '3月9日' } });
  });

  it.each([
    '通讯员们冒雨坚守在一线，',
    '讯飞公司近日发布了',
    '闻讯赶来的职工群众，',
    '供销社电商平台3月9日上线，',
    '报社电话3月9日起更换，',
    '全网电商直播带货，',
    '据新华社电，3月9日，',
    '本报讯息3月9日',
    '本报记者从市总工会获悉，',
    '华龙网报道，近日',
    '3月9日，市总工会召开',
    '近日，市总工会召开',
    '电视台电视节目中心',
    '',
  ])('%s has no dateline', (text) => {
    expect(datelineLength(text)).toBe(0);
  });
});

describe('event windows and background months', () => {
  it.each([
    ['从6月1日起，', '6月1日', 'window'],
    ['自3月起，', '3月', 'window'],
    ['截至6月底，', '6月底', 'window'],
    ['6月30日前，', '6月30日', 'window'],
    ['6月1日起，', '6月1日', 'window'],
    ['今年7月以来，', '7月', 'background'],
    ['10月下旬以来，', '10月下旬', 'background'],
    ['3月1日以来，', '3月1日', 'window'],
    ['2月2日至今，', '2月2日', 'window'],
    ['今年7月，', '7月', 'background'],
    ['去年12月，', '12月', 'background'],
    ['6月1日，', '6月1日', 'news'],
    ['6月1日前往北京，', '6月1日', 'news'],
    ['6月1日上午，', '6月1日', 'news'],
  ])('%s: %s is %s', (text, mention, role) => {
    const index = text.indexOf(mention);
    expect(mentionRole(text, { index, text: mention, year: null, month: 1, day: mention.endsWith('日') ? 1 : null, newsLede: true })).toBe(role);
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
    ['３月９日，市总工会召开', true],
    ['今（15）日，市总工会召开', true],
    ['本报讯（记者 张三）9月26日，贵州省铜仁市举办', true],
    ['中工网讯（工人日报-中工网记者黄仕强）7月6日上午，在渝中区', true],
    ['华龙网-新重庆客户端讯（记者舒婷）近日，“中国梦·劳动美”', true],
    ['新华社重庆3月9日电（记者 张三）记者从市总工会获悉', true],
    ['华龙网12月25日14时15分讯今年7月起，重庆市总工会启动', true],
    ['中国报道讯（郭远乐通讯员唐松柏）在新春来临之际，达州', false],
    ['从6月1日起，全市工会启用新系统', false],
    ['今年7月，市总工会启动', false],
  ])('%s opens like a news report: %s', (text, want) => {
    expect(opensWithNewsDate(text)).toBe(want);
  });
});

describe('the lede date after a dateline', () => {
  it.each([
    ['本报讯（记者 张三）9月26日，贵州省铜仁市', '9月26日', false],
    ['华龙网讯（首席记者 李四）近日，市总工会', '近日', false],
    ['华龙网-新重庆客户端讯（记者舒婷）近日，“中国梦', '近日', false],
    ['中工网讯（工人日报-中工网记者黄仕强）7月6日上午，在', '7月6日', false],
    ['中工网讯5月17日下午，成渝', '5月17日', false],
    ['四川经济网讯（记者何宗蔚）11月27日，“阅读经典好书', '11月27日', false],
    ['51网讯（记者李洁）4月25日，泸州市总工会', '4月25日', false],
    ['重庆日报讯（记者夏元）5月1日，市委宣传部', '5月1日', false],
    ['本报讯通讯员徐丁一摄影报道日前，永嘉县总工会', '日前', false],
    // The date inside the dateline dates the report, unless the lede states a day of its own.
    ['新华社重庆3月9日电（记者 张三）近日，', '3月9日', true],
    ['新华社重庆3月9日电（记者 张三）3月8日，', '3月8日', false],
    ['华龙网12月25日14时15分讯今年7月起，重庆市总工会启动', '12月25日', true],
  ])('%s is dated by %s', (text, want, inDateline) => {
    expect(findLedeDate(text)).toMatchObject({ text: want, inDateline, datelineLength: datelineLength(text) });
  });

  it('a dateline with no date and a lede with none leaves the report undated', () => {
    expect(findLedeDate('中国报道讯（郭远乐通讯员唐松柏）在新春来临之际，达州')).toBeNull();
  });

  it('measures the opening words from after the dateline', () => {
    const credit = '本报讯（工人日报-中工网记者张三 通讯员李四 王五）';
    expect(findLedeDate(`${credit}为庆祝中华全国总工会成立100周年，4月12日，`)?.text).toBe('4月12日');
    expect(opensWithNewsDate(`${credit}为庆祝中华全国总工会成立100周年，4月12日，`)).toBe(false);
  });
});

describe('event windows are not the news date', () => {
  it.each([
    ['近日，市总工会发布通知，从6月1日起试行', '近日'],
    ['从6月1日起，全市工会启用新系统', null],
    ['自2024年1月1日起施行的条例，近日', '近日'],
    ['截至6月底，全市已建成', null],
    ['6月30日前，各区县工会完成', null],
    ['5月1日前，完成', null],
    ['今年7月以来，近日', '近日'],
    ['今年7月，市总工会启动“当好主人翁”竞赛，11月2日举行决赛', '11月2日'],
    ['今年7月，市总工会启动', '7月'],
    ['3月9日前往北京参加', '3月9日'],
  ])('%s is dated by %s', (text, want) => {
    expect(findLedeDate(text)?.text ?? null).toBe(want);
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

  it.each([
    ['5月16至17日', '2025-05-16', '2025-05-17'],
    ['9月8-9日', '2025-09-08', '2025-09-09'],
    ['9月8日—9日', '2025-09-08', '2025-09-09'],
    ['10月22日～24日', '2025-10-22', '2025-10-24'],
    ['11月27日至28日', '2025-11-27', '2025-11-28'],
    ['11月30日至12月2日', '2025-11-30', '2025-12-02'],
    ['10月22日—24日', '2025-10-22', '2025-10-24'],
    ['2023年10月25日至27日', '2023-10-25', '2023-10-27'],
  ])('the range %s runs from %s to %s', (text, date, dateEnd) => {
    expect(resolveMention(findLedeDate(`${text}，会议召开。`), issue('2025-12-01', false))).toMatchObject({ date, dateEnd, dateApprox: false });
  });

  it.each([
    ['5月上旬', '2024-05-01'],
    ['5月中旬', '2024-05-11'],
    ['5月下旬', '2024-05-21'],
    ['2023年5月中旬', '2023-05-11'],
  ])('%s is approximate, from %s', (text, date) => {
    expect(resolveMention(findLedeDate(`${text}，会议召开。`), issue('2024-06-01', false))).toMatchObject({
      date,
      dateApprox: true,
      dateOrigin: { month: 'stated', day: 'default' },
    });
  });

  it.each([
    ['今（15）日', '2024-03-20', true, '2024-03-15', false, 'stated'],
    ['今(15)日', '2024-03', false, '2024-03-15', false, 'stated'],
    ['今日', '2024-03-20', true, '2024-03-20', false, 'issue'],
    ['今天', '2024-03-20', true, '2024-03-20', false, 'issue'],
    ['今日', '2024-03', false, '2024-03-01', true, 'default'],
    ['昨日', '2024-03-20', true, '2024-03-19', false, 'issue'],
    ['昨天', '2024-03-01', true, '2024-02-29', false, 'issue'],
    ['昨日', '2024-03', false, '2024-03-01', true, 'default'],
  ])('%s in issue %s (day known: %s) → %s', (text, issueDate, dayKnown, date, dateApprox, dayOrigin) => {
    const resolved = resolveMention(findLedeDate(`${text}，会议召开。`), issue(issueDate.length === 7 ? `${issueDate}-01` : issueDate, dayKnown));
    expect(resolved).toMatchObject({ date, dateApprox, dateText: text, dateOrigin: { year: 'issue', month: 'issue', day: dayOrigin } });
  });

  it('yesterday of New Year is last year', () => {
    expect(resolveMention(findLedeDate('昨日，'), issue('2025-01-01'))).toMatchObject({ date: '2024-12-31', dateOrigin: { year: 'issue-previous-year' } });
  });

  it.each([
    ['2月30日', 'date "2月30日" does not exist'],
    ['13月45日', 'date "13月45日" does not exist'],
    ['2023年2月29日', 'date "2023年2月29日" does not exist'],
    ['今（31）日', 'date "今（31）日" does not exist in the issue month 2024-04'],
  ])('the impossible date %s falls back to the issue and says so', (text, problem) => {
    expect(resolveMentionChecked(findLedeDate(`${text}，会议召开。`), issue('2024-04-10'))).toEqual({
      date: { date: '2024-04-10', dateApprox: true, dateText: text, dateEnd: null, dateOrigin: { year: 'issue', month: 'issue', day: 'issue' } },
      problem,
    });
  });

  it.each([
    ['11月27日至32日', 'date range "11月27日至32日" ends on a day that does not exist'],
    ['11月30日至2日', 'date range "11月30日至2日" ends before it starts'],
  ])('the impossible range %s keeps its first day and says so', (text, problem) => {
    expect(resolveMentionChecked(findLedeDate(`${text}，`), issue('2024-12-10'))).toMatchObject({ date: { date: text.startsWith('11月27') ? '2024-11-27' : '2024-11-30', dateEnd: null, dateApprox: false }, problem });
  });

  it.each([['11月2日'], ['近日'], ['今（15）日']])('a possible date %s has no problem', (text) => {
    expect(resolveMentionChecked(findLedeDate(`${text}，`), issue('2024-12-10')).problem).toBeNull();
  });

  it('resolveMention adds nothing to the record beyond its date fields', () => {
    expect(Object.keys(resolveMention(findLedeDate('2月30日，'), issue('2024-03-01'))).sort()).toEqual(['date', 'dateApprox', 'dateEnd', 'dateOrigin', 'dateText']);
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
