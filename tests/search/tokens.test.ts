// The index side and the browser side must cut text the same way, or a phrase can never match.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/load.js';
import { searchExtrasHtml } from '../../src/search/pageExtras.js';
import { recordTokens, searchableParts, tokenize } from '../../src/search/tokens.js';
import type { ArticleRecord } from '../../src/types.js';
// @ts-expect-error -- plain browser JavaScript, no type declarations
import * as browserSearch from '../../templates/assets/search.js';

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
  ])('cuts %s into one token per Chinese character, whole Latin words and numbers, lone punctuation', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it('cuts every seed record the same way in the browser script as at build time', () => {
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      for (const part of searchableParts(r)) expect(browserSearch.tokenize(part)).toEqual(tokenize(part));
    }
  });

  it('keeps fields and paragraphs apart, so no phrase matches across them', () => {
    const tokens = recordTokens(record({ title: '竞赛', body: '## 工会\n\n全市工会' }));
    expect(tokens.join(' ')).toBe('竞 赛 ¶ 工 会 ¶ 全 市 工 会');
  });

  it('turns a query into exact phrases, with a lone Latin word or number as a prefix', () => {
    expect(browserSearch.queryPhrases('新重庆 1235').map((p: { pagefindQuery: string }) => p.pagefindQuery)).toEqual(['"新 重 庆"', '1235']);
    expect(browserSearch.queryPhrases('竞赛、工会').map((p: { pagefindQuery: string }) => p.pagefindQuery)).toEqual(['"竞 赛"', '"工 会"']);
  });
});

describe('search extras on a record page', () => {
  it('escapes hostile text and holds every searchable character', () => {
    const hostile = record({ title: '<img src=x onerror=alert(1)>', body: '<script>alert("x")</script> & 工会', byline: '记者 刘颖' });
    const html = searchExtrasHtml(hostile);
    expect(html).not.toMatch(/<(img|script)/);
    expect(html).toMatch(/^<div class="search-tokens" hidden data-pagefind-body>[^<>]*<\/div>$/);
    const text = html.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/\s/g, '');
    for (const part of searchableParts(hostile)) expect(text).toContain(part.replace(/\s/g, ''));
  });
});
