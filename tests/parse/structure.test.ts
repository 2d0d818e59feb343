// How structure becomes records, on small bulletins written in the house style: where articles start, what is
// a section, a caption, a column label, a byline or a brief. These are the rules all four seeds share.
import { describe, expect, it } from 'vitest';
import { parseBulletin } from '../../src/parse/index.js';
import { characterDifference } from '../../src/quality/invariant.js';

const P1 = '近日，市总工会在全市范围内启动开展劳模工匠进企业宣讲活动，组织劳模工匠结合先进事迹深入基层一线开展宣讲。';
const P2 = '据悉，宣讲队伍包含重庆市工会“百名劳模服务团”宣讲队，以及各区县总工会建立的宣讲队。';
const FEATURE = '组织党组专题学习，开设网络培训班、职工课堂和劳模工匠班，全市各级工会一体推进理论学习和调查研究。';
const parse = (text: string) => {
  const parsed = parseBulletin(text, '2024-01-05.txt');
  expect(characterDifference(parsed)).toEqual({ lost: '', invented: '' });
  return parsed;
};
const shape = (text: string) =>
  parse(text).records.map((r) => ({ kind: r.kind, column: r.column, kicker: r.kicker, title: r.title, subtitle: r.subtitle, sections: r.body.split('\n\n').filter((p) => p.startsWith('#')), captions: r.captions }));

describe('where an article starts', () => {
  it('a headline over a dated lede after a news report starts the next report', () => {
    const records = shape(`市总工会启动劳模工匠宣讲活动\n\n${P1}\n\n${P2}\n\n云阳县总工会携手劳模走进医院\n\n12月3日，云阳县总工会携手劳模走进该县妇女儿童医院开展宣讲。\n`);
    expect(records.map((r) => r.title)).toEqual(['市总工会启动劳模工匠宣讲活动', '云阳县总工会携手劳模走进医院']);
  });

  it('a headline over an undated paragraph inside a feature is a section, not an article', () => {
    const records = shape(`笃行逐梦新时代\n\n重庆市总工会：在建设新重庆中贡献工会力量\n\n${FEATURE}\n\n凝心铸魂\n\n加强职工思想政治引领\n\n${P2}\n\n惠民有感\n\n${FEATURE}\n`);
    expect(records).toHaveLength(1);
    expect(records[0]!.sections).toEqual(['## 凝心铸魂', '### 加强职工思想政治引领', '## 惠民有感']);
  });

  it('a slogan over a dated paragraph inside a feature is still a section', () => {
    const records = shape(`重庆市总工会：在建设新重庆中贡献工会力量\n\n${FEATURE}\n\n激发职工建功立业热情\n\n服务大局\n\n2023年12月7日，重庆市推进产业工人队伍建设改革现场会在涪陵召开。\n`);
    expect(records).toHaveLength(1);
  });

  it('a full kicker, title and subtitle after a feature starts a new article', () => {
    const records = shape(`重庆市总工会：在建设新重庆中贡献工会力量\n\n${FEATURE}\n\n团结奋斗开新局 喜迎工会十八大\n\n劳模工匠忙“三进” 传递党的好声音\n\n市总工会组织劳模工匠宣讲党的二十大精神\n\n${FEATURE}\n`);
    expect(records.map((r) => r.title)).toEqual(['重庆市总工会：在建设新重庆中贡献工会力量', '劳模工匠忙“三进” 传递党的好声音']);
  });

  it('text before any headline is kept as an untitled article and reported', () => {
    const parsed = parse(`${FEATURE}\n\n${P2}\n`);
    expect(parsed.records[0]).toMatchObject({ titleDerived: true, title: '组织党组专题学习' });
    expect(parsed.warnings.map((w) => [w.code, w.line])).toEqual([['text-before-headline', 1]]);
  });

  it('a headline set among captions titles the untitled feature it floats in', () => {
    const records = shape(`${FEATURE}\n\n\n\n第二届职工运动会开幕式\n\n笃行逐梦新时代 奋楫扬帆启新程\n\n重庆市总工会：在建设新重庆中贡献工会力量\n\n\n\n职工文艺展演现场\n\n凝心铸魂\n\n${FEATURE}\n`);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kicker: '笃行逐梦新时代 奋楫扬帆启新程', title: '重庆市总工会：在建设新重庆中贡献工会力量', captions: ['第二届职工运动会开幕式', '职工文艺展演现场'] });
  });
});

describe('headline parts', () => {
  it('Markdown marks are hints only: a #### kicker above a ## title stays the kicker', () => {
    const [record] = shape(`### 渝工强基\n\n#### 数字赋能“她力量”\n\n## 市总工会举办女职工数字技能提升专题培训班\n\n${P1}\n`);
    expect(record).toMatchObject({ column: '渝工强基', kicker: '数字赋能“她力量”', title: '市总工会举办女职工数字技能提升专题培训班' });
  });

  it('a title may carry a comma, while a short comma line cut by a page break rejoins its paragraph', () => {
    const records = shape(`务虚以求实，谋定而后动\n\n全市工会工作务虚会圆满召开\n\n12月2日，全市工会工作务虚会在市总工会召开。\n\n启动仪式现场，学校代表、企业代\n\n表分别为劳模工匠辅导员、劳模工匠兼职导师颁发了聘书，为活动的深入开展提供了有力的人才保障。\n`);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kicker: '务虚以求实，谋定而后动', title: '全市工会工作务虚会圆满召开' });
  });

  it('a column label over a diary title, then a prompt, then a section heading', () => {
    const [record] = shape(`蹲点日记\n\n我在南江助振兴\n\n\n\n扫码查看蹲点视频\n\n工农牵手长\n\n${FEATURE}\n\n（作者黄紫陌，重庆市总工会基层组织建设部一级科员）\n\n高山菌菇香\n\n${FEATURE}\n`);
    expect(record).toMatchObject({ column: '蹲点日记', title: '我在南江助振兴', captions: ['扫码查看蹲点视频'], sections: ['## 工农牵手长', '## 高山菌菇香'] });
  });

  it('a byline after the text belongs to the article above it', () => {
    const records = parse(`市总工会启动劳模工匠宣讲活动\n\n${P1}\n\n通讯员 刘颖\n\n云阳县总工会携手劳模走进医院\n\n${P1}\n`).records;
    expect(records.map((r) => r.byline)).toEqual(['通讯员 刘颖', null]);
  });
});

