// The forms real bulletins use that the parser once missed (issue: the parser reads the next real bulletin
// right). Each case is written here from NEWS-CONVENTIONS.md, not copied from a fixture's lines.
import { describe, expect, it } from 'vitest';
import { isCaptionText, isCreditLine } from '../../src/parse/credits.js';
import { parseBulletin } from '../../src/parse/index.js';
import { firstClause } from '../../src/parse/records.js';
import { characterDifference } from '../../src/quality/invariant.js';

const parse = (text: string, file = '2026-03.txt') => {
  const parsed = parseBulletin(text, file);
  expect(characterDifference(parsed)).toEqual({ lost: '', invented: '' });
  return parsed;
};
const REPORT = (date: string, who: string) => `${date}，${who}在市职工服务中心举行，来自全市各行业的120名选手参加比赛。`;
const FOLLOW = '比赛设理论考试和实际操作两个部分，获奖选手将按规定申报相应职业技能等级。';

describe('headlines that exclaim, ask or quote', () => {
  it.each([
    '技能比武展风采！全市职工职业技能大赛开幕',
    '新就业形态劳动者入会难？这个区给出答案',
    '“工会驿站”再扩容！今年新建一百个站点',
    '职工篮球联赛圆满收官！',
  ])('%s stands as a headline, never glued to the text around it', (headline) => {
    const text = `市总工会召开全市工会财务工作会议\n\n${REPORT('3月2日', '全市工会财务工作会议')}\n\n${headline}\n\n${REPORT('3月9日', '全市职工职业技能大赛')}\n\n${FOLLOW}\n`;
    const records = parse(text).records;
    expect(records.map((r) => r.title)).toEqual(['市总工会召开全市工会财务工作会议', headline]);
    expect(records[1]!.date).toBe('2026-03-09');
  });

  it('a quoted exclamation in the text stays text', () => {
    const records = parse(`市总工会召开全市工会财务工作会议\n\n${REPORT('3月2日', '会议')}\n\n“太好了！”\n\n${FOLLOW}\n`).records;
    expect(records).toHaveLength(1);
  });
});

describe('two headline lines', () => {
  const lede = REPORT('3月9日', '全市职工职业技能大赛');
  it.each([
    [['市职工职业技能大赛开幕', '——全市120名选手同台竞技'], { kicker: null, title: '市职工职业技能大赛开幕', subtitle: '——全市120名选手同台竞技' }],
    [['市职工职业技能大赛开幕', '市领导宣布开幕 市总工会主席致辞'], { kicker: null, title: '市职工职业技能大赛开幕', subtitle: '市领导宣布开幕 市总工会主席致辞' }],
    [['区总工会第五次代表大会召开', '张三当选为区总工会主席'], { kicker: null, title: '区总工会第五次代表大会召开', subtitle: '张三当选为区总工会主席' }],
    [['凝心聚力谋发展 奋楫扬帆启新程', '市职工职业技能大赛开幕'], { kicker: '凝心聚力谋发展 奋楫扬帆启新程', title: '市职工职业技能大赛开幕', subtitle: null }],
    [['贵州铜仁', '举办职工趣味运动会'], { column: null, kicker: '贵州铜仁', title: '举办职工趣味运动会' }],
    [['渝工建功', '市职工职业技能大赛开幕'], { column: '渝工建功', kicker: null, title: '市职工职业技能大赛开幕' }],
  ])('%j', (lines, want) => {
    const [record] = parse(`${lines.join('\n\n')}\n\n${lede}\n`).records;
    expect(record).toMatchObject(want);
  });

  it.each([
    ['## 全市职工职业技能大赛暨第二届', '## 川渝职工技能比武在渝开幕'],
    ['# 楠溪江畔工会小家', '#### 永嘉县首届职工集体婚礼举行'],
  ])('a title wrapped over two lines, or set larger than the line under it: %s / %s', (upper, lower) => {
    const text = `${upper}\n${upper.startsWith('##') && lower.startsWith('##') ? '' : '\n'}${lower}\n\n${lede}\n`;
    const [record] = parse(text).records;
    if (lower.startsWith('## ')) expect(record).toMatchObject({ title: '全市职工职业技能大赛暨第二届川渝职工技能比武在渝开幕', kicker: null });
    else expect(record).toMatchObject({ title: '楠溪江畔工会小家', subtitle: '永嘉县首届职工集体婚礼举行' });
  });
});

