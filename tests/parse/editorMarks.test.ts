// The editor's marks: a line prefix or a `---` line settles what the rules read wrong. Marks always win, never
// reach the site, and cost no letter of the bulletin.
import { describe, expect, it } from 'vitest';
import { parseBulletin } from '../../src/parse/index.js';
import { characterDifference } from '../../src/quality/invariant.js';

const LEDE = '5月1日，市委宣传部、市总工会联合举行“新时代奋斗者——2022年重庆市最美产业工人发布仪式”，10名最美产业工人获评。';
const FEATURE = '组织党组专题学习，开设网络培训班、职工课堂和劳模工匠班，全市各级工会一体推进理论学习和调查研究。';
const parse = (text: string) => {
  const parsed = parseBulletin(text, '2022-07.txt');
  expect(characterDifference(parsed)).toEqual({ lost: '', invented: '' });
  for (const record of parsed.records) {
    expect(JSON.stringify(record)).not.toMatch(/(?:引题|标题|副题|栏目|署名|图注|正文)：/u);
  }
  return parsed;
};

describe('editor marks', () => {
  const KICKER_THEN_SLOGAN = `“新时代奋斗者——2022年重庆市最美产业工人发布仪式”举行\n\n他们用劳动创造幸福以实干成就伟业\n\n${LEDE}\n`;

  it('without marks, two headline lines are kicker and title, and the report says it was a guess', () => {
    const parsed = parse(KICKER_THEN_SLOGAN);
    expect(parsed.records[0]).toMatchObject({ kicker: '“新时代奋斗者——2022年重庆市最美产业工人发布仪式”举行', title: '他们用劳动创造幸福以实干成就伟业' });
    expect(parsed.notes).toEqual([expect.objectContaining({ line: 1, code: 'headline-roles', mark: '标题：' })]);
  });

  it('标题： makes its line the title; the line under it becomes the subtitle', () => {
    const [record] = parse(`标题：${KICKER_THEN_SLOGAN}`).records;
    expect(record).toMatchObject({ kicker: null, title: '“新时代奋斗者——2022年重庆市最美产业工人发布仪式”举行', subtitle: '他们用劳动创造幸福以实干成就伟业' });
  });

  it('副题： and 引题： set those roles whatever the order of evidence', () => {
    const [record] = parse(`市总工会召开全市工会财务工作会议\n\n副题：某某出席并讲话\n\n${LEDE}\n`).records;
    expect(record).toMatchObject({ title: '市总工会召开全市工会财务工作会议', subtitle: '某某出席并讲话' });
    const [other] = parse(`引题：凝心聚力谋发展 奋楫扬帆启新程\n\n市总工会召开全市工会财务工作会议\n\n${LEDE}\n`).records;
    expect(other).toMatchObject({ kicker: '凝心聚力谋发展 奋楫扬帆启新程', title: '市总工会召开全市工会财务工作会议' });
  });

  it('栏目： makes a line the column label even when it is too long to look like one', () => {
    const [record] = parse(`栏目：职工之家风采录\n\n市总工会召开全市工会财务工作会议\n\n${LEDE}\n`).records;
    expect(record).toMatchObject({ column: '职工之家风采录', title: '市总工会召开全市工会财务工作会议' });
    expect(parse(`栏目：职工之家风采录\n\n市总工会召开全市工会财务工作会议\n\n${LEDE}\n`).columnLabels).toEqual([{ text: '职工之家风采录', line: 1 }]);
  });

  it('署名： and 图注： make a byline and a caption of lines the rules would call text or headings', () => {
    const [record] = parse(`市总工会召开全市工会财务工作会议\n\n署名：市总工会办公室\n\n${LEDE}\n\n图注：会场一角\n`).records;
    expect(record).toMatchObject({ byline: '市总工会办公室', captions: ['会场一角'] });
  });

  it('正文： keeps a short line as text instead of a section heading', () => {
    const [record] = parse(`市总工会召开全市工会财务工作会议\n\n${LEDE}\n\n正文：会议要求全面从严管好工会经费\n\n${FEATURE}\n`).records;
    expect(record!.body.split('\n\n')).toEqual([LEDE.trim(), '会议要求全面从严管好工会经费', FEATURE]);
  });

  it('a --- line closes the article: the headline after it starts a new one even inside a feature', () => {
    const text = `重庆市总工会：在建设新重庆中贡献工会力量\n\n${FEATURE}\n\n加强职工思想政治引领\n\n${FEATURE}\n`;
    expect(parse(text).records).toHaveLength(1);
    const split = parse(text.replace('\n\n加强', '\n\n---\n\n加强')).records;
    expect(split.map((r) => r.title)).toEqual(['重庆市总工会：在建设新重庆中贡献工会力量', '加强职工思想政治引领']);
  });

  it('a mark inside a run of lines starts its own block, and source lines still point into the file', () => {
    const parsed = parse(`市总工会召开全市工会财务工作会议\n署名：市总工会办公室\n${LEDE}\n`);
    expect(parsed.records[0]).toMatchObject({ byline: '市总工会办公室', source: { startLine: 1, endLine: 3 } });
  });

  it('a mark with nothing after it is reported with its line and otherwise ignored', () => {
    const parsed = parse(`市总工会召开全市工会财务工作会议\n\n标题：\n\n${LEDE}\n`);
    expect(parsed.warnings).toEqual([expect.objectContaining({ line: 3, code: 'editor-mark' })]);
    expect(parsed.records[0]!.title).toBe('市总工会召开全市工会财务工作会议');
  });

  it('front matter fences are not article splits', () => {
    const parsed = parse(`---\ntitle: 第7期\n---\n市总工会召开全市工会财务工作会议\n\n${LEDE}\n`);
    expect(parsed.records).toHaveLength(1);
    expect(parsed.meta.title).toBe('第7期');
  });
});
