// Clean Chinese text, rule by rule: stray spaces, full-width punctuation in Chinese context, paired quotes.
import { describe, expect, it } from 'vitest';
import { curlQuotes, normaliseInvisibles, widenPunctuation } from '../../src/parse/punctuation.js';
import { dropChineseSpaces, tidySpaces } from '../../src/parse/spaces.js';

const clean = (text: string) => dropChineseSpaces(tidySpaces(widenPunctuation(normaliseInvisibles(text))));

describe('spaces left by line wrapping', () => {
  it.each([
    ['坚持党的全面领 导,履职尽责', '坚持党的全面领导，履职尽责'],
    ['党的二 十大精神', '党的二十大精神'],
    ['精神等 440 场次', '精神等440场次'],
    ['筹集慰问款 物 1.63 亿元, 慰问职工', '筹集慰问款物1.63亿元，慰问职工'],
    ['2023年12月7日, 重庆市推进 产业工人', '2023年12月7日，重庆市推进产业工人'],
    ['下载了"渝工娘家人"App。"在这个App 上', '下载了"渝工娘家人"App。"在这个App上'],
    ['全角　空格与\u200B零宽字符', '全角空格与零宽字符'],
    ['Hello  world 你好', 'Hello world你好'],
    // A number broken by a line wrap, in Chinese on both sides; beside Latin text or at a line's edge it stays.
    ['打造“123 51”职工维权服务热线', '打造“12351”职工维权服务热线'],
    ['“12 351”热线', '“12351”热线'],
    ['打造"123 51"职工维权服务热线', '打造"12351"职工维权服务热线'],
    ['发放到车间班组。""12 351"职工维权服务热线', '发放到车间班组。""12351"职工维权服务热线'],
    ['拨打12 3 51 热线', '拨打12351热线'],
    ['共1 200人，', '共1200人，'],
    ['Windows 10 11 版本', 'Windows 10 11版本'],
    ['2023 2024年度', '2023 2024年度'],
  ])('%s → %s', (input, out) => {
    expect(clean(input)).toBe(out);
  });

  it('keeps one candidate space between Chinese halves for headings to decide', () => {
    expect(tidySpaces('川渝“飞手”聚开州  空天比拼斗技艺')).toBe('川渝“飞手”聚开州 空天比拼斗技艺');
  });
});

describe('full-width punctuation in Chinese context', () => {
  it.each([
    ['11月2日,重庆市总工会', '11月2日，重庆市总工会'],
    ['六届二次常委(扩大)会议', '六届二次常委（扩大）会议'],
    ['职工运动会 (线上+线下)、', '职工运动会（线上+线下）、'],
    ['"好消息!我们的技能奖', '"好消息！我们的技能奖'],
    ['发布2023年"最美产 业工人"10名:', '发布2023年"最美产业工人"10名：'],
    ['站点";', '站点"；'],
    ['尊法守法・携手筑梦', '尊法守法·携手筑梦'],
  ])('%s → %s', (input, out) => {
    expect(clean(input)).toBe(out);
  });

  it.each([
    ['1,600 workers', '1,600 workers'],
    ['at 12:30 today', 'at 12:30 today'],
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['Hello, world (test)', 'Hello, world (test)'],
  ])('leaves English, numbers and URLs alone: %s', (input, out) => {
    expect(clean(input)).toBe(out);
  });
});

describe('straight quotes become paired Chinese quotes', () => {
  it.each([
    ['唱响"劳动者之歌",为', '唱响“劳动者之歌”,为', true],
    ["产业工人'求学圆梦行动'学历", '产业工人‘求学圆梦行动’学历', true],
    ['一个"未闭合的引号', '一个“未闭合的引号', false],
    ['English "quotes" stay', 'English "quotes" stay', true],
  ])('%s', (input, out, balanced) => {
    expect(curlQuotes(input)).toEqual({ text: out, balanced });
  });
});