describe('datelines before the lede', () => {
  it.each([
    ['本报讯（记者 张三 通讯员 李四）3月9日，', '2026-03-09'],
    ['华龙网讯（首席记者 王五）3月9日上午，', '2026-03-09'],
    ['新华社重庆3月9日电（记者 赵六）', '2026-03-09'],
    ['中工网讯（工人日报-中工网记者 钱七）3月9日，', '2026-03-09'],
    ['本报讯 通讯员 王五 摄影报道 日前，', '2026-03-01'],
  ])('%s dates the report %s, and the undated reports after it are still reports', (dateline, date) => {
    const text = `全市职工职业技能大赛开幕\n\n${dateline}全市职工职业技能大赛在市职工服务中心开幕。\n\n${FOLLOW}\n\n渝工暖心\n\n区总工会开展“送温暖”慰问活动\n\n为让困难职工过好春节，区总工会走访慰问困难职工40户。\n`;
    const records = parse(text).records;
    expect(records.map((r) => [r.title, r.date])).toEqual([
      ['全市职工职业技能大赛开幕', date],
      ['区总工会开展“送温暖”慰问活动', '2026-03-01'],
    ]);
    expect(records[0]!.body.startsWith(dateline.replace(/ /g, ''))).toBe(true);
  });
});

describe('credits', () => {
  it.each(['记者 张三 李四', '通讯员 刘颖', '本报记者 王五', '工人日报-中工网记者 赵六', '某某网记者 钱七 实习记者 孙八', '（作者：周九）', '张三 摄', '（记者 张三）', '□ 本报记者 李四', '刘甲平 周坤'])(
    '%s is a byline',
    (line) => expect(isCreditLine(line)).toBe(true),
  );
  it.each(['渝工建功', '一周动态', '举办职工趣味运动会', '担当新使命 奋进新征程', '会议现场', '活动现场 摄影 张三'])('%s is not a byline', (line) => {
    expect(isCreditLine(line)).toBe(false);
  });

  it('a byline keeps the spaces between its names and belongs to the article under the headline', () => {
    const [record] = parse(`全市职工职业技能大赛开幕\n\n记者 张三 李四 摄\n\n${REPORT('3月9日', '大赛')}\n`).records;
    expect(record).toMatchObject({ byline: '记者 张三 李四 摄', title: '全市职工职业技能大赛开幕' });
  });
});

describe('captions', () => {
  it.each([
    '3月9日，参赛选手在比赛现场。记者 王某 摄',
    '职工参与健步走比赛。某某区总工会供图',
    '图为职工在驿站内休息。',
    '▲ 参赛选手正在操作',
    '图：工会干部走访慰问困难职工',
    '活动现场（张三 摄）',
  ])('%s is a caption by its own words', (line) => expect(isCaptionText(line)).toBe(true));

  it('a caption is never body text or a ◆ brief', () => {
    const text = `一周动态\n\n◆3月9日，区总工会举办职工篮球赛，20支队伍参赛。\n\n\n\n▲ 比赛现场\n\n◆3月10日，区总工会开展普法宣传。\n`;
    const records = parse(text).records;
    expect(records.map((r) => [r.kind, r.captions])).toEqual([
      ['brief', ['▲比赛现场']],
      ['brief', []],
    ]);
  });
});

describe('rejoining across a page break', () => {
  it('a line that ends mid-word continues even when the next block opens with a short word and a comma', () => {
    const text = `区总工会推进集体协商\n\n3月9日，区总工会召开集体协商推进会，督促辖区企业签订集体\n\n合同，覆盖职工1.2万人。\n\n目前，该项工作已纳入全区重点改革项目。\n`;
    const [record] = parse(text).records;
    expect(record!.body.split('\n\n')).toEqual(['3月9日，区总工会召开集体协商推进会，督促辖区企业签订集体合同，覆盖职工1.2万人。', '目前，该项工作已纳入全区重点改革项目。']);
  });
});