describe('captions', () => {
  it('a short line set apart by several blank lines is a caption of the article around it', () => {
    const [record] = shape(`市总工会青年干部开展清明祭扫活动\n\n\n\n市总工会青年干部在烈士陵园\n\n${P1}\n\n\n\n活动现场\n\n${P2}\n`);
    expect(record).toMatchObject({ title: '市总工会青年干部开展清明祭扫活动', captions: ['市总工会青年干部在烈士陵园', '活动现场'] });
  });

  it('a set-apart line that introduces a dated lede after body text is the next title', () => {
    const records = shape(`市总工会启动劳模工匠宣讲活动\n\n${P1}\n\n\n\n市机械冶金工会举办主题阅读分享活动\n\n3月30日，市机械冶金工会开展了主题阅读分享活动。\n`);
    expect(records.map((r) => r.title)).toEqual(['市总工会启动劳模工匠宣讲活动', '市机械冶金工会举办主题阅读分享活动']);
  });

  it('a QR prompt never becomes a title', () => {
    const [record] = shape(`渝工之家\n\n2023年重庆职工之家先进集体名单出炉\n\n${P1}\n\n扫码查看详细名单\n`);
    expect(record).toMatchObject({ column: '渝工之家', captions: ['扫码查看详细名单'] });
  });
});

describe('briefs', () => {
  const BRIEFS = `### 一周动态\n\n◆12月3日，重庆市总工会召开全市工会财务工作会议，传达学习了全国工会财务工作会议精神。\n\n◆近日，黔江区总工会举办了基层工会干部综合业务培训班，全区120名工会工作者参加培训。\n\n\n\n图为培训现场\n\n◆1月2日，市总工会召开党组会议。\n`;

  it('each ◆ item is its own dated brief under the label above the list, titled by its first clause', () => {
    const records = parse(`市总工会启动劳模工匠宣讲活动\n\n${P1}\n\n${BRIEFS}`).records.filter((r) => r.kind === 'brief');
    expect(records.map((r) => [r.column, r.title, r.date, r.dateApprox, r.captions])).toEqual([
      ['一周动态', '重庆市总工会召开全市工会财务工作会议', '2023-12-03', false, []],
      ['一周动态', '黔江区总工会举办了基层工会干部综合业务培训班', '2024-01-05', true, ['图为培训现场']],
      ['一周动态', '市总工会召开党组会议', '2024-01-02', false, []],
    ]);
  });
});

describe('column labels', () => {
  it.each([
    ['a brief list', `### 一周动 态\n\n◆12月3日，重庆市总工会召开全市工会财务工作会议，传达学习了全国工会财务工作会议精神。\n`, 'brief', '一周动态'],
    ['an article', `### 渝工 强基\n\n#### 数字赋能“她力量”\n\n## 市总工会举办女职工数字技能提升专题培训班\n\n${P1}\n`, 'article', '渝工强基'],
  ])('keep no stray space between Chinese characters over %s (a label is never a parallel title)', (_what, text, kind, column) => {
    const records = parse(`市总工会召开全市工会工作会议\n\n${P1}\n\n${text}`).records.filter((r) => r.kind === kind);
    expect(records.map((r) => r.column)).toContain(column);
    expect(records.every((r) => !r.column?.includes(' '))).toBe(true);
  });
});

describe('hostile and degenerate input', () => {
  it('a file that is only headlines keeps every headline and warns', () => {
    const parsed = parse('市总工会召开全市工会工作会议\n\n全国总工会文工团慰问演出走进重庆\n\n市总工会组织青年干部开展清明祭扫活动\n\n黔江区为工匠搭台练武\n');
    expect(parsed.records.length).toBeGreaterThanOrEqual(2);
    expect(parsed.warnings.some((w) => w.code === 'headline-without-body')).toBe(true);
  });

  it('HTML and template syntax are kept as text, and Markdown cannot turn them into markup', () => {
    const parsed = parse(`<script>alert(1)</script>标题 {{ 7*7 }}\n\n11月2日，会上<img src=x onerror=alert(1)>展示了[链接](javascript:alert(1))和 {% include "x" %} 与 *强调* & 符号。\n`);
    const [record] = parsed.records;
    expect(record!.title).toBe('<script>alert(1)</script>标题{{ 7*7 }}');
    expect(record!.body).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(record!.body).toContain('\\[链接\\](javascript:alert(1))');
    expect(record!.body).toContain('\\*强调\\*');
  });

  it('5 MB of text parses in well under a few seconds and still loses nothing', () => {
    const unit = `市总工会召开全市工会工作会议\n\n${P1}\n\n${P2}\n\n${FEATURE}\n\n`;
    const text = unit.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(unit)));
    const parsed = parse(text);
    expect(parsed.records.length).toBeGreaterThan(10_000);
  });
});
