// Rejoining paragraphs that page and column breaks cut, and refusing where a real paragraph ended.
import { describe, expect, it } from 'vitest';
import { readLineKinds } from '../../src/parse/lineKinds.js';
import { rejoinBrokenParagraphs } from '../../src/parse/rejoin.js';

const LONG = '努力营造学习劳模、尊重劳模、崇尚劳模的良好氛围，进一步团结引导全市广大职工和青年学生弘扬劳模精神、传承红岩文化';

function blocks(...parts: [string, number][]) {
  let line = 1;
  return readLineKinds(parts.map(([text, gapBefore]) => ({ text, startLine: (line += gapBefore + 1), endLine: line, gapBefore, markdownLevel: 0 })));
}

describe('a break mid-sentence is rejoined', () => {
  it.each([
    ['mid-word', `${LONG}，崇尚劳`, '模、争当劳模的良好氛围。', `${LONG}，崇尚劳模、争当劳模的良好氛围。`],
    ['mid-clause', `${LONG}，深刻把握习近平总书记`, '重要讲话的丰富内涵、精神实质。', `${LONG}，深刻把握习近平总书记重要讲话的丰富内涵、精神实质。`],
    ['into a short line that reads like prose', `${LONG}，本`, '次活动共为110名外卖骑手提供便捷、专业的服务', `${LONG}，本次活动共为110名外卖骑手提供便捷、专业的服务`],
    ['mid-number, in Chinese', `${LONG}，打造“123`, '51”职工维权服务热线。', `${LONG}，打造“12351”职工维权服务热线。`],
    ['between Latin words, which keep their space', `${LONG}，下载 App`, 'Store 上的应用。', `${LONG}，下载 App Store 上的应用。`],
  ])('%s', (_name, first, second, joined) => {
    const { blocks: out } = rejoinBrokenParagraphs(blocks([first, 0], [second, 1]));
    expect(out.map((b) => b.text)).toEqual([joined]);
  });
});

describe('a real paragraph end is kept, and a cut with nothing after it is reported', () => {
  it.each([
    ['the first ends a sentence', `${LONG}。`, '会议强调，全市各级工会要全面准确把握。', 1],
    ['several blank lines set the next line apart', `${LONG}，谱写高质量发展`, '新就业形态劳动者扫码入会', 3],
    ['the next opens with a quote', `${LONG}，贴心的体检服务`, '“外卖配送人员每天穿梭于城市的大街小巷。”', 1],
    ['the next opens with a short adverbial', `${LONG}，4类责任清单`, '目前，该项工作已纳入改革项目。', 1],
    ['the next opens with a back-reference', `${LONG}，应用“一本账”`, '这得益于市总工会认真落实党中央部署要求。', 1],
    ['the next opens with a date', `${LONG}，有效推动解决了`, '12月3日，重庆市总工会召开会议。', 1],
    ['the next is a headline', `${LONG}，有效推动解决了`, '深化工会组织改革建设', 1],
    ['the next is a ◆ brief', `${LONG}，有效推动解决了`, '◆近日，市总工会召开会议。', 1],
  ])('when %s', (_name, first, second, gap) => {
    const { blocks: out, unfinished } = rejoinBrokenParagraphs(blocks([first, 0], [second, gap]));
    expect(out).toHaveLength(2);
    expect(unfinished.map((b) => b.text)).toEqual(first.endsWith('。') ? [] : [first]);
  });
});
