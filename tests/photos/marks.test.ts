// The photo marks: 图：FILE on a caption line ties the photo to that caption; 图：FILE alone gives a photo with no
// caption; 替代文本： under it gives the text alternative. The file name never reaches the text, and no letter is lost.
import { describe, expect, it } from 'vitest';
import { parseBulletin } from '../../src/parse/index.js';
import { stripEditorMarks } from '../../src/parse/editorMarks.js';
import { characterDifference } from '../../src/quality/invariant.js';

const LEDE = '5月1日，市委宣传部、市总工会联合举行“新时代奋斗者——2022年重庆市最美产业工人发布仪式”，10名最美产业工人获评。';
const MORE = '组织党组专题学习，开设网络培训班、职工课堂和劳模工匠班，全市各级工会一体推进理论学习和调查研究。';
const TITLE = '市总工会召开全市工会财务工作会议';

const parse = (text: string, marksLeftAsText = false) => {
  const parsed = parseBulletin(text, '2022-07-01.txt');
  expect(characterDifference(parsed)).toEqual({ lost: '', invented: '' });
  if (!marksLeftAsText) for (const record of parsed.records) expect(`${record.body}${record.captions.join('')}${record.title}`).not.toMatch(/\.jpe?g|\.png|替代文本/iu);
  return parsed;
};

describe('photo marks', () => {
  it('图：FILE before a caption gives that caption its photo, at its place in the text', () => {
    const { records, warnings } = parse(`${TITLE}\n\n${LEDE}\n\n\n图：会场.jpg 图为会议现场。（记者 张三 摄）\n\n\n${MORE}\n`);
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]!.captions).toEqual(['图为会议现场。（记者张三摄）']);
    expect(records[0]!.photos).toEqual([{ file: '会场.jpg', line: 6, caption: 0, alt: null, after: 1 }]);
    expect(records[0]!.body.split('\n\n')).toEqual([LEDE, MORE]);
  });

  it('a caption written without 图： keeps no photo; a record with no photo has no photos field', () => {
    const { records } = parse(`${TITLE}\n\n${LEDE}\n\n\n图为会议现场。（记者 张三 摄）\n`);
    expect(records[0]!.captions).toEqual(['图为会议现场。（记者张三摄）']);
    expect(records[0]).not.toHaveProperty('photos');
  });

  it('图：FILE alone is a photo without a caption; 替代文本： under it is its alt; neither line is text or a gap', () => {
    const text = `${TITLE}\n\n图：开场 1.PNG\n替代文本：主席台上五位代表举手表决\n\n${LEDE}\n\n${MORE}\n`;
    const { records, warnings } = parse(text);
    expect(warnings).toEqual([]);
    expect(records[0]!.photos).toEqual([{ file: '开场 1.PNG', line: 3, caption: null, alt: '主席台上五位代表举手表决', after: 0 }]);
    expect(records[0]!.captions).toEqual([]);
    expect(records[0]!.body.split('\n\n')).toEqual([LEDE, MORE]);
    // Same records as without the photo lines: the marks change nothing else.
    const plain = parse(`${TITLE}\n\n${LEDE}\n\n${MORE}\n`);
    const without = plain.records[0]!;
    expect({ ...records[0]!, photos: undefined, source: undefined }).toEqual({ ...without, photos: undefined, source: undefined });
    // The blank lines above and below the photo lines are one gap, not two: the lede does not look set apart.
    expect(parseBulletin(text, '2022-07-01.txt').notes).toEqual(plain.notes);
  });

  it('a photo alone between two articles goes to the one before it; photos keep line order', () => {
    const text = `${TITLE}\n\n${LEDE}\n\n图：b.webp\n\n---\n\n标题：第二篇报道的标题在这里\n\n图：c.jpeg 图为第二篇的照片。\n\n${MORE}\n`;
    const { records } = parse(text);
    expect(records.map((r) => r.photos?.map((p) => [p.file, p.caption, p.after]))).toEqual([[['b.webp', null, 1]], [['c.jpeg', 0, 0]]]);
  });

  it('a credit line 图：记者 张三 names no file and stays text; an unsupported format is still read as a photo mark', () => {
    const { records } = parse(`${TITLE}\n\n${LEDE}\n\n图：记者 张三\n\n图：现场.gif 图为现场。\n`);
    expect(records[0]!.byline).toBe('图：记者 张三');
    expect(records[0]!.photos?.map((p) => p.file)).toEqual(['现场.gif']);
  });

  it('替代文本： with no 图： above it is kept as text with a warning; an empty one is a warning', () => {
    const { records, warnings } = parse(`${TITLE}\n\n${LEDE}\n\n替代文本：无图可配\n\n图：a.jpg\n替代文本：\n`, true);
    expect(JSON.stringify(records)).toContain('替代文本：无图可配');
    expect(warnings.filter((w) => w.code === 'editor-mark').map((w) => w.line)).toEqual([5, 8]);
    expect(records[0]!.photos).toEqual([expect.objectContaining({ file: 'a.jpg', alt: null })]);
  });

  it('stripEditorMarks (the invariant’s view of the source) drops the file names and alt lines', () => {
    expect(stripEditorMarks('图：会场.jpg 图为现场。\n图：a.png\n替代文本：说明\n图：记者 张三')).toBe('图为现场。\n\n\n图：记者 张三');
  });
});
