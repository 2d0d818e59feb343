// Headline roles by position, and the one deliberate space of a parallel title.
import { describe, expect, it } from 'vitest';
import { assignHeadlineRoles, isPlausibleTitle, resolveHeadingSpaces } from '../../src/parse/headlines.js';

const lines = (...texts: string[]) => texts.map((text, i) => ({ text, line: i + 1, endLine: i + 1 }));
const roles = (...texts: string[]) => {
  const h = assignHeadlineRoles(lines(...texts));
  return { column: h.column?.text ?? null, kicker: h.kicker?.text ?? null, title: h.title?.text ?? null, subtitle: h.subtitle?.text ?? null };
};

describe('headline roles', () => {
  it.each([
    [['重庆市第六届集体协商竞赛顺利落幕'], { column: null, kicker: null, title: '重庆市第六届集体协商竞赛顺利落幕', subtitle: null }],
    [['共商共赢促发展', '重庆市第六届集体协商竞赛顺利落幕'], { kicker: '共商共赢促发展', title: '重庆市第六届集体协商竞赛顺利落幕' }],
    [['渝工建功', '共商共赢促发展', '重庆市第六届集体协商竞赛顺利落幕'], { column: '渝工建功', kicker: '共商共赢促发展', title: '重庆市第六届集体协商竞赛顺利落幕' }],
    [['团结奋斗开新局 喜迎工会十八大', '劳模工匠忙“三进” 传递党的好声音', '市总工会组织劳模工匠先进典型宣讲'], { kicker: '团结奋斗开新局 喜迎工会十八大', title: '劳模工匠忙“三进” 传递党的好声音', subtitle: '市总工会组织劳模工匠先进典型宣讲' }],
    [['新时代奋斗者', '——2023年重庆市最美产业工人发布仪式'], { kicker: null, title: '新时代奋斗者', subtitle: '——2023年重庆市最美产业工人发布仪式' }],
    [['蹲点日记', '我在南江助振兴'], { column: '蹲点日记', title: '我在南江助振兴' }],
  ])('%j', (texts, want) => {
    expect(roles(...texts)).toMatchObject(want);
  });

  it('keeps headings beyond kicker, title and subtitle as headlines of their own', () => {
    expect(assignHeadlineRoles(lines('市总工会召开第一次会议', '市总工会召开第二次会议', '市总工会召开第三次会议', '市总工会召开第四次会议')).extra.map((l) => l.text)).toEqual(['市总工会召开第一次会议']);
  });

  it.each([
    [['激发职工建功立业热情', '服务大局'], false],
    [['凝心铸魂'], false],
    [['市总工会举办女职工数字技能提升专题培训班'], true],
  ])('%j is a plausible report title: %s', (texts, want) => {
    expect(isPlausibleTitle(lines(...texts))).toBe(want);
  });
});

describe('the space in a heading', () => {
  it.each([
    ['川渝“飞手”聚开州 空天比拼斗技艺', '本次竞赛在开州盛山广场隆重举行。', '川渝“飞手”聚开州 空天比拼斗技艺'],
    ['劳模工匠忙“三进” 传递党的好声音', '近日，市总工会组织宣讲。', '劳模工匠忙“三进” 传递党的好声音'],
    ['重庆市总工会召开 六届二次常委（扩大）会议', '11月2日，重庆市总工会召开六届二次常委（扩大）会议。', '重庆市总工会召开六届二次常委（扩大）会议'],
    ['2023年重庆职工之家（小家） 先进集体名单出炉', '发布2023年度职工之家（小家）先进名单。', '2023年重庆职工之家（小家）先进集体名单出炉'],
    ['领 导干部带头', '', '领导干部带头'],
    ['一二三四 五六七八九十 甲乙丙丁戊己庚', '', '一二三四五六七八九十 甲乙丙丁戊己庚'],
    ['重庆 App 上线', '', '重庆App上线'],
  ])('%s', (heading, articleText, want) => {
    expect(resolveHeadingSpaces(heading, articleText)).toBe(want);
  });
});
