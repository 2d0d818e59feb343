// The index side and the browser side must cut text the same way, or a phrase can never match: both use
// templates/assets/search/shared.js, and these pin what that cut is.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/load.js';
import { indexedText } from '../../src/search/indexSite.js';
import { distinctCharacters, indexTokens, searchableParts, tokenize } from '../../src/search/tokens.js';
import type { ArticleRecord } from '../../src/types.js';
import { excerptPieces } from '../../templates/assets/search/excerpts.js';
import { queryPhrases } from '../../templates/assets/search/query.js';
import { PART_SEPARATOR } from '../../templates/assets/search/shared.js';

const records = loadContent('content').bulletins.flatMap((b) => b.records);

function record(fields: Partial<ArticleRecord>): ArticleRecord {
  return {
    id: 'abcd1234', issue: '2024-12', kind: 'article', title: '标题', titleDerived: false, kicker: null, subtitle: null, column: null, byline: null,
    date: '2024-12-02', dateApprox: false, dateText: null, dateEnd: null,
    dateOrigin: { year: 'stated', month: 'stated', day: 'stated' }, body: '正文。', captions: [],
    source: { file: 'x.txt', startLine: 1, endLine: 2 }, order: 0, ...fields,
  };
}

describe('search tokens', () => {
  it.each([
    ['集体协商竞赛', ['集', '体', '协', '商', '竞', '赛']],
    ['拨打12351热线', ['拨', '打', '12351', '热', '线']],
    ['竞赛、 劳模 工匠', ['竞', '赛', '、', '劳', '模', '工', '匠']],
    ['APP 上线 Wi-Fi', ['APP', '上', '线', 'Wi', '-', 'Fi']],
  ])('cuts %s into Chinese characters, whole Latin words and numbers, and lone punctuation', (text, units) => {
    expect(tokenize(text)).toEqual(units);
  });

  it('indexes each Chinese character paired with the next, so every run of characters is a phrase of pairs', () => {
    expect(indexTokens('集体协商、 12351热线')).toEqual(['集体', '体协', '协商', '、', '12351', '热线']);
    expect(indexTokens('赛，工会')).toEqual(['赛', '，', '工会']);
  });

  it('keeps fields and paragraphs apart in the index, so no phrase matches across them', () => {
    const parts = searchableParts(record({ title: '竞赛', body: '## 工会\n\n全市 工会' }));
    expect(indexedText({ parts })).toBe('竞赛 ¶ 工会 ¶ 全市 市工 工会');
  });

  it('indexes the column label last, as a part of its own', () => {
    const parts = searchableParts(record({ title: '竞赛', body: '全市工会', column: '渝工港湾' }));
    expect(parts).toEqual(['竞赛', '全市工会', '渝工港湾']);
    expect(indexedText({ parts })).toBe('竞赛 ¶ 全市 市工 工会 ¶ 渝工 工港 港湾');
    expect(searchableParts(record({ column: null }))).toEqual(['标题', '正文。']);
  });

  it('lists for the character index exactly the Chinese characters the browser would look up, once each', () => {
    for (const r of records) {
      const text = searchableParts(r).join('\n');
      const lookedUp = tokenize(text).filter((unit: string) => queryPhrases(unit)[0]?.character === unit);
      expect(distinctCharacters(text), r.id).toEqual([...new Set<string>(lookedUp)].sort());
    }
  });

  it.each([
    ['新重庆 1235', ['"新重 重庆"', '"1235"']],
    ['竞赛、工会', ['"竞赛"', '"工会"']],
    ['赛', ['character 赛']],
    ['2024年', ['"2024"', 'character 年']],
    ['12351热线', ['"12351 热线"']],
    ['热线12351', ['"热线 12351"']],
    ['布2023', ['character 布', '"2023"']],
    ['12年34', ['"12 年 34"']],
  ])('looks up %s as %j: phrases of pairs in Pagefind, a lone number as a word, a lone character in the character index', (query, asked) => {
    const described = (p: { pagefindQuery?: string; character?: string }) => (p.character ? `character ${p.character}` : p.pagefindQuery);
    expect(queryPhrases(query).map(described)).toEqual(asked);
  });
});

describe('excerpts rebuilt from the stored tokens', () => {
  const storedContent = (r: ArticleRecord) => indexedText({ parts: searchableParts(r) });

  const withoutSpaces = (text: string) => text.normalize('NFC').replace(/[\s\u200B¶]/g, '');

  it('give back every character of every seed record, its parts joined by the separator', () => {
    for (const r of records) {
      const pieces = excerptPieces(storedContent(r), [], 1_000_000);
      const shown = pieces.map((piece) => piece.text).join('').replace(/\s/g, '');
      const parts = searchableParts(r).map(withoutSpaces).filter(Boolean);
      expect(shown, r.id).toBe(parts.join(PART_SEPARATOR));
    }
  });

  it('never put a space between the Chinese of two parts, nor a separator at either end', () => {
    const r = record({ title: '职工技能大赛在四川遂宁举行', body: '近日，大赛开幕。' });
    const text = (phrases: { units: string[] }[], length: number) =>
      excerptPieces(storedContent(r), phrases, length).map((piece) => piece.text).join('');
    expect(text([], 1000)).toBe('职工技能大赛在四川遂宁举行｜近日，大赛开幕。');
    expect(text([], 13)).toBe('职工技能大赛在四川遂宁举行…');
    expect(text(queryPhrases('近日'), 1000)).toBe('职工技能大赛在四川遂宁举行｜近日，大赛开幕。');
  });

  it('mark each occurrence of the query, including one that ends a run', () => {
    const r = record({ title: '集体协商竞赛', body: '开展协商。' });
    const pieces = excerptPieces(storedContent(r), queryPhrases('协商'), 1000);
    expect(pieces.filter((piece) => piece.mark).map((piece) => piece.text)).toEqual(['协商', '协商']);
  });
});

describe('what Pagefind stores of a hostile record', () => {
  const hostile = record({ title: '<img src=x onerror=alert(1)>', body: '<script>alert("x")</script> & 工会', byline: '记者 刘颖' });

  it('is its text as tokens, unescaped, for the search page to set as text', () => {
    const stored = indexedText({ parts: searchableParts(hostile) });
    expect(stored).toContain('记者 者刘 刘颖 ¶');
    const shown = excerptPieces(stored, [], 1000).map((piece) => piece.text).join('');
    expect(shown).toContain('<script>alert("x")</script>');
    expect(shown).toContain('<img src=x onerror=alert(1)>');
  });
});