describe('clean text that keeps what is meant', () => {
  it('keeps the space of a parallel title and of a quoted slogan, drops a wrapped line\'s', () => {
    const text = `书香浸润职工心 阅读点亮新生活\n\n3月9日，区总工会召开 工会工作推进会，推出“书香浸润职工心 阅读点亮新生活”主题活动。\n\n区总工会召开 工会工作推进会\n\n3月10日，区总工会召开工会工作推进会。\n`;
    const records = parse(text).records;
    expect(records.map((r) => r.title)).toEqual(['书香浸润职工心 阅读点亮新生活', '区总工会召开工会工作推进会']);
    expect(records[0]!.body).toContain('召开工会工作推进会，推出“书香浸润职工心 阅读点亮新生活”');
  });
});

describe('brief titles are whole', () => {
  it.each([
    ['3月9日，由区总工会主办的“中国梦·劳动美——凝心铸魂跟党走 团结奋斗新征程”职工运动会在区体育馆举行，30家单位参加。', '由区总工会主办的“中国梦·劳动美——凝心铸魂跟党走 团结奋斗新征程”职工运动会在区体育馆举行'],
    ['近年来，某县总工会已建成34个爱心驿站，为户外劳动者提供服务。', '某县总工会已建成34个爱心驿站'],
    ['临近春节，连日来，全市各级工会开展送温暖活动。', '全市各级工会开展送温暖活动'],
    ['3月9日上午，市总工会召开“双向奔赴，暖心幸福”交友活动筹备会。', '市总工会召开“双向奔赴，暖心幸福”交友活动筹备会'],
  ])('%s → %s', (text, title) => {
    expect(firstClause(text)).toBe(title);
    expect(title.endsWith('…')).toBe(false);
  });
});

describe('what stands before the lede', () => {
  it('an editor\'s note (编者按) is kept in the body, and the lede after it dates the report', () => {
    const [record] = parse(`区总工会推进集体协商\n\n编者按：集体协商是维护职工权益的重要途径，本期关注一个区的做法。\n\n${REPORT('3月9日', '集体协商推进会')}\n`).records;
    expect(record).toMatchObject({ date: '2026-03-09', dateApprox: false });
    expect(record!.body.startsWith('编者按：')).toBe(true);
  });

  it('a date that does not exist is a warning with its line, and the record falls back to the issue date', () => {
    const parsed = parse(`区总工会推进集体协商\n\n${REPORT('2月30日', '集体协商推进会')}\n`, '2026-03.txt');
    expect(parsed.records[0]).toMatchObject({ date: '2026-03-01', dateApprox: true });
    expect(parsed.warnings).toEqual([expect.objectContaining({ file: '2026-03.txt', line: 3, code: 'impossible-date' })]);
  });
});

describe('a headline after a paragraph cut at a page break', () => {
  it('is not glued to it, even when it has a comma and an exclamation mark', () => {
    const text = `市总工会召开全市工会财务工作会议\n\n${REPORT('3月2日', '会议')}会议还部署了下一阶段\n\n送祝福，听心声！石龙区用“工会温度”温暖环卫工人\n\n${REPORT('3月9日', '送春联活动')}\n`;
    const records = parse(text).records;
    expect(records.map((r) => r.title)).toEqual(['市总工会召开全市工会财务工作会议', '送祝福，听心声！石龙区用“工会温度”温暖环卫工人']);
  });
});

describe('a headline its lede restates', () => {
  it('is not glued to a cut paragraph above it, even with a comma', () => {
    const text = `市总工会召开全市工会财务工作会议\n\n${REPORT('3月2日', '会议')}会议还部署了下一阶段\n\n温暖归乡路，精准助返岗 成都市总工会返乡返岗服务收官\n\n3月13日，成都市总工会返乡返岗服务活动收官，累计服务农民工约12万人次。\n`;
    const records = parse(text).records;
    expect(records.map((r) => r.title)).toEqual(['市总工会召开全市工会财务工作会议', '温暖归乡路，精准助返岗 成都市总工会返乡返岗服务收官']);
  });
});
